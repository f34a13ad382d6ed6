"""Home: the ontwikkelscan with its advice, and every module with its status, how much is done and
the best score; enter opens the highlighted module or advice.

The scan panel shows only when the catalog has a scan. Before any take it is a one-line
invitation. After one, it lists the top advice of the latest take (the engine's `advise`, with
each module's status) and why. Computing advice means loading the scan and the course modules,
so it runs in a worker thread after the first paint, and the result is kept in the store
(`leermodules.tui.advice`): a start where nothing it depends on changed shows the kept copy at once.

Each module shows its minutes (from the catalog's index, without loading it). A module the learner
is busy in is loaded in a worker thread after the first paint, so its line can say where they are
(a toets in progress, and which question); the one worked on last gets the cursor and a line
"Verder met ...?", and enter continues right there.

Opfrissen: when questions of passed modules are due (`engine.refresh`), the list starts with a line
"N vragen om op te frissen"; enter on it (or `o`) asks them. The count comes from the store alone;
a module passed since the last start is scheduled after its module has loaded in a worker thread.
The app's clock is read only when there is something to refresh or to schedule.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import OptionDoesNotExist
from textual.worker import Worker, WorkerState

from engine.store import StoreError
from leermodules.tui import strings as s
from leermodules.tui.advice import CACHE_SETTING, AdviceLine, cache_key, cache_text, from_engine, read_cache
from leermodules.tui.app import ASSESSMENT
from leermodules.tui.screens.base import BaseScreen
from leermodules.tui.widgets.keybar import KeyBar
from leermodules.tui.widgets.marked_list import MarkedOptionList

TOP_ADVICE = 3
REFRESH_ID = "@opfrissen"  # the refresh line in the list of modules (not a module id: those have no @)
ROOMY = 34  # from this many lines the reason for the highlighted advice always shows; below, while choosing


def compute_advice(catalog, scan_id: str, take, course_ids: list[str], statuses: dict[str, str]) -> list[AdviceLine]:
    """In a worker thread: load the scan and the course modules (each once per run) and advise."""
    from leermodules.tui.catalog import ModuleUnavailable
    from leermodules.tui.scan_session import advice_for

    scan = catalog.module(scan_id)
    courses = []
    for module_id in course_ids:
        try:
            courses.append(catalog.module(module_id))
        except (ModuleUnavailable, KeyError):
            continue  # left out of the advice, as it is left out of the list
    return from_engine(advice_for(scan, take, courses, statuses))


def _seconds(iso: str) -> float:
    """The app clock's ISO time as Unix seconds (a time without zone is local time)."""
    from datetime import datetime

    return datetime.fromisoformat(iso).timestamp()


def _loaded(catalog, module_ids: list[str]) -> list[str]:
    """In a worker thread: load these modules; the ids, for what comes next."""
    _load_all(catalog, module_ids)
    return module_ids


def _load_all(catalog, module_ids: list[str]) -> None:
    """In a worker thread: load these modules (one that cannot be loaded is left as it was listed)."""
    from leermodules.tui.catalog import ModuleUnavailable

    for module_id in module_ids:
        try:
            catalog.module(module_id)
        except (ModuleUnavailable, KeyError):
            continue


