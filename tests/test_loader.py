"""Focused behaviour of the located YAML source (engine/yaml_source.py) and the loader (engine/loader.py)."""

from __future__ import annotations

import gc
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from engine.diagnostics import ModuleInvalid
from engine.loader import check_module, check_paths, find_module_files, load_module
from engine.yaml_source import MAX_ALIAS_EXPANSION, MAX_DEPTH, SourceError, parse

ROOT = Path(__file__).resolve().parent.parent
VALID = (ROOT / "tests" / "corpus" / "valid" / "module.yaml").read_text(encoding="utf-8")


def problems_of(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(SourceError) as caught:
        parse(text)
    return [(p.line, p.column, p.message) for p in caught.value.problems]


def write(folder: Path, text: str, name: str = "module.yaml") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lines_of(result) -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in result.problems]


# --- yaml_source: positions ---------------------------------------------------------------------

def test_every_node_can_be_located_by_its_path():
    document = parse("id: a\npages:\n  - id: p\n    questions:\n      - id: q\n        kind: single\n")
    assert document.locate(("pages", 0, "questions", 0, "kind")) == (6, 15)
    assert document.locate(("pages", 0, "questions", 0, "kind"), key=True) == (6, 9)
    assert document.locate(("pages", 0)) == (3, 5)


def test_a_path_that_does_not_exist_is_located_at_its_deepest_existing_parent():
    document = parse("id: a\npages:\n  - id: p\n")
    assert document.locate(("pages", 0, "questions", 3, "options")) == (3, 5)
    assert document.locate(("pages", 7)) == (3, 3)


def test_positions_count_characters_not_bytes_and_ignore_a_byte_order_mark(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_bytes("\ufeffid: één\ntitle: Café\nminutes: veel\n".encode("utf-8"))
    result = check_module(path)
    assert "3:10: verwacht een heel getal, maar dit is tekst" in lines_of(result)


def test_windows_line_endings_give_the_same_positions(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_bytes(VALID.replace("minutes: 20", "minutes: twintig").replace("\n", "\r\n").encode("utf-8"))
    assert lines_of(check_module(path)) == ["6:10: verwacht een heel getal, maar dit is tekst"]


# --- yaml_source: duplicate keys, tags, aliases ----------------------------------------------------

def test_a_duplicate_key_is_an_error_where_the_second_one_is():
    assert problems_of("id: a\ntitle: Een\nsummary: x\ntitle: Twee\n") == [
        (4, 1, "sleutel 'title' komt twee keer voor (eerst op regel 2)")
    ]


def test_every_duplicate_key_in_a_file_is_reported_in_one_run():
    found = problems_of("a: 1\na: 2\nb:\n  c: 1\n  c: 2\n")
    assert [(line, column) for line, column, _ in found] == [(2, 1), (5, 3)]


def test_keys_that_yaml_reads_as_numbers_or_true_are_still_keys():
    assert parse("1: een\nyes: ja\n").data == {"1": "een", "yes": "ja"}


def test_plain_scalars_are_read_as_pyyaml_safe_load_reads_them():
    text = "\n".join(
        f"k{i}: {v}"
        for i, v in enumerate(
            ["~", "null", "", "yes", "No", "on", "0x1F", "0o17", "017", "1_000", "-1.5", ".inf", "1e3", "abc", "'quoted 1'", "12:30"]
        )
    )
    expected = yaml.safe_load(text)
    assert parse(text).data == expected


def test_dates_stay_text_because_ids_versions_and_titles_are_text():
    assert parse("version: 2024-01-01\n").data == {"version": "2024-01-01"}


def test_explicit_plain_tags_are_allowed_and_object_tags_refused():
    assert parse("a: !!str 123\n").data == {"a": "123"}
    assert problems_of("a: !!python/object:os.system {}\nb: !!binary aGFsbG8=\n") == [
        (1, 4, "YAML-tag '!!python/object:os.system' is niet toegestaan"),
        (2, 4, "YAML-tag '!!binary' is niet toegestaan"),
    ]


def test_a_few_aliases_are_allowed_and_expanded():
    document = parse("bron: &b Handreiking (2024)\nsources: [*b, *b]\nlijst: &l [a, b]\nook: *l\n")
    assert document.data["sources"] == ["Handreiking (2024)", "Handreiking (2024)"]
    assert document.data["ook"] == ["a", "b"]


def test_aliases_are_bounded_by_how_far_they_would_expand():
    # each level repeats the previous one ten times: 10**6 nodes from a handful of lines
    lines = ["l0: &l0 [x]"] + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 7)]
    found = problems_of("\n".join(lines) + "\n")
    assert len(found) == 1
    assert found[0][2].startswith("ankers en verwijzingen (&/*) zouden het bestand uitvouwen tot")
    # just below the bound is fine
    small = ["l0: &l0 [x]", f"l1: &l1 [{', '.join(['*l0'] * 10)}]"]
    assert len(parse("\n".join(small)).data["l1"]) == 10
    assert MAX_ALIAS_EXPANSION >= 10_000


