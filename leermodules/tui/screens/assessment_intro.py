"""Before the assessment: what it asks, what is needed to pass, how many attempts are left."""

from __future__ import annotations

from rich.markdown import Markdown
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from leermodules.tui import strings as s
from leermodules.tui.screens.base import ModuleScreenBase
from leermodules.tui.widgets.keybar import KeyBar


class AssessmentIntroScreen(ModuleScreenBase):
    BINDINGS = [
        Binding("enter", "start", s.KEY_START_ATTEMPT, id="intro.start"),
        Binding("u", "results", s.KEY_RESULTS, id="intro.results"),
    ]

    def compose(self):
        yield Header()
        with VerticalScroll(id="intro"):
            yield Static(id="intro-title")
            yield Static(id="intro-text")
            yield Static(id="intro-facts")
            yield Static(id="intro-attempts")
            yield Static(id="intro-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = self.module.title
        self.fill()

    def on_screen_resume(self) -> None:
        self.session.refresh()
        self.fill()

    def fill(self) -> None:
        assessment = self.module.assessment
        assert assessment is not None
        progress = self.session.progress
        count = assessment.draw or len(assessment.questions)
        self.sub_title = assessment.title
        self.query_one("#intro-title", Static).update(Text(assessment.title, style="bold"))
        intro = self.query_one("#intro-text", Static)
        intro.display = bool(assessment.intro)
        if assessment.intro:
            intro.update(Markdown(assessment.intro))
        self.query_one("#intro-facts", Static).update(
            Text(
                s.assessment_facts(count, assessment.pass_mark, assessment.feedback == "after_each", assessment.draw_per_objective)
            )
        )
        left = self.session.attempts_left
        attempts = Text(s.attempts_facts(len(progress.attempts), left))
        best = self.session.best_score
        if best is not None:
            attempts.append(f"\n{s.score_line(best, assessment.pass_mark, best=True)}")
        self.query_one("#intro-attempts", Static).update(attempts)
        if progress.current_attempt is not None:
            hint = s.CONTINUE_HINT
        elif left == 0:
            hint = s.NO_ATTEMPTS_LEFT
        else:
            hint = s.START_HINT
        self.query_one("#intro-hint", Static).update(Text(hint, style="bold"))
        self.refresh_bindings()

    def action_start(self) -> None:
        if self.session.progress.current_attempt is None:
            if self.guard(self.session.start_attempt) is None:
                return
        self.app.show_attempt(self.session, replace=True)

    def action_results(self) -> None:
        if self.session.last_result() is not None:
            self.app.show_results(self.session, replace=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return self.session.progress.current_attempt is not None or self.session.attempts_left != 0
        if action == "results":
            return self.session.last_result() is not None
        return True
