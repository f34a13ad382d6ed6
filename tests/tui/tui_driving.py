"""Driving the app by keyboard in tests: which keys give a question a chosen response.

The keys are worked out from what the view shows (its display order, its current arrangement),
the way a person reading the screen would; the app is never told the answer directly.
"""

from __future__ import annotations

from engine.grading import correct_response, match_answers
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
from engine.scenario import walk
from leermodules.tui.widgets.question import QuestionView
from tests.answers import worst_path


def wrong_response(question: QuestionModel):
    """A response that scores as little as the question allows."""
    match question:
        case SingleQuestion():
            return next(i for i, o in enumerate(question.options) if not o.correct)
        case MultipleQuestion():
            return [i for i, o in enumerate(question.options) if not o.correct] or [0]
        case TrueFalseQuestion():
            return not question.answer
        case OrderQuestion():
            n = len(question.items)
            return [(i + 1) % n for i in range(n)]  # every item one place off
        case MatchQuestion():
            n = len(question.pairs)
            return [(i + 1) % n for i in range(n)]
        case TextQuestion():
            return "dat weet ik niet"
        case ScenarioQuestion():
            return worst_path(question)
        case LikertQuestion():
            return 0
        case ReflectionQuestion():
            return "Niets."
    raise TypeError(question.kind)


def right_response(question: QuestionModel):
    expected = correct_response(question)
    if expected is not None:
        return expected
    return len(question.scale) - 1 if isinstance(question, LikertQuestion) else "Meer oefenen met casussen."


def keys_for(view: QuestionView, response) -> list[str]:
    """The keys that turn the view's current state into `response` and confirm it.
    Assumes the view's answer widget has focus."""
    q = view.question
    order = view.order
    match q:
        case SingleQuestion():
            return [str(order.index(response) + 1), "enter"]
        case MultipleQuestion():
            chosen = {order[c] for c in view.answer_widget().chosen}
            return [str(order.index(i) + 1) for i in sorted(chosen ^ set(response))] + ["enter"]
        case TrueFalseQuestion():
            return ["1" if response else "2", "enter"]
        case LikertQuestion():
            return [str(response + 1), "enter"]
        case OrderQuestion():
            widget = view.answer_widget()
            arrangement, cursor = list(widget.arrangement), widget.cursor
            keys: list[str] = []
            for target, item in enumerate(response):
                slot = arrangement.index(item)
                keys += ["down"] * (slot - cursor) + ["up"] * (cursor - slot)
                keys += ["shift+up"] * (slot - target)
                while slot > target:  # what shift+up does, one swap at a time
                    arrangement[slot - 1], arrangement[slot] = arrangement[slot], arrangement[slot - 1]
                    slot -= 1
                cursor = target
            return keys + ["enter"]
        case MatchQuestion():
            widget = view.answer_widget()
            keys = ["up"] * widget.cursor
            for answer in response:
                keys += ["backspace", "down"] if answer < 0 else [str(order.index(answer) + 1)]
            return keys + ["enter"]
        case TextQuestion():
            current = view.answer_widget().value
            return ["backspace"] * len(current) + list(response) + ["enter"]
        case ReflectionQuestion():
            assert not view.answer_widget().text, repr(view.answer_widget().text)
            return list(response) + ["ctrl+s"]
        case ScenarioQuestion():
            keys = []
            for index in response[len(view.path):]:
                keys += [str(index + 1), "enter"]
            return keys
    raise TypeError(q.kind)


def scenario_is_complete(question: ScenarioQuestion, path: list[int]) -> bool:
    return walk(question, path)[2]


__all__ = ["keys_for", "right_response", "wrong_response", "match_answers"]
