"""`leermodules team FILES... [--html FILE [--force]]`: the teamschouw from colleagues' results files.

`leermodules team --lrs URL --groep NAAM`: the same teamschouw from the statements in an LRS of
everyone who linked with `lrs koppel --groep NAAM` (`engine.xapi.results_from` turns them into the
results files they would have written; the statements are read page by page).

A file that cannot be used is reported (located) and skipped; the rest of the team is still shown,
with exit code 1. Everything printed that comes from a file goes through `terminal.printable`.
The HTML report is written in one step, never over an existing file without --force and never
through a symbolic link (see `safe_write`).
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from engine.results import Results, ResultsInvalid, read_results
from engine.team import combine
from leermodules import strings as s
from leermodules.cli import UsageError
from leermodules.terminal import printable

PAGE = 500  # statements per page of the LRS query


def run_team(
    files: list[str],
    *,
    html: str | None,
    force: bool = False,
    lrs: str | None = None,
    group: str | None = None,
    user: str | None = None,
) -> int:
    from leermodules.safe_write import check_target, write_file

    if bool(files) == bool(lrs):
        raise UsageError(s.TEAM_SOURCES)
    if lrs and not (group or "").strip():
        raise UsageError(s.TEAM_LRS_NO_GROUP)
    cwd = Path.cwd()
    target = Path(html) if html else None
    if target is not None:
        try:  # before reading anything: an existing report is not replaced without --force
            check_target(target, overwrite=force)
        except OSError as exc:
            print(f"leermodules: {printable(s.cannot_write(target, exc))}", file=sys.stderr)
            return 1
    results, skipped = [], 0
    if lrs:
        from_lrs = _from_lrs(lrs, (group or "").strip(), user)
        if isinstance(from_lrs, int):
            return from_lrs
        results = from_lrs
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


def _from_lrs(url: str, group: str, user: str | None) -> list[Results] | int:
    """Every group member's results, from the LRS; an exit code after saying why there are none."""
    from engine.xapi import group_iri, in_group, results_from
    from leermodules.commands.lrs import check_url, credentials
    from leermodules.commands.results import now_iso, shipped_modules
    from leermodules.lrs.client import LrsClient, LrsError

    endpoint = check_url(url)
    username, password = credentials(user)
    client = LrsClient(endpoint, username, password)
    query = {"activity": group_iri(group), "related_activities": "true", "limit": str(PAGE)}
    try:
        statements = (st for st in client.query(query) if in_group(st, group))  # an LRS may ignore the filter
        results = results_from(statements, shipped_modules(), now_iso())
    except LrsError as exc:
        message = s.LRS_ERRORS[exc.kind].format(detail=exc.detail)
        print(f"leermodules: {printable(s.TEAM_LRS_FAILED.format(error=message))}", file=sys.stderr)
        return 1
    if not results:
        print(f"leermodules: {printable(s.TEAM_LRS_EMPTY.format(group=group))}", file=sys.stderr)
        return 1
    return results
