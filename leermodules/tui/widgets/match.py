"""Matching: for each item on the left, choose an answer from the numbered list below it.

Keys: ↑↓ choose a line; a digit puts that answer on the line and goes to the next line (the help
line under the question says so); ←→ step through the answers; backspace clears the line; enter
confirms.
Mouse: click a line, then click an answer.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from leermodules.tui import strings as s

NONE = -1


class MatchLine(Static):
    class Clicked(Message):
        def __init__(self, line: int) -> None:
            self.line = line
            super().__init__()

    def __init__(self, line: int, left: str) -> None:
        super().__init__()
        self.line = line
        self.left = left

    def show(self, answer: str | None, number: int | None, *, cursor: bool) -> None:
        self.set_class(cursor, "-cursor")
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(no_wrap=True, width=1)
        grid.add_column(ratio=2)
        grid.add_column(no_wrap=True, width=1)
        grid.add_column(ratio=3)
        chosen = Text(f"{number}. {answer}") if answer is not None else Text(s.MATCH_NONE, style="italic")
        grid.add_row(Text("❯" if cursor else " "), Text(self.left, style="bold"), Text("→"), chosen)
        self.update(grid)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self.line))


class MatchOption(Static):
    class Clicked(Message):
        def __init__(self, number: int) -> None:
            self.number = number
            super().__init__()

    def __init__(self, number: int, text: str) -> None:
        super().__init__(Text(f"  {number}. {text}"))
        self.number = number

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self.number))


class MatchTable(Widget, can_focus=True):
    DEFAULT_CSS = """
    MatchTable { height: auto; }
    MatchTable > MatchLine { height: auto; }
    MatchTable > MatchOption { height: auto; }
    MatchTable > .caption { margin-top: 1; text-style: italic; }
    MatchTable:focus > MatchLine.-cursor { background: $accent 30%; }
    MatchTable.-locked > MatchLine { color: $text-muted; }
    """

    BINDINGS = [
        Binding("up", "line(-1)", s.KEY_UP, show=False, id="match.up"),
        Binding("down", "line(1)", s.KEY_DOWN, show=False, id="match.down"),
        Binding("right,space", "cycle(1)", s.KEY_CYCLE_NEXT, show=False, id="match.next"),
        Binding("left", "cycle(-1)", s.KEY_CYCLE_PREV, show=False, id="match.prev"),
        Binding("backspace,delete", "clear", s.KEY_CLEAR, show=False, id="match.clear"),
        Binding("enter", "confirm", s.KEY_CONFIRM, show=False, id="match.confirm"),
        *[Binding(str(n), f"pick({n})", show=False, id=f"match.pick{n}") for n in range(1, 10)],
    ]

    class Changed(Message):
        """An answer was put on a line or taken off (not confirmed yet)."""

    class Confirmed(Message):
        def __init__(self, choices: list[int]) -> None:
            self.choices = choices
            super().__init__()

    def __init__(self, lefts: list[str], answers: list[str], order: list[int], chosen: list[int] | None = None, id: str | None = None):
        """`answers` in file order; `order` is how they are numbered on screen; `chosen[i]` is the
        answer index (file order) on line i, or -1."""
        super().__init__(id=id)
        self.lefts = lefts
        self.answers = answers
        self.order = order
        self.chosen = list(chosen) if chosen else [NONE] * len(lefts)
        self.cursor = 0
        self.locked = False

    def compose(self):
        for line, left in enumerate(self.lefts):
            yield MatchLine(line, left)
        yield Static(s.MATCH_ANSWERS, classes="caption")
        for number, answer in enumerate(self.order, start=1):
            yield MatchOption(number, self.answers[answer])

    def on_mount(self) -> None:
        self._paint()

    def _paint(self) -> None:
        for line in self.query(MatchLine):
            answer = self.chosen[line.line]
            number = self.order.index(answer) + 1 if answer != NONE else None
            at_cursor = line.line == self.cursor and self.has_focus and not self.locked
            line.show(self.answers[answer] if answer != NONE else None, number, cursor=at_cursor)

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        if self.is_mounted:
            self._paint()

    def freeze(self, locked: bool = True) -> None:
        self.locked = locked
        self.set_class(locked, "-locked")
        self._paint()

    def action_line(self, delta: int) -> None:
        self.cursor = max(0, min(len(self.lefts) - 1, self.cursor + delta))
        self._paint()

    def _set(self, answer: int) -> None:
        if not self.locked and self.chosen[self.cursor] != answer:
            self.chosen[self.cursor] = answer
            self._paint()
            self.post_message(self.Changed())

    def action_pick(self, number: int) -> None:
        if 1 <= number <= len(self.order) and not self.locked:
            self._set(self.order[number - 1])
            self.action_line(1)

    def action_cycle(self, delta: int) -> None:
        current = self.chosen[self.cursor]
        numbers = [NONE, *self.order]
        self._set(numbers[(numbers.index(current) + delta) % len(numbers)])

    def action_clear(self) -> None:
        self._set(NONE)

    def action_confirm(self) -> None:
        if not self.locked:
            self.post_message(self.Confirmed(list(self.chosen)))

    def on_match_line_clicked(self, message: MatchLine.Clicked) -> None:
        message.stop()
        self.focus()
        self.cursor = message.line
        self._paint()

    def on_match_option_clicked(self, message: MatchOption.Clicked) -> None:
        message.stop()
        self.focus()
        self.action_pick(message.number)
