"""The limits of the located YAML source: what a hostile or broken file cannot get past validate.

Aliases that would expand texts to gigabytes, numbers Python will not convert, control characters
XML cannot hold, a page id the apps use for the assessment, nesting past libyaml's own limit, and
libyaml's English messages. The files of tests/corpus/bad that show each one are also exported
here: `leermodules export` must refuse them and write nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from engine import messages as msg
from engine.model import RESERVED_PAGE_IDS
from engine.progress import ASSESSMENT
from engine.yaml_source import MAX_ALIAS_EXPANSION, MIN_ALIAS_TEXT, SourceError, parse
from leermodules.cli import main

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "corpus" / "bad"


def problems_of(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(SourceError) as caught:
        parse(text)
    return [(p.line, p.column, p.message) for p in caught.value.problems]


# --- aliases: characters of text, not only nodes ----------------------------------------------------

def test_a_megabyte_text_repeated_a_thousand_times_is_refused_at_the_alias_that_crosses_the_budget():
    text = "tekst: &s " + "x" * MIN_ALIAS_TEXT + "\nbronnen: [" + ", ".join(["*s"] * 1000) + "]\n"
    ((line, column, message),) = problems_of(text)
    # the first alias adds 1 MiB (the budget, the file being about that long); the second crosses it
    assert (line, column) == (2, len("bronnen: [*s, ") + 1)
    expanded = 1001 * MIN_ALIAS_TEXT + len("tekst") + len("bronnen")
    assert message.startswith(f"ankers en verwijzingen (&/*) zouden het bestand uitvouwen tot {expanded:_} tekens tekst".replace("_", "."))


def test_aliased_texts_within_the_budget_are_shared_not_copied():
    text = "tekst: &s " + "x" * 1000 + "\nbronnen: [" + ", ".join(["*s"] * 1048) + "]\n"
    data = parse(text).data
    assert len(data["bronnen"]) == 1048
    assert all(source is data["tekst"] for source in data["bronnen"])


def test_the_text_budget_is_counted_exactly_at_the_alias_that_passes_it():
    # 1,048 copies of 1,000 characters stay within 1 MiB (1,048,576); the 1,049th does not
    head = "tekst: &s " + "x" * 1000 + "\nbronnen: ["
    ((line, column, _),) = problems_of(head + ", ".join(["*s"] * 1049) + "]\n")
    assert (line, column) == (2, len("bronnen: [") + 1 + 4 * 1048)


def test_a_large_file_may_repeat_as_much_text_as_it_holds():
    filler = "".join(f"regel-{i}: {'y' * 90}\n" for i in range(20_000))  # about 2 MB written out
    assert MIN_ALIAS_TEXT < 1500 * 1000 < len(filler)
    text = filler + "tekst: &s " + "x" * 1000 + "\nbronnen: [" + ", ".join(["*s"] * 1500) + "]\n"
    assert len(parse(text).data["bronnen"]) == 1500  # 1.5 MB added: more than 1 MiB, less than the file


def test_many_aliases_of_a_short_text_are_bounded_by_nodes_and_located_at_the_alias():
    text = "a: &a x\nb: [" + ", ".join(["*a"] * (MAX_ALIAS_EXPANSION + 1)) + "]\n"
    ((line, column, message),) = problems_of(text)
    assert (line, column) == (2, len("b: [") + 1 + 4 * MAX_ALIAS_EXPANSION)
    assert message.startswith("ankers en verwijzingen (&/*) zouden het bestand uitvouwen tot")


def test_aliases_of_collections_count_the_text_inside_them():
    text = "a: &a [" + ", ".join(["x" * 100] * 100) + "]\nb: [" + ", ".join(["*a"] * 120) + "]\n"
    ((line, column, message),) = problems_of(text)
    assert line == 2 and "tekens tekst" in message


# --- numbers ------------------------------------------------------------------------------------------

def test_an_integer_too_long_for_python_is_a_located_error():
    assert problems_of("id: x\nminutes: " + "9" * 5000 + "\n") == [(2, 10, "getal van 5.000 cijfers is te lang")]
    assert parse("minutes: " + "9" * 4300 + "\n").data["minutes"] == int("9" * 4300)


def test_a_very_long_number_is_not_echoed_in_full():
    message, _ = msg.too_large(int("9" * 400), 600)
    assert message == "een getal van 400 cijfers is te groot"


# --- control characters -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("escape", "shown"),
    [
        ("\\0", "\\x00"),
        ("\\a", "\\x07"),
        ("\\e", "\\x1b"),
        ("\\r", "\\x0d"),
        ("\\x7f", "\\x7f"),
        ("\\x9b", "\\x9b"),
        ("\\N", "\\x85"),
        ("\\L", "\\u2028"),
        ("\\P", "\\u2029"),
        ("\\uFFFE", "\\ufffe"),
    ],
)
def test_a_control_character_written_as_an_escape_is_a_located_error(escape, shown):
    assert problems_of(f'id: x\ntitle: "Het {escape}huisbezoek"\n') == [
        (2, 8, f"tekst bevat een stuurteken ({shown}) dat niet in een module kan")
    ]


def test_control_characters_are_refused_in_lists_and_keys_too():
    assert problems_of('sources: [a, "b\\ac"]\n"ke\\by": 1\n') == [
        (1, 14, "tekst bevat een stuurteken (\\x07) dat niet in een module kan"),
        (2, 1, "tekst bevat een stuurteken (\\x08) dat niet in een module kan"),
    ]


def test_a_line_separator_pasted_inside_quotes_is_refused():
    assert problems_of("title: 'Het\u2028huisbezoek'\n") == [(1, 8, "tekst bevat een stuurteken (\\u2028) dat niet in een module kan")]


def test_tab_and_newline_stay_allowed_in_texts():
    assert parse('title: "een\\ttab en\\neen nieuwe regel \\\\ backslash"\n').data == {"title": "een\ttab en\neen nieuwe regel \\ backslash"}


# --- reserved ids -------------------------------------------------------------------------------------

def test_the_assessments_location_is_a_reserved_page_id():
    assert ASSESSMENT in RESERVED_PAGE_IDS


# --- libyaml's own limit and messages -----------------------------------------------------------------

def test_libyamls_nesting_message_is_dutch_should_it_ever_surface():
    message, hint = msg.yaml_problem("exceeded maximum nesting depth", "while increasing flow level")
    assert message == "gegevens zijn te diep genest"


@pytest.mark.parametrize(
    "text",
    [
        'a: "x\\x4"\n',
        'a: "\\uD800"\n',
        "%FOO bar\n---\na: 1\n",
        "%YAML 2.0\n---\na: 1\n",
        "a: !<x y\n",
        "a: !e!x y\n",
        "a: |0\n  x\n",
        "a: |x\n  x\n",
        "a: b\n...\nc\n",
        "a: [b, c\n",
        "a: {b: c\n",
        "a: &\n",
        "a: '" + "[" * 1500 + "\n",
        "a: " + "[" * 1500 + "]" * 1500 + "\n",
        "a:\n" + "- " * 1500 + "x\n",
    ],
    ids=lambda text: text[:12],
)
def test_no_english_from_libyaml_reaches_a_trainer(text):
    for _, _, message in problems_of(text):
        assert not re.search(r"\b(found|expected|while|allowed|scanning|parsing|nesting|depth)\b", message), message


# --- export refuses them all --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "name",
    [
        "alias_text_bomb",
        "number_too_long",
        "weight_infinite",
        "pass_mark_nan",
        "control_escape",
        "control_escape_key",
        "page_id_toets",
        "deep_nesting_libyaml",
        "yaml_bad_hex_escape",
    ],
)
def test_export_refuses_the_file_and_writes_nothing(name, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code = main(["export", str(BAD / f"{name}.yaml"), "--out", "uit"])
    captured = capsys.readouterr()
    assert code == 1
    assert f"{name}.yaml:" in captured.err
    assert "Traceback" not in captured.err + captured.out
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").iterdir())
