"""The committed JSON Schema is what the models say, and it helps editors in Dutch."""

from __future__ import annotations

import json
from pathlib import Path

from engine.schema import module_schema, module_schema_text

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "schema" / "module.schema.json"


def test_committed_schema_matches_the_models():
    assert COMMITTED.read_text(encoding="utf-8") == module_schema_text(), (
        "schema/module.schema.json is out of date: run "
        "`python -m leermodules schema --out schema/module.schema.json` and commit it"
    )


def test_schema_describes_keys_in_dutch_and_forbids_unknown_keys():
    schema = module_schema()
    props = schema["properties"]
    assert {"id", "title", "pages", "assessment"} <= set(props)
    assert "Een vaste naam" in json.dumps(schema)
    assert props["summary"]["description"].startswith("Eén of twee zinnen")
    assert schema["additionalProperties"] is False
    page = schema["$defs"]["Page"]
    assert page["additionalProperties"] is False
    kinds = {d["properties"]["kind"]["const"] for name, d in schema["$defs"].items() if name.endswith("Question")}
    assert kinds == {"single", "multiple", "true_false", "order", "match", "text", "scenario", "likert", "reflection"}
