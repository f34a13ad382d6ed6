"""The certificate of a passed module (`leermodules.certificate`), on `c` from the module's screen
and its results: the learner's name (asked once: it is kept for the next time, and for the results
file), where to write the page, and what it will say. Enter in the file field writes it; an existing
file is only replaced after a yes."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import Header, Input, Static

from engine.store import StoreError
from leermodules.certificate import Certificate, NotPassed, certificate_for, default_file, write_certificate
from leermodules.tui import strings as s
from leermodules.tui.screens.base import ModuleScreenBase
from leermodules.tui.screens.dialogs import ConfirmScreen
from leermodules.tui.widgets.keybar import KeyBar
from leermodules.tui.widgets.name_and_file import name_and_file_fields


class CertificateScreen(ModuleScreenBase):
    def compose(self):
        yield Header()
        yield Static(id="certificate-summary")
        yield from name_and_file_fields("cert-name", "cert-path")
        yield Static(Text(s.CERTIFICATE_HELP), id="certificate-help")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = self.module.title
        self.sub_title = s.CERTIFICATE_TITLE
        for field in self.query(Input):
            field.cursor_blink = getattr(self.app, "cursor_blink", True)
        try:
            name = self.app.store.learner_name() or ""
        except StoreError as exc:
            self.app.show_message(s.NOT_SAVED, s.store_problem(exc))
            name = ""
        self.query_one("#cert-name", Input).value = name
        self.query_one("#cert-path", Input).value = str(default_file(self.module.id, self.app.export_folder))
        self.show(name)
        self.query_one("#cert-path" if name else "#cert-name", Input).focus()

    def certificate(self, name: str) -> Certificate | None:
        try:
            return certificate_for(self.app.store, self.module, name)
        except NotPassed:
            return None

    def show(self, name: str) -> None:
        found = self.certificate(name.strip() or "…")
        text = Text(s.certificate_summary(found) if found else s.CERTIFICATE_NOT_PASSED)
        self.query_one("#certificate-summary", Static).update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "cert-name":
            self.show(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "cert-name":
            self.query_one("#cert-path", Input).focus()
        else:
            self.write()

    def write(self) -> None:
        name = self.query_one("#cert-name", Input).value.strip()
        where = self.query_one("#cert-path", Input).value.strip()
        if not name:
            self.app.show_message(s.EXPORT_NOT_WRITTEN, s.EXPORT_NO_NAME)
            return
        if not where:
            self.app.show_message(s.EXPORT_NOT_WRITTEN, s.EXPORT_NO_PATH)
            return
        certificate = self.certificate(name)
        if certificate is None:
            self.app.show_message(s.EXPORT_NOT_WRITTEN, s.CERTIFICATE_NOT_PASSED)
            return
        target = Path(where).expanduser()
        if not target.is_absolute():
            target = (self.app.export_folder or Path.cwd()) / target
        if target.exists():
            self.app.push_screen(
                ConfirmScreen(s.export_replace(str(target))),
                lambda yes: self._write(certificate, target, overwrite=True) if yes else None,
            )
        else:
            self._write(certificate, target, overwrite=False)

    def _write(self, certificate: Certificate, target: Path, *, overwrite: bool) -> None:
        from leermodules import strings as cli_strings

        try:
            write_certificate(certificate, target, overwrite=overwrite)
        except OSError as exc:
            self.app.show_message(s.EXPORT_NOT_WRITTEN, s.export_failed(str(target), cli_strings.os_reason(exc)))
            return
        try:
            self.app.store.set_learner_name(certificate.name)
        except StoreError:  # the page is written; the name only saves typing next time
            self.app.notify(s.NAME_NOT_SAVED, severity="warning", timeout=4)
        self.app.notify(s.certificate_written(str(target)), timeout=6)
        self.app.pop_screen()
