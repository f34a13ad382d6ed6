"""Looking back at a handed-in attempt: which questions went wrong, which page teaches a question's
objective, and which questions to practise again (those of the objectives scored below the pass
mark). Pure functions of the module, the attempt and its result; the results screen shows them."""

from __future__ import annotations

from engine.model import GRADED_KINDS, Module, Page
from engine.progress import AssessmentAttempt, AttemptResult, weak_objectives


def is_wrong(module: Module, attempt: AssessmentAttempt, result: AttemptResult, question_id: str) -> bool:
    """A graded question that did not score in full (not answered counts as wrong)."""
    if module.question(question_id).kind not in GRADED_KINDS:
        return False
    graded = result.grades.get(question_id)
    return graded is None or not graded.correct


def teaching_page(module: Module, objective: str | None) -> Page | None:
    """The first page whose practice questions work on `objective`: where the module teaches it."""
    if objective is None:
        return None
    return next((page for page in module.pages if any(q.objective == objective for q in page.questions)), None)


def practice_round(module: Module, attempt: AssessmentAttempt, result: AttemptResult) -> list[str]:
    """The graded questions of this attempt whose objective scored below the pass mark, in the
    attempt's order."""
    weak = set(weak_objectives(module, result))
    return [
        question_id
        for question_id in attempt.questions
        if module.question(question_id).kind in GRADED_KINDS and module.question(question_id).objective in weak
    ]
