"""`leermodules results export --out FILE [--name NAAM] [--force]`: the professional's own results
as a file they choose to share (for a teamschouw), in the format of docs/resultaten.md.

What goes in is collected by `collect` (the terminal app's export screen uses it too, so the file
it previews is the file this command would write): the name, the themes of the ontwikkelscan,
every recorded scan take, and per course module its status, best score and number of attempts.
No single answer goes in. The file is written by `safe_write.write_file`: in one step, never
through a symbolic link, and an existing file is only replaced when asked.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from engine.results import MAX_NAME
from leermodules import locations
from leermodules import strings as s
from leermodules.cli import UsageError
from leermodules.safe_write import check_target, write_file
from leermodules.terminal import printable

if TYPE_CHECKING:
    from engine.model import Module
    from engine.results import Results
    from engine.store import ProgressStore



def now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")


def collect(store: ProgressStore, modules: Sequence[Module], name: str, exported_at: str | None = None) -> Results:
    """The results file's content from the store, for `modules` (course modules and the scan)."""
    from engine import progress as rules
    from engine.results import ModuleRecord, ScanRecord, build_results

    scan = next((m for m in modules if m.kind == "scan"), None)
    takes = store.scan_takes(scan.id if scan else None)
    scans = [ScanRecord(taken_at=t.taken_at, scan_version=t.scan_version, top=t.top, levels=t.levels) for t in takes]
    records = []
    for module in modules:
        if module.kind != "course":
            continue
        progress = store.load(module)
        records.append(
            ModuleRecord(
                id=module.id,
                title=module.title,
                version=module.version,
                theme=module.theme,
                status=rules.status(progress, module).value,
                best_score=rules.best_score(progress),
                attempts=len(progress.attempts),
            )
        )
    themes = {t.id: t.title for t in scan.themes} if scan else {}
    return build_results(name, exported_at or now_iso(), themes, scans, records)


def check_name(name: str | None) -> str:
    """The name to put in the file, or a UsageError saying what is wrong with it."""
    cleaned = (name or "").strip()
    if not cleaned:
        raise UsageError(s.RESULTS_NO_NAME)
    if len(cleaned) > MAX_NAME:
        raise UsageError(s.RESULTS_NAME_TOO_LONG.format(limit=MAX_NAME))
    return cleaned


def shipped_modules() -> list[Module]:
    """The modules the app offers (those that load without errors)."""
    import content
    from engine.loader import check_paths

    return [r.module for r in check_paths([content.folder()]) if r.module is not None]


def run_results_export(out: str, *, name: str | None, force: bool, data_dir: str | None) -> int:
    from engine.results import to_json
    from engine.store import ProgressStore, StoreError
    from leermodules.tui import strings as ts

    folder = locations.data_dir(data_dir)
    store_file = locations.store_path(folder)
    if not store_file.is_file():
        print(f"leermodules: {s.RESULTS_NO_STORE.format(folder=folder)}", file=sys.stderr)
        return 1
    target = Path(out)
    try:
        store = ProgressStore.open(store_file)
    except StoreError as exc:
        print(ts.STORE_PROBLEMS[exc.problem].format(path=exc.path, detail=exc.detail), file=sys.stderr)
        return 1
    try:
        chosen = check_name(name if name is not None else store.learner_name())
        check_target(target, overwrite=force)  # refuse before collecting anything
        results = collect(store, shipped_modules(), chosen)
    except StoreError as exc:
        print(ts.STORE_PROBLEMS[exc.problem].format(path=exc.path, detail=exc.detail), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"leermodules: {printable(s.cannot_write(target, exc))}", file=sys.stderr)
        return 1
    finally:
        store.close()
    try:
        write_file(target, to_json(results), overwrite=force)
    except OSError as exc:
        print(f"leermodules: {printable(s.cannot_write(target, exc))}", file=sys.stderr)
        return 1
    passed = sum(m.status in ("passed", "completed") for m in results.modules)
    print(printable(s.results_written(target, results.name, len(results.scans), len(results.modules), passed)))
    return 0
