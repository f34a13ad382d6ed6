"""The toets overview (`o` in the toets): every question of the attempt with its state (beantwoord,
open) and its mark (gemarkeerd), the question the learner is at marked ◀ hier.

Enter goes to the highlighted question; `m` marks it to look at again, or takes the mark off (the
mark is stored at once, with the attempt); escape goes back to the question the learner was at.
The screen is dismissed with the position to go to, or None.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Header, OptionList, Static

from engine.progress import AssessmentAttempt, QuestionState
from leermodules.tui import strings as s
from leermodules.tui.screens.base import ModuleScreenBase
from leermodules.tui.widgets.keybar import KeyBar
from leermodules.tui.widgets.marked_list import MarkedOptionList

STATE_WORDS = {QuestionState.ANSWERED: s.STATE_ANSWERED, QuestionState.OPEN: s.STATE_OPEN}


def first_line(markdown: str, width: int) -> str:
    """A question's prompt as one line of plain text of at most `width` characters (its first
    line, without Markdown marks; cut off with … when longer)."""
    line = next((part.strip() for part in markdown.splitlines() if part.strip()), "")
    line = line.lstrip("#>*- ").replace("**", "").replace("`", "")
    return line if len(line) <= width else line[: max(1, width - 1)].rstrip() + "…"


class OverviewScreen(ModuleScreenBase):
    BINDINGS = [
        Binding("enter", "jump", s.KEY_JUMP, id="attempt.jump", priority=True),
        Binding("m", "flag", s.KEY_FLAG, id="attempt.overview_flag"),
        Binding("o", "back", s.KEY_BACK, show=False, id="attempt.overview_close"),
    ]

    def compose(self):
        yield Header()
        yield Static(id="overview-status")
        yield MarkedOptionList(id="overview")
        yield Static(s.OVERVIEW_HELP, id="overview-help")
        yield KeyBar()

    @property
    def attempt(self) -> AssessmentAttempt | None:
        return self.session.progress.current_attempt

    def on_mount(self) -> None:
        self.title = self.module.title
        self.sub_title = s.OVERVIEW_TITLE
        self.fill()
        attempt = self.attempt
        listing = self.query_one("#overview", MarkedOptionList)
        if attempt is not None:
            listing.highlighted = attempt.position
        listing.focus()

    def fill(self) -> None:
        attempt = self.attempt
        if attempt is None:
            return
        listing = self.query_one("#overview", MarkedOptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        for number, question_id in enumerate(attempt.questions, start=1):
            listing.add_marked(self._line(attempt, number, question_id), id=question_id)
        if highlighted is not None:
            listing.highlighted = highlighted
        counts = s.overview_counts(len(attempt.answers), len(attempt.questions), len(attempt.flagged))
        self.query_one("#overview-status", Static).update(Text(counts))

    def _line(self, attempt: AssessmentAttempt, number: int, question_id: str) -> Text:
        flagged = question_id in attempt.flagged
        state = STATE_WORDS[attempt.state_of(question_id)]
        here = number - 1 == attempt.position
        room = min(self.app.size.width, 120) - 36 - (len(s.HERE) + 2 if here else 0)
        prompt = first_line(self.module.question(question_id).prompt, max(12, room))
        line = Text()
        line.append(f"{number:>2}. ")
        line.append(f"{state:<11}", style="" if state == s.STATE_ANSWERED else "bold")
        line.append(f"{s.FLAG + ' ' + s.STATE_FLAGGED if flagged else '':<13}", style="bold" if flagged else "")
        line.append(prompt, style="dim" if state == s.STATE_ANSWERED else "")
        if here:
            line.append(f"  {s.HERE}", style="bold")
        return line

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_jump(self) -> None:
        listing = self.query_one("#overview", MarkedOptionList)
        if listing.highlighted is not None:
            self.dismiss(listing.highlighted)

    def action_flag(self) -> None:
        attempt = self.attempt
        listing = self.query_one("#overview", MarkedOptionList)
        if attempt is None or listing.highlighted is None:
            return
        question_id = attempt.questions[listing.highlighted]
        if self.went_through(lambda: self.session.flag(question_id, question_id not in attempt.flagged)):
            self.fill()

    def on_resize(self) -> None:
        self.fill()

    def action_back(self) -> None:
        self.dismiss(None)
