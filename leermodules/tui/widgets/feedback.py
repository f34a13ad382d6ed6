"""Feedback after an answer, in words and symbols (✓ ✗ ◐), never by colour alone.

An answer of several parts (options ticked, an order, pairs, the choices in a case) is listed one
part per line, options in the order of the module; a wrapped line hangs under its text."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from engine.grading import Grade, Response, correct_response, match_answers
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
from leermodules.tui import strings as s
from leermodules.tui.widgets.hanging import Hanging


def answer_parts(question: QuestionModel, response: Response) -> list[str]:
    """A response in words, as the learner would recognise it: one entry per part."""
    match question:
        case SingleQuestion():
            return [question.options[response].text]
        case MultipleQuestion():
            return [question.options[i].text for i in sorted(response)] or ["—"]
        case TrueFalseQuestion():
            return [s.TRUE if response else s.FALSE]
        case OrderQuestion():
            return [f"{number}. {question.items[i].text}" for number, i in enumerate(response, start=1)]
        case MatchQuestion():
            answers = match_answers(question)
            pairs = zip(question.pairs, response, strict=False)
            return [f"{pair.left} → {answers[chosen] if chosen >= 0 else '—'}" for pair, chosen in pairs]
        case ScenarioQuestion():
            return [f"{number}. {text}" for number, text in enumerate(scenario_choices(question, response), start=1)] or ["—"]
        case LikertQuestion():
            return [question.scale[response]]
        case TextQuestion() | ReflectionQuestion():
            return [str(response)]
    return [str(response)]  # pragma: no cover


def describe(question: QuestionModel, response: Response) -> str:
    """A response in words on one line."""
    return "; ".join(answer_parts(question, response))


def _append_answer(text: Text, label: str, parts: list[str], numbered: bool) -> None:
    """'label: answer' on one line, or the label with each part on a line of its own (an order
    and a path are numbered already; other parts get a bullet)."""
    text.append(f"\n{label}", style="bold")
    if len(parts) == 1:
        text.append(parts[0])
        return
    for part in parts:
        text.append(f"\n  {part}" if numbered else f"\n  • {part}")


def scenario_choices(question: ScenarioQuestion, path: list[int]) -> list[str]:
    steps = {step.id: step for step in question.steps}
    step = steps[question.start]
    texts = []
    for index in path:
        choice = step.choices[index]
        texts.append(choice.text)
        if choice.goto is None:
            break
        step = steps[choice.goto]
    return texts


def verdict(grade: Grade) -> str:
    if not grade.graded:
        return s.SAVED_UNGRADED
    if grade.correct:
        return s.CORRECT
    if grade.score and grade.score > 0:
        return s.partly_correct(100 * grade.score)
    return s.INCORRECT


def feedback_text(
    question: QuestionModel,
    grade: Grade | None,
    *,
    response: Response = None,
    show_response: bool = False,
    include_feedback: bool = True,
) -> Text:
    """The full feedback for one answer: verdict, the learner's answer (in a review), the feedback
    the trainer wrote for it, the right answer when it was not right, and the explanation."""
    text = Text()
    numbered = isinstance(question, (OrderQuestion, ScenarioQuestion))
    if grade is None:
        text.append(s.INCORRECT, style="bold")
        text.append(f"  ({s.NOT_ANSWERED})")
    else:
        style = "bold"
        text.append(verdict(grade), style=style)
    if show_response:
        parts = answer_parts(question, response) if grade is not None else [s.NOT_ANSWERED]
        _append_answer(text, s.YOUR_ANSWER, parts, numbered)
    if grade is not None and include_feedback:
        for line in grade.feedback:
            text.append(f"\n• {line}")
    expected = correct_response(question)
    if expected is not None and (grade is None or not grade.correct):
        label = s.BEST_PATH if isinstance(question, ScenarioQuestion) else s.CORRECT_ANSWER
        _append_answer(text, label, answer_parts(question, expected), numbered)
    if question.explanation and (grade is None or grade.graded):
        text.append(f"\n{s.EXPLANATION}", style="bold")
        text.append(question.explanation)
    return text


class FeedbackPanel(Static):
    DEFAULT_CSS = """
    FeedbackPanel { height: auto; padding: 0 1; margin: 1 0 0 0; border-left: thick $accent; display: none; }
    FeedbackPanel.-shown { display: block; }
    FeedbackPanel.-correct { border-left: thick $success; }
    FeedbackPanel.-incorrect { border-left: thick $error; }
    """

    def show_grade(self, question: QuestionModel, grade: Grade, *, include_feedback: bool = True) -> None:
        self.set_class(grade.graded and grade.correct, "-correct")
        self.set_class(grade.graded and not grade.correct, "-incorrect")
        self.update(Hanging(feedback_text(question, grade, include_feedback=include_feedback)))
        self.add_class("-shown")

    def show_message(self, message: str) -> None:
        self.remove_class("-correct", "-incorrect")
        self.update(Text(message))
        self.add_class("-shown")

    def clear(self) -> None:
        self.remove_class("-shown", "-correct", "-incorrect")
        self.update("")
