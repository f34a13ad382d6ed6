"""Assessment design checks (draw per objective, critical choices, single-choice steps, the
reviewed date) and the pedagogy lint (engine/lints.py), as a trainer sees them from validate."""

from __future__ import annotations

from pathlib import Path

from engine.loader import check_module

ROOT = Path(__file__).resolve().parent.parent
VALID = (ROOT / "tests" / "corpus" / "valid" / "module.yaml").read_text(encoding="utf-8")


def located(tmp_path: Path, text: str, severity: str | None = None) -> list[str]:
    path = tmp_path / "module.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_module(path)
    return [f"{p.line}:{p.column}: {p.message}" for p in result.problems if severity in (None, p.severity)]


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_the_valid_module_has_no_findings(tmp_path):
    assert located(tmp_path, VALID) == []


# --- draw_per_objective ---------------------------------------------------------------------------

def test_draw_per_objective_is_accepted_when_every_objective_has_enough_questions(tmp_path):
    assert located(tmp_path, VALID.replace("  draw: 2\n", "  draw: 2\n  draw_per_objective: 1\n")) == []


def test_draw_per_objective_names_the_objective_without_enough_questions(tmp_path):
    text = VALID.replace("  draw: 2\n", "  draw: 2\n  draw_per_objective: 1\n").replace(
        "      objective: gesprek\n      prompt: Wat doe je eerst", "      objective: voorbereiden\n      prompt: Wat doe je eerst"
    )
    assert located(tmp_path, text, "error") == [
        f"{line_of(text, '- id: gesprek')}:9: leerdoel 'gesprek' heeft 0 vragen in de eindtoets, "
        "maar 'draw_per_objective' vraagt er 1 per poging"
    ]


def test_draw_per_objective_needs_room_in_draw_and_a_draw_at_all(tmp_path):
    too_many = VALID.replace("  draw: 2\n", "  draw: 2\n  draw_per_objective: 2\n")
    messages = located(tmp_path, too_many, "error")
    line = line_of(too_many, "draw_per_objective")
    assert f"{line}:23: 2 vragen per leerdoel voor 2 leerdoelen zijn 4 vragen, meer dan 'draw: 2'" in messages
    assert any("leerdoel 'voorbereiden' heeft 1 vraag in de eindtoets" in m for m in messages)
    without_draw = VALID.replace("  draw: 2\n", "  draw_per_objective: 1\n")
    assert located(tmp_path, without_draw, "error") == [
        f"{line_of(without_draw, 'draw_per_objective')}:23: 'draw_per_objective' werkt alleen samen met 'draw'"
    ]


# --- casus choices --------------------------------------------------------------------------------

def test_a_critical_choice_with_points_is_an_error_at_its_points(tmp_path):
    text = VALID.replace(
        "                points: 0\n                feedback: Hij sluit de deur.",
        "                points: 1\n                critical: true\n                feedback: Hij sluit de deur.",
    )
    line = line_of(text, "critical: true") - 1
    assert located(tmp_path, text, "error") == [
        f"{line}:25: een keuze met 'critical: true' is een ernstige fout en kan geen punten opleveren"
    ]


def test_a_step_where_every_choice_is_critical_is_an_error(tmp_path):
    text = VALID.replace(
        "          - id: tafel\n            text: Aan tafel zegt hij dat het wel gaat.\n",
        "          - id: tafel\n            text: Aan tafel zegt hij dat het wel gaat.\n"
        "            choices:\n              - text: Je vertrekt boos.\n                critical: true\n",
    )
    messages = located(tmp_path, text, "error")
    line = line_of(text, "- text: Je vertrekt boos.") - 1
    assert messages == [f"{line}:13: elke keuze in deze stap is een ernstige fout ('critical: true')"]


def test_a_step_with_one_choice_that_gives_points_is_a_warning(tmp_path):
    text = VALID.replace(
        "          - id: tafel\n            text: Aan tafel zegt hij dat het wel gaat.\n",
        "          - id: tafel\n            text: Aan tafel zegt hij dat het wel gaat.\n"
        "            choices:\n              - text: Je luistert.\n                points: 1\n",
    )
    line = line_of(text, "- text: Je luistert.") + 1
    assert located(tmp_path, text) == [
        f"{line}:25: deze stap heeft maar één keuze, en die levert punten op: die punten krijgt iedereen cadeau"
    ]
    assert located(tmp_path, text.replace("                points: 1\n", "                points: 0\n", 1).replace(
        "              - text: Je luistert.\n                points: 1\n", "              - text: Je luistert.\n                points: 0\n"
    )) == []


# --- reviewed -------------------------------------------------------------------------------------

