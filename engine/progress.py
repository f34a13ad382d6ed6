"""A learner's progress through one module, as an immutable value, and the rules that move it on.

`Progress` says where the learner is, which pages are done, what they answered on the practice
questions and in each assessment attempt. Every function here returns a new value; the TUI stores
each one (one transaction per answer) and the SCORM player keeps the same state in suspend_data.
Scores are never stored separately from the answers they come from, except the score an attempt
had when it was handed in (`AssessmentAttempt.score`), which is a fact of that moment. The
questions a learner marked in an attempt (`flag`) change no score; the store keeps them beside the
progress (`with_flags` puts them back), the SCORM player does not have them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType

from engine.draw import draw_questions
from engine.grading import Grade, Response, grade, validate_response
from engine.model import GRADED_KINDS, Module

ASSESSMENT = "toets"  # the location of the assessment, next to page ids


class Status(StrEnum):
    NOT_STARTED = "not_started"
    INCOMPLETE = "incomplete"
    PASSED = "passed"
    FAILED = "failed"
    COMPLETED = "completed"  # all pages done in a module without an assessment


class ProgressError(Exception):
    """An action that the module's rules do not allow (e.g. a fourth attempt when three are allowed)."""


def _frozen(mapping: Mapping[str, Response] | None = None) -> Mapping[str, Response]:
    return MappingProxyType(dict(mapping or {}))


class QuestionState(StrEnum):
    ANSWERED = "answered"
    OPEN = "open"


@dataclass(frozen=True)
class AssessmentAttempt:
    number: int
    seed: int
    questions: tuple[str, ...]
    answers: Mapping[str, Response] = field(default_factory=_frozen)
    position: int = 0
    score: float | None = None  # percent, set when handed in
    flagged: frozenset[str] = frozenset()  # questions the learner marked to look at again

    @property
    def submitted(self) -> bool:
        return self.score is not None

    def state_of(self, question_id: str) -> QuestionState:
        """Answered or open, as the toets overview shows it (a flag is shown beside either)."""
        return QuestionState.ANSWERED if question_id in self.answers else QuestionState.OPEN


@dataclass(frozen=True)
class ObjectiveScore:
    objective: str | None
    percent: float
    questions: int


@dataclass(frozen=True)
class AttemptResult:
    percent: float
    passed: bool
    per_objective: tuple[ObjectiveScore, ...]
    grades: Mapping[str, Grade]


@dataclass(frozen=True)
class Progress:
    module_id: str
    module_version: str
    location: str | None = None  # a page id, ASSESSMENT, or None before the first page
    pages_done: frozenset[str] = frozenset()
    practice: Mapping[str, Response] = field(default_factory=_frozen)
    attempts: tuple[AssessmentAttempt, ...] = ()

    @property
    def current_attempt(self) -> AssessmentAttempt | None:
        """The attempt in progress (not yet handed in), if any."""
        if self.attempts and not self.attempts[-1].submitted:
            return self.attempts[-1]
        return None


def new_progress(module: Module) -> Progress:
    return Progress(module.id, module.version)


def visit(progress: Progress, module: Module, location: str) -> Progress:
    if location != ASSESSMENT:
        module.page(location)  # raises KeyError for an unknown page
    elif module.assessment is None:
        raise ProgressError("this module has no assessment")
    return replace(progress, location=location)


def complete_page(progress: Progress, module: Module, page_id: str) -> Progress:
    module.page(page_id)
    return replace(progress, pages_done=progress.pages_done | {page_id})


def answer_practice(progress: Progress, module: Module, question_id: str, response: Response) -> tuple[Progress, Grade]:
    """Record a practice answer and return its grade (practice answers can be changed any time)."""
    question = module.question(question_id)
    if module.assessment and question in module.assessment.questions:
        raise ProgressError(f"{question_id} is an assessment question")
    result = grade(question, response)
    answers = dict(progress.practice)
    answers[question_id] = validate_response(question, response)
    return replace(progress, practice=_frozen(answers)), result


def attempts_left(progress: Progress, module: Module) -> int | None:
    """How many more attempts may be started; None means unlimited."""
    if module.assessment is None:
        return 0
    if module.assessment.attempts == 0:
        return None
    return max(0, module.assessment.attempts - len(progress.attempts))


def start_attempt(progress: Progress, module: Module, seed: int) -> Progress:
    if module.assessment is None:
        raise ProgressError("this module has no assessment")
    if progress.current_attempt is not None:
        raise ProgressError("an attempt is already in progress")
    if attempts_left(progress, module) == 0:
        raise ProgressError("no attempts left")
    attempt = AssessmentAttempt(len(progress.attempts) + 1, seed & 0xFFFFFFFF, tuple(draw_questions(module.assessment, seed)))
    return replace(progress, attempts=(*progress.attempts, attempt), location=ASSESSMENT)


def _with_current(progress: Progress, attempt: AssessmentAttempt) -> Progress:
    return replace(progress, attempts=(*progress.attempts[:-1], attempt))


def answer_attempt(progress: Progress, module: Module, question_id: str, response: Response) -> tuple[Progress, Grade]:
    """Record an answer in the current attempt; the grade is for the caller to show or not,
    as the assessment's feedback rule says. Other answers may be changed until the attempt is
    handed in, but a case (scenario) is taken once: its path may only be extended, never
    rewritten, so the best path cannot be found by trying."""
    attempt = progress.current_attempt
    if attempt is None:
        raise ProgressError("no attempt in progress")
    if question_id not in attempt.questions:
        raise ProgressError(f"{question_id} is not part of this attempt")
    question = module.question(question_id)
    result = grade(question, response)
    response = validate_response(question, response)
    if question.kind == "scenario":
        taken = list(attempt.answers.get(question_id) or [])
        if response[: len(taken)] != taken:
            raise ProgressError(f"{question_id}: a case in an attempt is taken once; its path can only go on")
    answers = dict(attempt.answers)
    answers[question_id] = response
    return _with_current(progress, replace(attempt, answers=_frozen(answers))), result


