"""Home: every module with its status, how much is done and the best score; enter opens one.

The `#advice` panel is where the ontwikkelscan's advice goes once that exists: the app's
`advice` callable returns a text (or None, and the panel stays hidden).
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Header, OptionList, Static

from leermodules.tui import strings as s
from leermodules.tui.widgets.keybar import KeyBar
from leermodules.tui.widgets.marked_list import MarkedOptionList
from leermodules.tui.screens.base import BaseScreen


class HomeScreen(BaseScreen):
    BINDINGS = [Binding("enter", "open", s.KEY_OPEN, id="home.open", priority=True)]

    def compose(self):
        yield Header()
        yield Static(id="advice")
        yield Static(Text(s.HOME_TITLE), id="home-title")
        yield MarkedOptionList(id="modules")
        yield Static(id="notice")
        yield KeyBar()

    def on_mount(self) -> None:
        self.fill()

    def on_screen_resume(self) -> None:
        self.fill()

    def fill(self) -> None:
        app = self.app
        modules = self.query_one("#modules", MarkedOptionList)
        highlighted = modules.highlighted
        modules.clear_options()
        summaries = app.store.summaries()
        for entry in app.catalog.available:
            facts = app.module_line(entry.module_id, summaries)
            line = Text.assemble((entry.title, "bold"))
            line.append("\n")
            line.append(s.module_line(facts.status, facts.done, facts.best))
            modules.add_marked(line, id=entry.module_id)
        if not app.catalog.available:
            modules.add_marked(Text(s.HOME_EMPTY), disabled=True)
        if highlighted is not None and highlighted < modules.option_count:
            modules.highlighted = highlighted
        elif app.catalog.available:
            modules.highlighted = 0
        advice = app.advice() if app.advice else None
        panel = self.query_one("#advice", Static)
        panel.display = bool(advice)
        if advice:
            panel.update(Text(f"{s.ADVICE_TITLE}\n", style="bold") + Text(advice))
        notice = self.query_one("#notice", Static)
        notice.display = bool(app.catalog.skipped)
        if app.catalog.skipped:
            notice.update(Text(s.skipped_modules(len(app.catalog.skipped))))
        modules.focus()

    def highlight(self, module_id: str) -> None:
        modules = self.query_one("#modules", MarkedOptionList)
        modules.highlighted = modules.get_option_index(module_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "back"  # home is where "back" ends

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.open_module(event.option.id)

    def action_open(self) -> None:
        modules = self.query_one("#modules", MarkedOptionList)
        if modules.highlighted is not None:
            option = modules.get_option_at_index(modules.highlighted)
            if option.id:
                self.app.open_module(option.id)
