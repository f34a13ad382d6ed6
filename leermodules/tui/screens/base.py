"""What every screen of one module shares: its session, and one way to report a refused action."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from engine.store import StoreError
from leermodules.tui import strings as s

if TYPE_CHECKING:
    from textual import getters

    from leermodules.tui.app import LeermodulesApp
    from leermodules.tui.session import ModuleSession

T = TypeVar("T")


class BaseScreen(Screen):
    BINDINGS = [Binding("escape", "back", s.KEY_BACK, id="screen.back")]

    if TYPE_CHECKING:
        # Every screen runs inside this app: Textual's typed accessor tells the type checker so
        # (at run time Textual's own `app` property is used, without the import cycle).
        app = getters.app(LeermodulesApp)

    async def show_in(self, area: Widget, *widgets: Widget) -> None:
        """Put `widgets` in `area` in place of what it holds. The new ones are laid out before the
        old ones go, in one batch, so no frame shows the area empty (no flash between questions)."""
        old = list(area.children)
        with self.app.batch_update():
            await area.mount(*widgets)
            await area.remove_children(old)

    def action_back(self) -> Awaitable[None] | None:  # a screen may first ask, asynchronously
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        return None


class ModuleScreenBase(BaseScreen):
    def __init__(self, session: ModuleSession) -> None:
        super().__init__()
        self.session = session

    @property
    def module(self):
        return self.session.module

    def guard(self, action: Callable[[], T]) -> T | None:
        """Run a session action; if the store or the rules refuse it, say so and return None."""
        from engine.progress import ProgressError  # loaded with the module already

        try:
            return action()
        except StoreError as exc:
            self.app.show_message(s.NOT_SAVED, s.STORE_PROBLEMS[exc.problem].format(path=exc.path, detail=exc.detail))
        except ProgressError:
            self.session.refresh()
            self.app.show_message(s.NOT_ALLOWED, "")
        return None

    def went_through(self, action: Callable[[], object]) -> bool:
        """Run a session action that returns nothing (see `guard`); True when it was done."""

        def run() -> bool:
            action()
            return True

        return self.guard(run) is not None
