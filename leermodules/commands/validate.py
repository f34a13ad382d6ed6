"""`leermodules validate`: every problem, located; then a one-line summary."""

from __future__ import annotations

import sys
from pathlib import Path

from engine.loader import check_paths
from leermodules import strings as s
from leermodules.commands.paths import module_roots
from leermodules.terminal import printable


def run_validate(paths: list[str], *, strict: bool = False) -> int:
    results = check_paths(module_roots(paths))
    cwd = Path.cwd()
    errors = warnings = valid = 0
    for result in results:
        for problem in result.problems:
            print(printable(str(problem.relative_to(cwd))), file=sys.stderr)
        file_errors = sum(p.severity == "error" for p in result.problems)
        file_warnings = len(result.problems) - file_errors
        errors += file_errors
        warnings += file_warnings
        if result.ok and not (strict and file_warnings):
            valid += 1
    print(s.validate_summary(len(results), valid, errors + (warnings if strict else 0), 0 if strict else warnings))
    return 0 if valid == len(results) else 1
