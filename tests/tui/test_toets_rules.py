"""The assessment is a test, not practice: a case is taken once, without its consequences before
handing in (with feedback after handing in), and a choice on screen is never silently lost."""

from __future__ import annotations

from test_pilot import SIZE, open_module, screen_text
from tui_paths import FIXTURES

from leermodules.tui.screens.assessment import AssessmentScreen
from leermodules.tui.screens.assessment_intro import AssessmentIntroScreen
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
