"""`leermodules team FILES...`: the teamschouw from colleagues' results files."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from engine.results import ResultsInvalid, read_results
from engine.team import combine
from leermodules import strings as s
from leermodules.cli import UsageError


def run_team(files: list[str], *, html: str | None) -> int:
    cwd = Path.cwd()
    results, skipped = [], 0
    for name in files:
        try:
            results.append(read_results(name))
        except ResultsInvalid as exc:
            print(exc.problem.relative_to(cwd), file=sys.stderr)
            skipped += 1
    if skipped:
        print(s.TEAM_SKIPPED.format(count=skipped), file=sys.stderr)
    if not results:
        print(f"leermodules: {s.TEAM_NO_VALID}", file=sys.stderr)
        return 1
    from leermodules.team_report import render_html, render_text

    team = combine(results)
    if html:
        target = Path(html)
        text = render_html(team, datetime.now().strftime("%d-%m-%Y %H:%M"))
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(s.CANNOT_WRITE.format(path=target, reason=exc.strerror or exc)) from None
    sys.stdout.write(render_text(team))
    if html:
        print(s.TEAM_HTML_WRITTEN.format(path=html), file=sys.stderr)
    return 1 if skipped else 0
