"""`leermodules` / `leermodules run [PATH...]`: the learner's terminal app.

With paths (a trainer trying a module), every module must be valid: otherwise the located errors
are printed as `leermodules validate` prints them and nothing starts (exit 1); the app then reloads
a module when its file changes. Without paths, the shipped modules are offered; one that cannot be
loaded is left out and the home screen says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

from leermodules import locations


def run_app(paths: list[str], *, data_dir: str | None) -> int:
    from engine.store import ProgressStore, StoreError
    from leermodules.commands.paths import module_roots
    from leermodules.tui import strings as ts
    from leermodules.tui.catalog import Catalog

    catalog = Catalog.load(module_roots(paths))
    if paths and catalog.skipped:
        cwd = Path.cwd()
        for result in catalog.skipped:
            for problem in result.problems:
                print(problem.relative_to(cwd), file=sys.stderr)
        return 1

    path = locations.store_path(locations.data_dir(data_dir))
    try:
        store = ProgressStore.open(path)
    except StoreError as exc:
        print(ts.STORE_PROBLEMS[exc.problem].format(path=exc.path, detail=exc.detail), file=sys.stderr)
        return 1

    from leermodules.tui.app import make_app

    try:
        app = make_app(catalog, store, watch=bool(paths))
        app.run()
    finally:
        store.close()
    return app.return_code or 0