def test_an_anchor_inside_itself_is_refused():
    assert problems_of("a: &x [1, *x]\n") == [(1, 4, "een anker verwijst naar zichzelf")]


def test_deep_nesting_is_refused_without_crashing_the_interpreter():
    # libyaml composes recursively in C: 100,000 levels would overflow the stack (a crash, not an
    # error), so this runs in its own process.
    code = (
        "from engine.yaml_source import parse, SourceError\n"
        "try:\n    parse('a: ' + '[' * 100000 + ']' * 100000)\n"
        "except SourceError as e:\n    print(e.problems[0].line, e.problems[0].column, e.problems[0].message)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    # the root mapping is the first level, so the 64th '[' (after 'a: ') is one too many
    assert result.stdout == f"1 {3 + MAX_DEPTH} gegevens zijn dieper genest dan {MAX_DEPTH} niveaus\n"


def test_nesting_up_to_the_limit_is_fine():
    data = parse("a: " + "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1)).data["a"]
    depth = 0
    while isinstance(data, list):
        data, depth = data[0], depth + 1
    assert (depth, data) == (MAX_DEPTH - 1, "x")


# --- loader: pydantic errors, located and reworded -------------------------------------------------

def test_an_unknown_key_is_located_at_the_key_with_a_suggestion(tmp_path):
    result = check_module(write(tmp_path, VALID.replace("        prompt: Wanneer", "        promt: Wanneer")))
    assert [f"{p.line}:{p.column}: {p.message}; {p.hint}" for p in result.problems] == ["25:9: onbekende sleutel 'promt'; bedoelde je 'prompt'?"]


def test_an_unknown_key_without_a_close_match_lists_what_is_allowed(tmp_path):
    result = check_module(write(tmp_path, VALID.replace("  draw: 2\n", "  draw: 2\n  tijd: 30\n")))
    (problem,) = result.problems
    assert (problem.line, problem.column, problem.message) == (57, 3, "onbekende sleutel 'tijd'")
    assert problem.hint.startswith("toegestaan zijn: attempts, draw, draw_per_objective, feedback, intro, pass_mark, questions, shuffle, title")


def test_a_missing_key_is_located_at_the_mapping_that_lacks_it(tmp_path):
    result = check_module(write(tmp_path, VALID.replace("      answer: true\n", "")))
    assert lines_of(result) == ["58:7: verplichte sleutel 'answer' ontbreekt"]


def test_a_bad_choice_suggests_the_closest_allowed_value(tmp_path):
    result = check_module(write(tmp_path, VALID.replace("        kind: scenario", "        kind: scenarios")))
    assert [(p.line, p.message, p.hint) for p in result.problems] == [(37, "onbekende vraagsoort 'scenarios'", "bedoelde je 'scenario'?")]


def test_every_type_error_in_a_file_is_reported_in_one_run(tmp_path):
    text = VALID.replace("minutes: 20", "minutes: '20'").replace("                points: 2", "                points: veel").replace("  pass_mark: 70", "  pass_mark: 170")
    assert [p.line for p in check_module(write(tmp_path, text)).problems] == [6, 47, 55]


def test_checks_still_run_beside_a_type_error_but_not_inside_it(tmp_path):
    # `correct: "ja"` is a type error; 'no correct answer' for that question would only be noise,
    # but the dangling objective elsewhere is a real second problem.
    text = VALID.replace("            correct: true", '            correct: "ja"').replace("        objective: gesprek", "        objective: gesprekken")
    assert lines_of(check_module(write(tmp_path, text))) == [
        "28:22: verwacht true of false, maar dit is tekst",
        "38:20: leerdoel 'gesprekken' bestaat niet",
    ]


def test_questions_on_a_page_with_an_error_are_still_checked(tmp_path):
    text = VALID.replace("    title: Aan de keukentafel\n", "").replace("goto: tafel", "goto: keuken")
    assert lines_of(check_module(write(tmp_path, text))) == [
        "32:5: verplichte sleutel 'title' ontbreekt",
        "45:23: stap 'keuken' bestaat niet in deze casus",
    ]


def test_a_pool_that_is_not_a_list_gets_no_checks_that_would_count_it(tmp_path):
    text = VALID.replace("  questions:\n    - id: toets-bellen", "  questions:\n    toets: 1\n    x:\n    - id: toets-bellen")
    assert lines_of(check_module(write(tmp_path, text))) == ["58:5: verwacht een lijst, maar dit is sleutels met waarden"]


def test_a_question_with_an_unknown_kind_still_counts_for_duplicate_ids(tmp_path):
    text = VALID.replace("        kind: scenario", "        kind: scenarioo").replace("    - id: toets-luisteren", "    - id: casus-deur")
    assert lines_of(check_module(write(tmp_path, text))) == [
        "37:15: onbekende vraagsoort 'scenarioo'",
        "65:11: vraag-id 'casus-deur' komt al voor op regel 36",
    ]


def test_a_value_with_a_line_break_is_echoed_on_one_line(tmp_path):
    result = check_module(write(tmp_path, VALID.replace("id: huisbezoek", 'id: "huis\\nbezoek"')))
    (problem,) = result.problems
    assert "\n" not in str(problem)
    assert problem.message == "'huis\\nbezoek' is geen geldige id"


def test_a_very_long_value_is_shortened_in_the_message(tmp_path):
    long_id = "Een Heel Lange Naam " * 20
    result = check_module(write(tmp_path, VALID.replace("id: huisbezoek", f"id: {long_id.strip()}")))
    (problem,) = result.problems
    assert problem.message == "'Een Heel Lange Naam Een Heel Lange Naam Een Heel Lange Na…' is geen geldige id"
    assert len(problem.message) + len(problem.hint) < 200


# --- loader: warnings and errors ---------------------------------------------------------------------

def test_warnings_do_not_make_a_module_invalid(tmp_path):
    path = write(tmp_path, VALID.replace("            feedback: Nee, dat voelt als een overval.\n", ""))
    result = check_module(path)
    assert result.ok and result.module is not None
    assert [(p.line, p.severity, p.message) for p in result.problems] == [(30, "warning", "antwoord zonder feedback")]
    assert str(result.problems[0]).endswith(":30:13: waarschuwing: antwoord zonder feedback; leg met 'feedback:' uit waarom dit antwoord goed of fout is")
    assert load_module(path).id == "huisbezoek"


def test_load_module_raises_with_every_error_and_no_warning(tmp_path):
    text = VALID.replace("            feedback: Nee, dat voelt als een overval.\n", "").replace("  draw: 2", "  draw: 3")
    with pytest.raises(ModuleInvalid) as caught:
        load_module(write(tmp_path, text))
    assert [p.message for p in caught.value.errors] == ["er worden 3 vragen getrokken, maar de pool heeft er maar 2"]
    assert [p.severity for p in caught.value.problems] == ["warning", "error"]


ORDER_WITHOUT_FEEDBACK = """    - id: toets-bellen
      kind: order
      objective: voorbereiden
      prompt: Zet in volgorde.
      items:
        - text: Bellen
        - text: Aanbellen
"""
TRUE_FALSE = VALID[VALID.index("    - id: toets-bellen") : VALID.index("    - id: toets-luisteren")]


def test_order_match_and_casus_without_any_feedback_are_warned_about(tmp_path):
    text = (
        VALID.replace(TRUE_FALSE, ORDER_WITHOUT_FEEDBACK)
        .replace("                feedback: Hij laat je binnen.\n", "")
        .replace("                feedback: Hij sluit de deur.\n", "")
    )
    result = check_module(write(tmp_path, text))
    assert result.ok
    assert [(p.line, p.severity, p.message) for p in result.problems] == [
        (36, "warning", "vraag zonder feedback of uitleg"),  # the casus
        (56, "warning", "vraag zonder feedback of uitleg"),  # the order question
    ]
    # feedback on one item, or an explanation, is enough
    explained = text.replace("        - text: Aanbellen\n", "        - text: Aanbellen\n      explanation: Eerst bellen.\n")
    assert [p.line for p in check_module(write(tmp_path, explained)).problems] == [36]


def test_a_key_written_between_angle_brackets_is_refused_as_html_with_a_way_out(tmp_path):
    text = VALID.replace("    body: Je luistert eerst en vraagt door.", "    body: Druk op <Enter> om verder te gaan.")
    (problem,) = check_module(write(tmp_path, text)).problems
    assert (problem.line, problem.column, problem.severity) == (34, 19, "error")
    assert problem.message.startswith("HTML ('<Enter>') in Markdown wordt niet getoond")
    assert "`<Enter>`" in problem.hint
    written_as_code = VALID.replace("    body: Je luistert eerst en vraagt door.", "    body: Druk op `<Enter>` of 3 < 4 om verder te gaan.")
    assert check_module(write(tmp_path, written_as_code)).problems == []


def test_an_accepted_answer_longer_than_max_length_is_warned_about_when_others_fit(tmp_path):
    text = VALID.replace(TRUE_FALSE, """    - id: toets-bellen
      kind: text
      objective: voorbereiden
      prompt: Wat doe je vooraf?
      accepted: [bellen, de bewoner opbellen]
      max_length: 10
      explanation: Je belt de bewoner.
""")
    result = check_module(write(tmp_path, text))
    assert result.ok
    assert [f"{p.line}:{p.column}: {p.severity}: {p.message}" for p in result.problems] == [
        "62:26: warning: goed antwoord 'de bewoner opbellen' is langer dan 'max_length: 10' en kan niet ingetypt worden"
    ]


def test_a_file_that_cannot_be_read_is_a_located_problem(tmp_path):
    result = check_module(tmp_path / "weg.yaml")
    assert result.module is None
    assert [(p.line, p.column) for p in result.problems] == [(1, 1)]
    assert result.problems[0].message.startswith("bestand kan niet gelezen worden")


def test_the_cycle_collector_is_left_as_it_was(tmp_path):
    path = write(tmp_path, VALID)
    assert gc.isenabled()
    check_module(path)
    assert gc.isenabled()
    gc.disable()
    try:
        check_module(path)
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- loader: several files ---------------------------------------------------------------------------

def test_two_modules_with_the_same_id_the_second_is_refused_at_its_id(tmp_path):
    write(tmp_path, VALID, "huisbezoek/module.yaml")
    write(tmp_path, "# tweede kopie\n" + VALID, "kopie/module.yaml")
    first, second = check_paths([tmp_path])
    assert first.ok and first.problems == []
    assert second.module is None
    (problem,) = second.problems
    assert (problem.line, problem.column) == (2, 5)
    assert problem.message == f"module-id 'huisbezoek' wordt ook gebruikt door {tmp_path / 'huisbezoek' / 'module.yaml'}"


def test_a_module_in_a_folder_of_modules_is_warned_when_its_folder_is_not_its_id(tmp_path):
    write(tmp_path, VALID, "huis-bezoek/module.yaml")
    (result,) = check_paths([tmp_path])
    assert result.ok
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'huis-bezoek' / 'module.yaml'}:1:5: waarschuwing: de map heet 'huis-bezoek', maar de id van de module"
        " is 'huisbezoek'; noem de map 'huisbezoek', zoals 'leermodules new' doet, of pas de id aan zolang de module nog"
        " niet in gebruik is"
    ]
    # checked on its own (the folder itself, or the file), the folder is the trainer's business
    assert check_paths([tmp_path / "huis-bezoek"])[0].problems == []
    assert check_paths([tmp_path / "huis-bezoek" / "module.yaml"])[0].problems == []


