"""Opfrissen: after a module's toets is passed, its questions come back spaced over days.

The scheduling is FSRS (the `fsrs` package): every question of the attempt that passed becomes a
card, and the answer in that attempt is its first review, so a question answered wrongly in the
toets comes back sooner (the next day) than one answered right (two days on). Each refresh answer
is a review again: right is *Good*, partly right *Hard*, wrong *Again*. There are no learning steps
of minutes: a question comes back on a later day, never within the same sitting.

Only questions with one right answer to recognise are scheduled (single, multiple, true/false,
order, match). An open text answer, a reflection or a likert rating has nothing to recall, and a
case (scenario) is a story taken once, not a card.

Time is given by the caller (the app's clock, so tests can move it on); `fsrs` is imported only
when a card is made or reviewed, never to count what is due (the store does that from its `due`
column), so the app's start does not pay for it.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from engine.grading import Grade, Response, grade, validate_response
from engine.model import Module, QuestionModel
from engine.progress import AssessmentAttempt, Progress
from engine.store import StoredCard

if TYPE_CHECKING:
    from fsrs import Scheduler

SCHEDULED_KINDS = frozenset({"single", "multiple", "true_false", "order", "match"})

AGAIN, HARD, GOOD = 1, 2, 3  # fsrs.Rating values


def moment(iso: str) -> datetime:
    """An ISO time from the app's clock as an aware UTC time (a time without zone is local)."""
    when = datetime.fromisoformat(iso)
    return when.astimezone(UTC)  # astimezone reads a naive time as local time


def timestamp(when: datetime) -> float:
    return when.timestamp()


def moment_of(card: StoredCard) -> datetime:
    """When the card is due, as an aware UTC time."""
    return datetime.fromtimestamp(card.due, UTC)


def scheduler() -> Scheduler:
    from fsrs import Scheduler

    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def rating(result: Grade) -> int:
    """The FSRS rating of an answer: right is Good, partly right Hard, wrong (or none) Again."""
    if result.correct:
        return GOOD
    if result.score:
        return HARD
    return AGAIN


def scheduled(question: QuestionModel) -> bool:
    return question.kind in SCHEDULED_KINDS


def passing_attempt(module: Module, progress: Progress) -> AssessmentAttempt | None:
    """The first attempt that passed the toets, if any."""
    if module.assessment is None:
        return None
    mark = module.assessment.pass_mark
    return next((a for a in progress.attempts if a.score is not None and a.score >= mark), None)


def card_id(module_id: str, question_id: str) -> int:
    """A stable id for a question's card (FSRS review logs refer to it)."""
    return zlib.crc32(f"{module_id}/{question_id}".encode())


def first_cards(module: Module, progress: Progress, at: datetime) -> list[StoredCard]:
    """The cards for a module whose toets was passed: each scheduled question of the attempt that
    passed, reviewed at `at` with the rating its answer there earned. None if it was not passed."""
    from fsrs import Card, Rating

    attempt = passing_attempt(module, progress)
    if attempt is None:
        return []
    plan = scheduler()
    cards = []
    for question_id in attempt.questions:
        question = module.question(question_id)
        if not scheduled(question):
            continue
        answer = attempt.answers.get(question_id)
        result = grade(question, answer) if answer is not None else Grade(0.0)
        card, _ = plan.review_card(Card(card_id=card_id(module.id, question_id), due=at), Rating(rating(result)), at)
        cards.append(StoredCard(module.id, question_id, timestamp(card.due), dict(card.to_dict())))
    return cards


def due(module: Module, cards: list[StoredCard], at: datetime) -> list[tuple[StoredCard, QuestionModel]]:
    """The module's questions due at `at`, the first due first; a card whose question left the
    module, or changed to a kind that is not scheduled, is left out."""
    ids = {q.id: q for q in module.all_questions()}
    now = timestamp(at)
    found = []
    for card in sorted(cards, key=lambda c: c.due):
        question = ids.get(card.question_id)
        if card.module_id == module.id and card.due <= now and question is not None and scheduled(question):
            found.append((card, question))
    return found


@dataclass(frozen=True)
class Review:
    """A refresh answer: its grade, the rating it gave, the card as it is now and the review log."""

    grade: Grade
    rating: int
    card: StoredCard
    log: dict[str, Any]
    response: Response

    @property
    def next_due(self) -> datetime:
        return moment_of(self.card)


def review(card: StoredCard, question: QuestionModel, response: Response, at: datetime) -> Review:
    """Grade a refresh answer and schedule the question's next time."""
    from fsrs import Card, Rating

    response = validate_response(question, response)
    result = grade(question, response)
    given = rating(result)
    new, log = scheduler().review_card(Card.from_dict(card.card), Rating(given), at)  # type: ignore[arg-type]
    stored = StoredCard(card.module_id, card.question_id, timestamp(new.due), dict(new.to_dict()))
    return Review(result, given, stored, log.to_dict(), response)  # type: ignore[arg-type]


def days_until(when: datetime, at: datetime) -> int:
    """Whole days from `at` until `when` (at least 1: a question never comes back the same day)."""
    return max(1, round((when - at).total_seconds() / 86400))