class HomeScreen(BaseScreen):
    BINDINGS = [
        Binding("enter", "open", s.KEY_OPEN, id="home.open", priority=True),
        Binding("s", "scan", s.KEY_SCAN, id="home.scan"),
        Binding("p", "profile", s.KEY_PROFILE, id="home.profile"),
        Binding("e", "export", s.KEY_EXPORT, id="home.export"),
        Binding("a", "advice", s.KEY_ADVICE, show=False, id="home.advice"),
        Binding("o", "refresh", s.KEY_REFRESH, id="home.refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.takes: list = []  # engine.store.StoredScanTake, oldest first
        self.advice: list[AdviceLine] = []  # shown in the panel, most needed first
        self._advice_key: str | None = None  # what the shown advice was computed from
        self._pending_key: str | None = None  # what the advice being computed is computed from
        self._pending_worker: Worker | None = None
        self.resume_id: str | None = None  # the module "Verder met ..." continues in
        self._cursor_placed = False  # the cursor went to that module once; after that the learner moves it
        self._tried: set[str] = set()  # modules the worker was asked to load (once: one may fail)
        self.refresh_due = 0  # questions due to be refreshed
        self._scheduling: set[str] = set()  # passed modules asked to be scheduled for opfrissen (once)

    def compose(self):
        yield Header()
        with Vertical(id="scan-panel"):
            yield Static(id="scan-line")
            yield MarkedOptionList(id="advice")
            yield Static(id="advice-reason")
        yield Static(Text(s.HOME_TITLE), id="home-title")
        yield MarkedOptionList(id="modules")
        yield Static(id="notice")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#advice").display = False  # until there is advice to show
        self.fill()
        self.query_one("#modules").focus()

    def on_screen_resume(self) -> None:
        self.fill()

    def fill(self) -> None:
        app = self.app
        modules = self.query_one("#modules", MarkedOptionList)
        highlighted = modules.highlighted
        modules.clear_options()
        summaries = app.store.summaries()
        self.resume_id, where = self._resume_point()
        lines = {}
        self.refresh_due = self._refresh_count(summaries)
        if self.refresh_due:
            modules.add_marked(Text(s.refresh_home_line(self.refresh_due), style="bold"), id=REFRESH_ID)
        for entry in app.catalog.courses:
            facts = app.module_line(entry.id, summaries)
            lines[entry.module_id] = facts
            line = Text.assemble((entry.title, "bold"), ("  " + s.about_minutes(entry.minutes), "italic"))
            line.append("\n")
            line.append(self.status_line(entry.id, facts))
            if entry.module_id == self.resume_id:
                line.append("\n")
                line.append(s.continue_at(where), style="bold")
            modules.add_marked(line, id=entry.module_id)
        if not app.catalog.courses:
            modules.add_marked(Text(s.HOME_EMPTY), disabled=True)
        if self.resume_id is not None and not self._cursor_placed:
            self._cursor_placed = True
            modules.highlighted = modules.get_option_index(self.resume_id)
        elif highlighted is not None and highlighted < modules.option_count:
            modules.highlighted = highlighted
        elif modules.option_count:
            modules.highlighted = 0
        self._fill_scan(lines)
        notice = self.query_one("#notice", Static)
        notice.display = bool(app.catalog.skipped)
        if app.catalog.skipped:
            notice.update(Text(s.skipped_modules(len(app.catalog.skipped))))
        if self.focused is None or not self.focused.display:
            modules.focus()
        self.refresh_bindings()
        self._load_busy(summaries)

    # --- opfrissen ---

    def _refresh_count(self, summaries: dict) -> int:
        """How many questions are due to be refreshed; passed modules not scheduled yet are loaded
        in a worker thread and scheduled when they are there (see `_schedule_passed`)."""
        store, catalog = self.app.store, self.app.catalog
        passed = [e.id for e in catalog.courses if getattr(summaries.get(e.id), "status", None) == "passed"]
        scheduled = store.refresh_modules() if passed else set()
        new = [module_id for module_id in passed if module_id not in scheduled and module_id not in self._scheduling]
        if new:
            self._scheduling.update(new)
            if all(catalog.is_loaded(module_id) for module_id in new):
                self._schedule_passed(new)
                scheduled = store.refresh_modules()
            else:
                self.run_worker(lambda: _loaded(catalog, new), thread=True, group="schedule", exit_on_error=False)
        if not scheduled:
            return 0
        return store.refresh_due_count(_seconds(self.app.now()))

    def _schedule_passed(self, module_ids: list[str]) -> None:
        """Schedule the questions of these passed modules (loaded by now) to come back."""
        from engine import refresh

        at = refresh.moment(self.app.now())
        cards = []
        for module_id in module_ids:
            if not self.app.catalog.is_loaded(module_id):
                continue  # it could not be loaded: tried again at the next start
            session = self.app.session(module_id)
            cards.extend(refresh.first_cards(session.module, session.progress, at))
        try:
            self.app.store.schedule_refresh(cards)
        except StoreError as exc:
            self.app.show_message(s.NOT_SAVED, s.store_problem(exc))

    def action_refresh(self) -> None:
        from engine import refresh
        from leermodules.tui.screens.refresh import RefreshScreen, due_questions

        questions = due_questions(self.app, refresh.moment(self.app.now()))
        if questions:
            self.app.push_screen(RefreshScreen(questions))
        else:
            self.fill()

    # --- where the learner is busy ---

    def status_line(self, module_id: str, facts) -> str:
        """The module's status; for a toets in progress, which question the learner is at."""
        attempt = None
        if self.app.catalog.is_loaded(module_id):
            current = self.app.session(module_id).progress.current_attempt
            if current is not None and current.questions:
                attempt = (current.position + 1, len(current.questions))
        return s.module_line(facts.status, facts.done, facts.best, attempt)

    def _resume_point(self) -> tuple[str | None, str]:
        """The module worked on last, if it is a course in progress and loaded, and where in it."""
        app = self.app
        last = app.store.last_module()
        entry = app.catalog.entry(last) if last else None
        if entry is None or entry.kind != "course" or not app.catalog.is_loaded(entry.id):
            return None, ""
        module_id = entry.id
        session = app.session(module_id)
        location = session.progress.location
        if session.status.value != "incomplete" or location is None:
            return None, ""
        if location == ASSESSMENT:
            current = session.progress.current_attempt
            return module_id, s.where_assessment(current.position + 1 if current and current.questions else None)
        pages = [page.id for page in session.module.pages]
        if location not in pages:
            return None, ""
        return module_id, s.where_page(pages.index(location) + 1, len(pages))

    def _load_busy(self, summaries: dict) -> None:
        """Load the modules the learner is busy in (in a worker thread), then fill again."""
        catalog = self.app.catalog
        busy = [
            e.id for e in catalog.courses
            if getattr(summaries.get(e.id), "status", None) == "incomplete" and e.id not in self._tried
        ]
        self._tried.update(busy)
        busy = [module_id for module_id in busy if not catalog.is_loaded(module_id)]
        if busy:
            self.run_worker(lambda: _load_all(catalog, busy), thread=True, group="busy", exit_on_error=False)

    def continue_there(self) -> None:
        """Enter on the module worked on last: straight to the page or question the learner was at."""
        module_id = self.resume_id
        session = self.app.try_session(module_id) if module_id else None
        if module_id is None or session is None or session.progress.location is None:
            return
        self.app.open_module(module_id)
        self.app.open_location(session, session.progress.location)

    # --- the ontwikkelscan and its advice ---

    def _fill_scan(self, lines: dict) -> None:
        app = self.app
        panel = self.query_one("#scan-panel", Vertical)
        scan = app.catalog.scan
        panel.display = scan is not None
        if scan is None:
            return
        self.takes = app.store.scan_takes(scan.module_id)
        line = self.query_one("#scan-line", Static)
        if not self.takes:
            panel.border_title = s.SCAN_PANEL_TITLE
            line.update(Text(s.SCAN_INVITE))
            self._show_advice([])
            return
        panel.border_title = s.ADVICE_TITLE
        done_line = s.scan_done_line(s.short_date(self.takes[-1].taken_at))
        line.update(Text(done_line))
        statuses = {module_id: facts.status for module_id, facts in lines.items()}
        take = self.takes[-1]
        key = cache_key(
            (scan.id, scan.version, scan.title),
            take.taken_at,
            ((e.id, e.version, e.title, statuses[e.id]) for e in app.catalog.courses),
        )
        if key == self._advice_key:
            self._show_advice(self.advice)
            return
        kept = read_cache(app.store.setting(CACHE_SETTING), key)
        if kept is not None:
            self._advice_key = key
            self._show_advice(kept)
            return
        if not self.advice:
            line.update(Text(f"{done_line}\n{s.ADVICE_PENDING}"))
        if key == self._pending_key:
            return  # already being computed (the list is filled again when a busy module has loaded)
        self._pending_key = key
        catalog, courses = app.catalog, [e.id for e in app.catalog.courses]
        self._pending_worker = self.run_worker(
            lambda: (key, compute_advice(catalog, scan.id, take, courses, statuses)),
            thread=True,
            exclusive=True,
            group="advice",
            exit_on_error=False,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "busy" and event.state == WorkerState.SUCCESS and self.is_attached:
            self.fill()
            return
        if event.worker.group == "schedule" and event.state == WorkerState.SUCCESS and self.is_attached:
            self._schedule_passed(event.worker.result or [])
            self.fill()
            return
        if event.worker.group != "advice" or not self.is_attached:
            return
        if event.worker is self._pending_worker and event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            self._pending_key = None
            self._pending_worker = None
        if event.state == WorkerState.SUCCESS and event.worker.result is not None:
            key, advice = event.worker.result
            self._advice_key = key
            if self.takes:
                self.query_one("#scan-line", Static).update(Text(s.scan_done_line(s.short_date(self.takes[-1].taken_at))))
            self._show_advice(advice)
            try:
                self.app.store.set_setting(CACHE_SETTING, cache_text(key, advice))
            except StoreError:
                pass  # only a copy to start quicker: the next start computes the advice again
        elif event.state == WorkerState.ERROR:
            self._show_advice([])
            reason = self.query_one("#advice-reason", Static)
            reason.update(Text(s.ADVICE_UNAVAILABLE))
            reason.display = True

    def _show_advice(self, advice: list[AdviceLine]) -> None:
        self.advice = advice
        listed = self.query_one("#advice", MarkedOptionList)
        highlighted = listed.highlighted
        listed.clear_options()
        for index, item in enumerate(advice[:TOP_ADVICE]):
            line = Text(s.advice_heading(item.kind, item.title), style="bold")
            what = [s.level_of(item.level, item.top)] if item.level is not None else []
            if item.modules:
                for module in item.modules:
                    facts = self.app.module_line(module.module_id)
                    what.append(s.advice_module(module.title, self.status_line(module.module_id, facts)))
            else:
                what.append(s.ADVICE_NO_MODULE)
            line.append("\n  " + " · ".join(what))
            listed.add_marked(line, id=f"advice-{index}")
        listed.display = bool(advice)
        self.query_one("#advice-reason", Static).display = False
        self._place_reason()
        if advice:
            listed.highlighted = highlighted if highlighted is not None and highlighted < listed.option_count else 0
            self._show_reason(listed.highlighted or 0)
        self.refresh_bindings()

    def _show_reason(self, index: int) -> None:
        if 0 <= index < len(self.advice):
            reason = Text(s.ADVICE_WHY, style="bold")
            reason.append(self.advice[index].reason)
            self.query_one("#advice-reason", Static).update(reason)

    def _place_reason(self) -> None:
        """The reason shows on a roomy terminal, and on a small one while the learner is in the advice."""
        if not self.advice:
            return
        advice = self.query_one("#advice", MarkedOptionList)
        self.query_one("#advice-reason", Static).display = self.size.height >= ROOMY or advice.has_focus

    def on_resize(self) -> None:
        self._place_reason()

    def on_descendant_focus(self) -> None:
        self._place_reason()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "advice" and event.option_list.highlighted is not None:
            self._show_reason(event.option_list.highlighted)

    def open_advice(self, index: int) -> None:
        """Open the advised module (one not finished yet, if the theme has several); a theme
        without a module shows why it is advised and what else could help."""
        if not 0 <= index < len(self.advice):
            return
        item = self.advice[index]
        if not item.modules:
            self.app.show_message(item.title, item.reason)
            return
        open_ones = [m for m in item.modules if self.app.module_line(m.module_id).status not in ("passed", "completed")]
        self.app.open_module((open_ones or list(item.modules))[0].module_id)

    # --- the lists ---

    def highlight(self, module_id: str) -> None:
        modules = self.query_one("#modules", MarkedOptionList)
        try:
            modules.highlighted = modules.get_option_index(module_id)
        except OptionDoesNotExist:  # the ontwikkelscan is not in the list
            pass

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return False  # home is where "back" ends
        if action == "scan":
            return self.app.catalog.scan is not None
        if action == "profile":
            return bool(self.takes)
        if action == "advice":
            return bool(self.advice)
        if action == "refresh":
            return self.refresh_due > 0
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "advice":
            self.open_advice(event.option_index)
        elif event.option.id:
            self.open(event.option.id)

    def open(self, module_id: str) -> None:
        if module_id == REFRESH_ID:
            self.action_refresh()
        elif module_id == self.resume_id:
            self.continue_there()
        else:
            self.app.open_module(module_id)

    def action_open(self) -> None:
        advice = self.query_one("#advice", MarkedOptionList)
        if self.focused is advice and advice.highlighted is not None:
            self.open_advice(advice.highlighted)
            return
        modules = self.query_one("#modules", MarkedOptionList)
        if modules.highlighted is not None:
            option = modules.get_option_at_index(modules.highlighted)
            if option.id:
                self.open(option.id)

    def action_scan(self) -> None:
        self.app.open_scan()

    def action_profile(self) -> None:
        if self.takes:
            self.app.show_profile()

    def action_export(self) -> None:
        self.app.show_export()

    def action_advice(self) -> None:
        advice = self.query_one("#advice", MarkedOptionList)
        if advice.display:
            advice.focus()
