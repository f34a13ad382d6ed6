"""A case goes on in place: after a choice, what the learner has read stays where it was (nothing
is rebuilt, so nothing blanks or jumps) and the next step comes into view."""

from __future__ import annotations

from test_pilot import screen_text
from test_toets_rules import go_to, start_after_submit_attempt
from textual.widgets import Static
from tui_paths import FIXTURES

from leermodules.tui.widgets.choices import ChoiceList
from leermodules.tui.widgets.question import QuestionView
from leermodules.tui.widgets.scenario import ScenarioQuestionView


async def test_a_choice_adds_the_next_step_below_without_rebuilding_what_was_read(app_for):
    app = app_for(FIXTURES / "na-inleveren.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_after_submit_attempt(pilot)
        view = await go_to(pilot, screen, "casus")
        assert isinstance(view, ScenarioQuestionView)
        first_step = view.query(".step").first(Static)
        await pilot.press("1", "enter")
        await pilot.pause()
        steps = list(view.query(".step"))
        assert steps[0] is first_step  # the step read before is the same widget: not blanked and rebuilt
        assert len(steps) == 2 and "Jouw keuze: Twee euro." in screen_text(app)
        await pilot.pause()
        assert steps[1].region.intersection(screen.scrollable_content_region).area > 0  # the new step is in view
        assert app.focused is view.query(ChoiceList).last()


async def test_moving_through_the_toets_never_paints_an_empty_question_area(app_for):
    app = app_for(FIXTURES / "na-inleveren.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_after_submit_attempt(pilot)
        empty_frames, frames = [], []
        display = app._display

        def recording(shown, renderable):  # every frame the terminal would get
            frames.append(shown)
            laid_out = [view for view in screen.query_one("#attempt").query(QuestionView) if view.region.area] if shown is screen else [1]
            if len(laid_out) != 1:
                empty_frames.append(laid_out)  # a blank area, or two questions at once
            display(shown, renderable)

        app._display = recording
        for key in ("n", "n", "p"):
            await pilot.press(key)
            await pilot.pause()
        app._display = display
        assert screen.attempt.position == 1
        assert frames, "no frame was recorded"
        assert empty_frames == []  # n and p go from question to question, one at a time, never blank
