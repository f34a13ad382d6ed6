"""Taking the assessment: one drawn question at a time, in the attempt's shuffled order.

With ``feedback: after_each`` an answer is final and its feedback shows at once; with
``after_submit`` answers can be changed until the attempt is handed in (`i`), after which the
results screen shows everything. The position is stored with every move, so a restart lands on the
same question. A case is taken once in either mode (no restart; see `ScenarioQuestionView.take_once`).

Nothing chosen on screen is silently lost. With ``after_submit`` what is chosen *is* the answer: a
choice, a match or a moved order is stored at each change (unticking everything takes the answer
back), and typed text is stored when the learner leaves the question (n, p, i, escape, q). With
``after_each`` an answer is final once given, so leaving a choice made but not confirmed asks
first: give it as the answer, or let it go. A step of a case is final too, so it asks in both modes.

`m` marks the question to look at again (stored with the attempt at once); `o` opens the overview
of all questions (`screens.overview`), where enter goes to any of them. The hand-in question says
how many are still marked.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from engine.draw import display_order
from engine.grading import grade
from engine.progress import ASSESSMENT, AssessmentAttempt
from leermodules.tui import strings as s
from leermodules.tui.screens.base import ModuleScreenBase
from leermodules.tui.screens.dialogs import ConfirmScreen
from leermodules.tui.widgets.keybar import KeyBar
from leermodules.tui.widgets.question import QuestionView, question_view
from leermodules.tui.widgets.scenario import ScenarioQuestionView


class AssessmentScreen(ModuleScreenBase):
    BINDINGS = [
        Binding("n", "go(1)", s.KEY_NEXT_QUESTION, id="attempt.next"),
        Binding("p", "go(-1)", s.KEY_PREV_QUESTION, id="attempt.previous"),
        Binding("o", "overview", s.KEY_OVERVIEW, id="attempt.overview"),
        Binding("m", "flag", s.KEY_FLAG, id="attempt.flag"),
        Binding("i", "submit", s.KEY_SUBMIT_ATTEMPT, id="attempt.submit"),
        Binding("q", "quit", s.KEY_QUIT, id="attempt.quit"),
    ]

    def compose(self):
        yield Header()
        yield Static(id="attempt-status")
        yield VerticalScroll(id="attempt")
        yield KeyBar()

    @property
    def attempt(self) -> AssessmentAttempt | None:
        return self.session.progress.current_attempt

    @property
    def after_each(self) -> bool:
        assert self.module.assessment is not None
        return self.module.assessment.feedback == "after_each"

    async def on_mount(self) -> None:
        assert self.module.assessment is not None
        self.title = self.module.title
        self.sub_title = self.module.assessment.title
        self.guard(lambda: self.session.visit(ASSESSMENT))
        await self.show_question()

    async def show_question(self) -> None:
        attempt = self.attempt
        if attempt is None:
            return
        assert self.module.assessment is not None
        position = attempt.position
        question = self.module.question(attempt.questions[position])
        response = attempt.answers.get(question.id)
        view = question_view(
            question,
            label=s.question_position(position + 1, len(attempt.questions)),
            order=display_order(question, attempt.seed, position, self.module.assessment.shuffle),
            response=response,
            id=f"q-{position}",
        )
        if isinstance(view, ScenarioQuestionView):
            view.take_once(consequences=self.after_each)
        area = self.query_one("#attempt", VerticalScroll)
        await self.show_in(area, view)
        if response is not None and self.after_each:
            finished = not (isinstance(view, ScenarioQuestionView) and not view.ended())
            if finished:
                view.show_grade(grade(question, response))
                view.freeze()
        view.focus_on_return()
        if view.locked:
            area.focus()
        area.scroll_home(animate=False)
        self.update_status()

    def update_status(self) -> None:
        attempt = self.attempt
        if attempt is None:
            return
        text = Text(s.ANSWERED_COUNT.format(answered=len(attempt.answers), total=len(attempt.questions)))
        if attempt.questions[attempt.position] in attempt.flagged:
            text.append(f"\n{s.FLAGGED_HERE}", style="bold")
        if attempt.position == len(attempt.questions) - 1 and len(attempt.answers) == len(attempt.questions):
            text.append(f"\n{s.LAST_QUESTION_HINT}")
        self.query_one("#attempt-status", Static).update(text)
        self.refresh_bindings()

    def on_question_view_answered(self, message: QuestionView.Answered) -> None:
        self.record(message.view, message.response, message.complete)

    def record(self, view: QuestionView, response, complete: bool) -> bool:
        """Store `response` as the answer to `view`'s question and show what the feedback rule allows."""
        result = self.guard(lambda: self.session.answer_attempt(view.question.id, response))
        if result is None:
            return False
        view.response = response
        if complete:
            if self.after_each:
                view.show_grade(result)
                view.freeze()
                self.query_one("#attempt", VerticalScroll).focus()
            else:
                view.show_saved()
        self.update_status()
        return True

    def on_question_view_changed(self, message: QuestionView.Changed) -> None:
        """With after_submit, a choice is the answer as soon as it is made."""
        view = message.view
        if self.after_each or view.locked or isinstance(view, ScenarioQuestionView):
            return
        response = view.unconfirmed_response()
        if response is not None:
            self.record(view, response, complete=True)
        elif view.pending() is None and view.response is not None:  # everything unticked: no answer
            if self.went_through(lambda: self.session.withdraw_attempt_answer(view.question.id)):
                view.response = None
                view.feedback.clear()
                self.update_status()

    async def leave(self, then: Callable[[], Awaitable[None] | None]) -> None:
        """Run `then` (which leaves the question on screen) once nothing chosen there can be lost."""
        views = self.query(QuestionView)
        view = views.first() if views else None
        response = view.unconfirmed_response() if view is not None else None

        async def go_on(keep: bool) -> None:
            if keep and view is not None and response is not None:
                if not self.record(view, response, view.completes(response)):
                    return
                if isinstance(view, ScenarioQuestionView):
                    await self.show_question()  # the case as it now stands
            result = then()
            if result is not None:
                await result

        if view is None or response is None:
            await go_on(False)
        elif not self.after_each and not isinstance(view, ScenarioQuestionView):
            await go_on(True)  # typed text or a confirmed-by-leaving order: what is on screen is the answer
        else:

            async def decided(yes: bool | None) -> None:
                await go_on(bool(yes))

            self.app.push_screen(ConfirmScreen(s.UNCONFIRMED_CHOICE), decided)

    async def action_go(self, delta: int) -> None:
        attempt = self.attempt
        if attempt is None:
            return
        target = attempt.position + delta
        if not 0 <= target < len(attempt.questions):
            return

        async def go() -> None:
            if self.went_through(lambda: self.session.move(target)):
                await self.show_question()

        await self.leave(go)

    async def action_submit(self) -> None:
        if self.attempt is None:
            return

        def ask() -> None:
            attempt = self.attempt
            if attempt is None:
                return
            unanswered = len(attempt.questions) - len(attempt.answers)

            def decided(yes: bool | None) -> None:
                if yes and self.guard(self.session.submit) is not None:
                    self.app.show_results(self.session, replace=True)

            question = s.submit_question(unanswered) + s.submit_flagged(len(attempt.flagged))
            self.app.push_screen(ConfirmScreen(question), decided)

        await self.leave(ask)

    async def action_overview(self) -> None:
        from leermodules.tui.screens.overview import OverviewScreen

        async def chosen(target: int | None) -> None:
            attempt = self.attempt
            if attempt is None:
                return
            if target is not None and target != attempt.position:
                if not self.went_through(lambda: self.session.move(target)):
                    return
                await self.show_question()
            else:
                self.update_status()

        await self.leave(lambda: self.app.push_screen(OverviewScreen(self.session), chosen))

    def action_flag(self) -> None:
        attempt = self.attempt
        if attempt is None:
            return
        question_id = attempt.questions[attempt.position]
        flagged = question_id not in attempt.flagged
        if self.went_through(lambda: self.session.flag(question_id, flagged)):
            self.update_status()  # the status line says the question is marked

    async def action_back(self) -> None:
        await self.leave(super().action_back)

    async def action_quit(self) -> None:
        await self.leave(self.app.exit)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        attempt = self.attempt
        if attempt is None:
            return action in ("back", "quit")
        if action == "go":
            target = attempt.position + int(parameters[0])  # type: ignore[call-overload]
            return 0 <= target < len(attempt.questions)
        return True
