"""`?`: the keys that work on the screen underneath, and the keys for answering questions; in the
toets and on the results also what the overview, marks and the review after hand-in do."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from leermodules.tui import strings as s

KEY_NAMES = {
    "question_mark": "?",
    "escape": "escape",
    "enter": "enter",
    "space": "spatie",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "shift+up": "shift+↑",
    "shift+down": "shift+↓",
    "ctrl+s": "ctrl+s",
    "minus": "-",
    "plus": "+",
}


def key_name(key: str) -> str:
    return KEY_NAMES.get(key, key)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,f1,q", "close", s.KEY_CLOSE, id="help.close")]

    def __init__(self, screen_keys: list[tuple[str, str]], app_keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.screen_keys = screen_keys
        self.app_keys = app_keys

    def compose(self):
        with VerticalScroll(classes="dialog help"):
            yield Static(Text(s.HELP_TITLE, style="bold"))
            yield Static(self._table(s.HELP_THIS_SCREEN, self.screen_keys))
            described = {what for _, what in self.screen_keys}
            if s.KEY_FLAG in described:  # the toets
                yield Static(self._table(s.HELP_TOETS, list(s.HELP_TOETS_KEYS)))
            if s.KEY_WRONG_ONLY in described:  # the results
                yield Static(self._table(s.HELP_REVIEW, list(s.HELP_REVIEW_KEYS)))
            yield Static(self._table(s.HELP_QUESTIONS, list(s.HELP_QUESTION_KEYS)))
            yield Static(self._table(s.HELP_EVERYWHERE, self.app_keys))
            yield Static(Text(s.HELP_FOOTER, style="italic"))

    @staticmethod
    def _table(title: str, rows: list[tuple[str, str]]) -> Table:
        table = Table.grid(padding=(0, 2))
        table.title = title
        table.title_justify = "left"
        table.title_style = "bold"
        table.add_column(no_wrap=True, style="bold")
        table.add_column()
        for key, what in rows:
            table.add_row(key, what)
        return table

    def action_close(self) -> None:
        self.dismiss(None)
