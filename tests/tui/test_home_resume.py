"""The home screen as a learner comes back to it: minutes per module, where they are busy, and
"Verder met ...?" on the module worked on last, where enter continues (issue 10)."""

from __future__ import annotations

from pathlib import Path

from tui_paths import FIXTURES, KENNISMAKEN

from engine.store import ProgressStore
from leermodules.tui.app import make_app
from leermodules.tui.catalog import Catalog
from leermodules.tui.screens.assessment import AssessmentScreen
from leermodules.tui.screens.home import HomeScreen
from leermodules.tui.screens.module import ModuleScreen
from leermodules.tui.screens.page import PageScreen
from leermodules.tui.session import ModuleSession

SIZE = (80, 24)
HERVATTEN = FIXTURES / "hervatten.yaml"


def entry_text(app, module_id: str) -> str:
    modules = app.screen.query_one("#modules")
    return str(modules.get_option_at_index(modules.get_option_index(module_id)).prompt)


def highlighted_id(app) -> str | None:
    modules = app.screen.query_one("#modules")
    return modules.get_option_at_index(modules.highlighted).id


def indexed(tmp_path: Path, *roots: Path) -> Catalog:
    """The catalog as a learner's start builds it: listed from the index, nothing loaded."""
    index = tmp_path / "index.json"
    Catalog.indexed(list(roots), index)  # the first start writes the index
    catalog = Catalog.indexed(list(roots), index)
    assert not any(catalog.is_loaded(e.module_id) for e in catalog.available)
    return catalog


def busy_in(store: ProgressStore, path: Path, change) -> None:
    module = Catalog.load([path]).loaded
    (only,) = module.values()
    change(ModuleSession(only, store, lambda: 42))


async def home_ready(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)


async def test_every_module_shows_its_minutes_without_being_loaded(store, tmp_path):
    catalog = indexed(tmp_path, FIXTURES, KENNISMAKEN)
    async with make_app(catalog, store, resume=False).run_test(size=SIZE) as pilot:
        await home_ready(pilot)
        assert "± 5 min" in entry_text(pilot.app, "hervatten")
        assert "± 10 min" in entry_text(pilot.app, "kennismaken")
        assert not catalog.is_loaded("hervatten") and not catalog.is_loaded("kennismaken")


async def test_a_toets_in_progress_is_named_with_its_question_and_enter_continues_there(store, tmp_path):
    def halfway(session: ModuleSession) -> None:
        session.visit("toets")
        session.start_attempt()
        session.move(2)

    busy_in(store, HERVATTEN, halfway)
    catalog = indexed(tmp_path, FIXTURES, KENNISMAKEN)
    async with make_app(catalog, store, resume=False).run_test(size=SIZE) as pilot:
        await home_ready(pilot)
        app = pilot.app
        total = len(app.session("hervatten").progress.current_attempt.questions)
        text = entry_text(app, "hervatten")
        assert f"Toets bezig, vraag 3 van {total}" in text
        assert "gedaan" not in text
        assert "Verder met vraag 3 van de toets?" in text
        assert highlighted_id(app) == "hervatten"  # the cursor is on it

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen)
        assert app.screen.attempt.position == 2
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen)  # back goes to the module, as after a restart


async def test_a_page_in_progress_is_offered_and_enter_opens_that_page(store, tmp_path):
    def on_page_two(session: ModuleSession) -> None:
        session.visit(session.module.pages[1].id)

    busy_in(store, HERVATTEN, lambda session: session.visit("begin"))
    busy_in(store, KENNISMAKEN, on_page_two)  # worked on last
    catalog = indexed(tmp_path, FIXTURES, KENNISMAKEN)
    async with make_app(catalog, store, resume=False).run_test(size=SIZE) as pilot:
        await home_ready(pilot)
        app = pilot.app
        pages = len(app.session("kennismaken").module.pages)
        assert f"Verder met pagina 2 van {pages}?" in entry_text(app, "kennismaken")
        assert "Verder met" not in entry_text(app, "hervatten")
        assert highlighted_id(app) == "kennismaken"

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PageScreen)
        assert app.screen.page.id == app.session("kennismaken").module.pages[1].id


async def test_enter_on_another_module_opens_its_module_screen(store, tmp_path):
    busy_in(store, HERVATTEN, lambda session: session.visit("begin"))
    catalog = indexed(tmp_path, FIXTURES)
    async with make_app(catalog, store, resume=False).run_test(size=SIZE) as pilot:
        await home_ready(pilot)
        app = pilot.app
        assert highlighted_id(app) == "hervatten"
        while highlighted_id(app) == "hervatten":
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen) and app.screen.module.id != "hervatten"