SCAN = (ROOT / "content" / "ontwikkelscan" / "module.yaml").read_text(encoding="utf-8")


def test_a_theme_the_ontwikkelscan_lacks_is_warned_about_beside_the_scan_or_with_it(tmp_path):
    write(tmp_path, SCAN, "ontwikkelscan/module.yaml")
    write(tmp_path, VALID.replace("minutes: 20", "minutes: 20\ntheme: veilighied"), "huisbezoek/module.yaml")
    expected = [
        "7:8: waarschuwing: thema 'veilighied' staat niet in de ontwikkelscan, dus zal de scan deze module nooit"
        " aanraden; bedoelde je 'veiligheid'?"
    ]
    course, scan = check_paths([tmp_path])  # sorted by path
    assert scan.problems == [] and course.ok
    assert [str(p).split(":", 1)[1] for p in course.problems] == expected
    (alone,) = check_paths([tmp_path / "huisbezoek" / "module.yaml"])  # the scan is found beside it
    assert [str(p).split(":", 1)[1] for p in alone.problems] == expected
    write(tmp_path, VALID.replace("minutes: 20", "minutes: 20\ntheme: veiligheid"), "huisbezoek/module.yaml")
    assert [r.problems for r in check_paths([tmp_path])] == [[], []]


def test_module_files_are_found_sorted_and_hidden_folders_skipped(tmp_path):
    for name in ("b/module.yaml", "a/module.yml", ".git/x.yaml", "a/.verborgen/module.yaml", "a/notities.txt"):
        write(tmp_path, VALID, name)
    assert [p.relative_to(tmp_path).as_posix() for p in find_module_files(tmp_path)] == ["a/module.yml", "b/module.yaml"]


