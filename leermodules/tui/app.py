"""The app: screens, navigation between them, theme, help, and picking up where the learner was.

`make_app` builds it for the command line and for tests alike.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.binding import Binding

from engine.progress import ASSESSMENT, Status
from engine.store import ProgressStore, StoreError
from leermodules.tui import strings as s
from leermodules.tui.catalog import Catalog
from leermodules.tui.session import ModuleSession, random_seed

DARK, LIGHT = "textual-dark", "textual-light"

#: Every binding of this app has an id "<area>.<name>"; the help screen lists those (and not
#: Textual's own, English, bindings such as scrolling, which the help describes in words).
BINDING_AREAS = frozenset(
    {"app", "screen", "home", "module", "page", "intro", "attempt", "results", "question", "choice",
     "order", "match", "reflection", "scenario", "confirm", "message", "help"}
)


class LeermodulesApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = s.APP_TITLE
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("question_mark,f1", "help", s.KEY_HELP, id="app.help"),
        Binding("t", "toggle_theme", s.KEY_THEME, show=False, id="app.theme"),
        Binding("q", "quit", s.KEY_QUIT, id="app.quit"),
    ]

    def __init__(
        self,
        catalog: Catalog,
        store: ProgressStore,
        *,
        seeds: Callable[[], int] = random_seed,
        resume: bool = True,
        watch: bool = False,
        advice: Callable[[], str | None] | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.cursor_blink = cursor_blink  # off for snapshot tests: a blinking cursor is time-based
        self.catalog = catalog
        self.store = store
        self.seeds = seeds
        self.resume = resume
        self.watch_files = watch
        self.advice = advice
        self._sessions: dict[str, ModuleSession] = {}
        self._stamps: dict[str, tuple[float, int]] = {}

    # --- sessions ---

    def session(self, module_id: str) -> ModuleSession:
        if module_id not in self._sessions:
            module = self.catalog.get(module_id)
            assert module is not None
            self._sessions[module_id] = ModuleSession(module, self.store, self.seeds)
        return self._sessions[module_id]

    # --- start ---

    def on_mount(self) -> None:
        from leermodules.tui.screens.home import HomeScreen

        self.theme = LIGHT if self.store.setting("theme") == LIGHT else DARK
        self.push_screen(HomeScreen())
        if self.resume:
            self.call_after_refresh(self._pick_up)
        if self.watch_files:
            self._stamps = self.catalog.stamps()
            self.set_interval(1.0, self._check_files)

    def _pick_up(self) -> None:
        """Open the screen the learner was on when the app stopped, in a module not finished yet."""
        module_id = self.store.last_module()
        if module_id is None or self.catalog.get(module_id) is None:
            return
        session = self.session(module_id)
        location = session.progress.location
        if session.status is not Status.INCOMPLETE or location is None:
            return
        self.screen.highlight(module_id)  # type: ignore[attr-defined]
        self.open_module(module_id)
        self.open_location(session, location)

    # --- navigation ---

    def open_module(self, module_id: str) -> None:
        from leermodules.tui.screens.module import ModuleScreen

        self.push_screen(ModuleScreen(self.session(module_id)))

    def open_location(self, session: ModuleSession, location: str) -> None:
        if location == ASSESSMENT:
            if session.progress.current_attempt is not None:
                self.show_attempt(session)
            else:
                from leermodules.tui.screens.assessment_intro import AssessmentIntroScreen

                self.push_screen(AssessmentIntroScreen(session))
        else:
            self.show_page(session, location)

    def show_page(self, session: ModuleSession, page_id: str, *, replace: bool = False) -> None:
        from leermodules.tui.screens.page import PageScreen

        screen = PageScreen(session, page_id)
        self.switch_screen(screen) if replace else self.push_screen(screen)

    def after_page(self, session: ModuleSession, index: int) -> None:
        """The learner is done with page `index`: on to the next page, the assessment, or back."""
        module = session.module
        if index + 1 < len(module.pages):
            self.show_page(session, module.pages[index + 1].id, replace=True)
        elif module.assessment is not None:
            from leermodules.tui.screens.assessment_intro import AssessmentIntroScreen

            if session.progress.current_attempt is not None:
                self.show_attempt(session, replace=True)
            else:
                self.switch_screen(AssessmentIntroScreen(session))
        else:
            self.pop_screen()
            self.notify(s.MODULE_COMPLETED)

    def show_attempt(self, session: ModuleSession, *, replace: bool = False) -> None:
        from leermodules.tui.screens.assessment import AssessmentScreen

        screen = AssessmentScreen(session)
        self.switch_screen(screen) if replace else self.push_screen(screen)

    def show_results(self, session: ModuleSession, *, replace: bool = False) -> None:
        from leermodules.tui.screens.results import ResultsScreen

        last = session.last_result()
        if last is None:
            return
        screen = ResultsScreen(session, *last)
        self.switch_screen(screen) if replace else self.push_screen(screen)

    def show_message(self, title: str, message: str) -> None:
        from leermodules.tui.screens.dialogs import MessageScreen

        self.push_screen(MessageScreen(title, message))

    # --- comfort ---

    def action_help(self) -> None:
        from leermodules.tui.screens.help import HelpScreen, key_name

        screen_keys: list[tuple[str, str]] = []
        app_keys: list[tuple[str, str]] = []
        seen: set[str] = set()
        for key, active in self.active_bindings.items():
            binding = active.binding
            ours = (binding.id or "").split(".")[0] in BINDING_AREAS
            if not ours or not binding.description or not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            keys = " / ".join(key_name(k) for k in _keys_for(self, binding.action))
            (app_keys if active.node is self else screen_keys).append((keys or key_name(key), binding.description))
        self.push_screen(HelpScreen(screen_keys, app_keys))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK
        try:
            self.store.set_setting("theme", self.theme)
        except StoreError:  # the theme is a comfort: say it was not kept, and carry on
            self.notify(s.THEME_NOT_SAVED, severity="warning", timeout=3)
        self.notify(s.THEME_LIGHT if self.theme == LIGHT else s.THEME_DARK, timeout=2)

    # --- a trainer editing a module while trying it ---

    def _check_files(self) -> None:
        stamps = self.catalog.stamps()
        changed = [module_id for module_id, stamp in stamps.items() if self._stamps.get(module_id) != stamp]
        self._stamps = stamps
        for module_id in changed:
            result = self.catalog.reload(module_id)
            if result.module is None or result.module.id != module_id:
                self.notify(s.RELOAD_FAILED, severity="error", timeout=6)
                continue
            if module_id in self._sessions:
                session = self._sessions[module_id]
                session.module = result.module
                session.refresh()
            self.notify(s.RELOADED.format(title=result.module.title), timeout=3)
            self._refresh_screens(module_id)

    def _refresh_screens(self, module_id: str) -> None:
        from leermodules.tui.screens.page import PageScreen

        screen = self.screen
        session = getattr(screen, "session", None)
        if session is None or session.module.id != module_id:
            fill = getattr(screen, "fill", None)
            if fill:
                fill()
            return
        if isinstance(screen, PageScreen):
            page_ids = [p.id for p in session.module.pages]
            if screen.page.id in page_ids:
                self.show_page(session, screen.page.id, replace=True)
            else:
                self.pop_screen()
        elif hasattr(screen, "fill"):
            screen.fill()


def _keys_for(app: App, action: str) -> list[str]:
    """Every key bound to `action` in the bindings now active (a binding may list several)."""
    keys = [key for key, active in app.active_bindings.items() if active.binding.action == action]
    return keys


def make_app(
    catalog: Catalog,
    store: ProgressStore,
    *,
    seeds: Callable[[], int] = random_seed,
    resume: bool = True,
    watch: bool = False,
    advice: Callable[[], str | None] | None = None,
    cursor_blink: bool = True,
) -> LeermodulesApp:
    """The app for a catalog of modules and a progress store (the CLI and the tests both use this)."""
    return LeermodulesApp(
        catalog, store, seeds=seeds, resume=resume, watch=watch, advice=advice, cursor_blink=cursor_blink
    )
