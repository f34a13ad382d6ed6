"""`leermodules export`: SCORM packages (being built; see issue 5)."""

from __future__ import annotations

import sys


def run_export(paths: list[str], *, fmt: str, out: str) -> int:
    print("Exporteren is nog in aanbouw.", file=sys.stderr)
    return 2
