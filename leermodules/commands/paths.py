"""Which module files a command works on."""

from __future__ import annotations

from pathlib import Path

import content
from engine.loader import find_module_files
from leermodules import strings as s
from leermodules.cli import UsageError


def module_roots(paths: list[str]) -> list[Path]:
    """The paths a trainer named, checked to exist; the shipped modules when none were named."""
    if not paths:
        return [content.folder()]
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists():
            raise UsageError(s.PATH_MISSING.format(path=root))
        if not root.is_dir() and not root.is_file():
            raise UsageError(s.NOT_A_REGULAR_PATH.format(path=root))
        if not find_module_files(root):
            raise UsageError(s.NO_MODULES_FOUND.format(path=root))
    return roots
