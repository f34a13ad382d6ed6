"""A list of choices for the keyboard and the mouse: one (radio) or several (check boxes).

Keys: ↑↓ move, space or a digit chooses (or toggles), enter confirms. A click chooses (or toggles).
What is chosen is shown with a symbol, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from leermodules.tui import strings as s


class ChoiceRow(Static):
    """One line of a ChoiceList; not focusable itself (the list is)."""

    class Clicked(Message):
        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(self, index: int, label: str) -> None:
        super().__init__()
        self.index = index
        self.label = label

    def show(self, *, cursor: bool, chosen: bool, multi: bool, mark: str = "") -> None:
        self.set_class(cursor, "-cursor")
        self.set_class(chosen, "-chosen")
        box = ("[x]" if chosen else "[ ]") if multi else ("(•)" if chosen else "( )")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        prefix = Text(f"{'❯' if cursor else ' '} {box} {self.index + 1}.")
        body = Text(self.label)
        if mark:
            body.append(f"  {mark}", style="bold")
        grid.add_row(prefix, body)
        self.update(grid)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self.index))


class ChoiceList(Widget, can_focus=True):
    DEFAULT_CSS = """
    ChoiceList { height: auto; }
    ChoiceList > ChoiceRow { height: auto; }
    ChoiceList:focus > ChoiceRow.-cursor { background: $accent 30%; text-style: bold; }
    ChoiceList.-locked > ChoiceRow { color: $text-muted; }
    """

    BINDINGS = [
        Binding("up", "move(-1)", s.KEY_UP, show=False, id="choice.up"),
        Binding("down", "move(1)", s.KEY_DOWN, show=False, id="choice.down"),
        Binding("space", "choose", s.KEY_CHOOSE, show=False, id="choice.choose"),
        Binding("enter", "confirm", s.KEY_CONFIRM, show=False, id="choice.confirm"),
        *[Binding(str(n), f"pick({n - 1})", show=False, id=f"choice.pick{n}") for n in range(1, 10)],
    ]

    cursor = reactive(0, init=False)

    class Changed(Message):
        """What is chosen changed (not confirmed yet)."""

        def __init__(self, choice_list: ChoiceList) -> None:
            self.choice_list = choice_list
            super().__init__()

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    class Confirmed(Message):
        """The learner confirmed what is chosen (indexes into the labels)."""

        def __init__(self, choice_list: ChoiceList, chosen: tuple[int, ...]) -> None:
            self.choice_list = choice_list
            self.chosen = chosen
            super().__init__()

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(
        self,
        labels: Iterable[str],
        *,
        multi: bool = False,
        chosen: Iterable[int] = (),
        confirm_on_click: bool = False,
        id: str | None = None,
    ):
        super().__init__(id=id)
        self.confirm_on_click = confirm_on_click
        self.labels = list(labels)
        self.multi = multi
        self.chosen: set[int] = set(chosen)
        self.locked = False
        self.marks: dict[int, str] = {}
        self.set_reactive(ChoiceList.cursor, min(self.chosen) if self.chosen else 0)

    def compose(self):
        for index, label in enumerate(self.labels):
            yield ChoiceRow(index, label)

    def on_mount(self) -> None:
        self._paint()

    def _paint(self) -> None:
        for row in self.query(ChoiceRow):
            at_cursor = row.index == self.cursor and self.has_focus and not self.locked
            row.show(cursor=at_cursor, chosen=row.index in self.chosen, multi=self.multi, mark=self.marks.get(row.index, ""))

    def watch_cursor(self) -> None:
        self._paint()
        rows = list(self.query(ChoiceRow))
        if rows and self.has_focus:
            rows[self.cursor].scroll_visible(animate=False)

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        if self.is_mounted:
            self._paint()

    def freeze(self, locked: bool = True) -> None:
        self.locked = locked
        self.set_class(locked, "-locked")
        self._paint()

    def set_marks(self, marks: dict[int, str]) -> None:
        """Words shown after some choices (e.g. 'jouw keuze'), for the review."""
        self.marks = marks
        self._paint()

    # --- actions ---

    def action_move(self, delta: int) -> None:
        if self.labels:
            self.cursor = (self.cursor + delta) % len(self.labels)

    def _toggle(self, index: int) -> None:
        if self.locked or not 0 <= index < len(self.labels):
            return
        before = set(self.chosen)
        if self.multi:
            self.chosen ^= {index}
        else:
            self.chosen = {index}
        self.cursor = index
        self._paint()
        if self.chosen != before:
            self.post_message(self.Changed(self))

    def action_choose(self) -> None:
        self._toggle(self.cursor)

    def action_pick(self, index: int) -> None:
        self._toggle(index)

    def action_confirm(self) -> None:
        if self.locked:
            return
        if not self.multi and not self.chosen:
            self.chosen = {self.cursor}
            self._paint()
        self.post_message(self.Confirmed(self, tuple(sorted(self.chosen))))

    def on_choice_row_clicked(self, message: ChoiceRow.Clicked) -> None:
        message.stop()
        self.focus()
        self._toggle(message.index)
        if self.confirm_on_click:
            self.action_confirm()
