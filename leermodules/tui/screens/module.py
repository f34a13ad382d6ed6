"""A module: its summary, minutes, who reviewed it, its objectives, and its pages (✓ for those done) plus the
assessment. Enter opens the highlighted entry; `v` continues where the learner stopped.

On a small terminal the summary and objectives do not fit above the contents: their panel then
scrolls, and `l` (or tab) takes the keyboard there, so ↓ reads on; tab goes back to the list."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, OptionList, Static

from engine.progress import ASSESSMENT
from leermodules.tui import strings as s
from leermodules.tui.screens.base import ModuleScreenBase
from leermodules.tui.widgets.hanging import Hanging
from leermodules.tui.widgets.keybar import KeyBar
from leermodules.tui.widgets.marked_list import MarkedOptionList


class ModuleScreen(ModuleScreenBase):
    BINDINGS = [
        Binding("enter", "open", s.KEY_OPEN, id="module.open", priority=True),
        Binding("v", "continue", s.KEY_CONTINUE, id="module.continue"),
        Binding("l", "objectives", s.KEY_OBJECTIVES, id="module.objectives"),
        Binding("g", "glossary", s.KEY_GLOSSARY, id="module.glossary"),
        Binding("c", "certificate", s.KEY_CERTIFICATE, id="module.certificate"),
    ]

    def compose(self):
        yield Header()
        with VerticalScroll(id="about"):  # focusable: tab reaches it, arrows scroll it
            yield Static(id="summary")
            yield Static(id="facts")
            yield Static(id="reviewed")
            yield Static(id="objectives")
        yield Static(Text(s.CONTENTS, style="bold"), id="contents-title")
        yield MarkedOptionList(id="contents")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = self.module.title
        self.fill()

    def on_screen_resume(self) -> None:
        self.fill()

    def fill(self) -> None:
        module, progress, session = self.module, self.session.progress, self.session
        self.query_one("#summary", Static).update(Text(module.summary))
        self.query_one("#facts", Static).update(Text(s.module_facts(module.minutes, len(module.pages), module.assessment is not None)))
        reviewed = self.query_one("#reviewed", Static)
        reviewed.display = module.reviewed is not None
        if module.reviewed is not None:
            reviewed.update(Text(s.reviewed_line(module.reviewed.date, list(module.reviewed.by)), style="dim"))
        objectives = self.query_one("#objectives", Static)
        objectives.display = bool(module.objectives)
        if module.objectives:
            text = Text.assemble((s.OBJECTIVES, "bold"))
            for objective in module.objectives:
                text.append(f"\n• {objective.text}")
            objectives.update(Hanging(text))

        contents = self.query_one("#contents", MarkedOptionList)
        contents.clear_options()
        for number, page in enumerate(module.pages, start=1):
            done = page.id in progress.pages_done
            line = Text(f"{s.PAGE_DONE if done else s.PAGE_NOT_DONE} {number}. {page.title}")
            if page.id == progress.location:
                line.append(f"  {s.PAGE_HERE}", style="bold")
            contents.add_marked(line, id=page.id)
        if module.assessment:
            assessment = module.assessment
            handed_in = any(a.submitted for a in progress.attempts)
            line = Text(f"{s.PAGE_DONE if handed_in else s.PAGE_NOT_DONE} ")
            line.append(
                s.assessment_line(
                    assessment.title,
                    len(progress.attempts),
                    assessment.attempts,
                    session.best_score,
                    progress.current_attempt is not None,
                )
            )
            if progress.location == ASSESSMENT:
                line.append(f"  {s.PAGE_HERE}", style="bold")
            contents.add_marked(line, id=ASSESSMENT)
        contents.highlighted = contents.get_option_index(self._where())
        contents.focus()

    def _where(self) -> str:
        """The entry to continue with: where the learner was, else the first page not done."""
        progress, module = self.session.progress, self.module
        if progress.location is not None:
            return progress.location
        for page in module.pages:
            if page.id not in progress.pages_done:
                return page.id
        return ASSESSMENT if module.assessment else module.pages[0].id

    def open(self, location: str) -> None:
        self.app.open_location(self.session, location)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.open(event.option.id)

    def action_open(self) -> None:
        contents = self.query_one("#contents", MarkedOptionList)
        if contents.highlighted is not None:
            self.open(contents.get_option_at_index(contents.highlighted).id or "")

    def action_continue(self) -> None:
        self.open(self._where())

    def action_objectives(self) -> None:
        """To the summary and objectives, to read them with ↓; again: back to the contents."""
        about = self.query_one("#about", VerticalScroll)
        if about.has_focus:
            self.query_one("#contents", MarkedOptionList).focus()
            return
        about.focus()
        objectives = self.query_one("#objectives", Static)
        if objectives.display:
            about.scroll_to_widget(objectives, top=True, animate=False)

    def action_glossary(self) -> None:
        from leermodules.tui.screens.glossary import GlossaryScreen

        self.app.push_screen(GlossaryScreen(self.module))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "glossary":
            return bool(self.module.glossary)
        if action == "certificate":
            return self.session.status.value == "passed"
        return True

    def action_certificate(self) -> None:
        from leermodules.tui.screens.certificate import CertificateScreen

        self.app.push_screen(CertificateScreen(self.session))
