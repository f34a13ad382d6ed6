"""What every screen looks like, at 80x24 (the smallest terminal the app promises to fit) and
120x40. The modules are test fixtures, the seed is fixed and the cursor does not blink, so a
snapshot only changes when the screen does. Update on purpose with `pytest --snapshot-update`."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_paths import FIXTURES
from tui_driving import keys_for, right_response, wrong_response

from engine.store import ProgressStore
from leermodules.tui.app import make_app
from leermodules.tui.catalog import Catalog
from leermodules.tui.widgets.question import QuestionView

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
ALL_KINDS = FIXTURES / "alle-soorten" / "module.yaml"


@pytest.fixture
def app(tmp_path):
    store = ProgressStore.open(tmp_path / "voortgang.sqlite3")
    catalog = Catalog.load(
        [ALL_KINDS, FIXTURES / "hervatten.yaml", FIXTURES / "na-inleveren.yaml"]
    )
    yield make_app(catalog, store, seeds=lambda: 7, resume=False, cursor_blink=False)
    store.close()


async def open_first_module(pilot) -> None:
    await pilot.press("enter")
    await pilot.pause()


async def open_page(pilot, number: int) -> None:
    await open_first_module(pilot)
    await pilot.press(*["down"] * (number - 1), "enter")
    await pilot.pause()
    await pilot.pause()


async def answer_on_page(pilot, index: int, response_for) -> QuestionView:
    views = list(pilot.app.screen.query(QuestionView))
    view = views[index]
    for _ in range(30):
        if pilot.app.focused is view.answer_widget():
            break
        await pilot.press("tab")
    await pilot.press(*keys_for(view, response_for(view.question)))
    await pilot.pause()
    return view


async def start_assessment(pilot) -> None:
    await open_first_module(pilot)
    await pilot.press("end", "enter")  # the last entry is the assessment
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_module(snap_compare, app, size):
    assert snap_compare(app, terminal_size=size, run_before=open_first_module)


@pytest.mark.parametrize("size", SIZES)
def test_page_with_feedback(snap_compare, app, size):
    async def run_before(pilot):
        await open_page(pilot, 1)
        await answer_on_page(pilot, 0, wrong_response)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_page_order_and_match(snap_compare, app, size):
    async def run_before(pilot):
        await open_page(pilot, 2)
        await answer_on_page(pilot, 1, right_response)  # order
        view = list(pilot.app.screen.query(QuestionView))[2]  # match: focus it, pick one answer
        while pilot.app.focused is not view.answer_widget():
            await pilot.press("tab")
        await pilot.press("2")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_page_scenario_halfway(snap_compare, app, size):
    async def run_before(pilot):
        await open_page(pilot, 3)
        view = pilot.app.screen.query_one(QuestionView)
        while pilot.app.focused is not view.answer_widget():
            await pilot.press("tab")
        await pilot.press("2", "enter")  # the choice that goes wrong; its consequence shows
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_page_likert_and_reflection(snap_compare, app, size):
    async def run_before(pilot):
        await open_page(pilot, 4)
        await answer_on_page(pilot, 0, right_response)
        view = list(pilot.app.screen.query(QuestionView))[1]
        while pilot.app.focused is not view.answer_widget():
            await pilot.press("tab")
        await pilot.press(*"Meer casussen.")

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_assessment_intro(snap_compare, app, size):
    async def run_before(pilot):
        await open_first_module(pilot)
        await pilot.press("end", "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_assessment_question_with_feedback(snap_compare, app, size):
    async def run_before(pilot):
        await start_assessment(pilot)
        view = pilot.app.screen.query_one(QuestionView)
        await pilot.press(*keys_for(view, right_response(view.question)))
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_submit_dialog(snap_compare, app, size):
    async def run_before(pilot):
        await start_assessment(pilot)
        await pilot.press("i")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_results(snap_compare, app, size):
    async def run_before(pilot):
        await start_assessment(pilot)
        screen = pilot.app.screen
        for position in range(len(screen.attempt.questions)):
            view = screen.query_one(QuestionView)
            choose = right_response if position % 2 == 0 else wrong_response
            await pilot.press(*keys_for(view, choose(view.question)))
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
        await pilot.press("i", "j")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, app, size):
    async def run_before(pilot):
        await open_page(pilot, 1)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_light_theme(snap_compare, app, size):
    async def run_before(pilot):
        await open_first_module(pilot)
        await pilot.press("t")
        await pilot.pause()
        pilot.app.clear_notifications()  # the toast that says so would time out

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_message_when_an_answer_cannot_be_saved(snap_compare, app, size):
    async def run_before(pilot):
        from leermodules.tui import strings as s

        pilot.app.show_message(s.NOT_SAVED, s.STORE_PROBLEMS["write_failed"].format(path=Path("/data/voortgang.sqlite3"), detail="schijf vol"))
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


# --- the ontwikkelscan: advice on the home screen, the profile with growth, the export screen ---------

SCAN_FIXTURES = Path(__file__).parent / "scan_fixtures"


@pytest.fixture
def scan_app(tmp_path):
    """The scan fixtures, with two takes recorded through the store (the second shows growth)."""
    from engine.loader import load_module
    from engine.progress import answer_practice
    from engine.store import Event
    from leermodules.tui.scan_session import make_take, ratings_in

    store = ProgressStore.open(tmp_path / "voortgang.sqlite3")
    scan = load_module(SCAN_FIXTURES / "ontwikkelscan.yaml")
    for when, ratings in (
        ("2026-01-03T10:00:00", {"sig-1": 1, "sig-2": 1, "net-1": 2, "net-2": 3, "toe-1": 0, "toe-2": 1}),
        ("2026-03-10T10:00:00", {"sig-1": 3, "sig-2": 2, "net-1": 2, "net-2": 3, "toe-1": 0, "toe-2": 0}),
    ):
        for qid, value in ratings.items():
            store.update(scan, lambda p, q=qid, v=value: answer_practice(p, scan, q, v)[0], Event("practice", qid, value))
        store.finish_scan(scan, lambda p, w=when: make_take(scan, ratings_in(scan, p), w))
    store.set_learner_name("Sanne de Vries")
    app = make_app(Catalog.load([SCAN_FIXTURES]), store, seeds=lambda: 7, resume=False, cursor_blink=False,
                   clock=lambda: "2026-03-11T09:00:00")
    app.export_folder = Path("/home/sanne")
    yield app
    store.close()


async def advice_shown(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_home_with_advice(snap_compare, scan_app, size):
    async def run_before(pilot):
        await advice_shown(pilot)
        await pilot.press("a")  # in the advice: the reason shows
        await pilot.pause()

    assert snap_compare(scan_app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_profile(snap_compare, scan_app, size):
    async def run_before(pilot):
        await advice_shown(pilot)
        await pilot.press("p")
        await pilot.pause()

    assert snap_compare(scan_app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_export(snap_compare, scan_app, size):
    async def run_before(pilot):
        await advice_shown(pilot)
        await pilot.press("e")
        await pilot.pause()

    assert snap_compare(scan_app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_scan_page(snap_compare, scan_app, size):
    async def run_before(pilot):
        await advice_shown(pilot)
        await pilot.press("s", "v", "n")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("2", "enter")  # rated: the focus moves on to the next statement
        await pilot.pause()

    assert snap_compare(scan_app, terminal_size=size, run_before=run_before)


# --- coming back: a toets in progress, and "Verder met ...?" on the module worked on last ---------------


@pytest.fixture
def busy_app(tmp_path):
    """The fixtures with an attempt at hervatten's toets in progress, at its second question."""
    from leermodules.tui.session import ModuleSession

    store = ProgressStore.open(tmp_path / "voortgang.sqlite3")
    catalog = Catalog.load([ALL_KINDS, FIXTURES / "hervatten.yaml", FIXTURES / "na-inleveren.yaml"])
    session = ModuleSession(catalog.loaded["hervatten"], store, lambda: 7)
    session.visit("toets")
    session.start_attempt()
    session.move(1)
    yield make_app(catalog, store, seeds=lambda: 7, resume=False, cursor_blink=False)
    store.close()


