"""`leermodules schema`: the JSON Schema of the module format."""

from __future__ import annotations

import sys
from pathlib import Path

from engine.schema import module_schema_text
from leermodules import strings as s
from leermodules.cli import UsageError


def run_schema(out: str | None) -> int:
    text = module_schema_text()
    if out is None:
        sys.stdout.write(text)
        return 0
    target = Path(out)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(s.CANNOT_WRITE.format(path=target, reason=exc.strerror or exc)) from None
    print(s.SCHEMA_WRITTEN.format(path=target), file=sys.stderr)
    return 0
