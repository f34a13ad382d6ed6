"""Opfrissen: the questions of passed modules that are due today, asked one by one.

Each answer is graded at once, shown with its feedback, and stored in one transaction with the
question's next time (`engine.refresh` schedules it with FSRS): a refresh answer is never lost, not
even when the app is killed right after. `n` goes on to the next question; escape goes back home,
where the count of questions left is shown again. Times come from the app's clock (`app.now()`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from engine import refresh
from engine.draw import display_order
from engine.model import Module, QuestionModel
from engine.store import StoredCard, StoreError
from leermodules.tui import strings as s
from leermodules.tui.screens.base import BaseScreen
from leermodules.tui.widgets.keybar import KeyBar
from leermodules.tui.widgets.question import QuestionView, question_view


@dataclass(frozen=True)
class DueQuestion:
    module: Module
    card: StoredCard
    question: QuestionModel


def due_questions(app, at: datetime) -> list[DueQuestion]:
    """Every question due at `at`, in the order it fell due, of modules that can be loaded now."""
    from leermodules.tui.catalog import ModuleUnavailable

    cards = app.store.refresh_cards(due_by=refresh.timestamp(at))
    by_module: dict[str, list[StoredCard]] = {}
    for card in cards:
        by_module.setdefault(card.module_id, []).append(card)
    found: list[DueQuestion] = []
    for module_id, module_cards in by_module.items():
        if app.catalog.entry(module_id) is None:
            continue
        try:
            module = app.catalog.module(module_id)
        except (ModuleUnavailable, KeyError):
            continue
        found.extend(DueQuestion(module, card, question) for card, question in refresh.due(module, module_cards, at))
    found.sort(key=lambda d: d.card.due)
    return found


class RefreshScreen(BaseScreen):
    BINDINGS = [Binding("n", "next", s.KEY_NEXT_QUESTION, id="refresh.next")]

    def __init__(self, questions: list[DueQuestion]) -> None:
        super().__init__()
        self.questions = questions
        self.index = 0
        self.answered: dict[int, refresh.Review] = {}

    def compose(self):
        yield Header()
        yield Static(id="refresh-status")
        yield VerticalScroll(id="refresh")
        yield KeyBar()

    async def on_mount(self) -> None:
        self.title = s.REFRESH_TITLE
        await self.show_question()

    @property
    def current(self) -> DueQuestion | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    async def show_question(self) -> None:
        area = self.query_one("#refresh", VerticalScroll)
        due = self.current
        if due is None:
            self.sub_title = ""
            await self.show_in(area, Static(Text(s.refresh_done(len(self.answered))), classes="refresh-done"))
            area.focus()
            self.update_status()
            return
        self.sub_title = s.question_position(self.index + 1, len(self.questions))
        positions = {q.id: i for i, q in enumerate(due.module.all_questions())}
        view = question_view(
            due.question,
            label=s.refresh_label(due.module.title),
            order=display_order(due.question, int(due.card.due), positions.get(due.question.id, 0)),
            id=f"refresh-q-{self.index}",
        )
        await self.show_in(area, view)
        view.focus_answer()
        area.scroll_home(animate=False)
        self.update_status()

    def update_status(self) -> None:
        review = self.answered.get(self.index)
        if self.current is None:
            text = Text(s.REFRESH_ALL_DONE)
        elif review is None:
            text = Text(s.REFRESH_ASK)
        else:
            days = refresh.days_until(review.next_due, self._now_of(review))
            text = Text(s.refresh_next(days, last=self.index + 1 >= len(self.questions)))
        self.query_one("#refresh-status", Static).update(text)
        self.refresh_bindings()

    def _now_of(self, review: refresh.Review) -> datetime:
        return datetime.fromisoformat(review.log["review_datetime"])

    def on_question_view_answered(self, message: QuestionView.Answered) -> None:
        message.stop()
        due = self.current
        if due is None or self.index in self.answered or message.view.question.id != due.question.id:
            return
        at = refresh.moment(self.app.now())
        review = refresh.review(due.card, due.question, message.response, at)
        try:
            self.app.store.record_refresh(
                review.card, due.module.version, review.rating, review.response, review.log, refresh.timestamp(at)
            )
        except StoreError as exc:
            self.app.show_message(s.NOT_SAVED, s.store_problem(exc))
            return
        self.answered[self.index] = review
        message.view.response = review.response
        message.view.show_grade(review.grade)
        message.view.freeze()
        self.query_one("#refresh", VerticalScroll).focus()
        self.update_status()

    async def action_next(self) -> None:
        if self.index in self.answered and self.current is not None:
            self.index += 1
            await self.show_question()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return self.index in self.answered and self.current is not None
        return True
