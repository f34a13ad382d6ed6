"""Grading: a learner's response to a question, scored from 0 to 1. Pure functions, no I/O.

How a response looks, per kind (these are also what the progress store and SCORM keep):

=============  ======================================================================
single         ``int``: index of the chosen option (as written in the file)
multiple       ``list[int]``: indexes of the chosen options
true_false     ``bool``
order          ``list[int]``: item indexes in the order the learner put them
match          ``list[int]``: for each pair (by its index), the index of the chosen
               answer in `match_answers(question)`; ``-1`` = nothing chosen
text           ``str``
scenario       ``list[int]``: the choice index taken at each step, from the start
likert         ``int``: index on the scale (0 = lowest)
reflection     ``str``
=============  ======================================================================

Scoring rules (the JS player implements the same ones; `tests/grading_cases.json` holds the
shared table of cases):

- single, true_false, text: 1 when right, otherwise 0. Text answers are compared after Unicode
  normalisation (NFC), case folding and collapsing all whitespace.
- multiple: partial credit. Each correct option chosen earns ``1/k`` (``k`` = number of correct
  options), each wrong option chosen costs ``1/k``; the score never drops below 0. So choosing
  every option scores ``(k - w)/k``, clipped at 0, where ``w`` = number of wrong options.
- order: the share of items in their correct position.
- match: the share of pairs matched correctly.
- scenario: the points on the path taken divided by the most points any path can earn; 0 when
  the path takes a choice marked ``critical`` (a serious error fails the whole casus).
- likert, reflection: not graded (score ``None``).

A response counts as *correct* only with a score of 1.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from engine.model import (
    LikertQuestion,
    MatchQuestion,
    MultipleQuestion,
    OrderQuestion,
    QuestionModel,
    ReflectionQuestion,
    ScenarioQuestion,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from engine.scenario import best_points, path_choices

Response = Any  # int | bool | str | list[int]; see the table above


class InvalidResponse(ValueError):
    """A response that does not fit the question (wrong type, index out of range)."""


@dataclass(frozen=True)
class Grade:
    """The outcome of one answer."""

    score: float | None  # 0..1, None when the kind is not graded
    feedback: tuple[str, ...] = field(default_factory=tuple)

    @property
    def graded(self) -> bool:
        return self.score is not None

    @property
    def correct(self) -> bool:
        return self.score is not None and self.score >= 1 - 1e-9


def normalize_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def match_answers(question: MatchQuestion) -> list[str]:
    """The answers a learner picks from in a match question, in file order (shown shuffled)."""
    return [pair.right for pair in question.pairs] + list(question.distractors)


def validate_response(question: QuestionModel, response: Response) -> Response:
    """Return `response` if it fits `question`, else raise InvalidResponse."""

    def index_list(value: Any, size: int, *, unique: bool = True, allow_none: bool = False) -> list[int]:
        if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            raise InvalidResponse(f"{question.id}: expected a list of indexes")
        low = -1 if allow_none else 0
        if any(not low <= v < size for v in value):
            raise InvalidResponse(f"{question.id}: index out of range")
        if unique and len(set(value)) != len(value):
            raise InvalidResponse(f"{question.id}: index chosen twice")
        return value

    def index(value: Any, size: int) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < size:
            raise InvalidResponse(f"{question.id}: expected an index below {size}")
        return value

    match question:
        case SingleQuestion():
            return index(response, len(question.options))
        case MultipleQuestion():
            return sorted(index_list(response, len(question.options)))
        case TrueFalseQuestion():
            if not isinstance(response, bool):
                raise InvalidResponse(f"{question.id}: expected true or false")
            return response
        case OrderQuestion():
            value = index_list(response, len(question.items))
            if len(value) != len(question.items):
                raise InvalidResponse(f"{question.id}: every item must be placed once")
            return value
        case MatchQuestion():
            value = index_list(response, len(match_answers(question)), unique=False, allow_none=True)
            if len(value) != len(question.pairs):
                raise InvalidResponse(f"{question.id}: one answer per pair")
            return value
        case ScenarioQuestion():
            value = index_list(response, 6, unique=False)
            if path_choices(question, value) is None:
                raise InvalidResponse(f"{question.id}: no such choice on the path")
            return value
        case LikertQuestion():
            return index(response, len(question.scale))
        case TextQuestion() | ReflectionQuestion():
            if not isinstance(response, str):
                raise InvalidResponse(f"{question.id}: expected text")
            if len(response) > question.max_length:
                raise InvalidResponse(f"{question.id}: at most {question.max_length} characters")
            return response
    raise InvalidResponse(f"{question.id}: unknown kind")  # pragma: no cover


def grade(question: QuestionModel, response: Response) -> Grade:
    """Score `response` to `question`. Raises InvalidResponse if it does not fit."""
    response = validate_response(question, response)
    match question:
        case SingleQuestion():
            option = question.options[response]
            return Grade(1.0 if option.correct else 0.0, _some(option.feedback))
        case MultipleQuestion():
            chosen = set(response)
            correct = {i for i, o in enumerate(question.options) if o.correct}
            k = len(correct)
            score = max(0.0, (len(chosen & correct) - len(chosen - correct)) / k)
            return Grade(score, tuple(question.options[i].feedback for i in sorted(chosen) if question.options[i].feedback))
        case TrueFalseQuestion():
            feedback = question.feedback_true if response else question.feedback_false
            return Grade(1.0 if response == question.answer else 0.0, _some(feedback))
        case OrderQuestion():
            right = sum(1 for position, item in enumerate(response) if item == position)
            return Grade(right / len(question.items))
        case MatchQuestion():
            right = sum(1 for pair, chosen in enumerate(response) if chosen == pair)
            return Grade(right / len(question.pairs))
        case TextQuestion():
            ok = normalize_text(response) in {normalize_text(a) for a in question.accepted}
            return Grade(1.0 if ok else 0.0, _some(question.feedback_correct if ok else question.feedback_incorrect))
        case ScenarioQuestion():
            taken = path_choices(question, response) or []
            points = 0 if any(c.critical for c in taken) else sum(c.points for c in taken)
            return Grade(points / best_points(question), tuple(c.feedback for c in taken if c.feedback))
        case LikertQuestion() | ReflectionQuestion():
            return Grade(None)
    raise InvalidResponse(f"{question.id}: unknown kind")  # pragma: no cover


def _some(text: str | None) -> tuple[str, ...]:
    return (text,) if text else ()


def correct_response(question: QuestionModel) -> Response | None:
    """A response that scores 1 (for reviews and SCORM's correct_responses); None if ungraded."""
    match question:
        case SingleQuestion():
            return next(i for i, o in enumerate(question.options) if o.correct)
        case MultipleQuestion():
            return [i for i, o in enumerate(question.options) if o.correct]
        case TrueFalseQuestion():
            return question.answer
        case OrderQuestion():
            return list(range(len(question.items)))
        case MatchQuestion():
            return list(range(len(question.pairs)))
        case TextQuestion():
            return question.accepted[0]
        case ScenarioQuestion():
            return best_path(question)
    return None


def best_path(question: ScenarioQuestion) -> list[int]:
    """The choices of a path that earns the most points."""
    steps = {s.id: s for s in question.steps}
    memo: dict[str, tuple[int, list[int]]] = {}

    def best(ident: str) -> tuple[int, list[int]]:
        if ident not in memo:
            memo[ident] = (0, [])
            options = []
            for i, choice in enumerate(steps[ident].choices):
                if choice.critical:
                    continue
                rest_points, rest = best(choice.goto) if choice.goto else (0, [])
                options.append((choice.points + rest_points, [i, *rest]))
            memo[ident] = max(options, key=lambda o: o[0], default=(0, []))
        return memo[ident]

    return best(question.start)[1]