@pytest.mark.parametrize("size", SIZES)
def test_home_with_a_toets_in_progress(snap_compare, busy_app, size):
    assert snap_compare(busy_app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_module_objectives_by_keyboard(snap_compare, app, size):
    async def run_before(pilot):
        await open_first_module(pilot)
        await pilot.press("l")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


# --- opfrissen, the glossary and the certificate (issue 10) -----------------------------------------

GLOSSARY_FIXTURES = Path(__file__).parent / "glossary_fixtures"
PASSED_AT = "2026-03-02T10:00:00"


@pytest.fixture
def passed_app(tmp_path):
    """hervatten passed (the first question wrong) on PASSED_AT, its questions scheduled then; the
    app's clock is a day later, so the question answered wrongly is due."""
    from engine import refresh
    from leermodules.tui.session import ModuleSession

    store = ProgressStore.open(tmp_path / "voortgang.sqlite3")
    catalog = Catalog.load([FIXTURES / "hervatten.yaml"])
    session = ModuleSession(catalog.module("hervatten"), store, lambda: 7)
    session.visit("toets")
    attempt = session.start_attempt()
    for number, question_id in enumerate(attempt.questions):
        question = session.module.question(question_id)
        session.answer_attempt(question_id, (wrong_response if number == 0 else right_response)(question))
    session.submit()
    store.schedule_refresh(refresh.first_cards(session.module, session.progress, refresh.moment(PASSED_AT)))
    # the day the toets was handed in, as the certificate shows it (the store stamps events with the real time)
    store._db.execute("UPDATE events SET at = ? WHERE kind = 'submit'", (refresh.timestamp(refresh.moment(PASSED_AT)),))
    app = make_app(catalog, store, seeds=lambda: 7, resume=False, cursor_blink=False, clock=lambda: "2026-03-03T10:00:00")
    app.export_folder = Path("/home/sanne")
    yield app
    store.close()


@pytest.mark.parametrize("size", SIZES)
def test_home_with_questions_to_refresh(snap_compare, passed_app, size):
    assert snap_compare(passed_app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_refresh_question_with_feedback(snap_compare, passed_app, size):
    async def run_before(pilot):
        await pilot.press("enter")  # the refresh line has the cursor
        await pilot.pause()
        view = pilot.app.screen.query_one(QuestionView)
        await pilot.press(*keys_for(view, right_response(view.question)))
        await pilot.pause()

    assert snap_compare(passed_app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_certificate(snap_compare, passed_app, size):
    async def run_before(pilot):
        await pilot.press("down", "enter", "c")  # the module (below the refresh line), then c
        await pilot.pause()

    assert snap_compare(passed_app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_glossary(snap_compare, tmp_path, size):
    store = ProgressStore.open(tmp_path / "voortgang.sqlite3")
    app = make_app(Catalog.load([GLOSSARY_FIXTURES]), store, seeds=lambda: 7, resume=False, cursor_blink=False)

    async def run_before(pilot):
        await pilot.press("enter", "g")
        await pilot.pause()
        await pilot.press(*"raad")
        await pilot.pause()

    try:
        assert snap_compare(app, terminal_size=size, run_before=run_before)
    finally:
        store.close()
