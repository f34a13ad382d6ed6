"""`leermodules certificaat MODULE [--out FILE] [--name NAAM] [--force]`: a printable certificate for
a module whose toets the learner passed (see `leermodules.certificate`).

MODULE is the id of a shipped module or the path to a module. The name is asked once: given with
--name it is kept in the learner's progress, and used from there the next time (the app uses the
same setting). Nothing is written for a module that was not passed; the reason is said in Dutch.
"""

from __future__ import annotations

import sys
from pathlib import Path

from leermodules import locations
from leermodules import strings as s
from leermodules.cli import UsageError
from leermodules.terminal import printable


def _module(name: str):
    """The module named by id or path; UsageError if there is none, None after printing its errors."""
    from engine.loader import check_paths
    from leermodules.commands.paths import module_roots

    if Path(name).exists():
        results = check_paths(module_roots([name]))
        for result in results:
            for problem in result.problems:
                if problem.severity == "error":
                    print(printable(str(problem)), file=sys.stderr)
        modules = [r.module for r in results if r.module is not None]
        if len(results) != 1 or not modules:
            return None
        return modules[0]
    from leermodules.commands.results import shipped_modules

    shipped = [m for m in shipped_modules() if m.kind == "course"]
    found = next((m for m in shipped if m.id == name), None)
    if found is None:
        raise UsageError(s.CERT_UNKNOWN_MODULE.format(module=name, known=", ".join(m.id for m in shipped)))
    return found


def run_certificate(module_name: str, *, out: str | None, name: str | None, force: bool, data_dir: str | None) -> int:
    from engine.results import MAX_NAME
    from engine.store import ProgressStore, StoreError
    from leermodules.certificate import NotPassed, certificate_for, default_file, write_certificate
    from leermodules.tui import strings as ts

    module = _module(module_name)
    if module is None:
        return 1
    folder = locations.data_dir(data_dir)
    store_file = locations.store_path(folder)
    if not store_file.is_file():
        print(f"leermodules: {s.RESULTS_NO_STORE.format(folder=folder)}", file=sys.stderr)
        return 1
    target = Path(out) if out else default_file(module.id)
    try:
        store = ProgressStore.open(store_file)
    except StoreError as exc:
        print(ts.store_problem(exc), file=sys.stderr)
        return 1
    try:
        chosen = (name if name is not None else store.learner_name() or "").strip()
        if not chosen:
            raise UsageError(s.CERT_NO_NAME)
        if len(chosen) > MAX_NAME:
            raise UsageError(s.RESULTS_NAME_TOO_LONG.format(limit=MAX_NAME))
        certificate = certificate_for(store, module, chosen)
        if name is not None:
            store.set_learner_name(chosen)
    except NotPassed as exc:
        print(f"leermodules: {printable(str(exc))}", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(ts.store_problem(exc), file=sys.stderr)
        return 1
    finally:
        store.close()
    try:
        write_certificate(certificate, target, overwrite=force)
    except OSError as exc:
        print(f"leermodules: {printable(s.cannot_write(target, exc))}", file=sys.stderr)
        return 1
    print(printable(s.CERT_WRITTEN.format(name=chosen, title=module.title, path=target)))
    return 0
