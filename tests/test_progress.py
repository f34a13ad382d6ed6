"""Taking a module as the engine sees it: pages, practice, attempts, results, status."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.grading import correct_response
from engine.loader import load_module
from engine.progress import (
    ASSESSMENT,
    ProgressError,
    Status,
    answer_attempt,
    answer_practice,
    attempt_result,
    attempts_left,
    best_score,
    complete_page,
    fraction_done,
    move,
    new_progress,
    start_attempt,
    status,
    submit_attempt,
    visit,
    withdraw_answer,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def module():
    return load_module(ROOT / "content/kennismaken/module.yaml")


def wrong_response(question):
    """A response that scores 0 for each graded kind in the example module."""
    return {
        "single": lambda q: next(i for i, o in enumerate(q.options) if not o.correct),
        "multiple": lambda q: [i for i, o in enumerate(q.options) if not o.correct],
        "true_false": lambda q: not q.answer,
        "order": lambda q: list(range(len(q.items)))[1:] + [0],
        "match": lambda q: [-1] * len(q.pairs),
        "text": lambda q: "iets anders",
        "scenario": lambda q: [next(i for i, c in enumerate(q.steps[0].choices) if c.points == 0)],
    }[question.kind](question)


def take(progress, module, answer):
    for question_id in progress.current_attempt.questions:
        progress, _ = answer_attempt(progress, module, question_id, answer(module.question(question_id)))
    return submit_attempt(progress, module)


def test_a_new_learner_has_not_started(module):
    progress = new_progress(module)
    assert status(progress, module) is Status.NOT_STARTED
    assert fraction_done(progress, module) == 0


def test_reading_pages_and_practising_is_in_progress(module):
    progress = visit(new_progress(module), module, "welkom")
    progress = complete_page(progress, module, "welkom")
    progress, grade = answer_practice(progress, module, "oefen-enkel", 0)
    assert grade.correct and grade.feedback
    assert status(progress, module) is Status.INCOMPLETE
    assert progress.location == "welkom" and progress.practice == {"oefen-enkel": 0}
    assert fraction_done(progress, module) == pytest.approx(1 / (len(module.pages) + 1))


def test_practice_answers_can_be_changed_and_assessment_questions_are_not_practice(module):
    progress, _ = answer_practice(new_progress(module), module, "oefen-enkel", 0)
    progress, grade = answer_practice(progress, module, "oefen-enkel", 1)
    assert not grade.correct and progress.practice["oefen-enkel"] == 1
    with pytest.raises(ProgressError):
        answer_practice(progress, module, "toets-terug", 0)


def test_all_correct_passes_with_100(module):
    progress = start_attempt(new_progress(module), module, seed=7)
    assert progress.location == ASSESSMENT
    assert len(progress.current_attempt.questions) == module.assessment.draw
    progress = take(progress, module, correct_response)
    assert progress.attempts[-1].score == 100
    assert status(progress, module) is Status.PASSED
    result = attempt_result(module, progress.attempts[-1])
    assert result.passed and result.percent == 100
    assert {o.objective for o in result.per_objective} <= {o.id for o in module.objectives}
    assert all(o.percent == 100 for o in result.per_objective)


def test_all_wrong_fails_and_the_attempts_run_out(module):
    progress = new_progress(module)
    for number in range(module.assessment.attempts):
        progress = take(start_attempt(progress, module, seed=number), module, wrong_response)
        assert status(progress, module) is Status.FAILED
    assert progress.attempts[-1].score == 0
    assert attempts_left(progress, module) == 0
    with pytest.raises(ProgressError):
        start_attempt(progress, module, seed=99)


def test_a_retry_after_failing_can_still_pass(module):
    progress = take(start_attempt(new_progress(module), module, seed=1), module, wrong_response)
    progress = start_attempt(progress, module, seed=2)
    assert status(progress, module) is Status.INCOMPLETE
    progress = take(progress, module, correct_response)
    assert status(progress, module) is Status.PASSED and best_score(progress) == 100


def test_unanswered_questions_count_as_zero_and_scores_are_weighted(module):
    progress = start_attempt(new_progress(module), module, seed=3)
    first = progress.current_attempt.questions[0]
    progress, _ = answer_attempt(progress, module, first, correct_response(module.question(first)))
    result = attempt_result(module, progress.current_attempt)
    weights = [module.question(q).weight for q in progress.current_attempt.questions]
    assert result.percent == pytest.approx(100 * weights[0] / sum(weights), abs=0.01)


def test_attempt_rules(module):
    progress = start_attempt(new_progress(module), module, seed=5)
    with pytest.raises(ProgressError):
        start_attempt(progress, module, seed=6)  # one at a time
    with pytest.raises(ProgressError):
        answer_attempt(progress, module, "oefen-enkel", 0)  # not in this attempt
    progress = move(progress, 2)
    assert progress.current_attempt.position == 2
    with pytest.raises(ProgressError):
        move(progress, 99)


def test_the_same_seed_draws_the_same_questions(module):
    a = start_attempt(new_progress(module), module, seed=42).current_attempt.questions
    b = start_attempt(new_progress(module), module, seed=42).current_attempt.questions
    assert a == b
    draws = {start_attempt(new_progress(module), module, seed=s).current_attempt.questions for s in range(20)}
    assert len(draws) > 1, "different seeds should draw differently"


def attempt_with(module, question_id):
    """An attempt that drew `question_id` (the draw depends on the seed)."""
    for seed in range(100):
        progress = start_attempt(new_progress(module), module, seed=seed)
        if question_id in progress.current_attempt.questions:
            return progress
    raise AssertionError(f"no seed below 100 draws {question_id}")


def test_a_case_in_an_attempt_is_taken_once_its_path_only_goes_on(module):
    progress = attempt_with(module, "toets-casus")
    case = module.question("toets-casus")
    first = [i for i, c in enumerate(case.steps[0].choices) if c.goto][0]
    progress, _ = answer_attempt(progress, module, "toets-casus", [])  # opened, nothing chosen yet
    progress, _ = answer_attempt(progress, module, "toets-casus", [first])  # going on is allowed
    progress, _ = answer_attempt(progress, module, "toets-casus", [first])  # the same path again too
    for rewritten in ([], [1 - first]):
        with pytest.raises(ProgressError):
            answer_attempt(progress, module, "toets-casus", rewritten)
    with pytest.raises(ProgressError):
        withdraw_answer(progress, module, "toets-casus")
    assert progress.current_attempt.answers["toets-casus"] == [first]


def test_an_answer_in_an_attempt_can_be_changed_and_taken_back(module):
    progress = attempt_with(module, "toets-terug")
    progress, _ = answer_attempt(progress, module, "toets-terug", 1)
    progress, _ = answer_attempt(progress, module, "toets-terug", 0)
    assert progress.current_attempt.answers["toets-terug"] == 0
    progress = withdraw_answer(progress, module, "toets-terug")
    assert "toets-terug" not in progress.current_attempt.answers
    with pytest.raises(ProgressError):
        withdraw_answer(progress, module, "oefen-enkel")  # not in this attempt
