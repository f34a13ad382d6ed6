"""Progress survives a round trip through both serialisations, and fits SCORM 1.2."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.codec import CodecError, decode, encode, from_json, reconcile, to_json, worst_case_length
from engine.grading import correct_response
from engine.loader import load_module
from engine.progress import (
    answer_attempt,
    answer_practice,
    complete_page,
    move,
    new_progress,
    start_attempt,
    submit_attempt,
    visit,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def module():
    return load_module(ROOT / "content/kennismaken/module.yaml")


@pytest.fixture()
def busy(module):
    """Two pages read, every practice kind answered, one attempt handed in, a second halfway."""
    progress = complete_page(visit(new_progress(module), module, "welkom"), module, "welkom")
    progress = complete_page(progress, module, "soorten-vragen")
    for question in [q for p in module.pages for q in p.questions]:
        response = correct_response(question)
        if question.kind == "likert":
            response = 3
        if question.kind == "reflection":
            response = 'Meer "oefenen" met één vraag\nper keer.'
        progress, _ = answer_practice(progress, module, question.id, response)
    progress = start_attempt(progress, module, seed=123)
    for qid in progress.current_attempt.questions:
        progress, _ = answer_attempt(progress, module, qid, correct_response(module.question(qid)))
    progress = submit_attempt(progress, module)
    progress = start_attempt(progress, module, seed=4000000000)
    first, second = progress.current_attempt.questions[:2]
    progress, _ = answer_attempt(progress, module, first, correct_response(module.question(first)))
    progress, _ = answer_attempt(progress, module, second, correct_response(module.question(second)))
    return move(progress, 2)


def test_readable_round_trip_keeps_everything(busy):
    assert from_json(to_json(busy)) == busy


def test_compact_round_trip_keeps_position_answers_and_scores(busy, module):
    back = decode(encode(busy, module), module)
    assert back.location == busy.location
    assert back.pages_done == busy.pages_done
    assert back.practice == busy.practice
    assert back.current_attempt == busy.current_attempt
    assert [a.score for a in back.attempts] == [a.score for a in busy.attempts]


def test_compact_form_is_small(busy, module):
    assert len(encode(busy, module)) < len(to_json(busy)) / 2


def test_worst_case_is_an_upper_bound(busy, module):
    assert len(encode(busy, module)) <= worst_case_length(module)


@pytest.mark.parametrize("text", ["", "{", "[]", '{"v":"1.0.0","l":99}', '{"v":"1.0.0","p":[[0,7]]}', '{"v":"1.0.0","c":[1,0,[[500,1]]]}'])
def test_compact_data_that_does_not_fit_is_refused(text, module):
    with pytest.raises(CodecError):
        decode(text, module)


@pytest.mark.parametrize("text", ["", "null", '{"module":"x"}', '{"module":"x","version":"1","location":null,"pages_done":[],"practice":{},"attempts":[{}]}'])
def test_unreadable_stored_progress_is_refused(text):
    with pytest.raises(CodecError):
        from_json(text)


def test_reconcile_keeps_what_still_fits_an_edited_module(busy, module):
    edited = module.model_copy(
        update={
            "version": "1.1.0",
            "pages": [p for p in module.pages if p.id != "welkom"],
        }
    )
    fitted = reconcile(busy, edited)
    assert fitted.module_version == "1.1.0"
    assert "welkom" not in fitted.pages_done and "soorten-vragen" in fitted.pages_done
    assert "oefen-enkel" not in fitted.practice  # its page is gone
    assert fitted.practice["oefen-meer"] == busy.practice["oefen-meer"]
    assert fitted.location == busy.location  # still in the assessment
    assert fitted.attempts == busy.attempts
    on_removed_page = reconcile(visit(busy, module, "welkom"), edited)
    assert on_removed_page.location is None
