"""Grading rules, driven by the same table of cases the SCORM player's JS grading runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.grading import InvalidResponse, correct_response, grade, normalize_text
from engine.loader import load_module

ROOT = Path(__file__).resolve().parent.parent
CASES = json.loads((ROOT / "tests/grading/cases.json").read_text(encoding="utf-8"))
MODULES = {path: load_module(ROOT / path) for path in {c["module"] for c in CASES}}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['question']}-{json.dumps(c['response'])}")
def test_python_grading_matches_the_shared_table(case):
    question = MODULES[case["module"]].question(case["question"])
    result = grade(question, case["response"])
    if case["score"] is None:
        assert result.score is None and not result.graded
    else:
        assert result.score == pytest.approx(case["score"], abs=1e-6)
        assert result.correct == (case["score"] == 1.0)


def test_the_table_covers_every_kind():
    kinds = {MODULES[c["module"]].question(c["question"]).kind for c in CASES}
    assert kinds == {"single", "multiple", "true_false", "order", "match", "text", "scenario", "likert", "reflection"}


@pytest.mark.parametrize(
    "question_id, response",
    [
        ("een", 3),  # no such option
        ("een", True),  # a bool is not an index
        ("meer", [0, 0]),  # chosen twice
        ("waar", "nee"),
        ("volgorde", [0, 1, 2]),  # an item left out
        ("koppel", [0, 1, 2]),  # a pair left out
        ("koppel", [0, 1, 2, 5]),  # past the answers
        ("tekst", 12),
        ("casus", [0, 0, 0]),  # more choices than the path has steps
        ("casus-kritiek", [0, 0, 0]),  # a choice at the end step, which has no choices
        ("casus-kritiek", [0, 2]),  # no such choice at the second step
        ("schaal", 5),
        ("reflectie", "x" * 501),  # over max_length (500 by default)
    ],
)
def test_responses_that_do_not_fit_are_refused(question_id, response):
    question = MODULES["tests/grading/module.yaml"].question(question_id)
    with pytest.raises(InvalidResponse):
        grade(question, response)


def test_feedback_follows_the_choice():
    module = MODULES["tests/grading/module.yaml"]
    assert grade(module.question("een"), 0).feedback == ("a",)
    assert grade(module.question("meer"), [0, 3]).feedback == ("a", "d")


def test_correct_response_scores_full_marks_for_every_graded_question():
    module = load_module(ROOT / "content/kennismaken/module.yaml")
    for question in [*module.all_questions(), *MODULES["tests/grading/module.yaml"].all_questions()]:
        response = correct_response(question)
        if question.kind in ("likert", "reflection"):
            assert response is None
        else:
            assert grade(question, response).correct, question.id


def test_text_normalisation_ignores_case_width_of_spaces_and_composition():
    assert normalize_text("  Één \t KIND\n") == "één kind"
    assert normalize_text("Cafe\u0301") == normalize_text("café")


def test_a_choice_past_the_end_of_a_shipped_casus_is_refused_not_a_crash():
    # 'later' ends the casus: it has no choices, so a second choice cannot be graded
    question = load_module(ROOT / "content/kennismaken/module.yaml").question("toets-casus")
    with pytest.raises(InvalidResponse):
        grade(question, [0, 0])
    assert grade(question, [0]).score == 1.0


def test_a_critical_choice_fails_the_casus_whatever_came_before():
    question = MODULES["tests/grading/module.yaml"].question("casus-kritiek")
    assert grade(question, [0, 0]).correct
    serious = grade(question, [0, 1])  # two points earned first, then the serious error
    assert serious.score == 0.0
    assert serious.feedback == ("fout",)
    assert correct_response(question) == [0, 0]
