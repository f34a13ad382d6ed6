"""Drive the player in a browser like a learner with a keyboard and mouse would: tick options,
move order items with their buttons, pick from lists, type, press the buttons. Responses are in
the engine's format (engine/grading.py), so the tests can say what a learner answered and
check the outcome with the engine."""

from __future__ import annotations

from typing import Any

from engine.grading import correct_response, match_answers
from engine.model import (
    LikertQuestion,
    MatchQuestion,
    Module,
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
from tests.answers import worst_path


def right(question: QuestionModel) -> Any:
    answer = correct_response(question)
    if answer is not None:
        return answer
    return 0 if isinstance(question, LikertQuestion) else "Wat ik meeneem: luisteren."


def wrong(question: QuestionModel) -> Any:
    """A response that is not right (and where the kind allows, scores 0)."""
    match question:
        case SingleQuestion():
            return next(i for i, o in enumerate(question.options) if not o.correct)
        case MultipleQuestion():
            bad = [i for i, o in enumerate(question.options) if not o.correct]
            return bad or [0]
        case TrueFalseQuestion():
            return not question.answer
        case OrderQuestion():
            return list(reversed(range(len(question.items))))
        case MatchQuestion():
            count = len(match_answers(question))
            return [(i + 1) % count for i in range(len(question.pairs))]
        case TextQuestion():
            return "zzz"  # short: fits every max_length
        case ScenarioQuestion():
            return worst_path(question)
    return right(question)


class Learner:
    """Answers questions in the player's frame."""

    def __init__(self, frame, module: Module):
        self.frame = frame
        self.module = module
        self.index = {q.id: i for i, q in enumerate(module.all_questions())}

    def form(self, question: QuestionModel) -> str:
        return f"#v-{question.id}"

    def fill(self, question: QuestionModel, response: Any) -> None:
        """Put `response` into the question's form (a scenario is played step by step)."""
        f, base = self.frame, f"#v-{question.id}"
        match question:
            case SingleQuestion() | LikertQuestion():
                f.check(f"{base}-{response}")
            case MultipleQuestion():
                for i in range(len(question.options)):
                    f.set_checked(f"{base}-{i}", i in response)
            case TrueFalseQuestion():
                f.check(f"{base}-waar" if response else f"{base}-niet")
            case OrderQuestion():
                for position, item in enumerate(response):
                    while (current := self.order_now(question)).index(item) != position:
                        f.click(f"{base} .volgorde li[data-i='{item}'] .op")
            case MatchQuestion():
                for pair, answer in enumerate(response):
                    f.select_option(f"{base}-{pair}", str(answer))
            case TextQuestion() | ReflectionQuestion():
                f.fill(f"{base}-in", response)
            case ScenarioQuestion():
                for n, choice in enumerate(response):
                    visited, _, _ = walk(question, response[:n])
                    step = [s.id for s in question.steps].index(visited[-1])
                    f.check(f"{base}-{step}-{choice}")
                    f.click(f"{base} .controleer")

    def order_now(self, question: OrderQuestion) -> list[int]:
        return self.frame.eval_on_selector_all(f"#v-{question.id} .volgorde li", "els => els.map(e => +e.dataset.i)")

    def check_button(self, question: QuestionModel) -> None:
        button = self.frame.locator(f"#v-{question.id} .controleer")
        if not isinstance(question, ScenarioQuestion) and button.is_visible():
            button.click()

    def answer(self, question: QuestionModel, response: Any) -> None:
        self.fill(question, response)
        self.check_button(question)

    # --- the course ---

    def next_page(self) -> None:
        self.frame.click("#volgende")

    def do_pages(self, pick, upto: int | None = None) -> None:
        for page in self.module.pages[:upto]:
            for question in page.questions:
                self.answer(question, pick(question))
            self.next_page()

    def locked(self, question: QuestionModel) -> bool:
        button = self.frame.locator(f"#v-{question.id} .controleer")
        if isinstance(question, ScenarioQuestion) and not button.is_visible():
            return True  # the case was played to its end
        return button.is_disabled()

    def current_question(self) -> QuestionModel:
        number = self.frame.get_attribute("#toets-vragen form.vraag:not([hidden])", "data-q")
        return self.module.all_questions()[int(number)]

    def attempt(self, pick, stop_after: int | None = None) -> list[str]:
        """Answer the drawn questions in order (`stop_after` of them, or all and hand in)."""
        f = self.frame
        if f.locator("#toets-begin").is_visible():
            f.click("#toets-begin")
        asked: list[str] = []
        while True:
            question = self.current_question()
            asked.append(question.id)
            if not self.locked(question):  # answered before, with feedback: that answer stands
                self.answer(question, pick(question))
            if stop_after is not None and len(asked) >= stop_after:
                return asked
            if f.locator("#vraag-volgende").is_visible():
                f.click("#vraag-volgende")
            else:
                f.click("#inleveren")
                if f.locator("#toets-vragen").is_visible():
                    f.click("#inleveren")  # confirms handing in with questions open
                f.wait_for_selector("#toets-uitslag:not([hidden])")
                return asked
