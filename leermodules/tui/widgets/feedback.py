"""Feedback after an answer, in words and symbols (✓ ✗ ◐), never by colour alone."""

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


def describe(question: QuestionModel, response: Response) -> str:
    """A response in words, as the learner would recognise it."""
    match question:
        case SingleQuestion():
            return question.options[response].text
        case MultipleQuestion():
            return "; ".join(question.options[i].text for i in response) or "—"
        case TrueFalseQuestion():
            return s.TRUE if response else s.FALSE
        case OrderQuestion():
            return " → ".join(question.items[i].text for i in response)
        case MatchQuestion():
            answers = match_answers(question)
            return "; ".join(
                f"{pair.left} → {answers[chosen] if chosen >= 0 else '—'}" for pair, chosen in zip(question.pairs, response)
            )
        case ScenarioQuestion():
            return " → ".join(scenario_choices(question, response)) or "—"
        case LikertQuestion():
            return question.scale[response]
        case TextQuestion() | ReflectionQuestion():
            return str(response)
    return str(response)  # pragma: no cover


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
    if grade is None:
        text.append(s.INCORRECT, style="bold")
        text.append(f"  ({s.NOT_ANSWERED})")
    else:
        style = "bold"
        text.append(verdict(grade), style=style)
    if show_response:
        text.append(f"\n{s.YOUR_ANSWER}", style="bold")
        text.append(describe(question, response) if grade is not None else s.NOT_ANSWERED)
    if grade is not None and include_feedback:
        for line in grade.feedback:
            text.append(f"\n• {line}")
    expected = correct_response(question)
    if expected is not None and (grade is None or not grade.correct):
        text.append(f"\n{s.BEST_PATH if isinstance(question, ScenarioQuestion) else s.CORRECT_ANSWER}", style="bold")
        text.append(describe(question, expected))
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
        self.update(feedback_text(question, grade, include_feedback=include_feedback))
        self.add_class("-shown")

    def show_message(self, message: str) -> None:
        self.remove_class("-correct", "-incorrect")
        self.update(Text(message))
        self.add_class("-shown")

    def clear(self) -> None:
        self.remove_class("-shown", "-correct", "-incorrect")
        self.update("")
