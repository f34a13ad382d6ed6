"""The layers stay put: the engine pulls in no UI or rendering library, the compiler no UI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def modules_after_import(statement: str) -> set[str]:
    code = f"import sys, json; {statement}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in json.loads(out.stdout)}


def test_engine_imports_no_ui_or_rendering_library():
    loaded = modules_after_import(
        "import engine, engine.model, engine.loader, engine.grading, engine.progress, engine.codec, engine.draw, engine.schema"
    )
    assert loaded.isdisjoint({"textual", "rich", "jinja2", "lxml", "leermodules", "scorm"})


def test_validate_command_does_not_load_textual():
    loaded = modules_after_import("from leermodules.cli import main; import leermodules.commands.validate")
    assert "textual" not in loaded


def test_compiler_imports_no_ui():
    loaded = modules_after_import("import scorm")
    assert loaded.isdisjoint({"textual", "leermodules"})
