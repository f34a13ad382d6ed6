"""The assessment is a test, not practice: a case is taken once, without its consequences before
handing in (with feedback after handing in), and a choice on screen is never silently lost."""

from __future__ import annotations

from test_pilot import SIZE, open_module, screen_text
from tui_paths import FIXTURES

from leermodules.tui.screens.assessment import AssessmentScreen
from leermodules.tui.screens.assessment_intro import AssessmentIntroScreen
from leermodules.tui.screens.dialogs import ConfirmScreen
from leermodules.tui.screens.results import ResultsScreen
from leermodules.tui.widgets.keybar import KeyBar
from leermodules.tui.widgets.question import QuestionView
from leermodules.tui.widgets.scenario import ScenarioQuestionView

AFTER_SUBMIT = FIXTURES / "na-inleveren.yaml"


async def start_after_submit_attempt(pilot) -> AssessmentScreen:
    await open_module(pilot, "Inleveren")
    await pilot.press("v", "n")  # the one page, then on to the assessment
    await pilot.pause()
    assert isinstance(pilot.app.screen, AssessmentIntroScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, AssessmentScreen)
    return pilot.app.screen


async def go_to(pilot, screen: AssessmentScreen, question_id: str) -> QuestionView:
    while screen.query_one(QuestionView).question.id != question_id:
        await pilot.press("n" if screen.attempt.questions.index(question_id) > screen.attempt.position else "p")
        await pilot.pause()
    return screen.query_one(QuestionView)


def key_bar(screen) -> str:
    return str(screen.query_one(KeyBar).visual)


async def test_a_case_in_the_toets_is_taken_once_and_its_consequences_wait_for_the_results(app_for):
    app = app_for(AFTER_SUBMIT)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_after_submit_attempt(pilot)
        view = await go_to(pilot, screen, "casus")
        assert isinstance(view, ScenarioQuestionView)
        await pilot.press("1", "enter")  # "Twee euro.", on to the next step
        await pilot.pause()
        text = screen_text(app)
        assert "Jouw keuze: Twee euro." in text
        assert "Gevolg" not in text and "De kassière knikt" not in text
        await pilot.press("2", "enter")  # "Nee, dank je.": the end of the case
        await pilot.pause()
        text = screen_text(app)
        assert "Einde van de casus." in text and "De bon gaat in de prullenbak" not in text
        assert "opnieuw" not in text and "Casus opnieuw" not in key_bar(screen)
        await pilot.press("r")  # no second try
        await pilot.pause()
        assert screen.attempt.answers["casus"] == [0, 1]
        assert "Jouw keuze: Nee, dank je." in screen_text(app)
        # leaving and coming back shows the same path, still without consequences or a restart
        await pilot.press("p")
        await pilot.pause()
        view = await go_to(pilot, screen, "casus")
        assert view.path == [0, 1] and "Gevolg" not in screen_text(app)
        assert "Casus opnieuw" not in key_bar(screen)
        await pilot.press("i", "j")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "De kassière knikt" in text and "De bon gaat in de prullenbak" in text  # now they show


async def test_with_feedback_after_handing_in_a_choice_is_the_answer_at_once(app_for):
    app = app_for(AFTER_SUBMIT)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_after_submit_attempt(pilot)
        view = await go_to(pilot, screen, "som")
        four = view.order.index(0)  # "Vier", wherever the shuffle put it
        await pilot.press(str(four + 1))  # chosen, not confirmed with enter
        await pilot.pause()
        assert screen.attempt.answers["som"] == 0
        assert "Beantwoord: 1 van 3" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        view = await go_to(pilot, screen, "som")
        assert view.answer_widget().chosen == {four}  # still shown as chosen
        assert "Beantwoord: 1 van 3" in screen_text(app)
        await pilot.press(str(2 - four))  # changed: the new choice is the answer
        await pilot.pause()
        assert screen.attempt.answers["som"] == 1


ALL_KINDS = FIXTURES / "alle-soorten" / "module.yaml"  # feedback after each question


async def start_after_each_attempt(pilot) -> AssessmentScreen:
    await open_module(pilot, "Alle soorten")
    await pilot.press("end", "enter")  # the last entry is the assessment
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, AssessmentScreen)
    return pilot.app.screen


async def test_with_feedback_after_each_leaving_an_unconfirmed_choice_asks(app_for):
    app = app_for(ALL_KINDS, seed=1234)  # draws: toets-terug, toets-onderdelen, toets-casus, ...
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_after_each_attempt(pilot)
        assert screen.query_one(QuestionView).question.id == "toets-terug"
        await pilot.press("2", "n")  # chosen, not confirmed, then on to the next question
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "nog niet als antwoord gegeven" in screen_text(app)
        await pilot.press("j")  # give it as the answer
        await pilot.pause()
        assert app.screen is screen and screen.attempt.position == 1
        assert "toets-terug" in screen.attempt.answers
        assert "Beantwoord: 1 van 5" in screen_text(app)
        await pilot.press("1", "p")  # toets-onderdelen: ticked, then back
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # let it go: said so, not silently
        await pilot.pause()
        assert app.screen is screen and screen.attempt.position == 0
        assert "toets-onderdelen" not in screen.attempt.answers
        await pilot.press("n")  # the answered question asks nothing
        await pilot.pause()
        assert app.screen is screen and screen.attempt.position == 1


async def test_with_feedback_after_each_a_case_shows_its_consequences_but_has_no_restart(app_for):
    app = app_for(ALL_KINDS, seed=1234)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_after_each_attempt(pilot)
        await pilot.press("n", "n")
        await pilot.pause()
        view = screen.query_one(QuestionView)
        assert isinstance(view, ScenarioQuestionView)
        await pilot.press("2", "enter")  # "Je laat de telefoon gaan.": the end
        await pilot.pause()
        text = screen_text(app)
        assert "Gevolg: Niet nodig" in text and "Einde van de casus." in text
        assert "opnieuw" not in text and "Casus opnieuw" not in key_bar(screen)
        await pilot.press("r")
        await pilot.pause()
        assert screen.attempt.answers["toets-casus"] == [1] and view.path == [1]


async def test_typed_text_left_without_enter_is_not_lost(app_for):
    app = app_for(ALL_KINDS, seed=2)  # draws: toets-opslaan, toets-tekst, ...
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_after_each_attempt(pilot)
        await pilot.press("n")  # nothing chosen on the first question: nothing to ask
        await pilot.pause()
        assert screen.query_one(QuestionView).question.id == "toets-tekst"
        await pilot.press("question_mark", "tab", "n")  # typed, out of the field, on to the next
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        assert screen.attempt.answers["toets-tekst"] == "?" and screen.attempt.position == 2
