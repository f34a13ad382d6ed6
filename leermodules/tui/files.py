"""Finding module files without loading them (kept free of the course model, for a quick start).

Same rule as `engine.loader.find_module_files`: the path itself if it is a file, otherwise every
.yaml/.yml file below it, sorted, skipping hidden folders. A test keeps the two in step.
"""

from __future__ import annotations

from pathlib import Path

MODULE_SUFFIXES = (".yaml", ".yml")


def module_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(
        p
        for p in path.rglob("*")
        if p.suffix in MODULE_SUFFIXES
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
