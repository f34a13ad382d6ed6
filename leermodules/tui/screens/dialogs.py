"""Small modal dialogs: a yes/no question, and a message to read and close."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from leermodules.tui import strings as s


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("j,y", "answer(True)", s.KEY_YES, id="confirm.yes"),
        Binding("n,escape", "answer(False)", s.KEY_NO, id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self):
        with Vertical(classes="dialog"):
            yield Static(Text(self.question))
            with Horizontal(classes="buttons"):
                yield Button(f"{s.KEY_YES} (j)", id="yes", variant="primary")
                yield Button(f"{s.KEY_NO} (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class MessageScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,enter,q", "close", s.KEY_CLOSE, id="message.close")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.heading = title
        self.message = message

    def compose(self):
        with Vertical(classes="dialog"):
            yield Static(Text(self.heading, style="bold"))
            if self.message:
                yield Static(Text(self.message))
            with Horizontal(classes="buttons"):
                yield Button(s.KEY_CLOSE, id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
