"""Every shipped course module can be taken from its first page to a pass in the app, by keyboard."""

from __future__ import annotations

import pytest
from test_pilot import SIZE, open_module, screen_text, take_assessment, work_through_pages
from tui_driving import right_response

import content
from engine.progress import Status
from engine.loader import load_module

COURSES = ["lvb-herkennen", "psychische-problemen", "veiligheid", "collectief-werken"]


@pytest.mark.parametrize("module_id", COURSES)
async def test_a_shipped_module_is_taken_to_a_pass(app_for, module_id):
    path = content.folder() / module_id / "module.yaml"
    module = load_module(path)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await open_module(pilot, module.title)
        kinds = await work_through_pages(pilot, right_response)
        session = app.session(module_id)
        assert set(session.progress.practice) == {q.id for p in module.pages for q in p.questions}
        assert "scenario" in kinds
        await take_assessment(pilot, right_response)
        assert "✓ Geslaagd" in screen_text(app)
        assert app.session(module_id).status is Status.PASSED
        assert app.session(module_id).best_score == 100
