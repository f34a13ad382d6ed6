"""The app on small and wide terminals, by keyboard (issue 10): the key bar is whole at 60x20, a
module's objectives can all be read at 80x24, wrapped lines hang under their text, text keeps a
reading width at 120x40, model answers are one per line in option order, and a dialog shows the
screen it belongs to, dimmed, behind it."""

from __future__ import annotations

from rich.text import Text

import content
from engine.grading import grade
from engine.model import MultipleQuestion
from engine.scan import statements
from engine.store import ProgressStore
from leermodules.tui.app import make_app
from leermodules.tui.catalog import Catalog
from leermodules.tui.scan_session import make_take
from leermodules.tui.screens.dialogs import ConfirmScreen
from leermodules.tui.screens.home import HomeScreen
from leermodules.tui.screens.module import ModuleScreen
from leermodules.tui.screens.page import PageScreen
from leermodules.tui.widgets.feedback import feedback_text
from leermodules.tui.widgets.hanging import Hanging
from leermodules.tui.widgets.keybar import KeyBar

COLLECTIEF = content.folder() / "collectief-werken" / "module.yaml"


def on_screen(app) -> list[str]:
    """The terminal's lines as they are drawn now."""
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


def app_with_a_scan_take(store: ProgressStore):
    catalog = Catalog.load([content.folder()])
    scan = catalog.loaded["ontwikkelscan"]
    ratings = {q.id: 1 for q in statements(scan)}
    store.finish_scan(scan, lambda progress: make_take(scan, ratings, "2026-01-03T10:00:00"))
    return make_app(catalog, store, resume=False)


async def test_at_60x20_the_key_bar_shows_every_key_whole(store):
    app = app_with_a_scan_take(store)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        bar = app.screen.query_one(KeyBar)
        assert bar.region.y >= 0 and bar.region.bottom <= 20 and bar.region.height >= 1
        shown = "\n".join(on_screen(app)[bar.region.y : bar.region.bottom])
        for description in ("Openen", "Ontwikkelscan", "Profiel", "Exporteren", "Toetsen", "Stoppen"):
            assert description in shown, (description, shown)

        # a wrapped advice hangs under its text, not under the mark or the panel's edge
        lines = on_screen(app)
        heading = next(i for i, line in enumerate(lines) if "Aanbevolen · " in line)
        text_column = lines[heading].index("Aanbevolen")
        follow = lines[heading + 1]
        assert follow[:text_column].rstrip(" ").endswith("│") and follow[text_column] != " ", lines[heading : heading + 2]


async def test_at_80x24_every_objective_of_a_module_can_be_read_by_keyboard(app_for):
    app = app_for(COLLECTIEF, resume=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen)
        objectives = [o.text for o in app.screen.module.objectives]
        about = app.screen.query_one("#about")
        assert about.max_scroll_y > 0  # they do not all fit on this module's screen at 80x24
        await pilot.press("l")
        await pilot.pause()
        assert app.focused is about
        seen = set()
        for _ in range(40):
            top, bottom = about.region.y, about.region.bottom
            seen.update(line.strip() for line in on_screen(app)[top:bottom])
            await pilot.press("down")
            await pilot.pause()
        read = " ".join(line.lstrip("• ").strip(" ▁▂▃▄▅▆▇█") for line in _in_order(seen, app))
        for objective in objectives:
            assert " ".join(objective.split()) in read, objective
        await pilot.press("l")  # and back to the contents
        assert app.focused is app.screen.query_one("#contents")


def _in_order(seen: set[str], app) -> list[str]:
    """The lines seen, in the order of the objectives as drawn in full (to join wrapped lines)."""
    widget = app.screen.query_one("#objectives")
    drawn = [line.plain.strip() for line in widget.visual.lines(widget.content_region.width)]
    missing = [line for line in drawn if line and line not in seen]
    assert not missing, missing
    return drawn


def test_wrapped_lines_hang_under_the_text_after_a_bullet():
    lines = [line.plain for line in Hanging(Text("• " + "woord " * 12 + "\n  1. " + "stap " * 12)).lines(30)]
    assert lines[0].startswith("• woord")
    bullet_follow = [line for line in lines[1:] if "woord" in line]
    assert bullet_follow and all(line.startswith("  woord") for line in bullet_follow)
    step = next(i for i, line in enumerate(lines) if line.startswith("  1. stap"))
    assert all(line.startswith("     stap") for line in lines[step + 1 :])
    assert str(Hanging(Text("• a b"))) == "• a b"


async def test_at_120x40_page_text_keeps_a_reading_width(app_for):
    app = app_for(COLLECTIEF, resume=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PageScreen)
        body = app.screen.query_one("#page .body")
        assert 60 <= body.region.width <= 84
        assert max(len(line[:-3].rstrip()) for line in on_screen(app)[2:-1]) <= 90  # the scrollbar aside


def test_model_answers_are_listed_one_per_line_in_option_order():
    question = MultipleQuestion.model_validate(
        {
            "id": "welke",
            "kind": "multiple",
            "prompt": "Welke?",
            "options": [{"text": "Eerste", "correct": True}, {"text": "Tweede"}, {"text": "Derde", "correct": True}],
        }
    )
    text = feedback_text(question, grade(question, [2, 1]), response=[2, 1], show_response=True).plain
    lines = text.split("\n")
    answer = lines.index("Het goede antwoord: ")
    assert lines[answer + 1 : answer + 3] == ["  • Eerste", "  • Derde"]
    yours = lines.index("Jouw antwoord: ")
    assert lines[yours + 1 : yours + 3] == ["  • Tweede", "  • Derde"]  # in option order, not as ticked


async def test_a_dialog_dims_the_screen_behind_it_and_leaves_it_visible(app_for):
    app = app_for(COLLECTIEF, resume=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        behind = "\n".join(on_screen(app))
        assert "Jouw modules" in behind
        app.push_screen(ConfirmScreen("Weet je het zeker?"))
        await pilot.pause()
        now = "\n".join(on_screen(app))
        assert "Weet je het zeker?" in now
        assert "Jouw modules" in now  # still there, behind the dialog
