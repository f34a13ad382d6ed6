"""The glossary of a module (its `glossary:` key), on `g` from the module's screens.

The terms are listed alphabetically with their meaning. Typing filters the list (on the term and
the meaning, without regard to case); ↑ ↓ and page up/down scroll it; escape goes back.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Input, Static

from engine.model import GlossaryEntry, Module
from leermodules.tui import strings as s
from leermodules.tui.screens.base import BaseScreen
from leermodules.tui.widgets.hanging import Hanging
from leermodules.tui.widgets.keybar import KeyBar


def matching(entries: list[GlossaryEntry], search: str) -> list[GlossaryEntry]:
    """The entries whose term or meaning contains every word of `search`, alphabetically."""
    words = search.casefold().split()
    found = [e for e in entries if all(w in f"{e.term} {e.definition}".casefold() for w in words)]
    return sorted(found, key=lambda e: e.term.casefold())


class GlossaryScreen(BaseScreen):
    BINDINGS = [
        Binding("down", "scroll_list(1)", s.KEY_DOWN, show=False, id="glossary.down"),
        Binding("up", "scroll_list(-1)", s.KEY_UP, show=False, id="glossary.up"),
        Binding("pagedown", "scroll_list(10)", s.KEY_DOWN, show=False, id="glossary.pagedown"),
        Binding("pageup", "scroll_list(-10)", s.KEY_UP, show=False, id="glossary.pageup"),
    ]

    def __init__(self, module: Module) -> None:
        super().__init__()
        self.module = module

    def compose(self):
        yield Header()
        yield Input(placeholder=s.GLOSSARY_SEARCH, id="glossary-search", compact=True)
        yield Static(id="glossary-count")
        with VerticalScroll(id="glossary"):
            yield Static(id="glossary-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = self.module.title
        self.sub_title = s.GLOSSARY_TITLE
        self.show("")
        self.query_one("#glossary-search", Input).focus()

    def show(self, search: str) -> None:
        entries = list(self.module.glossary)
        found = matching(entries, search)
        self.query_one("#glossary-count", Static).update(Text(s.glossary_count(len(found), len(entries))))
        text = Text()
        for number, entry in enumerate(found):
            if number:
                text.append("\n\n")
            text.append(entry.term, style="bold")
            text.append("\n  " + " ".join(entry.definition.split()))
        if not found:
            text.append(s.GLOSSARY_NONE_FOUND, style="italic")
        self.query_one("#glossary-list", Static).update(Hanging(text))
        self.query_one("#glossary", VerticalScroll).scroll_home(animate=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show(event.value)

    def action_scroll_list(self, lines: int) -> None:
        self.query_one("#glossary", VerticalScroll).scroll_relative(y=lines, animate=False)
