"""The results of a handed-in attempt: score, passed or not, the score per objective, and a review
of every question with the learner's answer, the feedback and the explanation. `r` starts a new
attempt where attempts remain.

The review after hand-in: `f` shows only the questions that were not (fully) right, and back;
`n` / `p` go from question to question, and each names the page that teaches its objective, which
enter (or `u`) opens. `w` practises again the questions of the objectives scored below the pass
mark (`screens.practice_round`): not graded into the toets, the result stays as it is. Not while a
new attempt is in progress: its questions come from the same pool.
"""

from __future__ import annotations

from rich.markdown import Markdown
from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Header, Static

from engine.grading import grade
from engine.model import Page
from engine.progress import AssessmentAttempt, AttemptResult
from leermodules.tui import strings as s
from leermodules.tui.review import is_wrong, practice_round, teaching_page
from leermodules.tui.screens.base import ModuleScreenBase
from leermodules.tui.session import ModuleSession
from leermodules.tui.widgets.feedback import feedback_text
from leermodules.tui.widgets.keybar import KeyBar


class ReviewItem(Vertical, can_focus=True):
    """One question in the review; focused with n / p, enter opens the page that teaches it."""

    def __init__(self, question_id: str, page: Page | None, wrong: bool) -> None:
        super().__init__(classes="review" + (" wrong" if wrong else ""))
        self.question_id = question_id
        self.page = page
        self.wrong = wrong


class ResultsScreen(ModuleScreenBase):
    BINDINGS = [
        Binding("r", "retry", s.KEY_RETRY, id="results.retry"),
        Binding("f", "wrong_only", s.KEY_WRONG_ONLY, id="results.wrong_only"),
        Binding("n", "item(1)", s.KEY_REVIEW_NEXT, id="results.next"),
        Binding("p", "item(-1)", s.KEY_REVIEW_PREV, show=False, id="results.previous"),
        Binding("enter,u", "open_page", s.KEY_OPEN_PAGE, id="results.open_page"),
        Binding("w", "practise", s.KEY_PRACTISE_AGAIN, id="results.practise"),
        Binding("c", "certificate", s.KEY_CERTIFICATE, id="results.certificate"),
    ]

    def __init__(self, session: ModuleSession, attempt: AssessmentAttempt, result: AttemptResult) -> None:
        super().__init__(session)
        self.attempt = attempt
        self.result = result
        self.wrong_only = False
        self.again = practice_round(self.module, attempt, result)

    def compose(self):
        assessment = self.module.assessment
        assert assessment is not None
        result, attempt = self.result, self.attempt
        pages = [p.id for p in self.module.pages]
        yield Header()
        with VerticalScroll(id="results"):
            yield Static(Text(s.attempt_heading(assessment.title, attempt.number, assessment.attempts), style="bold"))
            summary = Text.assemble((s.PASSED if result.passed else s.FAILED, "bold"))
            summary.append(f"\n{s.score_line(result.percent, assessment.pass_mark)}")
            yield Static(summary, id="verdict", classes="passed" if result.passed else "failed")
            yield Static(self._objectives(), id="objectives")
            yield Static(id="practise-line")
            yield Static(Text(s.REVIEW, style="bold"), classes="section")
            yield Static(id="filter-line")
            for number, question_id in enumerate(attempt.questions, start=1):
                question = self.module.question(question_id)
                answered = question_id in attempt.answers
                graded = result.grades.get(question_id)
                if graded is None and answered:  # likert or reflection in the pool: kept, not scored
                    graded = grade(question, attempt.answers[question_id])
                page = teaching_page(self.module, question.objective)
                with ReviewItem(question_id, page, is_wrong(self.module, attempt, result, question_id)):
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
                    taught = Text(s.TAUGHT_ON, style="bold")
                    taught.append(s.taught_on(pages.index(page.id) + 1, page.title) if page else s.NO_PAGE)
                    yield Static(taught, classes="taught")
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
        practise = self.query_one("#practise-line", Static)
        practise.update(Text(s.practise_again_line(len(self.again))))
        practise.display = self.session.progress.current_attempt is None
        self._filter()
        self.refresh_bindings()

    # --- the review ---

    def items(self) -> list[ReviewItem]:
        """The review items shown now (all of them, or only the wrong ones)."""
        return [item for item in self.query(ReviewItem) if item.display]

    def _filter(self) -> None:
        for item in self.query(ReviewItem):
            item.display = item.wrong or not self.wrong_only
        if not self.wrong_only:
            said = s.REVIEW_HELP
        else:
            said = s.WRONG_ONLY_ON if self.items() else s.WRONG_ONLY_NONE
        self.query_one("#filter-line", Static).update(Text(said, style="italic"))

    def action_wrong_only(self) -> None:
        self.wrong_only = not self.wrong_only
        self._filter()
        focused = self.focused
        if isinstance(focused, ReviewItem) and not focused.display:
            self.query_one("#results").focus()
        self.refresh_bindings()

    def action_item(self, delta: int) -> None:
        items = self.items()
        if not items:
            return
        focused = self.focused
        if isinstance(focused, ReviewItem) and focused in items:
            target = items[max(0, min(len(items) - 1, items.index(focused) + delta))]
        else:
            target = items[0] if delta > 0 else items[-1]
        target.focus(scroll_visible=False)
        self.query_one("#results", VerticalScroll).scroll_to_widget(target, top=True, animate=False)

    def action_open_page(self) -> None:
        focused = self.focused
        if isinstance(focused, ReviewItem) and focused.page is not None:
            self.app.show_page(self.session, focused.page.id)

    def action_practise(self) -> None:
        from leermodules.tui.screens.practice_round import PracticeRoundScreen

        if self.again and self.session.progress.current_attempt is None:
            self.app.push_screen(PracticeRoundScreen(self.session, self.again))

    def action_certificate(self) -> None:
        from leermodules.tui.screens.certificate import CertificateScreen

        self.app.push_screen(CertificateScreen(self.session))

    def action_retry(self) -> None:
        if self.session.progress.current_attempt is None and self.guard(self.session.start_attempt) is None:
            return
        self.app.show_attempt(self.session, replace=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return self.session.attempts_left != 0 and self.session.progress.current_attempt is None
        if action == "practise":
            return bool(self.again) and self.session.progress.current_attempt is None
        if action == "certificate":
            return self.session.status.value == "passed"
        if action == "open_page":
            focused = self.focused
            return isinstance(focused, ReviewItem) and focused.page is not None
        return True
