"""The two fields of a screen that writes a file for the learner: their name, and where it goes."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Horizontal
from textual.widgets import Input, Static

from engine.results import MAX_NAME
from leermodules.tui import strings as s


def name_and_file_fields(name_id: str, path_id: str):
    """Yield the labelled name field (`name_id`) and file field (`path_id`), in that order."""
    with Horizontal(classes="field"):
        yield Static(Text(s.EXPORT_NAME), classes="field-label")
        yield Input(placeholder=s.EXPORT_NAME_PLACEHOLDER, max_length=MAX_NAME, id=name_id, compact=True)
    with Horizontal(classes="field"):
        yield Static(Text(s.EXPORT_PATH), classes="field-label")
        yield Input(id=path_id, compact=True)
