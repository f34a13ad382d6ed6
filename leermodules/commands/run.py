"""`leermodules` / `leermodules run [PATH...]`: the learner's terminal app.

With paths (a trainer trying a module), every module must be valid: otherwise the located errors
are printed as `leermodules validate` prints them and nothing starts (exit 1); the app then reloads
a module when its file changes. Without paths, the shipped modules are offered, listed from an index
so the home screen comes up quickly; one that cannot be loaded is left out and the home screen says so.
"""

from __future__ import annotations

import sys
from pathlib import Path

from leermodules import locations


def run_app(paths: list[str], *, data_dir: str | None) -> int:
    from engine.store import ProgressStore, StoreError
    from leermodules.tui import strings as ts
    from leermodules.tui.catalog import Catalog

    folder = locations.data_dir(data_dir)
    catalog = None
    if paths:
        catalog = _trainer_catalog(paths)
        if catalog is None:
            return 1

    # progress that cannot be saved must not look as if it were: no store, no app
    try:
        store = ProgressStore.open(locations.store_path(folder))
    except StoreError as exc:
        print(ts.store_problem(exc), file=sys.stderr)
        return 1

    if catalog is None:
        import content

        catalog = Catalog.indexed([content.folder()], locations.module_index_path(folder))

    from leermodules.tui.app import make_app

    try:
        app = make_app(catalog, store, watch=bool(paths))
        app.run()
    finally:
        store.close()
    return app.return_code or 0


def _trainer_catalog(paths: list[str]):
    """Every module under `paths`, checked now; None (after printing every error) if any is invalid."""
    from leermodules import strings as s
    from leermodules.commands.paths import module_roots
    from leermodules.terminal import printable
    from leermodules.tui.catalog import Catalog

    catalog = Catalog.load(module_roots(paths))
    if not catalog.skipped:
        return catalog
    cwd = Path.cwd()
    results = list(catalog.results.values())
    for result in results:
        for problem in result.problems:
            print(printable(str(problem.relative_to(cwd))), file=sys.stderr)
    errors = sum(p.severity == "error" for r in results for p in r.problems)
    warnings = sum(p.severity == "warning" for r in results for p in r.problems)
    print(s.validate_summary(len(results), len(results) - len(catalog.skipped), errors, warnings), file=sys.stderr)
    return None
