"""The ontwikkelscan: its own start screen (what it is, how far this take is, its themes) and its
pages of statements, each rated on the scale of words with the likert widget.

After a rating the focus moves on to the next statement, so a keyboard user rates a page with a
digit and enter per statement. `n` on the last page, or `k` at any time, finishes the take
(`LeermodulesApp.finish_scan`): it is recorded and the profile shows.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, OptionList, Static

from leermodules.tui import strings as s
from leermodules.tui.scan_session import ScanSession
from leermodules.tui.screens.base import ModuleScreenBase
from leermodules.tui.screens.page import PageScreen
from leermodules.tui.widgets.keybar import KeyBar
from leermodules.tui.widgets.marked_list import MarkedOptionList
from leermodules.tui.widgets.question import QuestionView


class ScanScreen(ModuleScreenBase):
    BINDINGS = [
        Binding("enter", "open", s.KEY_OPEN, id="scan.open", priority=True),
        Binding("v", "continue", s.KEY_CONTINUE, id="scan.continue"),
        Binding("k", "finish", s.KEY_FINISH_SCAN, id="scan.finish"),
        Binding("p", "profile", s.KEY_PROFILE, id="scan.profile"),
    ]

    session: ScanSession

    def compose(self):
        yield Header()
        with VerticalScroll(id="about"):
            yield Static(id="summary")
            yield Static(id="facts")
        yield Static(Text(s.SCAN_CONTENTS, style="bold"), id="contents-title")
        yield MarkedOptionList(id="contents")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = self.module.title
        self.fill()

    def on_screen_resume(self) -> None:
        self.session.refresh()
        self.fill()

    def fill(self) -> None:
        session = self.session
        rated, total = len(session.ratings), len(session.statements)
        takes = session.takes()
        self.query_one("#summary", Static).update(Text(s.SCAN_ABOUT))
        facts = Text()
        if rated:
            facts.append(s.scan_progress(rated, total), style="bold")
            facts.append(f"\n{s.SCAN_FINISH_HINT}")
        elif takes:
            facts.append(s.SCAN_RETAKE)
        else:
            facts.append(s.SCAN_NOT_STARTED)
        earlier = s.scan_earlier([s.short_date(t.taken_at) for t in takes])
        if earlier:
            facts.append(f"\n{earlier}")
        self.query_one("#facts", Static).update(facts)

        contents = self.query_one("#contents", MarkedOptionList)
        contents.clear_options()
        for number, page in enumerate(self.module.pages, start=1):
            done, count = session.rated_on(page.id)
            line = Text(s.scan_page_line(number, page.title, done, count))
            if page.id == session.progress.location:
                line.append(f"  {s.PAGE_HERE}", style="bold")
            contents.add_marked(line, id=page.id)
        contents.highlighted = contents.get_option_index(self._where())
        contents.focus()
        self.refresh_bindings()

    def _where(self) -> str:
        """Where to go on: where the learner was; for a fresh take the first page; else the first
        page with a statement not rated yet."""
        progress, session = self.session.progress, self.session
        if progress.location is not None:
            return progress.location
        if session.ratings:
            for page in self.module.pages:
                done, count = session.rated_on(page.id)
                if done < count:
                    return page.id
        return self.module.pages[0].id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.open_location(self.session, event.option.id)

    def action_open(self) -> None:
        contents = self.query_one("#contents", MarkedOptionList)
        if contents.highlighted is not None:
            self.app.open_location(self.session, contents.get_option_at_index(contents.highlighted).id or "")

    def action_continue(self) -> None:
        self.app.open_location(self.session, self._where())

    def action_finish(self) -> None:
        self.app.finish_scan(self.session)

    def action_profile(self) -> None:
        self.app.show_profile()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "finish":
            return bool(self.session.ratings)
        if action == "profile":
            return bool(self.session.takes())
        return True


class ScanPageScreen(PageScreen):
    BINDINGS = [Binding("k", "finish", s.KEY_FINISH_SCAN, id="scanpage.finish")]

    session: ScanSession

    def question_label(self, number: int, total: int, question) -> str:
        return s.SCAN_STATEMENT.format(number=number, total=total)

    async def _mount_questions(self) -> None:
        await super()._mount_questions()
        views = list(self.query(QuestionView))
        if views and not any(v.question.id == self.session.focus for v in views):
            ratings = self.session.ratings
            first_open = next((v for v in views if v.question.id not in ratings), views[0])
            first_open.focus_answer()  # ready to rate: a digit and enter

    def show_answered(self, view: QuestionView, response, graded) -> None:
        scale = getattr(view.question, "scale", [])
        word = scale[response] if isinstance(response, int) and 0 <= response < len(scale) else ""
        view.feedback.show_message(s.SCAN_RATED.format(word=word))

    def after_answer(self, view: QuestionView) -> None:
        views = list(self.query(QuestionView))
        index = views.index(view)
        page = self.query_one("#page", VerticalScroll)
        if index + 1 < len(views):
            following = views[index + 1]
            following.focus_answer()
            self.call_after_refresh(lambda: page.scroll_to_widget(following, top=True, animate=False))
        else:
            page.focus()
            self.call_after_refresh(lambda: page.scroll_end(animate=False))
        self.refresh_bindings()

    def _end_hint(self) -> str:
        if not self.page.questions and self.index + 1 < len(self.module.pages):
            return s.SCAN_PAGE_END_INTRO
        return s.SCAN_PAGE_END_NEXT if self.index + 1 < len(self.module.pages) else s.SCAN_PAGE_END_LAST

    def action_finish(self) -> None:
        self.app.finish_scan(self.session)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "finish":
            return bool(self.session.ratings)
        return super().check_action(action, parameters)
