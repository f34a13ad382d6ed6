"""One numbering of scan levels: the digit a learner rates with is the number the profile and the
advice show (1 to 5 on a scale of five words), although the store keeps positions 0 to 4 (issue 10)."""

from __future__ import annotations

import re
from pathlib import Path

from engine.messages import advice_reason
from leermodules.tui.app import make_app
from leermodules.tui.catalog import Catalog
from leermodules.tui.screens.profile import ProfileScreen
from leermodules.tui.screens.scan import ScanPageScreen
from leermodules.tui.widgets.question import QuestionView

SCAN_FIXTURES = Path(__file__).parent / "scan_fixtures"


def on_screen(app) -> str:
    """The text on the terminal now, line by line."""
    return "\n".join("".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips())


async def test_the_digit_rated_with_is_the_level_the_profile_shows(store):
    app = make_app(Catalog.load([SCAN_FIXTURES]), store, resume=False, clock=lambda: "2026-01-03T10:00:00")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("s", "v", "n")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ScanPageScreen) and app.screen.page.id == "thema-signalen"
        views = list(app.screen.query(QuestionView))
        scale = views[0].question.scale
        # the statement offers the scale numbered from 1, the second word as "2."
        assert re.search(rf"\b2\. {re.escape(scale[1])}", on_screen(app))
        for _ in views:
            await pilot.press("2", "enter")
            await pilot.pause()
        await pilot.press("k", "j")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        shown = on_screen(app)
        assert f"2,0 van {len(scale)} · {scale[1]}" in shown
        assert f"1 {scale[0]} · 2 {scale[1]}" in shown  # the scale's words with the same numbers
        assert "0 " + scale[0] not in shown
    assert store.scan_takes()[0].levels["signalen"] == 1.0  # stored as the position on the scale


def test_the_advice_names_the_level_as_rated():
    assert "(1,0 van 5)" in advice_reason("aanbevolen", "Veiligheid", 0.0, 4, ())
    assert "(3,5 van 5)" in advice_reason("verdiepen", "Veiligheid", 2.5, 4, ())
