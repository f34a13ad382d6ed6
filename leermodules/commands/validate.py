"""`leermodules validate`: every problem, located; then a one-line summary.

Three ways to say it (`--format`):
- text (the default): `file:line:col: what; how` per problem on stderr, the summary on stdout;
- json: one JSON document on stdout, a stable shape for other programs (see `report_json`);
- github: GitHub Actions annotations (`::error file=..,line=..,col=..::message`) on stdout, so
  a workflow that checks modules kept in git marks each problem at its line; then the summary.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from engine.diagnostics import Problem
from engine.loader import LoadResult, check_paths
from leermodules import strings as s
from leermodules.commands.paths import module_roots
from leermodules.terminal import printable


@dataclass(frozen=True)
class Checked:
    """One module file as validate reports it: problems shown relative to the current folder."""

    path: str
    id: str | None
    ok: bool
    problems: list[Problem]


def run_validate(paths: list[str], *, strict: bool = False, fmt: str = "text") -> int:
    cwd = Path.cwd()
    checked = [_checked(result, cwd, strict) for result in check_paths(module_roots(paths))]
    problems = [p for c in checked for p in c.problems]
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    valid = sum(c.ok for c in checked)
    if fmt == "json":
        print(json.dumps(report_json(checked), indent=2))
    else:
        for problem in problems:
            if fmt == "github":
                print(github_annotation(problem))
            else:
                print(printable(str(problem)), file=sys.stderr)
        print(s.validate_summary(len(checked), valid, errors + (warnings if strict else 0), 0 if strict else warnings))
    return 0 if valid == len(checked) else 1


def _checked(result: LoadResult, cwd: Path, strict: bool) -> Checked:
    ok = result.ok and not (strict and any(p.severity == "warning" for p in result.problems))
    module_id = result.module.id if result.module is not None else None
    return Checked(_shown_path(result.path, cwd), module_id, ok, [p.relative_to(cwd) for p in result.problems])


def report_json(checked: list[Checked]) -> dict:
    """The documented shape (docs/auteurshandleiding.md): per module its path, its id (null when it
    could not be read), ok, and its problems; then the numbers of errors and warnings over all.
    Warnings stay warnings here with --strict too; `ok` says what --strict made of them."""
    problems = [p for c in checked for p in c.problems]
    return {
        "modules": [
            {
                "path": c.path,
                "id": c.id,
                "ok": c.ok,
                "problems": [
                    {"line": p.line, "column": p.column, "severity": p.severity, "message": p.message, "hint": p.hint}
                    for p in c.problems
                ],
            }
            for c in checked
        ],
        "errors": sum(p.severity == "error" for p in problems),
        "warnings": sum(p.severity == "warning" for p in problems),
    }


def _shown_path(path: Path, cwd: Path) -> str:
    try:
        return str(path.resolve().relative_to(cwd.resolve()))
    except ValueError:
        return str(path)


def _escape_data(text: str) -> str:
    """GitHub's escaping for a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """GitHub's escaping for a workflow command's property value: also ':' and ','."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """`::error file=F,line=L,col=C::message; hint` (or `::warning ...`), escaped as GitHub asks."""
    text = problem.message + (f"; {problem.hint}" if problem.hint else "")
    return printable(
        f"::{problem.severity} file={_escape_property(problem.file)},line={problem.line},col={problem.column}"
        f"::{_escape_data(text)}"
    )
