"""`leermodules new ID`: a module folder to start from, valid and showing every kind of question."""

from __future__ import annotations

import re
import sys
from importlib.resources import files
from pathlib import Path

from engine.model import SLUG_PATTERN
from leermodules import strings as s
from leermodules.cli import UsageError
from leermodules.terminal import printable

TEMPLATE = "new_module.yaml"


def scaffold_text(module_id: str) -> str:
    template = files("leermodules.templates").joinpath(TEMPLATE).read_text(encoding="utf-8")
    title = module_id.replace("-", " ").capitalize()
    return template.replace("__ID__", module_id).replace("__TITLE__", title)


def run_new(module_id: str, where: str) -> int:
    if not re.match(SLUG_PATTERN, module_id) or len(module_id) > 64:
        example = re.sub(r"[^a-z0-9]+", "-", module_id.lower()).strip("-")[:64] or "mijn-module"
        raise UsageError(s.BAD_NEW_ID.format(id=module_id, example=example))
    parent = Path(where)
    if not parent.is_dir():
        raise UsageError(s.NEW_NO_DIR.format(path=parent))
    folder = parent / module_id
    target = folder / "module.yaml"
    if folder.exists():
        raise UsageError(s.NEW_EXISTS.format(path=folder))
    try:
        folder.mkdir()
        target.write_text(scaffold_text(module_id), encoding="utf-8")
    except OSError as exc:
        print(f"leermodules: {printable(s.cannot_write(target, exc))}", file=sys.stderr)
        return 1
    print(printable(s.NEW_CREATED.format(path=target, folder=folder)))
    return 0
