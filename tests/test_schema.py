"""The committed JSON Schema is what the models say, and it helps editors in Dutch: draft-07 (what
editors support), a Dutch description on every key, and only graded kinds in the assessment."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from engine.model import GRADED_KINDS, KINDS
from engine.schema import module_schema, module_schema_text
from engine.yaml_source import parse, read_text

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "schema" / "module.schema.json"

#: Every keyword of JSON Schema draft-07 (validation and annotation), and OpenAPI's
#: `discriminator`, which draft-07 validators ignore and some editors use to pick a question kind.
DRAFT_07_KEYWORDS = {
    "$schema", "$id", "$ref", "$comment", "title", "description", "default", "readOnly", "writeOnly", "examples",
    "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength",
    "pattern", "additionalItems", "items", "maxItems", "minItems", "uniqueItems", "contains", "maxProperties",
    "minProperties", "required", "additionalProperties", "definitions", "properties", "patternProperties",
    "dependencies", "propertyNames", "const", "enum", "type", "format", "contentMediaType", "contentEncoding",
    "if", "then", "else", "allOf", "anyOf", "oneOf", "not",
    "discriminator",
}
#: Words of an English note that has no place in a trainer's hover help.
ENGLISH = re.compile(r"\b(the|and|with|learner|see|graded|should|which)\b", re.IGNORECASE)


def keywords(node, found: set[str]) -> set[str]:
    """Every keyword used in a schema (not the names of properties or definitions)."""
    if isinstance(node, dict):
        for key, value in node.items():
            found.add(key)
            if key in ("properties", "definitions"):
                for sub in value.values():
                    keywords(sub, found)
            elif key == "discriminator":
                continue
            else:
                keywords(value, found)
    elif isinstance(node, list):
        for item in node:
            keywords(item, found)
    return found


def objects_with_keys(schema: dict):
    """(where, key, schema of the key) for every key of the module and of each definition."""
    yield from (("Module", key, prop) for key, prop in schema["properties"].items())
    for name, definition in schema["definitions"].items():
        yield from ((name, key, prop) for key, prop in definition.get("properties", {}).items())


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
    page = schema["definitions"]["Page"]
    assert page["additionalProperties"] is False
    kinds = {d["properties"]["kind"]["const"] for name, d in schema["definitions"].items() if name.endswith("Question")}
    assert kinds == set(KINDS)


def test_every_key_and_every_definition_has_a_dutch_description_and_no_english_title():
    schema = module_schema()
    undescribed = [f"{where}.{key}" for where, key, prop in objects_with_keys(schema) if not prop.get("description")]
    assert undescribed == []
    definitions = schema["definitions"]
    assert [name for name, d in definitions.items() if not d.get("description")] == []
    texts = [prop["description"] for _, _, prop in objects_with_keys(schema)] + [d["description"] for d in definitions.values()]
    assert [text for text in texts if ENGLISH.search(text)] == []
    # pydantic's titles ("Pass Mark") are English; the only title left is the schema's own
    titles = [key for where, key, prop in objects_with_keys(schema) if "title" in prop]
    assert titles == [] and schema["title"] == "Leermodule"
    assert definitions["ScenarioQuestion"]["properties"]["kind"]["description"] == "De soort vraag: scenario, een casus met keuzes."


def test_the_assessment_offers_only_graded_kinds_and_a_page_every_kind():
    definitions = module_schema()["definitions"]

    def kinds_in(items: dict) -> set[str]:
        names = [ref["$ref"].removeprefix("#/definitions/") for ref in items["oneOf"]]
        assert set(items["discriminator"]["mapping"].values()) == {f"#/definitions/{n}" for n in names}
        return {definitions[n]["properties"]["kind"]["const"] for n in names}

    assert kinds_in(definitions["Assessment"]["properties"]["questions"]["items"]) == GRADED_KINDS
    assert kinds_in(definitions["Page"]["properties"]["questions"]["items"]) == set(KINDS)


def test_the_schema_is_draft_07_and_uses_no_newer_keyword():
    schema = module_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert keywords(schema, set()) <= DRAFT_07_KEYWORDS
    assert "$defs" not in json.dumps(schema)


def jsonschema_or_skip():
    try:
        import jsonschema
    except ImportError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("jsonschema is not installed (pip install -e '.[test]')")
    return jsonschema


def shipped_modules() -> list[Path]:
    return sorted((ROOT / "content").glob("*/module.yaml")) + [ROOT / "tests" / "corpus" / "valid" / "module.yaml"]


@pytest.mark.parametrize("path", shipped_modules(), ids=lambda p: p.parent.name)
def test_a_draft_07_validator_accepts_the_shipped_modules(path):
    jsonschema = jsonschema_or_skip()
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(parse(read_text(path)).data)]
    assert errors == []


def test_a_draft_07_validator_refuses_a_likert_question_in_the_assessment_and_an_unknown_key():
    jsonschema = jsonschema_or_skip()
    validator = jsonschema.Draft7Validator(json.loads(COMMITTED.read_text(encoding="utf-8")))
    data = parse(read_text(ROOT / "tests" / "corpus" / "valid" / "module.yaml")).data
    assert validator.is_valid(data)
    likert = {"id": "gevoel", "kind": "likert", "objective": "gesprek", "prompt": "Ik voel me zeker."}
    assert not validator.is_valid({**data, "assessment": {**data["assessment"], "questions": [likert]}})
    assert not validator.is_valid({**data, "titel": "Huisbezoek"})


def test_a_draft_07_validator_accepts_the_module_new_writes():
    from leermodules.commands.new import scaffold_text

    jsonschema = jsonschema_or_skip()
    validator = jsonschema.Draft7Validator(json.loads(COMMITTED.read_text(encoding="utf-8")))
    assert [e.message for e in validator.iter_errors(parse(scaffold_text("signalen-lvb")).data)] == []
