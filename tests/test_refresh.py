"""Opfrissen: after a passed toets its questions come back on later days (FSRS); each refresh answer
moves the question on, and both are kept in the store, which refuses a damaged card row."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from engine import refresh
from engine.loader import load_module
from engine.progress import AssessmentAttempt, Progress, new_progress
from engine.store import ProgressStore, StoreError

FIXTURES = Path(__file__).parent / "tui" / "fixtures"
PASSED_AT = refresh.moment("2026-03-02T10:00:00+00:00")


def hervatten():
    return load_module(FIXTURES / "hervatten.yaml")


def passed(module, answers, score=66.67, questions=None):
    attempt = AssessmentAttempt(1, 7, tuple(questions or answers), answers, len(answers) - 1, score)
    return Progress(module.id, module.version, "toets", frozenset(), {}, (attempt,))


def test_a_question_answered_wrongly_in_the_toets_comes_back_sooner_than_one_answered_right():
    module = hervatten()
    cards = {c.question_id: c for c in refresh.first_cards(module, passed(module, {"een": 0, "twee": True, "drie": 0}), PASSED_AT)}
    assert set(cards) == {"een", "twee", "drie"}
    wrong, right = refresh.moment_of(cards["twee"]), refresh.moment_of(cards["een"])
    assert wrong - PASSED_AT == timedelta(days=1)
    assert right - PASSED_AT >= timedelta(days=2)
    assert refresh.due(module, list(cards.values()), PASSED_AT + timedelta(hours=23)) == []
    due = refresh.due(module, list(cards.values()), PASSED_AT + timedelta(days=1))
    assert [question.id for _, question in due] == ["twee"]


def test_a_module_not_passed_schedules_nothing():
    module = hervatten()
    failed = passed(module, {"een": 1, "twee": True, "drie": 1}, score=0.0)
    assert refresh.first_cards(module, failed, PASSED_AT) == []
    assert refresh.first_cards(module, new_progress(module), PASSED_AT) == []


def test_only_questions_with_one_answer_to_recognise_are_scheduled():
    module = load_module(FIXTURES / "alle-soorten" / "module.yaml")
    assert module.assessment is not None
    pool = [q.id for q in module.assessment.questions]
    cards = refresh.first_cards(module, passed(module, {}, score=100.0, questions=pool), PASSED_AT)
    kinds = {module.question(c.question_id).kind for c in cards}
    assert kinds == {"single", "multiple", "true_false", "order", "match"}
    assert {q.kind for q in module.assessment.questions} - kinds == {"text", "scenario"}


def test_refresh_answers_move_a_question_on_and_are_kept(tmp_path):
    module = hervatten()
    store = ProgressStore.open(tmp_path / "s.sqlite3")
    store.schedule_refresh(refresh.first_cards(module, passed(module, {"een": 0, "twee": True, "drie": 0}), PASSED_AT))
    day = PASSED_AT + timedelta(days=1)
    assert store.refresh_due_count(refresh.timestamp(day)) == 1
    assert store.refresh_due_count(refresh.timestamp(PASSED_AT + timedelta(days=2))) == 3

    (card, question), = refresh.due(module, store.refresh_cards(module.id), day)
    done = refresh.review(card, question, False, day)  # right this time
    assert done.grade.correct and done.rating == refresh.GOOD
    store.record_refresh(done.card, module.version, done.rating, done.response, done.log, refresh.timestamp(day))
    assert store.refresh_due_count(refresh.timestamp(day)) == 0
    assert done.next_due - day >= timedelta(days=2)

    # scheduling the module again (the home screen does it when it sees a passed module) keeps the cards
    store.schedule_refresh(refresh.first_cards(module, passed(module, {"een": 0, "twee": True, "drie": 0}), day))
    store.close()

    again = ProgressStore.open(tmp_path / "s.sqlite3")
    (kept,) = again.refresh_reviews(module.id)
    assert (kept.question_id, kept.rating, kept.response) == ("twee", refresh.GOOD, False)
    assert again.refresh_modules() == {"hervatten"}
    stored = {c.question_id: c for c in again.refresh_cards(module.id)}
    assert stored["twee"].due == done.card.due

    later = PASSED_AT + timedelta(days=2)
    wrong = refresh.review(stored["een"], module.question("een"), 1, later)
    assert wrong.rating == refresh.AGAIN and wrong.next_due - later == timedelta(days=1)
    again.close()


def test_a_question_that_left_the_module_is_not_asked():
    module = hervatten()
    cards = refresh.first_cards(module, passed(module, {"een": 0, "twee": True, "drie": 0}), PASSED_AT)
    smaller = module.model_copy(
        update={"assessment": module.assessment.model_copy(update={"questions": module.assessment.questions[:1]})}
    )
    later = PASSED_AT + timedelta(days=30)
    assert [q.id for _, q in refresh.due(smaller, cards, later)] == ["een"]


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE refresh_cards SET card = 'geen json'",
        "UPDATE refresh_cards SET card = json_set(card, '$.state', 9)",
        "UPDATE refresh_cards SET card = json_set(card, '$.due', 'morgen')",
        "UPDATE refresh_cards SET due = 'morgen'",
        "INSERT INTO refresh_reviews (at, module_id, module_version, question_id, rating, response, review)"
        " VALUES (1, 'hervatten', '1.0.0', 'een', 7, '0', '{}')",
    ],
)
def test_a_damaged_refresh_row_is_refused_in_dutch(tmp_path, damage):
    module = hervatten()
    path = tmp_path / "s.sqlite3"
    store = ProgressStore.open(path)
    store.schedule_refresh(refresh.first_cards(module, passed(module, {"een": 0, "twee": True, "drie": 0}), PASSED_AT))
    store.close()
    db = sqlite3.connect(path)
    db.execute(damage)
    db.commit()
    db.close()
    with pytest.raises(StoreError) as refused:
        ProgressStore.open(path)
    assert refused.value.problem == "corrupt"
    assert "tabel refresh_" in refused.value.detail and "module hervatten" in refused.value.detail


def test_fsrs_is_not_loaded_to_start_the_app_or_count_what_is_due():
    import json
    import subprocess
    import sys

    code = (
        "import sys, json; import engine.store, leermodules.tui.app, leermodules.tui.screens.home, engine.refresh; "
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent.parent, capture_output=True, text=True, check=True)
    assert "fsrs" not in {name.split(".")[0] for name in json.loads(out.stdout)}
