"""The toets's intro tells the learner what the attempt will hold before it starts."""

from __future__ import annotations

from test_pilot import SIZE, screen_text

import content
from leermodules.tui.screens.assessment_intro import AssessmentIntroScreen

VEILIGHEID = content.folder() / "veiligheid" / "module.yaml"


async def test_the_intro_says_every_objective_is_asked(app_for):
    app = app_for(VEILIGHEID)
    async with app.run_test(size=SIZE) as pilot:
        session = app.session("veiligheid")
        assessment = session.module.assessment
        assert assessment.draw_per_objective == 1
        app.push_screen(AssessmentIntroScreen(session))
        await pilot.pause()
        text = screen_text(app)
        assert f"{assessment.draw} vragen, over elk leerdoel minstens 1" in text
        assert f"{assessment.pass_mark}% nodig" in text
