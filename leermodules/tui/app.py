"""The app: screens, navigation between them, theme, help, and picking up where the learner was.

`make_app` builds it for the command line and for tests alike. The home screen comes up from the
catalog's index and the store's summaries; a module (and the course model behind it) is loaded when
the learner opens it, or right after the home screen when the learner is to continue in it.

The ontwikkelscan (a module of kind `scan`) is not in the list of modules: the home screen offers
it on its own, with the advice from the latest take (computed off the first paint, see
`screens.home`), the profile screen shows the levels and growth, and the export screen writes the
learner's own results file after showing exactly what goes in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from engine.store import ProgressStore, StoreError
from leermodules.tui import strings as s
from leermodules.tui.catalog import Catalog, ModuleUnavailable

if TYPE_CHECKING:
    from leermodules.lrs.sync import BackgroundSync
    from leermodules.tui.reload import FileWatcher
    from leermodules.tui.session import ModuleSession

DARK, LIGHT = "textual-dark", "textual-light"
ASSESSMENT = "toets"  # engine.progress.ASSESSMENT, without loading the engine's model for it

#: Every binding of this app has an id "<area>.<name>"; the help screen lists those (and not
#: Textual's own, English, bindings such as scrolling, which the help describes in words).
BINDING_AREAS = frozenset(
    {"app", "screen", "home", "module", "page", "intro", "attempt", "results", "question", "choice",
     "order", "match", "reflection", "scenario", "confirm", "message", "help", "scan", "scanpage",
     "profile", "export", "refresh", "glossary"}
)


@dataclass(frozen=True)
class ModuleLine:
    """What the home screen says about one module."""

    status: str  # engine.progress.Status value
    done: float
    best: float | None


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
        seeds: Callable[[], int] | None = None,
        resume: bool = True,
        watch: bool = False,
        cursor_blink: bool = True,
        clock: Callable[[], str] | None = None,
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.store = store
        self.seeds = seeds
        self.resume = resume
        self.watch_files = watch
        self.clock = clock  # the time a scan take or an export is stamped with (tests fix it)
        self.export_folder: Path | None = None  # where the export screen proposes the file (default: the working folder)
        self.cursor_blink = cursor_blink  # off for snapshot tests: a blinking cursor is time-based
        self._sessions: dict[str, ModuleSession] = {}
        self.file_watcher: FileWatcher | None = None  # set when watching a trainer's files
        self.lrs_sync: BackgroundSync | None = None  # sends the queued xAPI statements (leermodules.lrs)

    # --- modules and sessions ---

    def session(self, module_id: str) -> ModuleSession:
        """The learner's session in a module, loading the module if needed (ModuleUnavailable if it fails)."""
        from leermodules.tui.session import ModuleSession, random_seed

        if module_id not in self._sessions:
            module = self.catalog.module(module_id)
            if module.kind == "scan":
                from leermodules.tui.scan_session import ScanSession

                self._sessions[module_id] = ScanSession(module, self.store, self.seeds or random_seed)
            else:
                self._sessions[module_id] = ModuleSession(module, self.store, self.seeds or random_seed)
        return self._sessions[module_id]

    def open_session(self, module_id: str) -> ModuleSession | None:
        """The session if the learner has opened this module in this run (nothing is loaded)."""
        return self._sessions.get(module_id)

    def module_line(self, module_id: str, summaries: dict | None = None) -> ModuleLine:
        """Status, share done and best score: exact when the module is loaded, otherwise as the
        engine summed it up at the learner's last change."""
        if self.catalog.is_loaded(module_id):
            session = self.session(module_id)
            return ModuleLine(session.status.value, session.fraction_done, session.best_score)
        summary = (self.store.summaries() if summaries is None else summaries).get(module_id)
        if summary is None:
            return ModuleLine("not_started", 0.0, None)
        return ModuleLine(summary.status, summary.done, summary.best)

    def stale_summaries(self) -> list[str]:
        """Modules whose stored summary was made for another version of the module."""
        summaries = self.store.summaries()
        return [
            e.id
            for e in self.catalog.available
            if e.id in summaries and summaries[e.id].module_version != e.version
        ]

    # --- start ---

    def on_mount(self) -> None:
        from leermodules.tui.screens.home import HomeScreen

        self.theme = LIGHT if self.store.setting("theme") == LIGHT else DARK
        self.push_screen(HomeScreen())
        self.call_after_refresh(self._after_first_paint)
        if self.watch_files:
            from leermodules.tui.reload import FileWatcher

            self.file_watcher = FileWatcher(self)
            self.file_watcher.start()

    def _after_first_paint(self) -> None:
        """Work that can wait until the home screen is on screen."""
        from leermodules.lrs.sync import start_background

        self.lrs_sync = start_background(self.store.path)  # only if the learner linked an LRS
        stale = self.stale_summaries()
        for module_id in stale:  # a module changed since the learner's last answer: recount
            self.try_session(module_id)
        if stale and hasattr(self.screen, "fill"):
            self.screen.fill()
        if self.resume:
            self._pick_up()

    def on_unmount(self) -> None:
        if self.lrs_sync is not None:
            self.lrs_sync.stop(timeout=0.2)  # a daemon thread: a send under way does not hold up quitting

    def try_session(self, module_id: str) -> ModuleSession | None:
        try:
            return self.session(module_id)
        except ModuleUnavailable as exc:
            self.show_message(s.MODULE_UNAVAILABLE, s.module_unavailable(str(exc.path)))
        except StoreError as exc:
            self.show_message(s.NOT_SAVED, s.store_problem(exc))
        return None

    def _pick_up(self) -> None:
        """Open the screen the learner was on when the app stopped, in a module not finished yet."""
        module_id = self.store.last_module()
        if module_id is None or self.catalog.entry(module_id) is None:
            return
        line = self.module_line(module_id)
        if line.status != "incomplete":
            return
        session = self.try_session(module_id)
        if session is None or session.progress.location is None or session.status.value != "incomplete":
            return
        self.screen.highlight(module_id)  # type: ignore[attr-defined]
        self.open_module(module_id)
        self.open_location(session, session.progress.location)

    # --- navigation ---

    def open_module(self, module_id: str) -> None:
        from leermodules.tui.screens.module import ModuleScreen

        session = self.try_session(module_id)
        if session is None:
            return
        if session.module.kind == "scan":
            from leermodules.tui.screens.scan import ScanScreen

            self.push_screen(ScanScreen(session))
        else:
            self.push_screen(ModuleScreen(session))

    def now(self) -> str:
        from leermodules.tui.scan_session import now_iso

        return self.clock() if self.clock else now_iso()

    def go_home(self) -> None:
        """Back to the home screen, whatever is open."""
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def open_scan(self) -> None:
        entry = self.catalog.scan
        if entry is not None and entry.module_id:
            self.open_module(entry.module_id)

    def finish_scan(self, session) -> None:
        """Record the learner's take of the scan (asking first when statements are open), then
        show the profile."""
        from leermodules.tui.screens.dialogs import ConfirmScreen, MessageScreen

        rated, total = len(session.ratings), len(session.statements)
        if rated == 0:
            self.push_screen(MessageScreen(s.KEY_FINISH_SCAN, s.scan_finish_question(0, total)))
            return

        def record() -> None:
            try:
                session.finish(self.now())
            except StoreError as exc:
                self.show_message(s.NOT_SAVED, s.store_problem(exc))
                return
            self.go_home()
            self.show_profile()
            self.notify(s.SCAN_FINISHED, timeout=3)

        if rated == total:
            record()
        else:
            self.push_screen(ConfirmScreen(s.scan_finish_question(rated, total)), lambda yes: record() if yes else None)

    def show_profile(self) -> None:
        from leermodules.tui.screens.profile import ProfileScreen

        entry = self.catalog.scan
        session = self.try_session(entry.module_id) if entry and entry.module_id else None
        if session is not None:
            self.push_screen(ProfileScreen(session))  # type: ignore[arg-type]

    def show_export(self) -> None:
        from leermodules.tui.screens.export import ExportScreen

        self.push_screen(ExportScreen(self.export_folder))

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

        if session.module.kind == "scan":
            from leermodules.tui.screens.scan import ScanPageScreen

            screen: PageScreen = ScanPageScreen(session, page_id)
        else:
            screen = PageScreen(session, page_id)
        self.switch_screen(screen) if replace else self.push_screen(screen)

    def after_page(self, session: ModuleSession, index: int) -> None:
        """The learner is done with page `index`: on to the next page, the assessment, or back."""
        module = session.module
        if index + 1 < len(module.pages):
            self.show_page(session, module.pages[index + 1].id, replace=True)
        elif module.kind == "scan":
            self.finish_scan(session)
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

    def _handle_exception(self, error: Exception) -> None:
        """A store that became unreadable while the app runs (a row damaged by another program):
        stop with the store's message instead of a traceback, and write nothing more. Screens that
        can carry on (an answer that was not saved) catch StoreError themselves."""
        if isinstance(error, StoreError):
            from rich.text import Text

            self.exit(1, return_code=1, message=Text(f"{s.store_problem(error)}\n{s.STORE_STOPPED}"))
            return
        super()._handle_exception(error)

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
            keys = " / ".join(key_name(k) for k in self._keys_for(binding.action))
            (app_keys if active.node is self else screen_keys).append((keys or key_name(key), binding.description))
        self.push_screen(HelpScreen(screen_keys, app_keys))

    def _keys_for(self, action: str) -> list[str]:
        """Every key bound to `action` in the bindings now active (a binding may list several)."""
        return [key for key, active in self.active_bindings.items() if active.binding.action == action]

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK
        try:
            self.store.set_setting("theme", self.theme)
        except StoreError:  # the theme is a comfort: say it was not kept, and carry on
            self.notify(s.THEME_NOT_SAVED, severity="warning", timeout=3)
        self.notify(s.THEME_LIGHT if self.theme == LIGHT else s.THEME_DARK, timeout=2)


def make_app(
    catalog: Catalog,
    store: ProgressStore,
    *,
    seeds: Callable[[], int] | None = None,
    resume: bool = True,
    watch: bool = False,
    cursor_blink: bool = True,
    clock: Callable[[], str] | None = None,
) -> LeermodulesApp:
    """The app for a catalog of modules and a progress store (the CLI and the tests both use this).
    `seeds` and `clock` are fixed by tests: the seed of each assessment attempt, and the ISO time a
    scan take or an export is stamped with."""
    return LeermodulesApp(
        catalog, store, seeds=seeds, resume=resume, watch=watch, cursor_blink=cursor_blink, clock=clock
    )
