"""A practice page never drops a choice silently: a choice made but not confirmed with enter makes
n, p, escape and q ask first (give it as the answer, or let it go)."""

from __future__ import annotations

from test_pilot import SIZE, open_module, screen_text
from tui_paths import FIXTURES

from leermodules.tui.screens.assessment_intro import AssessmentIntroScreen
from leermodules.tui.screens.dialogs import ConfirmScreen
from leermodules.tui.screens.module import ModuleScreen
from leermodules.tui.screens.page import PageScreen

HERVATTEN = FIXTURES / "hervatten.yaml"  # one page: kleur (a choice) and hoofdstad (typed)


async def open_page(pilot) -> PageScreen:
    await open_module(pilot, "Hervatten")
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(pilot.app.screen, PageScreen)
    return pilot.app.screen


async def test_n_with_a_choice_not_given_asks_and_yes_keeps_it_as_the_answer(app_for):
    app = app_for(HERVATTEN)
    async with app.run_test(size=SIZE) as pilot:
        page = await open_page(pilot)
        first = page.query_one("#q-kleur").order[0]  # the option shown first
        await pilot.press("1", "n")  # the first question has focus: chosen, not confirmed
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "nog niet als antwoord gegeven" in screen_text(app)
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentIntroScreen)  # then on, as n does
        assert page.session.progress.practice.get("kleur") == first
        assert "begin" in page.session.progress.pages_done


async def test_escape_with_a_choice_not_given_asks_and_no_lets_it_go_on_purpose(app_for):
    app = app_for(HERVATTEN)
    async with app.run_test(size=SIZE) as pilot:
        page = await open_page(pilot)
        await pilot.press("1", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen)
        assert "kleur" not in page.session.progress.practice


async def test_typed_text_not_given_asks_too_and_a_given_answer_asks_nothing(app_for):
    app = app_for(HERVATTEN)
    async with app.run_test(size=SIZE) as pilot:
        page = await open_page(pilot)
        first = page.query_one("#q-kleur").order[0]
        await pilot.press("1", "enter")  # given: nothing to ask about
        await pilot.pause()
        await pilot.press("tab", *"Amsterdam", "tab", "escape")  # typed, out of the field, back
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen)
        assert dict(page.session.progress.practice) == {"kleur": first, "hoofdstad": "Amsterdam"}


async def test_q_with_a_choice_not_given_asks_before_the_app_stops(app_for):
    app = app_for(HERVATTEN)
    async with app.run_test(size=SIZE) as pilot:
        page = await open_page(pilot)
        second = page.query_one("#q-kleur").order[1]
        await pilot.press("2", "q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        assert page.session.progress.practice.get("kleur") == second
    assert app.return_code == 0 or app.return_code is None
