"""The results of a handed-in attempt: score, passed or not, the score per objective, and a review
of every question with the learner's answer, the feedback and the explanation. `r` starts a new
attempt where attempts remain."""

from __future__ import annotations

from rich.markdown import Markdown
from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Header, Static

from engine.grading import grade
from engine.progress import AssessmentAttempt, AttemptResult
from leermodules.tui import strings as s
from leermodules.tui.screens.base import ModuleScreenBase
from leermodules.tui.session import ModuleSession
from leermodules.tui.widgets.feedback import feedback_text
from leermodules.tui.widgets.keybar import KeyBar


class ResultsScreen(ModuleScreenBase):
    BINDINGS = [
        Binding("r", "retry", s.KEY_RETRY, id="results.retry"),
        Binding("c", "certificate", s.KEY_CERTIFICATE, id="results.certificate"),
    ]

    def __init__(self, session: ModuleSession, attempt: AssessmentAttempt, result: AttemptResult) -> None:
        super().__init__(session)
        self.attempt = attempt
        self.result = result

    def compose(self):
        assessment = self.module.assessment
        assert assessment is not None
        result, attempt = self.result, self.attempt
        yield Header()
        with VerticalScroll(id="results"):
            yield Static(Text(s.attempt_heading(assessment.title, attempt.number, assessment.attempts), style="bold"))
            summary = Text.assemble((s.PASSED if result.passed else s.FAILED, "bold"))
            summary.append(f"\n{s.score_line(result.percent, assessment.pass_mark)}")
            yield Static(summary, id="verdict", classes="passed" if result.passed else "failed")
            yield Static(self._objectives(), id="objectives")
            yield Static(Text(s.REVIEW, style="bold"), classes="section")
            for number, question_id in enumerate(attempt.questions, start=1):
                question = self.module.question(question_id)
                answered = question_id in attempt.answers
                graded = result.grades.get(question_id)
                if graded is None and answered:  # likert or reflection in the pool: kept, not scored
                    graded = grade(question, attempt.answers[question_id])
                with Vertical(classes="review"):
                    yield Static(Text(s.question_position(number, len(attempt.questions)), style="bold"))
                    yield Static(Markdown(question.prompt), classes="prompt")
                    yield Static(
                        feedback_text(
                            question,
                            graded if answered else None,
                            response=attempt.answers.get(question_id),
                            show_response=True,
                        ),
                        classes="answer",
                    )
            yield Static(id="retry")
        yield KeyBar()

    def _objectives(self) -> Text:
        names = {o.id: o.text for o in self.module.objectives}
        text = Text.assemble((s.PER_OBJECTIVE, "bold"))
        for score in self.result.per_objective:
            name = names.get(score.objective or "", s.OTHER_OBJECTIVE)
            text.append("\n• ")
            text.append(s.objective_line(score.percent, score.questions), style="bold")
            text.append(f" · {name}")
        return text

    def on_mount(self) -> None:
        self.title = self.module.title
        assert self.module.assessment is not None
        self.sub_title = s.RESULTS_TITLE
        self.fill()
        self.query_one("#results").focus()

    def on_screen_resume(self) -> None:
        self.fill()

    def fill(self) -> None:
        self.query_one("#retry", Static).update(Text(s.retry_line(self.session.attempts_left), style="bold"))
        self.refresh_bindings()

    def action_certificate(self) -> None:
        from leermodules.tui.screens.certificate import CertificateScreen

        self.app.push_screen(CertificateScreen(self.session))

    def action_retry(self) -> None:
        if self.session.progress.current_attempt is None and self.guard(self.session.start_attempt) is None:
            return
        self.app.show_attempt(self.session, replace=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "certificate":
            return self.session.status.value == "passed"
        if action == "retry":
            return self.session.attempts_left != 0 and self.session.progress.current_attempt is None
        return True
