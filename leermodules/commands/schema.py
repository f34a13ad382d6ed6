"""`leermodules schema`: the JSON Schema of the module format."""

from __future__ import annotations

import sys
from pathlib import Path

from engine.schema import module_schema_text
from leermodules import strings as s
from leermodules.safe_write import write_file
from leermodules.terminal import printable


def run_schema(out: str | None) -> int:
    text = module_schema_text()
    if out is None:
        sys.stdout.write(text)
        return 0
    target = Path(out)
    try:
        write_file(target, text, overwrite=True)  # regenerating a committed schema replaces it
    except OSError as exc:
        print(f"leermodules: {printable(s.cannot_write(target, exc))}", file=sys.stderr)
        return 1
    print(s.SCHEMA_WRITTEN.format(path=target), file=sys.stderr)
    return 0
