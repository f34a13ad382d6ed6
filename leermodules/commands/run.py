"""`leermodules` / `leermodules run`: the learner's terminal app (being built; see issue 4)."""

from __future__ import annotations

import sys

from leermodules import strings as s


def run_app(paths: list[str], *, data_dir: str | None) -> int:
    print(s.TUI_NOT_YET, file=sys.stderr)
    return 2
