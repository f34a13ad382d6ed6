"""A professional takes the ontwikkelscan in the app by keyboard, sees the profile and the advice,
retakes it later and sees growth, and exports their own results after seeing what goes in."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pilot import screen_text

import content
from engine.loader import load_module
from engine.results import read_results
from engine.scan import statements
from leermodules.tui.app import make_app
from leermodules.tui.catalog import Catalog
from leermodules.tui.screens.dialogs import ConfirmScreen, MessageScreen
from leermodules.tui.screens.export import ExportScreen
from leermodules.tui.screens.home import HomeScreen
from leermodules.tui.screens.module import ModuleScreen
from leermodules.tui.screens.profile import ProfileScreen
from leermodules.tui.screens.scan import ScanPageScreen, ScanScreen
from leermodules.tui.widgets.question import QuestionView

SIZE = (80, 24)
SCAN = content.folder() / "ontwikkelscan" / "module.yaml"
SCAN_FIXTURES = Path(__file__).parent / "scan_fixtures"


def clock(*times: str):
    moments = iter(times)
    return lambda: next(moments)


@pytest.fixture
def shipped(store):
    """app(clock=...) on the shipped modules (with the ontwikkelscan) and the test store."""
    catalog = Catalog.load([content.folder()])

    def build(*times: str):
        return make_app(catalog, store, resume=False, clock=clock(*times))

    return build


async def advice_ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def take_scan(pilot, rating_for) -> list[str]:
    """From the home screen: open the scan, go through its pages, rate every statement with a
    digit and enter (the focus moves on by itself), n after each page. Returns the ids rated."""
    app = pilot.app
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(app.screen, ScanScreen)
    await pilot.press("enter")
    await pilot.pause()
    rated = []
    while isinstance(app.screen, ScanPageScreen):
        await pilot.pause()
        for view in list(app.screen.query(QuestionView)):
            assert app.focused is view.answer_widget(), f"focus is not on {view.question.id}"
            await pilot.press(str(rating_for(view.question) + 1), "enter")
            await pilot.pause()
            assert "✓ Ingevuld: " + view.question.scale[rating_for(view.question)] in str(view.feedback.visual)
            rated.append(view.question.id)
        await pilot.press("n")
        await pilot.pause()
        await pilot.pause()
    return rated


#: toegang lowest (no module for it), then veiligheid; lvb and collectief tie at 2 (scan order decides)
LEVELS = {"toegang": 0, "veiligheid": 1, "lvb": 2, "collectief-werken": 2, "psychische-problemen": 3, "mantelzorg-netwerk": 4}


async def test_take_the_scan_by_keyboard_then_see_the_profile_and_the_advice(shipped, store):
    app = shipped("2026-01-03T10:00:00")
    scan = load_module(SCAN)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        home = screen_text(app)
        assert "Doe de ontwikkelscan" in home and "voor jezelf" in home and "blijft op je computer" in home
        assert "Ontwikkelscan\n" not in home.split("Jouw modules")[1]  # the scan is not one of the modules
        rated = await take_scan(pilot, lambda q: LEVELS[q.theme])
        assert set(rated) == {q.id for q in statements(scan)}

        # the profile: a bar, the level as a number and as words, per theme
        assert isinstance(app.screen, ProfileScreen)
        profile = screen_text(app)
        assert "Uit je ontwikkelscan van 3-1-2026" in profile
        assert "Veiligheid in gezinnen en de meldcode\n  ███░░░░░░░ 2,0 van 5 · ik weet wat het is" in profile
        assert "Toegang tot zorg en ondersteuning\n  ░░░░░░░░░░ 1,0 van 5 · nog onbekend" in profile
        assert "Samenwerken met mantelzorgers en het netwerk\n  ██████████ 5,0 van 5 · collega's vragen mij" in profile
        assert "was " not in profile  # nothing to compare with yet

        takes = store.scan_takes("ontwikkelscan")
        assert len(takes) == 1 and takes[0].taken_at == "2026-01-03T10:00:00"
        assert takes[0].levels == {k: float(v) for k, v in LEVELS.items()}
        assert len(takes[0].ratings) == len(rated)

        # home: the advice in order of need, with the modules and their status
        await pilot.press("escape")
        await advice_ready(pilot)
        assert isinstance(app.screen, HomeScreen)
        advice = app.screen.query_one("#advice")
        lines = [str(advice.get_option_at_index(i).prompt) for i in range(advice.option_count)]
        assert [line.split("\n")[0].strip(" ❯") for line in lines] == [
            "Aanbevolen · Toegang tot zorg en ondersteuning",
            "Aanbevolen · Veiligheid in gezinnen en de meldcode",
            "Verdiepen · LVB herkennen en je communicatie afstemmen",
        ]
        assert "1,0 van 5 · nog geen module voor dit thema" in lines[0]
        assert "2,0 van 5 · module Veiligheid in het gezin · Nog niet begonnen" in lines[1]
        text = screen_text(app)
        assert "een voorstel, jij kiest" in app.screen.query_one("#scan-panel").border_title

        # choosing an advice: the reason shows; enter opens the advised module
        await pilot.press("a")
        await pilot.pause()
        text = screen_text(app)
        assert "Waarom: Je scoort laag op 'Toegang tot zorg en ondersteuning' (1,0 van 5)." in text
        assert "nog geen module" in text
        await pilot.press("enter")  # a theme without a module: its reason, to read
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert "Waarom: Je scoort laag op 'Veiligheid in gezinnen en de meldcode'" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen) and app.screen.module.id == "veiligheid"


async def test_a_retake_starts_fresh_keeps_the_earlier_take_and_shows_growth(shipped, store):
    app = shipped("2026-01-03T10:00:00", "2026-03-10T10:00:00")
    async with app.run_test(size=SIZE) as pilot:
        await take_scan(pilot, lambda q: 1)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ScanScreen)
        text = screen_text(app)
        assert "Je begint met lege antwoorden" in text and "Eerder gedaan: 3-1-2026." in text
        assert "(0 van 5 ingevuld)" in text
        await pilot.press("escape")
        await pilot.pause()
        await take_scan(pilot, lambda q: 3 if q.theme == "lvb" else (0 if q.theme == "toegang" else 1))
        assert isinstance(app.screen, ProfileScreen)
        profile = screen_text(app)
        assert "Uit je ontwikkelscan van 10-3-2026 · je 2e scan" in profile
        assert "4,0 van 5 · ik doe het zelfstandig\n  was 2,0 op 3-1-2026 → nu 4,0 ↑ gegroeid" in profile
        assert "1,0 van 5 · nog onbekend\n  was 2,0 op 3-1-2026 → nu 1,0 ↓ lager" in profile
        assert "2,0 van 5 · ik weet wat het is\n  was 2,0 op 3-1-2026 → nu 2,0 = gelijk" in profile
    takes = store.scan_takes("ontwikkelscan")
    assert [t.taken_at for t in takes] == ["2026-01-03T10:00:00", "2026-03-10T10:00:00"]
    assert takes[0].levels["lvb"] == 1.0 and takes[1].levels["lvb"] == 3.0


async def test_finishing_early_asks_first_and_leaves_open_themes_unrated(store):
    catalog = Catalog.load([SCAN_FIXTURES])
    app = make_app(catalog, store, resume=False, clock=clock("2026-01-03T10:00:00"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "v")  # continue: a fresh take starts at the first page
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ScanPageScreen) and app.screen.page.id == "thema-signalen"
        await pilot.press("3", "enter", "4", "enter")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "2 van de 6 uitspraken" in screen_text(app)
        await pilot.press("n")  # not yet: nothing is recorded, the ratings stay
        await pilot.pause()
        assert store.scan_takes() == []
        await pilot.press("k", "j")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        profile = screen_text(app)
        assert "Signalen herkennen\n  ██████░░░░ 3,5 van 5 · ik doe het zelfstandig" in profile
        assert "Het netwerk betrekken\n  ░░░░░░░░░░ niet ingevuld" in profile
    take = store.scan_takes()[0]
    assert take.levels == {"signalen": 2.5, "netwerk": None, "toegang": None}


async def test_ratings_survive_a_restart_and_the_scan_continues_where_it_was(store):
    catalog = Catalog.load([SCAN_FIXTURES])
    async with make_app(catalog, store, resume=False).run_test(size=SIZE) as pilot:
        await pilot.press("s", "v")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("2", "enter")
        await pilot.pause()
    app = make_app(catalog, store)  # resume: back on the page of the scan
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ScanPageScreen) and app.screen.page.id == "thema-signalen"
        second = list(app.screen.query(QuestionView))[1]
        assert app.focused is second.answer_widget()  # the next statement to rate
        await pilot.press("escape")
        await pilot.pause()
        assert "Je hebt 1 van 6 uitspraken ingevuld." in screen_text(app)


async def test_before_any_scan_there_is_no_profile_and_no_advice_list(store):
    app = make_app(Catalog.load([SCAN_FIXTURES]), store, resume=False)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert not home.query_one("#advice").display
        assert "Doe de ontwikkelscan (s)" in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        assert app.screen is home


async def test_without_a_scan_the_home_screen_shows_no_scan_panel(app_for):
    from tui_paths import FIXTURES

    app = app_for(FIXTURES / "hervatten.yaml")
    async with app.run_test(size=SIZE) as pilot:
        assert not app.screen.query_one("#scan-panel").display
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_export_screen_shows_what_goes_in_and_writes_it_only_after_yes(store, tmp_path):
    catalog = Catalog.load([SCAN_FIXTURES])
    app = make_app(catalog, store, resume=False, clock=clock("2026-01-03T10:00:00", "2026-01-04T09:30:00"))
    app.export_folder = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "v", "n")
        await pilot.pause()
        await pilot.pause()
        for _ in range(3):  # rate everything "ik doe het met hulp"
            await pilot.press("3", "enter", "3", "enter", "n")
            await pilot.pause()
            await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        assert app.focused is screen.query_one("#name")
        await pilot.press(*"Sanne de Vries")
        await pilot.pause()
        text = screen_text(app)
        assert "Je naam: Sanne de Vries." in text
        assert "1 keer de ontwikkelscan (3-1-2026): je niveau per thema" in text
        assert "Van 2 modules: de status, je beste score en het aantal pogingen" in text
        assert "Je losse antwoorden en reflecties gaan er niet in." in text
        shown = str(screen.query_one("#json").visual)
        assert '"name": "Sanne de Vries"' in shown and '"exported_at": "2026-01-04T09:30:00"' in shown
        assert screen.query_one("#path").value == str(tmp_path / "resultaten-sanne-de-vries.json")
        target = tmp_path / "resultaten-sanne-de-vries.json"

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing is written
        await pilot.pause()
        assert app.screen is screen and not target.exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert target.read_text(encoding="utf-8") == shown  # exactly what was shown
    results = read_results(target)
    assert results.name == "Sanne de Vries"
    assert [s.levels for s in results.scans] == [{"signalen": 2.0, "netwerk": 2.0, "toegang": 2.0}]
    assert {m.id: m.status for m in results.modules} == {"signalen": "not_started", "netwerk": "not_started"}
    assert store.learner_name() == "Sanne de Vries"  # kept for next time


async def test_the_export_screen_asks_before_replacing_and_says_when_it_cannot_write(store, tmp_path):
    store.set_learner_name("Ahmed")
    app = make_app(Catalog.load([SCAN_FIXTURES]), store, resume=False, clock=lambda: "2026-01-04T09:30:00")
    app.export_folder = tmp_path
    existing = tmp_path / "resultaten-ahmed.json"
    existing.write_text("oud\n")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#name").value == "Ahmed"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "bestaat al" in screen_text(app) and "vervangen" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert existing.read_text() == "oud\n"

        path = screen.query_one("#path")
        path.value = str(tmp_path / "bestaat-niet" / "r.json")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert "die map bestaat niet" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()

        name = screen.query_one("#name")
        name.value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen) and "Vul eerst je naam in." in screen_text(app)
    assert existing.read_text() == "oud\n"
    assert not (tmp_path / "bestaat-niet").exists()


async def test_the_help_lists_the_keys_for_the_scan_the_profile_the_advice_and_export(store):
    from leermodules.tui.screens.help import HelpScreen

    app = make_app(Catalog.load([SCAN_FIXTURES]), store, resume=False, clock=lambda: "2026-01-03T10:00:00")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = dict(app.screen.screen_keys)
        assert keys["s"] == "Ontwikkelscan" and keys["e"] == "Exporteren"
        assert "p" not in keys and "a" not in keys  # no profile and no advice before a scan
        await pilot.press("escape", "s", "v", "n")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert "k" not in dict(app.screen.screen_keys)  # nothing rated, nothing to finish
        await pilot.press("escape", "3", "enter", "question_mark")
        await pilot.pause()
        assert dict(app.screen.screen_keys)["k"] == "Scan afronden"
        await pilot.press("escape", "k", "j")
        await pilot.pause()
        await pilot.press("escape")  # from the profile back home
        await advice_ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        keys = dict(app.screen.screen_keys)
        assert keys["p"] == "Profiel" and keys["a"] == "Naar het advies"


def test_a_start_with_nothing_changed_shows_the_kept_advice_without_loading_the_course_model(tmp_path):
    """The advice is kept in the store; the next start shows it before pydantic or any module is
    loaded. When a module's status changes, the kept copy no longer fits and is not shown."""
    import subprocess
    import sys
    import textwrap

    from engine.store import ProgressStore
    from leermodules.tui.scan_session import make_take

    scan = load_module(SCAN)
    store = ProgressStore.open(tmp_path / "voortgang.sqlite3")
    store.finish_scan(scan, lambda p: make_take(scan, {q.id: LEVELS[q.theme] for q in statements(scan)}, "2026-01-03T10:00:00"))
    store.close()
    script = textwrap.dedent(
        f"""
        import sys
        from leermodules.tui import app as tui
        from leermodules.tui.screens.home import HomeScreen

        original_run = tui.LeermodulesApp.run

        def run(self, *args, **kwargs):
            async def pilot(p):
                while not (isinstance(p.app.screen, HomeScreen) and p.app.screen.query_one("#modules").option_count):
                    await p.pause()
                loaded = "engine.model" in sys.modules
                advice = p.app.screen.query_one("#advice")
                first = str(advice.get_option_at_index(0).prompt) if advice.option_count else "-"
                print("AT-FIRST-PAINT", loaded, repr(first.splitlines()[0].strip(" ❯")))
                await p.app.workers.wait_for_complete()
                p.app.exit()
            return original_run(self, *args, headless=True, auto_pilot=pilot, **kwargs)

        tui.LeermodulesApp.run = run
        from leermodules.cli import main
        main(["--data-dir", {str(tmp_path)!r}])
        """
    )

    def start() -> str:
        done = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[2], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        return next(line for line in done.stdout.splitlines() if line.startswith("AT-FIRST-PAINT"))

    assert start() == "AT-FIRST-PAINT True '-'"  # first start: the index is made, the advice computed and kept
    assert start() == "AT-FIRST-PAINT False 'Aanbevolen · Toegang tot zorg en ondersteuning'"

    store = ProgressStore.open(tmp_path / "voortgang.sqlite3")
    module = load_module(content.folder() / "veiligheid" / "module.yaml")
    from engine.progress import visit
    from engine.store import Event

    store.update(module, lambda p: visit(p, module, module.pages[0].id), Event("visit"))
    store.close()
    assert start().endswith(" '-'")  # a status changed: the old copy is not shown; it is computed again


def test_growth_over_three_takes_names_the_last_change_and_the_whole_course():
    from leermodules.tui.screens.profile import bar, growth_lines

    series = [("2026-01-03T10:00:00", 1.0), ("2026-02-03T10:00:00", 2.04), ("2026-03-10T10:00:00", 2.45)]
    assert growth_lines(series) == ["was 3,0 op 3-2-2026 → nu 3,5 ↑ gegroeid", "verloop: 2,0 → 3,0 → 3,5"]
    assert growth_lines(series[:1]) == []
    assert bar(0.6) == "██████░░░░" and bar(None) == "░░░░░░░░░░" and bar(1.0) == "██████████"


async def test_the_json_in_the_export_screen_scrolls_by_keyboard(store, tmp_path):
    store.set_learner_name("Sanne")
    app = make_app(Catalog.load([content.folder()]), store, resume=False, clock=lambda: "2026-01-04T09:30:00")
    app.export_folder = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await pilot.pause()
        area = app.screen.query_one("#export-json")
        for _ in range(5):
            if app.focused is area:
                break
            await pilot.press("tab")
        assert app.focused is area
        await pilot.press("end")
        await pilot.pause()
        assert area.scroll_y > 0 and area.scroll_y == area.max_scroll_y