# --- the author's guide ---------------------------------------------------------------------------------

def test_the_complete_example_in_the_authors_guide_is_a_valid_module(tmp_path):
    guide = (ROOT / "docs" / "auteurshandleiding.md").read_text(encoding="utf-8")
    after_marker = guide.split("<!-- voorbeeldmodule:", 1)[1]
    example = after_marker.split("```yaml\n", 1)[1].split("```", 1)[0]
    result = check_module(write(tmp_path, example))
    assert result.ok and result.problems == [], "\n".join(map(str, result.problems))
    kinds = {q.kind for q in result.module.all_questions()}
    assert kinds == {"single", "multiple", "true_false", "order", "match", "text", "scenario", "likert", "reflection"}


def _without_placeholders(data):
    """An example with its '...' (the guide's "and so on") left out."""
    if isinstance(data, list):
        return [_without_placeholders(item) for item in data if item != "..."]
    if isinstance(data, dict):
        return {key: _without_placeholders(value) for key, value in data.items()}
    return data


def test_every_yaml_example_in_the_authors_guide_is_valid_as_what_it_shows():
    """Each ```yaml block of the guide is read as leermodules reads it, then checked by the model as
    the part of a module it shows: a whole module, some of a module's keys, or a list of questions
    or casus choices. A comment line alone (the schema line) is only read."""
    import textwrap

    from pydantic import TypeAdapter

    from engine.model import Choice, Module, Question
    from engine.yaml_source import parse, read_text

    guide = (ROOT / "docs" / "auteurshandleiding.md").read_text(encoding="utf-8")
    blocks = [textwrap.dedent(b) for b in re.findall(r"```yaml\n(.*?)```", guide, re.S)]
    assert len(blocks) >= 15
    base = parse(read_text(ROOT / "tests" / "corpus" / "valid" / "module.yaml")).data
    shown = set()
    for block in blocks:
        if all(not line.strip() or line.lstrip().startswith("#") for line in block.splitlines()):
            shown.add("comment")
            continue
        data = _without_placeholders(parse(block).data)  # a SourceError here is a broken example
        if isinstance(data, list) and all("kind" in item for item in data):
            TypeAdapter(list[Question]).validate_python(data)
            shown.add("questions")
        elif isinstance(data, list):
            TypeAdapter(list[Choice]).validate_python(data)
            shown.add("choices")
        elif set(data) <= set(Module.model_fields):
            # a part of a section (some of the assessment's keys) completes the base's section
            merged = {k: {**base[k], **v} if isinstance(v, dict) and isinstance(base.get(k), dict) else v for k, v in data.items()}
            Module.model_validate({**base, **merged})
            shown.add("module")
        else:  # the YAML lesson: keys of several levels, each a text
            assert all(isinstance(value, str) for value in data.values()), block
            shown.add("lesson")
    assert shown == {"comment", "questions", "choices", "module", "lesson"}


def test_a_closed_quote_over_several_lines_is_not_blamed_for_an_error_further_on():
    text = 'a: "een tekst\n  over twee regels\nb: c"\nd: e\nf: g\nh:\n\t- i\n'
    ((line, _, message),) = problems_of(text)
    assert line == 7 and "aanhalingsteken" not in message
    runaway = 'a: "open\nb: c\nd: "dicht"\n'
    ((line, column, message),) = problems_of(runaway)
    assert (line, column) == (1, 4) and message.startswith("aanhalingsteken wordt op deze regel niet gesloten")
