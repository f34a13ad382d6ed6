"""The toets overview: every question with its state (beantwoord / open / gemarkeerd), enter to go
to any of them, `m` to mark a question for later, in the toets and in the overview. Marks are kept
with the attempt in the store (schema 6), and the hand-in question names them."""

from __future__ import annotations

import sqlite3

from test_pilot import SIZE, screen_text
from test_toets_rules import AFTER_SUBMIT, start_after_submit_attempt
from tui_paths import FIXTURES

from engine.loader import load_module
from engine.progress import flag, start_attempt
from engine.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, Event, ProgressStore
from leermodules.tui.screens.dialogs import ConfirmScreen
from leermodules.tui.screens.overview import OverviewScreen
from leermodules.tui.widgets.keybar import KeyBar
from leermodules.tui.widgets.question import QuestionView


def overview_lines(app) -> list[str]:
    listing = app.screen.query_one("#overview")
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_the_overview_lists_every_question_with_its_state_and_enter_goes_there(app_for):
    app = app_for(AFTER_SUBMIT)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_after_submit_attempt(pilot)
        assert "o Overzicht" in str(screen.query_one(KeyBar).visual) and "m Markeer" in str(screen.query_one(KeyBar).visual)
        assert screen.attempt.questions == ("casus", "even", "som")  # as seed 1234 draws them
        await pilot.press("n", "1")  # the second question: answered at once (feedback after handing in)
        await pilot.pause()
        await pilot.press("n", "m")  # the third: marked for later, not answered
        await pilot.pause()
        assert "Gemarkeerd" in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        lines = overview_lines(app)
        assert len(lines) == 3
        assert "open" in lines[0] and "gemarkeerd" not in lines[0] and "Je rekent af" in lines[0]
        assert "beantwoord" in lines[1] and "gemarkeerd" not in lines[1]
        assert "open" in lines[2] and "⚑ gemarkeerd" in lines[2] and "◀ hier" in lines[2]
        assert "Beantwoord: 1 van 3 · open: 2 · gemarkeerd: 1" in screen_text(app)
        await pilot.press("up", "up", "m")  # mark the case from the overview
        await pilot.pause()
        assert "⚑ gemarkeerd" in overview_lines(app)[0]
        await pilot.press("enter")  # and go to it
        await pilot.pause()
        assert app.screen is screen and screen.attempt.position == 0
        assert screen.query_one(QuestionView).question.id == "casus"
        assert screen.attempt.flagged == {"casus", "som"}
        assert "Gemarkeerd" in screen_text(app)

async def test_a_mark_is_taken_off_with_m_and_escape_leaves_the_overview_where_you_were(app_for):
    app = app_for(AFTER_SUBMIT)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_after_submit_attempt(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert screen.attempt.flagged == {screen.attempt.questions[0]}
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("m")  # the overview opens on the question you are at: its mark goes
        await pilot.pause()
        assert "gemarkeerd" not in overview_lines(app)[0]
        await pilot.press("down", "down", "escape")
        await pilot.pause()
        assert app.screen is screen and screen.attempt.position == 0
        assert screen.attempt.flagged == set()
        assert "Gemarkeerd" not in screen_text(app)


async def test_handing_in_names_the_marked_questions(app_for):
    app = app_for(AFTER_SUBMIT)
    async with app.run_test(size=SIZE) as pilot:
        await start_after_submit_attempt(pilot)
        await pilot.press("m", "n", "m", "i")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Je hebt nog 2 vragen gemarkeerd" in screen_text(app)


async def test_leaving_for_the_overview_keeps_an_unconfirmed_choice_or_asks(app_for):
    app = app_for(FIXTURES / "alle-soorten" / "module.yaml", seed=1234)  # feedback after each question
    async with app.run_test(size=SIZE) as pilot:
        from test_toets_rules import start_after_each_attempt

        screen = await start_after_each_attempt(pilot)
        await pilot.press("2", "o")  # chosen, not confirmed
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert "beantwoord" in overview_lines(app)[0]
        assert screen.attempt.questions[0] in screen.attempt.answers


def test_marks_are_kept_with_the_attempt_across_reopening_and_migrated_stores(tmp_path):
    module = load_module(AFTER_SUBMIT)
    path = tmp_path / "s.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:5]:  # a store as schema 5 left it
        step(db)
    db.execute("UPDATE schema_version SET version = 5")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.close()
    store = ProgressStore.open(path)
    store.update(module, lambda p: start_attempt(p, module, 3), Event("start"))
    marked = store.load(module).current_attempt.questions[1]
    store.update(module, lambda p: flag(p, marked, True), Event("flag", marked, True))
    store.close()
    again = ProgressStore.open(path)
    assert again.load(module).current_attempt.flagged == {marked}
    assert [(e.kind, e.question_id, e.attempt) for e in again.events(module.id)][-1] == ("flag", marked, 1)
    again.update(module, lambda p: flag(p, marked, False), Event("flag", marked, False))
    assert again.load(module).current_attempt.flagged == frozenset()
    again.close()
    assert sqlite3.connect(path).execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_a_damaged_mark_is_refused_like_any_damaged_row(tmp_path):
    from engine.store import StoreError

    path = tmp_path / "s.sqlite3"
    ProgressStore.open(path).close()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("INSERT INTO attempt_flags VALUES ('m', 'een', 'v1')")
    db.close()
    try:
        ProgressStore.open(path)
    except StoreError as exc:
        assert exc.problem == "corrupt" and "attempt_flags" in exc.detail
    else:
        raise AssertionError("a mark with an attempt that is not a number was accepted")


async def test_the_help_in_the_toets_explains_the_overview_and_marks(app_for):
    from test_review import help_text

    from leermodules.tui.screens.help import HelpScreen

    app = app_for(AFTER_SUBMIT)
    async with app.run_test(size=SIZE) as pilot:
        await start_after_submit_attempt(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app)
        assert "Overzicht" in text and "Markeer" in text  # the screen's keys
        assert "In de toets" in text and "markeren om er later nog naar te kijken" in text