def withdraw_answer(progress: Progress, module: Module, question_id: str) -> Progress:
    """Take back an answer in the current attempt (a choice unticked again): the question is open
    once more. A case cannot be taken back, as its path can only go on."""
    attempt = progress.current_attempt
    if attempt is None:
        raise ProgressError("no attempt in progress")
    if question_id not in attempt.questions:
        raise ProgressError(f"{question_id} is not part of this attempt")
    if module.question(question_id).kind == "scenario":
        raise ProgressError(f"{question_id}: a case in an attempt is taken once")
    answers = {k: v for k, v in attempt.answers.items() if k != question_id}
    return _with_current(progress, replace(attempt, answers=_frozen(answers)))


def move(progress: Progress, position: int) -> Progress:
    attempt = progress.current_attempt
    if attempt is None:
        raise ProgressError("no attempt in progress")
    if not 0 <= position < len(attempt.questions):
        raise ProgressError("no such question in this attempt")
    return _with_current(progress, replace(attempt, position=position))


def flag(progress: Progress, question_id: str, flagged: bool) -> Progress:
    """Mark a question of the attempt in progress to look at again before handing in (or take
    the mark off). A flag changes nothing in the score."""
    attempt = progress.current_attempt
    if attempt is None:
        raise ProgressError("no attempt in progress")
    if question_id not in attempt.questions:
        raise ProgressError(f"{question_id} is not part of this attempt")
    marks = attempt.flagged | {question_id} if flagged else attempt.flagged - {question_id}
    return _with_current(progress, replace(attempt, flagged=marks))


def with_flags(progress: Progress, flags: Mapping[int, frozenset[str]]) -> Progress:
    """`progress` with each attempt's flags (by attempt number) as stored beside it; flags of
    questions no longer in an attempt (the module changed) are left out."""
    if not flags and not any(a.flagged for a in progress.attempts):
        return progress
    attempts = tuple(replace(a, flagged=frozenset(flags.get(a.number, frozenset())) & set(a.questions)) for a in progress.attempts)
    return replace(progress, attempts=attempts)


def weak_objectives(module: Module, result: AttemptResult) -> tuple[str | None, ...]:
    """The objectives (None: questions without one) scored below the pass mark in this attempt."""
    assert module.assessment is not None
    return tuple(s.objective for s in result.per_objective if s.percent < module.assessment.pass_mark)


def submit_attempt(progress: Progress, module: Module) -> Progress:
    attempt = progress.current_attempt
    if attempt is None:
        raise ProgressError("no attempt in progress")
    result = attempt_result(module, attempt)
    return _with_current(progress, replace(attempt, score=result.percent))


def attempt_result(module: Module, attempt: AssessmentAttempt) -> AttemptResult:
    """Score an attempt from its answers: overall and per objective, weighted by question weight.
    Unanswered questions count as 0."""
    assert module.assessment is not None
    grades: dict[str, Grade] = {}
    totals: dict[str | None, list[float]] = {}
    earned_all = weight_all = 0.0
    for question_id in attempt.questions:
        question = module.question(question_id)
        if question.kind not in GRADED_KINDS:
            continue
        if question_id in attempt.answers:
            grades[question_id] = grade(question, attempt.answers[question_id])
            score = grades[question_id].score or 0.0
        else:
            score = 0.0
        earned_all += score * question.weight
        weight_all += question.weight
        bucket = totals.setdefault(question.objective, [0.0, 0.0, 0])
        bucket[0] += score * question.weight
        bucket[1] += question.weight
        bucket[2] += 1
    percent = round(100 * earned_all / weight_all, 2) if weight_all else 0.0
    order = {o.id: i for i, o in enumerate(module.objectives)}
    per_objective = tuple(
        ObjectiveScore(objective, round(100 * earned / weight, 2) if weight else 0.0, int(count))
        for objective, (earned, weight, count) in sorted(totals.items(), key=lambda kv: order.get(kv[0] or "", len(order)))
    )
    return AttemptResult(percent, percent >= module.assessment.pass_mark, per_objective, MappingProxyType(grades))


def best_score(progress: Progress) -> float | None:
    scores = [a.score for a in progress.attempts if a.score is not None]
    return max(scores) if scores else None


def status(progress: Progress, module: Module) -> Status:
    if module.assessment is not None:
        best = best_score(progress)
        if best is not None and best >= module.assessment.pass_mark:
            return Status.PASSED
        if best is not None and progress.current_attempt is None:
            return Status.FAILED  # until a new attempt is started, if any are left
    elif all(p.id in progress.pages_done for p in module.pages):
        return Status.COMPLETED
    if progress.location is None and not progress.pages_done and not progress.practice and not progress.attempts:
        return Status.NOT_STARTED
    return Status.INCOMPLETE


def fraction_done(progress: Progress, module: Module) -> float:
    """Pages done plus a handed-in attempt, as a share of all there is to do."""
    steps = len(module.pages) + (1 if module.assessment else 0)
    done = len(progress.pages_done & {p.id for p in module.pages})
    if module.assessment and any(a.submitted for a in progress.attempts):
        done += 1
    return done / steps
