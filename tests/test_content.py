"""The shipped modules keep the coverage the course format issue promises; nothing can silently drop."""

from __future__ import annotations

import pytest

import content
from engine.codec import SUSPEND_DATA_LIMIT_SCORM12, worst_case_length
from engine.loader import check_module, check_paths
from engine.model import (
    MatchQuestion,
    Module,
    MultipleQuestion,
    OrderQuestion,
    ScenarioQuestion,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)

COURSE_MODULES = ["lvb-herkennen", "psychische-problemen", "veiligheid", "collectief-werken"]
TEACHING_PAGE_MIN_CHARS = 600


def load(module_id: str) -> Module:
    result = check_module(content.folder() / module_id / "module.yaml")
    assert result.problems == [], "\n".join(map(str, result.problems))
    assert result.module is not None
    return result.module


def test_every_shipped_module_validates_without_warnings():
    results = check_paths([content.folder()])
    assert results, "no modules shipped"
    problems = [str(p) for r in results for p in r.problems]
    assert problems == []


@pytest.mark.parametrize("module_id", COURSE_MODULES)
def test_course_module_meets_the_numbers(module_id):
    module = load(module_id)
    assert module.id == module_id
    assert module.language == "nl"
    assert module.theme, "a theme links the module to the ontwikkelscan"
    assert 30 <= module.minutes <= 45
    assert 4 <= len(module.objectives) <= 6
    assert len(module.sources) >= 3

    teaching = [p for p in module.pages if p.body and len(p.body) >= TEACHING_PAGE_MIN_CHARS]
    assert len(teaching) >= 5, f"only {len(teaching)} pages of substance"

    practice = [q for p in module.pages for q in p.questions]
    assert sum(q.kind not in ("likert", "reflection") for q in practice) >= 5
    scenarios = [q for q in module.all_questions() if isinstance(q, ScenarioQuestion)]
    assert len(scenarios) >= 2

    assessment = module.assessment
    assert assessment is not None
    assert len(assessment.questions) >= 15
    assert assessment.draw is not None and assessment.draw < len(assessment.questions)
    assert len({q.kind for q in assessment.questions}) >= 5
    assert all(q.objective for q in assessment.questions)
    assert {o.id for o in module.objectives} <= {q.objective for q in assessment.questions}


@pytest.mark.parametrize("module_id", COURSE_MODULES)
def test_every_option_says_why(module_id):
    module = load(module_id)
    for question in module.all_questions():
        where = f"{module_id}/{question.id}"
        if isinstance(question, (SingleQuestion, MultipleQuestion)):
            assert all(o.feedback for o in question.options), where
        elif isinstance(question, TrueFalseQuestion):
            assert question.feedback_true and question.feedback_false, where
        elif isinstance(question, TextQuestion):
            assert question.feedback_correct and question.feedback_incorrect, where
        elif isinstance(question, ScenarioQuestion):
            assert all(c.feedback for s in question.steps for c in s.choices), where
        elif isinstance(question, OrderQuestion):
            assert question.explanation or all(i.feedback for i in question.items), where
        elif isinstance(question, MatchQuestion):
            assert question.explanation or all(p.feedback for p in question.pairs), where


@pytest.mark.parametrize("module_id", [*COURSE_MODULES, "kennismaken"])
def test_progress_always_fits_scorm12_suspend_data(module_id):
    assert worst_case_length(load(module_id)) <= SUSPEND_DATA_LIMIT_SCORM12
