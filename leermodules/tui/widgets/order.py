"""Putting items in order: move them up and down by keyboard or mouse.

Keys: ↑↓ move the cursor; space picks the item up (then ↑↓ carry it) and puts it down again;
shift+↑↓ (or - and +) move the item under the cursor straight away; enter confirms.
Mouse: ▲ and ▼ in front of every item.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from leermodules.tui import strings as s


class OrderArrow(Static):
    def __init__(self, symbol: str, delta: int) -> None:
        super().__init__(symbol)
        self.delta = delta

    def on_click(self, event: events.Click) -> None:
        event.stop()
        row = self.parent
        assert isinstance(row, OrderRow)
        self.post_message(OrderRow.Move(row.slot, self.delta))


class OrderRow(Horizontal):
    class Move(Message):
        def __init__(self, slot: int, delta: int) -> None:
            self.slot = slot
            self.delta = delta
            super().__init__()

    class Clicked(Message):
        def __init__(self, slot: int) -> None:
            self.slot = slot
            super().__init__()

    def __init__(self, slot: int) -> None:
        super().__init__()
        self.slot = slot

    def compose(self):
        yield OrderArrow("▲", -1)
        yield OrderArrow("▼", 1)
        yield Static(classes="text")

    def show(self, label: str, *, cursor: bool, grabbed: bool) -> None:
        self.set_class(cursor, "-cursor")
        self.set_class(grabbed, "-grabbed")
        text = Text(f"{'❯' if cursor else ' '} {self.slot + 1}. ")
        text.append(label)
        if grabbed:
            text.append(f"  ⇅ {s.GRABBED}", style="bold")
        self.query_one(".text", Static).update(text)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self.slot))


class OrderList(Widget, can_focus=True):
    DEFAULT_CSS = """
    OrderList { height: auto; }
    OrderRow { height: auto; }
    OrderRow > OrderArrow { width: 2; color: $accent; }
    OrderRow > .text { width: 1fr; }
    OrderList:focus > OrderRow.-cursor { background: $accent 30%; text-style: bold; }
    OrderList.-locked OrderRow { color: $text-muted; }
    """

    BINDINGS = [
        Binding("up", "cursor(-1)", s.KEY_UP, show=False, id="order.up"),
        Binding("down", "cursor(1)", s.KEY_DOWN, show=False, id="order.down"),
        Binding("space", "grab", s.KEY_GRAB, show=False, id="order.grab"),
        Binding("shift+up,minus", "shift(-1)", s.KEY_MOVE_UP, show=False, id="order.shift_up"),
        Binding("shift+down,plus", "shift(1)", s.KEY_MOVE_DOWN, show=False, id="order.shift_down"),
        Binding("enter", "confirm", s.KEY_CONFIRM, show=False, id="order.confirm"),
    ]

    class Changed(Message):
        """An item was moved (not confirmed yet)."""

    class Confirmed(Message):
        def __init__(self, arrangement: list[int]) -> None:
            self.arrangement = arrangement
            super().__init__()

    def __init__(self, labels: list[str], arrangement: list[int], id: str | None = None):
        super().__init__(id=id)
        self.labels = labels
        self.arrangement = list(arrangement)  # item indexes, top to bottom
        self.cursor = 0
        self.grabbed = False
        self.locked = False
        self.moved = False  # by the learner: an order never touched is no answer yet

    def compose(self):
        for slot in range(len(self.arrangement)):
            yield OrderRow(slot)

    def on_mount(self) -> None:
        self._paint()

    def _paint(self) -> None:
        for row in self.query(OrderRow):
            here = row.slot == self.cursor and not self.locked
            row.show(self.labels[self.arrangement[row.slot]], cursor=here and self.has_focus, grabbed=here and self.grabbed)

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        if self.is_mounted:
            self._paint()

    def on_blur(self) -> None:
        self.grabbed = False

    def freeze(self, locked: bool = True) -> None:
        self.locked = locked
        self.grabbed = False
        self.set_class(locked, "-locked")
        self._paint()

    def action_cursor(self, delta: int) -> None:
        if self.grabbed:
            self.action_shift(delta)
            return
        self.cursor = max(0, min(len(self.arrangement) - 1, self.cursor + delta))
        self._paint()

    def action_grab(self) -> None:
        if not self.locked:
            self.grabbed = not self.grabbed
            self._paint()

    def action_shift(self, delta: int) -> None:
        self._swap(self.cursor, delta)

    def _swap(self, slot: int, delta: int) -> None:
        target = slot + delta
        if self.locked or not 0 <= target < len(self.arrangement):
            return
        self.arrangement[slot], self.arrangement[target] = self.arrangement[target], self.arrangement[slot]
        self.cursor = target
        self.moved = True
        self._paint()
        self.post_message(self.Changed())

    def action_confirm(self) -> None:
        if not self.locked:
            self.grabbed = False
            self._paint()
            self.post_message(self.Confirmed(list(self.arrangement)))

    def on_order_row_move(self, message: OrderRow.Move) -> None:
        message.stop()
        self.focus()
        self._swap(message.slot, message.delta)

    def on_order_row_clicked(self, message: OrderRow.Clicked) -> None:
        message.stop()
        self.focus()
        self.cursor = message.slot
        self._paint()
