"""One learner working through one module: the engine's rules plus the store, nothing on screen.

Every action is one call to `ProgressStore.update`, which applies the engine's pure function to the
progress as stored and records the event in the same transaction. Screens call these methods and
render `progress`; they never compute a score themselves.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from engine import progress as rules
from engine.grading import Grade, Response, grade, validate_response
from engine.model import Module
from engine.progress import ASSESSMENT, AssessmentAttempt, AttemptResult, Progress, Status
from engine.store import Event, ProgressStore


def random_seed() -> int:
    return random.SystemRandom().getrandbits(32)


class ModuleSession:
    def __init__(self, module: Module, store: ProgressStore, seeds: Callable[[], int] = random_seed):
        self.module = module
        self.store = store
        self.seeds = seeds
        self.progress: Progress = store.load(module)
        self.focus: str | None = store.focus(module.id)

    def refresh(self) -> None:
        """Read the stored progress again (another instance may have written; the module may have changed)."""
        self.progress = self.store.load(self.module)
        self.focus = self.store.focus(self.module.id)

    # --- what there is to show ---

    @property
    def status(self) -> Status:
        return rules.status(self.progress, self.module)

    @property
    def fraction_done(self) -> float:
        return rules.fraction_done(self.progress, self.module)

    @property
    def best_score(self) -> float | None:
        return rules.best_score(self.progress)

    @property
    def attempts_left(self) -> int | None:
        return rules.attempts_left(self.progress, self.module)

    def last_result(self) -> tuple[AssessmentAttempt, AttemptResult] | None:
        handed_in = [a for a in self.progress.attempts if a.submitted and a.questions]
        if not handed_in:
            return None
        return handed_in[-1], rules.attempt_result(self.module, handed_in[-1])

    # --- actions, each stored in one transaction ---

    def _apply(self, change: Callable[[Progress], Progress], event: Event, **focus) -> Progress:
        self.progress = self.store.update(self.module, change, event, **focus)
        if "focus" in focus:
            self.focus = focus["focus"]
        return self.progress

    def visit(self, location: str) -> None:
        if self.progress.location != location:
            self._apply(lambda p: rules.visit(p, self.module, location), Event("visit"))

    def set_focus(self, question_id: str | None) -> None:
        if question_id != self.focus:
            self.store.set_focus(self.module, question_id)
            self.focus = question_id

    def complete_page(self, page_id: str) -> None:
        if page_id not in self.progress.pages_done:
            self._apply(lambda p: rules.complete_page(p, self.module, page_id), Event("complete"))

    def answer_practice(self, question_id: str, response: Response) -> Grade:
        graded: list[Grade] = []

        def change(p: Progress) -> Progress:
            new, grade = rules.answer_practice(p, self.module, question_id, response)
            graded.append(grade)
            return new

        self._apply(change, Event("practice", question_id, response), focus=question_id)
        return graded[-1]

    def start_attempt(self) -> AssessmentAttempt:
        seed = self.seeds()
        self._apply(lambda p: rules.start_attempt(p, self.module, seed), Event("start"))
        attempt = self.progress.current_attempt
        assert attempt is not None
        return attempt

    def answer_attempt(self, question_id: str, response: Response) -> Grade:
        graded: list[Grade] = []

        def change(p: Progress) -> Progress:
            new, grade = rules.answer_attempt(p, self.module, question_id, response)
            graded.append(grade)
            return new

        self._apply(change, Event("answer", question_id, response))
        return graded[-1]

    def withdraw_attempt_answer(self, question_id: str) -> None:
        """Take back an answer in the attempt (recorded as an answer event without a response)."""
        if self.progress.current_attempt is not None and question_id in self.progress.current_attempt.answers:
            self._apply(lambda p: rules.withdraw_answer(p, self.module, question_id), Event("answer", question_id))

    def move(self, position: int) -> None:
        attempt = self.progress.current_attempt
        if attempt is not None and attempt.position != position:
            self._apply(lambda p: rules.move(p, position), Event("move"))

    def flag(self, question_id: str, flagged: bool) -> None:
        """Mark a question of the attempt in progress to look at again (or take the mark off)."""
        attempt = self.progress.current_attempt
        if attempt is not None and (question_id in attempt.flagged) != flagged:
            self._apply(lambda p: rules.flag(p, question_id, flagged), Event("flag", question_id, flagged))

    def answer_again(self, question_id: str, response: Response) -> Grade:
        """An answer in a practice round after hand-in: graded for the learner, kept as an event,
        and never part of an attempt's score."""
        question = self.module.question(question_id)
        self._apply(lambda p: p, Event("review", question_id, validate_response(question, response)))
        return grade(question, response)

    def submit(self) -> AttemptResult:
        self._apply(lambda p: rules.submit_attempt(p, self.module), Event("submit"))
        attempt = self.progress.attempts[-1]
        return rules.attempt_result(self.module, attempt)

    def in_assessment(self) -> bool:
        return self.progress.location == ASSESSMENT
