"""A page: its Markdown body, scrollable, and its practice questions with immediate feedback.

The body is on screen first; the question views are mounted right after the first refresh, so a
long page does not hold the screen back. `n` marks the page done and goes on; `p` goes back.
The question the learner is at is remembered, so a restart lands on it again.

One keyboard model: when the page opens, the first open question has focus (the page stays scrolled
to its top), so a digit, the arrows and `h` work at once; Tab goes to the next question, and the key
bar says so when there is more than one.

Nothing chosen on a page is silently lost: leaving it (n, p, escape, q) with a choice made, an
order moved or text typed but not given as the answer asks first: give it as the answer (stored
and shown, then on), or let it go.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Header, Static

from engine.draw import display_order
from engine.grading import grade
from engine.model import GRADED_KINDS, Page
from leermodules.tui import strings as s
from leermodules.tui.screens.base import ModuleScreenBase
from leermodules.tui.screens.dialogs import ConfirmScreen
from leermodules.tui.session import ModuleSession
from leermodules.tui.widgets.keybar import KeyBar
from leermodules.tui.widgets.question import QuestionView, body_markdown, question_view
from leermodules.tui.widgets.scenario import ScenarioQuestionView

#: Practice questions are shown with this seed, so their options keep one order from visit to visit.
PRACTICE_SEED = 0


class PageScreen(ModuleScreenBase):
    BINDINGS = [
        Binding("n", "next_page", s.KEY_NEXT_PAGE, id="page.next"),
        Binding("p", "previous_page", s.KEY_PREV_PAGE, show=False, id="page.previous"),
        Binding("tab", "other_question(1)", s.KEY_OTHER_QUESTION, id="page.next_question"),
        Binding("shift+tab", "other_question(-1)", s.KEY_PREVIOUS_QUESTION_FIELD, show=False, id="page.previous_question"),
        Binding("g", "glossary", s.KEY_GLOSSARY, id="page.glossary"),
        Binding("q", "quit", s.KEY_QUIT, id="page.quit"),
    ]

    def __init__(self, session: ModuleSession, page_id: str) -> None:
        super().__init__(session)
        self.page: Page = session.module.page(page_id)
        self.index = [p.id for p in session.module.pages].index(page_id)
        self._opened_on: Widget | None = None  # focused by opening the page, not by the learner

    def compose(self):
        yield Header()
        with VerticalScroll(id="page"):
            yield Static(Text(self.page.title, style="bold"), classes="page-title")
            if self.page.body:
                yield Static(body_markdown(self.page.body), classes="body")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = self.module.title
        self.sub_title = s.page_position(self.index + 1, len(self.module.pages))
        self.guard(lambda: self.session.visit(self.page.id))
        self.query_one("#page").focus()
        self.call_after_refresh(self._mount_questions)

    async def _mount_questions(self) -> None:
        positions = {q.id: i for i, q in enumerate(self.module.all_questions())}
        total = len(self.page.questions)
        views: list[Widget] = []
        for number, question in enumerate(self.page.questions, start=1):
            views.append(
                question_view(
                    question,
                    label=self.question_label(number, total, question),
                    order=display_order(question, PRACTICE_SEED, positions[question.id]),
                    response=self.session.progress.practice.get(question.id),
                    id=f"q-{question.id}",
                )
            )
        views.append(Static(Text(self._end_hint()), classes="page-end"))
        await self.query_one("#page").mount_all(views)
        for view in self.query(QuestionView):  # answered on an earlier visit: show that feedback again
            response = self.session.progress.practice.get(view.question.id)
            if response is not None and not (isinstance(view, ScenarioQuestionView) and not view.ended()):
                self.show_answered(view, response, grade(view.question, response))
        focus = self.session.focus
        if focus and any(q.id == focus for q in self.page.questions):
            view = self.query_one(f"#q-{focus}", QuestionView)
            view.focus_on_return()
            self.call_after_refresh(lambda: self.query_one("#page", VerticalScroll).scroll_to_widget(view, top=True, animate=False))
        else:
            practice = self.session.progress.practice
            first_open = next((v for v in self.query(QuestionView) if v.question.id not in practice), None)
            if first_open is not None:
                self._opened_on = first_open.answer_widget()
                first_open.focus_answer(scroll_visible=False)  # the page is read from its top
        self.refresh_bindings()

    # --- what a kind of page may do differently (the ontwikkelscan's pages, screens.scan) ---

    def question_label(self, number: int, total: int, question) -> str:
        return s.practice_label(number, total, graded=question.kind in GRADED_KINDS)

    def show_answered(self, view: QuestionView, response, graded) -> None:
        view.show_grade(graded)

    def after_answer(self, view: QuestionView) -> None:
        """Called after an answer was stored and shown."""

    def _end_hint(self) -> str:
        if self.index + 1 < len(self.module.pages):
            return s.PAGE_END_NEXT
        return s.PAGE_END_ASSESSMENT if self.module.assessment else s.PAGE_END_LAST

    # --- answers ---

    def on_question_view_answered(self, message: QuestionView.Answered) -> None:
        grade = self.guard(lambda: self.session.answer_practice(message.question_id, message.response))
        if grade is None:
            return
        message.view.response = message.response
        if message.complete:
            self.show_answered(message.view, message.response, grade)
            self.after_answer(message.view)

    async def leave(self, then: Callable[[], Awaitable[None] | None]) -> None:
        """Run `then` (which leaves the page) once nothing chosen on it can be lost unasked."""
        unconfirmed = [(v, r) for v in self.query(QuestionView) if (r := v.unconfirmed_response()) is not None]

        async def go_on() -> None:
            result = then()
            if result is not None:
                await result

        if not unconfirmed:
            await go_on()
            return

        def give_all() -> None:  # stored, not shown: the page is left right after
            for view, response in unconfirmed:
                self.session.answer_practice(view.question.id, response)

        async def decided(yes: bool | None) -> None:
            if yes and not self.went_through(give_all):
                return  # not saved: said so, and the learner stays on the page
            await go_on()

        self.app.push_screen(ConfirmScreen(s.UNCONFIRMED_ON_PAGE), decided)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        node: DOMNode | None = event.widget
        while node is not None and not isinstance(node, QuestionView):
            node = node.parent
        if event.widget is self._opened_on:
            self._opened_on = None  # the learner has not chosen to be here (yet): not remembered
            return
        if isinstance(node, QuestionView):
            self.guard(lambda: self.session.set_focus(node.question.id))

    def action_other_question(self, delta: int) -> None:
        views = list(self.query(QuestionView))
        if not views:
            return
        here = next((i for i, v in enumerate(views) if self.focused is not None and v in self.focused.ancestors_with_self), None)
        target = (here + delta) % len(views) if here is not None else (0 if delta > 0 else len(views) - 1)
        views[target].focus_answer()

    # --- moving on ---

    async def action_next_page(self) -> None:
        def next_page() -> None:
            if self.went_through(lambda: self.session.complete_page(self.page.id)):
                self.app.after_page(self.session, self.index)

        await self.leave(next_page)

    async def action_previous_page(self) -> None:
        if self.index > 0:
            await self.leave(lambda: self.app.show_page(self.session, self.module.pages[self.index - 1].id, replace=True))

    async def action_back(self) -> None:
        await self.leave(super().action_back)

    async def action_quit(self) -> None:
        await self.leave(self.app.exit)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "previous_page":
            return self.index > 0
        if action == "other_question":
            return len(self.page.questions) > 1
        if action == "glossary":
            return bool(self.module.glossary)
        return True

    def action_glossary(self) -> None:
        from leermodules.tui.screens.glossary import GlossaryScreen

        self.app.push_screen(GlossaryScreen(self.module))
