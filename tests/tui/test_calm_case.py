"""A case goes on in place: after a choice, what the learner has read stays where it was (nothing
is rebuilt, so nothing blanks or jumps) and the next step comes into view."""

from __future__ import annotations

from test_pilot import screen_text
from test_toets_rules import go_to, start_after_submit_attempt
from textual.widgets import Static
from tui_paths import FIXTURES

from leermodules.tui.widgets.choices import ChoiceList
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
