"""Exporting the learner's own results: their name (kept as they set it), the file to write, a
summary in words and the JSON text itself, exactly as it will be written. Nothing is written
until the learner confirms; an existing file is only replaced after a second question.

The content comes from `leermodules.commands.results.collect`, the same as `leermodules results
export` writes, stamped once when the screen opens so what is shown is what is written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Input, Static

from engine.store import StoreError
from leermodules.tui import strings as s
from leermodules.tui.screens.base import BaseScreen
from leermodules.tui.screens.dialogs import ConfirmScreen
from leermodules.tui.widgets.keybar import KeyBar
from leermodules.tui.widgets.name_and_file import name_and_file_fields

if TYPE_CHECKING:
    from engine.results import Results



def default_file(name: str, folder: Path) -> Path:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return folder / (f"resultaten-{slug}.json" if slug else "resultaten.json")


class ExportScreen(BaseScreen):
    BINDINGS = [Binding("ctrl+s", "write", s.KEY_WRITE, id="export.write", priority=True)]

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder or Path.cwd()
        self.base: Results | None = None  # with a stand-in name
        self.text = ""  # the JSON exactly as it would be written now
        self.path_edited = False

    def compose(self):
        yield Header()
        yield from name_and_file_fields("name", "path")
        yield Static(id="export-summary")
        yield Static(Text(s.EXPORT_CONTENT, style="bold"), id="export-content-title")
        with VerticalScroll(id="export-json"):
            yield Static(id="json")
        with Horizontal(id="export-actions"):
            yield Button(s.EXPORT_BUTTON, id="write", variant="primary", compact=True)
            yield Static(Text(s.EXPORT_HELP), classes="help")
        yield KeyBar()

    def on_mount(self) -> None:
        from leermodules.commands.results import collect

        self.title = s.EXPORT_TITLE
        app = self.app
        modules = []
        for entry in app.catalog.available:
            session = app.try_session(entry.id)
            if session is not None:
                modules.append(session.module)
        try:
            self.base = collect(app.store, modules, "-", app.now())
            name = app.store.learner_name() or ""
        except StoreError as exc:
            app.show_message(s.NOT_SAVED, s.STORE_PROBLEMS[exc.problem].format(path=exc.path, detail=exc.detail))
            return
        for field in self.query(Input):
            field.cursor_blink = getattr(app, "cursor_blink", True)
        self.query_one("#name", Input).value = name
        self.query_one("#path", Input).value = str(default_file(name, self.folder))
        self.show(name)
        self.query_one("#name", Input).focus()

    # --- what goes in ---

    def results(self, name: str):
        assert self.base is not None
        return self.base.model_copy(update={"name": name})

    def show(self, name: str) -> None:
        from engine.results import to_json

        if self.base is None:
            return
        results = self.results(name.strip())
        self.text = to_json(results)
        passed = sum(m.status in ("passed", "completed") for m in results.modules)
        summary = s.export_summary(name.strip(), [s.short_date(t.taken_at) for t in results.scans], len(results.modules), passed)
        self.query_one("#export-summary", Static).update(Text(summary))
        self.query_one("#json", Static).update(Text(self.text))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "name":
            self.show(event.value)
            if not self.path_edited:
                self.query_one("#path", Input).value = str(default_file(event.value.strip(), self.folder))
        elif event.input.id == "path" and event.input.has_focus:
            self.path_edited = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "name":
            self.query_one("#path", Input).focus()
        else:
            self.action_write()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "write":
            self.action_write()

    # --- writing, after the learner said yes ---

    def action_write(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        where = self.query_one("#path", Input).value.strip()
        if self.base is None:
            return
        if not name:
            self.app.show_message(s.EXPORT_NOT_WRITTEN, s.EXPORT_NO_NAME)
            return
        if not where:
            self.app.show_message(s.EXPORT_NOT_WRITTEN, s.EXPORT_NO_PATH)
            return
        target = Path(where).expanduser()
        if not target.is_absolute():
            target = self.folder / target
        self.show(name)
        text = self.text
        question = s.export_replace(str(target)) if target.exists() else s.export_confirm(str(target))
        self.app.push_screen(ConfirmScreen(question), lambda yes: self._write(target, name, text) if yes else None)

    def _write(self, target: Path, name: str, text: str) -> None:
        from leermodules import strings as cli_strings
        from leermodules.commands.results import write_file

        try:
            write_file(target, text, overwrite=True)  # the learner confirmed replacing an existing file
        except OSError as exc:
            self.app.show_message(s.EXPORT_NOT_WRITTEN, s.export_failed(str(target), cli_strings.os_reason(exc)))
            return
        try:
            self.app.store.set_learner_name(name)
        except StoreError:  # the file is written; the name only saves typing next time
            self.app.notify(s.NAME_NOT_SAVED, severity="warning", timeout=4)
        self.app.notify(s.export_written(str(target)), timeout=6)
        self.app.pop_screen()
