"""Deterministic randomness shared with the SCORM player.

An assessment attempt stores only a seed; the questions drawn, their order and the order of
their options follow from it. The JS player implements the same generator (mulberry32) and the
same Fisher-Yates shuffle, so a package and the TUI draw identically from the same seed, and
`suspend_data` never needs to hold the drawn order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from engine.model import Assessment, MatchQuestion, MultipleQuestion, OrderQuestion, QuestionModel, SingleQuestion

T = TypeVar("T")
_MASK = 0xFFFFFFFF


def mulberry32(seed: int):
    """A generator of floats in [0, 1), identical to the JS `mulberry32` in the player."""
    state = seed & _MASK

    def next_float() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & _MASK
        t = state
        t = _imul(t ^ (t >> 15), t | 1)
        t ^= (t + _imul(t ^ (t >> 7), t | 61)) & _MASK
        return ((t ^ (t >> 14)) & _MASK) / 4294967296

    return next_float


def _imul(a: int, b: int) -> int:
    return (a * b) & _MASK


def shuffled(items: Sequence[T], seed: int) -> list[T]:
    """Fisher-Yates, from the last position down, with `mulberry32(seed)`."""
    rng = mulberry32(seed)
    out = list(items)
    for i in range(len(out) - 1, 0, -1):
        j = int(rng() * (i + 1))
        out[i], out[j] = out[j], out[i]
    return out


def sub_seed(seed: int, salt: int) -> int:
    """A seed for one part of an attempt (e.g. the options of question `salt`)."""
    return (seed + (salt + 1) * 0x9E3779B9) & _MASK


def draw_questions(assessment: Assessment, seed: int) -> list[str]:
    """The ids of the questions an attempt with `seed` asks, in the order it asks them.

    The pool is shuffled with `seed`. With `draw_per_objective: k`, the first `k` questions of
    each objective in that shuffled order are taken first; the rest of `draw` is filled with the
    next questions in the same order. The questions are asked in shuffled order, or, without
    shuffle, in the order of the pool.
    """
    questions = assessment.questions
    count = assessment.draw or len(questions)
    order = shuffled(range(len(questions)), seed)
    picked: set[int] = set()
    if assessment.draw_per_objective:
        taken: dict[str, int] = {}
        for i in order:
            objective = questions[i].objective
            if objective is not None and taken.get(objective, 0) < assessment.draw_per_objective:
                taken[objective] = taken.get(objective, 0) + 1
                picked.add(i)
    for i in order:
        if len(picked) >= count:
            break
        picked.add(i)
    asked = [i for i in order if i in picked]
    if not assessment.shuffle:
        asked.sort()
    return [questions[i].id for i in asked]


def display_order(question: QuestionModel, seed: int, position: int, shuffle: bool = True) -> list[int]:
    """The order in which to show a question's options (or order items, or match answers)."""
    from engine.grading import match_answers

    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        count = len(question.options)
    elif isinstance(question, OrderQuestion):
        # order items are always shown shuffled: in file order the answer would be given away
        return shuffled(range(len(question.items)), sub_seed(seed, position)) if len(question.items) > 1 else [0]
    elif isinstance(question, MatchQuestion):
        count = len(match_answers(question))
    else:
        return []
    return shuffled(range(count), sub_seed(seed, position)) if shuffle else list(range(count))