def test_reviewed_takes_a_real_date_and_reviewers(tmp_path):
    good = VALID.replace("pages:\n", "reviewed:\n  date: 2026-12-01\n  by: [inhoudsdeskundige wijkteam]\npages:\n", 1)
    assert located(tmp_path, good) == []
    for bad in ("2026-02-30", "1 december 2026", "2026-1-5"):
        text = good.replace("2026-12-01", bad)
        assert located(tmp_path, text) == [f"{line_of(text, 'date:')}:9: '{bad}' is geen bestaande datum"]
    assert located(tmp_path, good.replace("  by: [inhoudsdeskundige wijkteam]\n", "  by: []\n")) != []


# --- pedagogy lint --------------------------------------------------------------------------------

def _true_false(ident: str, prompt: str, answer: bool) -> str:
    return (
        f"      - id: {ident}\n        kind: true_false\n        objective: voorbereiden\n"
        f"        prompt: {prompt}\n        answer: {str(answer).lower()}\n        explanation: Uitleg.\n"
    )


def _with_practice(questions: str) -> str:
    marker = "  - id: aan-tafel\n"
    return VALID.replace(marker, questions + marker, 1)


def test_true_false_keys_nearly_all_one_way_are_flagged_at_the_first(tmp_path):
    # with the pool's one 'waar' statement: 6 of 7 are 'niet waar'
    six_false = "".join(_true_false(f"tf-{i}", f"Stelling {i}.", False) for i in range(6))
    text = _with_practice(six_false)
    assert located(tmp_path, text) == [
        f"{line_of(text, 'answer: false')}:17: 6 van de 7 waar/niet waar-vragen hebben als antwoord 'niet waar': "
        "wie altijd 'niet waar' gokt, scoort hoog"
    ]
    balanced = "".join(_true_false(f"tf-{i}", f"Stelling {i}.", i % 3 == 0) for i in range(6))
    assert located(tmp_path, _with_practice(balanced)) == []


def _single(ident: str, right: str, wrong: str) -> str:
    return (
        f"      - id: {ident}\n        kind: single\n        objective: voorbereiden\n        prompt: Kies.\n"
        f"        explanation: Uitleg.\n        options:\n          - text: {right}\n            correct: true\n"
        f"          - text: {wrong}\n"
    )


def test_absolutes_only_in_wrong_answers_and_hedges_only_in_right_ones_are_flagged(tmp_path):
    absolutes = "".join(_single(f"s-{i}", f"Je overlegt eerst {i}.", f"Je meldt altijd meteen {i}.") for i in range(3))
    text = _with_practice(absolutes)
    assert located(tmp_path, text) == [
        f"{line_of(text, 'altijd meteen 0')}:19: 'altijd' staat in 3 foute antwoorden en in geen goed antwoord; "
        "zo verraadt het woord het antwoord"
    ]
    # one right answer with an absolute takes the cue away
    assert located(tmp_path, text.replace("Je overlegt eerst 0.", "Je overlegt altijd eerst.")) == []
    hedges = "".join(_single(f"h-{i}", f"Dat kan soms {i}.", f"Dat is zo {i}.") for i in range(3))
    text = _with_practice(hedges)
    assert located(tmp_path, text) == [
        f"{line_of(text, 'kan soms 0')}:19: 'kan' staat in 3 goede antwoorden en in geen fout antwoord; "
        "zo verraadt het woord het antwoord"
    ]


def test_all_of_the_above_is_flagged_at_the_option(tmp_path):
    text = _with_practice(_single("alle", "Alle bovenstaande antwoorden.", "Een folder geven."))
    assert located(tmp_path, text) == [
        f"{line_of(text, 'Alle bovenstaande')}:19: antwoord 'Alle bovenstaande antwoorden.' laat raden: "
        "wie twee goede antwoorden ziet, weet het al"
    ]


def test_a_multi_select_where_choosing_everything_scores_high_is_flagged(tmp_path):
    def multiple(right: int, wrong: int) -> str:
        options = "".join(f"          - text: Goed {i}.\n            correct: true\n" for i in range(right))
        options += "".join(f"          - text: Fout {i}.\n" for i in range(wrong))
        return (
            "      - id: meer\n        kind: multiple\n        objective: voorbereiden\n        prompt: Kies alle goede.\n"
            f"        explanation: Uitleg.\n        options:\n{options}"
        )

    text = _with_practice(multiple(4, 1))
    assert located(tmp_path, text) == [
        f"{line_of(text, 'Kies alle goede') + 2}:9: "
        "bijna alle antwoorden zijn goed: wie alles aanvinkt, scoort al 75%"
    ]
    assert located(tmp_path, _with_practice(multiple(3, 1))) == []
    assert located(tmp_path, _with_practice(multiple(2, 2))) == []

