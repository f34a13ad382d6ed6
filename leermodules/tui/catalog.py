"""The modules the app offers: loaded once at start, and again when a trainer's file changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from engine.loader import LoadResult, check_module, check_paths
from engine.model import Module


@dataclass
class Catalog:
    modules: list[Module]
    paths: dict[str, Path] = field(default_factory=dict)  # module id -> its file
    skipped: list[LoadResult] = field(default_factory=list)  # files left out because of errors

    @classmethod
    def from_results(cls, results: list[LoadResult]) -> Catalog:
        good = [r for r in results if r.module is not None]
        return cls(
            modules=[r.module for r in good],  # type: ignore[misc]
            paths={r.module.id: r.path for r in good},  # type: ignore[union-attr]
            skipped=[r for r in results if r.module is None],
        )

    @classmethod
    def load(cls, roots: list[Path]) -> Catalog:
        return cls.from_results(check_paths(roots))

    def get(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def stamps(self) -> dict[str, tuple[float, int]]:
        """Modification time and size of every module file, to notice a trainer's edits."""
        out = {}
        for module_id, path in self.paths.items():
            try:
                stat = path.stat()
            except OSError:
                continue
            out[module_id] = (stat.st_mtime, stat.st_size)
        return out

    def reload(self, module_id: str) -> LoadResult:
        """Read one module's file again; on success it replaces the module in the catalog."""
        result = check_module(self.paths[module_id])
        if result.module is not None and result.module.id == module_id:
            self.modules = [result.module if m.id == module_id else m for m in self.modules]
        return result
