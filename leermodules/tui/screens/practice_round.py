"""Practise again after handing in (`w` on the results): the questions of the objectives scored
below the pass mark, asked one by one with feedback at once.

A practice round is not a toets: its answers are not graded into any attempt and do not change the
result; each is kept as a ``review`` event (nothing a learner answered is lost). `n` goes on to the
next question once this one is answered; escape goes back to the results.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from engine.draw import display_order
from leermodules.tui import strings as s
from leermodules.tui.screens.base import ModuleScreenBase
from leermodules.tui.session import ModuleSession
from leermodules.tui.widgets.keybar import KeyBar
from leermodules.tui.widgets.question import QuestionView, question_view

#: The options of a question keep one order in the practice round, whatever the attempt's shuffle.
PRACTICE_ROUND_SEED = 0


class PracticeRoundScreen(ModuleScreenBase):
    BINDINGS = [Binding("n", "next", s.KEY_NEXT_QUESTION, id="results.practice_next")]

    def __init__(self, session: ModuleSession, question_ids: list[str]) -> None:
        super().__init__(session)
        self.question_ids = question_ids
        self.index = 0
        self.right: dict[int, bool] = {}  # answered so far: whether fully right

    def compose(self):
        yield Header()
        yield Static(id="practice-status")
        yield VerticalScroll(id="practice")
        yield KeyBar()

    async def on_mount(self) -> None:
        self.title = self.module.title
        await self.show_question()

    @property
    def done(self) -> bool:
        return self.index >= len(self.question_ids)

    async def show_question(self) -> None:
        area = self.query_one("#practice", VerticalScroll)
        if self.done:
            self.sub_title = s.PRACTICE_ROUND_TITLE
            right = sum(self.right.values())
            await self.show_in(area, Static(Text(s.practice_round_done(len(self.right), right)), classes="practice-done"))
            area.focus()
            self.update_status()
            return
        self.sub_title = f"{s.PRACTICE_ROUND_TITLE} · {s.question_position(self.index + 1, len(self.question_ids))}"
        question = self.module.question(self.question_ids[self.index])
        objectives = {o.id: o.text for o in self.module.objectives}
        positions = {q.id: i for i, q in enumerate(self.module.all_questions())}
        objective = objectives.get(question.objective or "", s.OTHER_OBJECTIVE)
        view = question_view(
            question,
            label=s.practice_round_label(self.index + 1, len(self.question_ids), objective),
            order=display_order(question, PRACTICE_ROUND_SEED, positions[question.id]),
            id=f"practice-q-{self.index}",
        )
        await self.show_in(area, view)
        view.focus_answer()
        area.scroll_home(animate=False)
        self.update_status()

    def update_status(self) -> None:
        if self.done:
            text = s.PRACTICE_ROUND_DONE
        elif self.index in self.right:
            text = s.practice_round_next(last=self.index + 1 >= len(self.question_ids))
        else:
            text = s.PRACTICE_ROUND_ASK
        self.query_one("#practice-status", Static).update(Text(text))
        self.refresh_bindings()

    def on_question_view_answered(self, message: QuestionView.Answered) -> None:
        message.stop()
        if self.done or self.index in self.right or message.view.question.id != self.question_ids[self.index]:
            return
        graded = self.guard(lambda: self.session.answer_again(message.question_id, message.response))
        if graded is None:
            return
        message.view.response = message.response
        if not message.complete:  # a case goes on to its next step
            return
        self.right[self.index] = graded.correct
        message.view.show_grade(graded)
        message.view.freeze()
        self.query_one("#practice", VerticalScroll).focus()
        self.update_status()

    async def action_next(self) -> None:
        if self.index in self.right and not self.done:
            self.index += 1
            await self.show_question()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return self.index in self.right and not self.done
        return True
