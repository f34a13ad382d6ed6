"""The JSON Schema of the module format, for editors (autocompletion and hover help)."""

from __future__ import annotations

import json

from engine.model import Module

SCHEMA_ID = "https://leermodules.invalid/module.schema.json"


def module_schema() -> dict:
    schema = Module.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "Leermodule",
        "description": "Een module van leermodules: pagina's, oefenvragen, casussen en een eindtoets. "
        "Controleer een bestand met 'leermodules validate'.",
    }
    return schema


def module_schema_text() -> str:
    return json.dumps(module_schema(), ensure_ascii=False, indent=2) + "\n"
