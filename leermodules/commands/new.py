"""`leermodules new ID`: a module folder to start from, valid and showing every kind of question."""

from __future__ import annotations

import re
import sys
from importlib.resources import files
from pathlib import Path

from engine.model import SLUG_PATTERN
from engine.schema import SCHEMA_ID, module_schema_text
from leermodules import strings as s
from leermodules.cli import UsageError
from leermodules.terminal import printable

TEMPLATE = "new_module.yaml"
#: The schema `new` writes beside the module folders; each module's first line points to it, so an
#: editor with the YAML extension (VS Code: redhat.vscode-yaml) completes and explains every key.
SCHEMA_FILE = "module.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema=../{SCHEMA_FILE}\n"


def scaffold_text(module_id: str) -> str:
    template = files("leermodules.templates").joinpath(TEMPLATE).read_text(encoding="utf-8")
    title = module_id.replace("-", " ").capitalize()
    return SCHEMA_LINE + template.replace("__ID__", module_id).replace("__TITLE__", title)


def write_schema(parent: Path) -> Path | None:
    """`module.schema.json` in `parent`, written or brought up to date unless a file of that name is
    not ours; the path written, or None when it was left as it was."""
    target = parent / SCHEMA_FILE
    text = module_schema_text()
    try:
        current = target.read_text(encoding="utf-8") if target.exists() else None
    except (OSError, UnicodeDecodeError):
        return None
    if current == text or (current is not None and SCHEMA_ID not in current):
        return None  # up to date, or someone else's file: leave it
    target.write_text(text, encoding="utf-8")
    return target


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
    try:
        schema = write_schema(parent)
    except OSError as exc:  # the module is there; only the editor's help is missing
        print(f"leermodules: {printable(s.cannot_write(parent / SCHEMA_FILE, exc))}", file=sys.stderr)
        return 0
    if schema is not None:
        print(printable(s.NEW_SCHEMA.format(path=schema)))
    return 0
