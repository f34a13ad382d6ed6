"""`leermodules team FILES... [--html FILE [--force]]`: the teamschouw from colleagues' results files.

A file that cannot be used is reported (located) and skipped; the rest of the team is still shown,
with exit code 1. Everything printed that comes from a file goes through `terminal.printable`.
The HTML report is written in one step, never over an existing file without --force and never
through a symbolic link (see `safe_write`).
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from engine.results import ResultsInvalid, read_results
from engine.team import combine
from leermodules import strings as s
from leermodules.terminal import printable


def run_team(files: list[str], *, html: str | None, force: bool = False) -> int:
    from leermodules.safe_write import check_target, write_file

    cwd = Path.cwd()
    target = Path(html) if html else None
    if target is not None:
        try:  # before reading anything: an existing report is not replaced without --force
            check_target(target, overwrite=force)
        except OSError as exc:
            print(f"leermodules: {printable(s.cannot_write(target, exc))}", file=sys.stderr)
            return 1
    results, skipped = [], 0
    for name in files:
        try:
            results.append(read_results(name))
        except ResultsInvalid as exc:
            print(printable(str(exc.problem.relative_to(cwd))), file=sys.stderr)
            skipped += 1
    if skipped:
        print(s.TEAM_SKIPPED.format(count=skipped), file=sys.stderr)
    if not results:
        print(f"leermodules: {s.TEAM_NO_VALID}", file=sys.stderr)
        return 1
    from leermodules.team_report import render_html, render_text

    team = combine(results)
    if target is not None:
        text = render_html(team, datetime.now().strftime("%d-%m-%Y %H:%M"))
        try:
            write_file(target, text, overwrite=force)
        except OSError as exc:
            print(f"leermodules: {printable(s.cannot_write(target, exc))}", file=sys.stderr)
            return 1
    sys.stdout.write(printable(render_text(team)))
    if target is not None:
        print(printable(s.TEAM_HTML_WRITTEN.format(path=target)), file=sys.stderr)
    return 1 if skipped else 0
