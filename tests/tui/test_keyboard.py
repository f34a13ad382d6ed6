"""One keyboard model on a page: the first open question has focus when the page opens, Tab goes
to the next question (and the key bar says so), h shows a hint (F2 where the learner types), and
the help line says what a digit does in a match."""

from __future__ import annotations

from test_pilot import SIZE, open_module, screen_text
from tui_paths import FIXTURES

from leermodules.tui.screens.page import PageScreen
from leermodules.tui.widgets.keybar import KeyBar
from leermodules.tui.widgets.question import MatchQuestionView, QuestionView

ALL_KINDS = FIXTURES / "alle-soorten" / "module.yaml"
RESUME = FIXTURES / "hervatten.yaml"


def key_bar(screen) -> str:
    return str(screen.query_one(KeyBar).visual)


async def open_page(pilot, title: str, number: int) -> PageScreen:
    await open_module(pilot, title)
    await pilot.press(*["down"] * (number - 1), "enter")
    await pilot.pause()
    await pilot.pause()
    assert isinstance(pilot.app.screen, PageScreen)
    return pilot.app.screen


async def test_a_page_opens_with_its_first_question_ready_for_a_digit(app_for):
    app = app_for(ALL_KINDS)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_page(pilot, "Alle soorten", 1)
        first = screen.query(QuestionView).first()
        assert app.focused is first.answer_widget()
        assert screen.query_one("#page").scroll_y == 0  # still read from the top
        assert "tab Andere vraag" in key_bar(screen)
        await pilot.press("h")  # the hint, without pressing tab first
        await pilot.pause()
        assert "Tip: Denk aan wat er gebeurt" in screen_text(app)
        await pilot.press(str(first.order.index(0) + 1), "enter")  # no tab needed
        await pilot.pause()
        assert app.session("alle-soorten").progress.practice["oefen-enkel"] == 0
        await pilot.press("tab")  # the next question, as the key bar says
        await pilot.pause()
        assert app.focused is list(screen.query(QuestionView))[1].answer_widget()


async def test_a_page_with_one_question_does_not_offer_tab(app_for):
    app = app_for(ALL_KINDS)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_page(pilot, "Alle soorten", 3)  # the case
        assert app.focused is screen.query_one(QuestionView).answer_widget()
        assert "tab" not in key_bar(screen)


async def test_in_a_text_question_h_is_typed_and_f2_shows_the_hint(app_for):
    app = app_for(RESUME)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_page(pilot, "Hervatten", 1)
        await pilot.press("tab")  # from the first question to the text question
        await pilot.pause()
        text = list(screen.query(QuestionView))[1]
        assert app.focused is text.answer_widget()
        assert "druk op F2" in screen_text(app)
        assert "f2 Tip" in key_bar(screen) and "h Tip" not in key_bar(screen)
        await pilot.press("h")
        await pilot.pause()
        assert text.answer_widget().value == "h"
        assert "Tip: Het is de grootste stad" not in screen_text(app)
        await pilot.press("f2")
        await pilot.pause()
        assert "Tip: Het is de grootste stad" in screen_text(app)
        assert text.answer_widget().value == "h"


async def test_the_help_line_of_a_match_says_a_digit_moves_on_to_the_next_line(app_for):
    app = app_for(ALL_KINDS)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_page(pilot, "Alle soorten", 2)
        view = screen.query_one(MatchQuestionView)
        assert "cijfer: antwoord op deze regel, door naar de volgende" in screen_text(app)
        while app.focused is not view.answer_widget():
            await pilot.press("tab")
        await pilot.press("1")
        await pilot.pause()
        assert view.answer_widget().cursor == 1  # what the help line said
