"""The glossary on `g`: from a module's screen and its pages, alphabetical, filtered by typing,
escape back; a module without a glossary offers no `g`."""

from __future__ import annotations

from tui_paths import FIXTURES

import content
from leermodules.tui.screens.glossary import GlossaryScreen
from leermodules.tui.screens.module import ModuleScreen
from leermodules.tui.screens.page import PageScreen

SIZE = (80, 24)
VEILIGHEID = content.folder() / "veiligheid" / "module.yaml"


def shown(app) -> str:
    return str(app.screen.query_one("#glossary-list").render())


def key_bar(app) -> str:
    return str(app.screen.query_one("KeyBar").render())


async def test_g_opens_the_glossary_and_typing_filters_it(app_for):
    app = app_for(VEILIGHEID, resume=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # open the module
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen)
        assert "g Begrippen" in key_bar(app)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        text = shown(app)
        terms = [line for line in text.splitlines() if line and not line.startswith(" ")]
        assert terms == sorted(terms, key=str.casefold) and {"Afwegingskader", "Kindcheck", "OTS", "Veilig Thuis"} <= set(terms)
        total = len(app.screen.module.glossary)
        assert f"{total} begrippen" in str(app.screen.query_one("#glossary-count").render())

        await pilot.press(*"ondertoezicht")
        await pilot.pause()
        text = shown(app)
        assert text.startswith("OTS\n") and "kinderrechter" in text and "Kindcheck" not in text
        assert f"1 van {total} begrippen" in str(app.screen.query_one("#glossary-count").render())
        await pilot.press(*"xyz")
        await pilot.pause()
        assert "Geen begrip gevonden" in shown(app)

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen)
        await pilot.press("enter")  # the first page
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PageScreen)
        app.screen.query_one("#page").focus()  # not in a text field
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)


async def test_a_module_without_a_glossary_offers_no_g(app_for):
    app = app_for(FIXTURES / "hervatten.yaml", resume=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen)
        assert "Begrippen" not in key_bar(app)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen)
