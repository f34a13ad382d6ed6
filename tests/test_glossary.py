"""A module's glossary (`glossary:`): terms with their meaning, each term once (a second one is a
located error), described in Dutch in the JSON Schema; the shipped modules have one."""

from __future__ import annotations

from pathlib import Path

import content
from engine.loader import check_module, load_module
from engine.schema import module_schema

ROOT = Path(__file__).resolve().parent.parent
VALID = (ROOT / "tests" / "corpus" / "valid" / "module.yaml").read_text(encoding="utf-8")

GLOSSARY = """glossary:
  - term: OTS
    definition: Ondertoezichtstelling; de kinderrechter stelt een gezin onder toezicht van een jeugdbeschermer.
  - term: GI
    definition: Gecertificeerde instelling; voert jeugdbeschermingsmaatregelen uit.
  - term: " ots"
    definition: Nog eens.
"""


def write(folder: Path, text: str) -> Path:
    path = folder / "module.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_term_twice_is_an_error_at_the_second_one(tmp_path):
    text = VALID.rstrip("\n") + "\n" + GLOSSARY
    first = len(VALID.rstrip("\n").splitlines()) + 2
    result = check_module(write(tmp_path, text))
    (problem,) = [p for p in result.problems if p.severity == "error"]
    assert (problem.line, problem.column) == (first + 4, 11)
    assert problem.message == f"begrip ' ots' staat al in de begrippenlijst op regel {first}"
    assert problem.hint


def test_the_glossary_is_read_in_order():
    text = VALID.rstrip("\n") + "\n" + GLOSSARY.rsplit('  - term: " ots"', 1)[0]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        module = load_module(write(Path(folder), text))
    assert [(e.term, e.definition[:16]) for e in module.glossary] == [("OTS", "Ondertoezichtste"), ("GI", "Gecertificeerde ")]


def test_an_entry_without_a_definition_is_located(tmp_path):
    text = VALID.rstrip("\n") + "\nglossary:\n  - term: OTS\n"
    result = check_module(write(tmp_path, text))
    assert result.problems and result.problems[0].line == len(VALID.rstrip("\n").splitlines()) + 2
    assert "definition" in result.problems[0].message


def test_the_schema_describes_the_glossary_in_dutch():
    schema = module_schema()
    glossary = schema["properties"]["glossary"]
    assert "Begrippenlijst" in glossary["description"]
    entry = schema["definitions"]["GlossaryEntry"]["properties"]
    assert "afkorting" in entry["term"]["description"] and "voluit" in entry["definition"]["description"]


def test_every_shipped_course_has_a_glossary_with_the_terms_it_uses():
    for path in sorted(content.folder().glob("*/module.yaml")):
        module = load_module(path)
        if module.kind != "course" or module.id == "kennismaken":
            continue
        assert len(module.glossary) >= 4, module.id
