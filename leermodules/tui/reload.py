"""A trainer trying a module (`leermodules run PATH`) sees each saved edit within a second.

The watcher compares the files' modification time and size every second. A file that changed and
is still valid replaces the module (the learner's answers are fitted to it, as after any module
change); one with errors is reported, each error located as `leermodules validate` prints it
(`file:line:column: what; how`), and the previous version stays on screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from engine.loader import LoadResult
from leermodules.tui import strings as s

if TYPE_CHECKING:
    from leermodules.tui.app import LeermodulesApp

#: Long enough to read a few located messages; the next save replaces them anyway.
FAILED_TIMEOUT = 30.0


def failure_text(result: LoadResult, module_id: str, base: Path | None = None) -> str:
    """Why a changed file was not loaded: its errors as `validate` prints them (the file relative to
    `base`, the working folder by default), or that its id changed."""
    if result.module is not None and result.module.id != module_id:
        return s.reload_id_changed(module_id, result.module.id)
    base = Path.cwd() if base is None else base
    errors = [p.relative_to(base) for p in result.problems if p.severity == "error"]
    lines = [str(p) for p in errors[: s.RELOAD_SHOWN]]
    if len(errors) > s.RELOAD_SHOWN:
        lines.append(s.reload_more(len(errors) - s.RELOAD_SHOWN))
    return "\n".join(lines) or s.RELOAD_FAILED


class FileWatcher:
    INTERVAL = 1.0

    def __init__(self, app: LeermodulesApp) -> None:
        self.app = app
        self.stamps = app.catalog.stamps()

    def start(self) -> None:
        self.app.set_interval(self.INTERVAL, self.check)

    def check(self) -> None:
        app = self.app
        stamps = app.catalog.stamps()
        changed = [module_id for module_id, stamp in stamps.items() if self.stamps.get(module_id) != stamp]
        self.stamps = stamps
        for module_id in changed:
            result = app.catalog.reload(module_id)
            if result.module is None or result.module.id != module_id:
                # markup=False: a message echoes the trainer's text, which may hold [brackets]
                text = failure_text(result, module_id)
                app.notify(text, title=s.RELOAD_FAILED_TITLE, severity="error", timeout=FAILED_TIMEOUT, markup=False)
                continue
            session = app.open_session(module_id)
            if session is not None:
                session.module = result.module
                session.refresh()
            app.notify(s.RELOADED.format(title=result.module.title), timeout=3)
            self.refresh_screen(module_id)

    def refresh_screen(self, module_id: str) -> None:
        from leermodules.tui.screens.page import PageScreen

        app = self.app
        screen = app.screen
        session = getattr(screen, "session", None)
        if isinstance(screen, PageScreen) and session is not None and session.module.id == module_id:
            if any(p.id == screen.page.id for p in session.module.pages):
                app.show_page(session, screen.page.id, replace=True)  # the page as it is now
            else:
                app.pop_screen()  # the page is gone: back to the module
        elif hasattr(screen, "fill"):
            screen.fill()
