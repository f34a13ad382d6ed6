"""The review after handing in: only the wrong answers on `f`, each question with the page that
teaches its objective (enter opens it), and a practice round with the questions of the weak
objectives that is not graded into the toets."""

from __future__ import annotations

from pathlib import Path

from test_pilot import SIZE, open_module, screen_text

from leermodules.tui.screens.assessment import AssessmentScreen
from leermodules.tui.screens.page import PageScreen
from leermodules.tui.screens.practice_round import PracticeRoundScreen
from leermodules.tui.screens.results import ResultsScreen, ReviewItem
from leermodules.tui.widgets.keybar import KeyBar

# two objectives, each taught on its own page; no shuffle
NAKIJKEN = Path(__file__).parent / "review_fixtures" / "nakijken.yaml"


async def hand_in_half_right(pilot) -> ResultsScreen:
    """Optellen both right; aftrekken one wrong and one not answered: 50%, aftrekken 0%."""
    await open_module(pilot, "Nakijken")
    await pilot.press("end", "enter")  # the assessment
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, AssessmentScreen)
    await pilot.press("1", "n", "1", "n", "2", "n", "i", "j")  # Vier, Waar, Twee (wrong), nothing
    await pilot.pause()
    assert isinstance(pilot.app.screen, ResultsScreen)
    return pilot.app.screen


def shown_items(screen: ResultsScreen) -> list[str]:
    return [item.question_id for item in screen.items()]


def visible_text(app) -> str:
    """What the screen shows: Statics whose every ancestor is displayed too."""
    from rich.markdown import Markdown
    from textual.widgets import Static

    def shown(widget) -> bool:
        return all(node.display for node in widget.ancestors_with_self if hasattr(node, "display"))

    def text(widget) -> str:
        return widget.content.markup if isinstance(widget.content, Markdown) else str(widget.visual)

    return "\n".join(text(w) for w in app.screen.query(Static) if shown(w) and not isinstance(w, KeyBar))


def key_bar(screen) -> str:
    return str(screen.query_one(KeyBar).visual)


async def test_f_shows_only_the_wrong_answers_and_back(app_for):
    app = app_for(NAKIJKEN)
    async with app.run_test(size=SIZE) as pilot:
        screen = await hand_in_half_right(pilot)
        assert shown_items(screen) == ["plus-een", "plus-twee", "min-een", "min-twee"]
        assert "f Alleen fout" in key_bar(screen)
        await pilot.press("f")
        await pilot.pause()
        assert shown_items(screen) == ["min-een", "min-twee"]
        assert "Je ziet alleen de vragen die niet (helemaal) goed waren" in screen_text(app)
        assert "Hoeveel is vijf min twee?" in visible_text(app)
        assert "Hoeveel is twee plus twee?" not in visible_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert shown_items(screen) == ["plus-een", "plus-twee", "min-een", "min-twee"]


async def test_each_question_names_its_page_and_enter_opens_it(app_for):
    app = app_for(NAKIJKEN)
    async with app.run_test(size=SIZE) as pilot:
        screen = await hand_in_half_right(pilot)
        text = screen_text(app)
        assert "Lees terug: pagina 1. Optellen" in text and "Lees terug: pagina 2. Aftrekken" in text
        await pilot.press("f", "n")  # wrong answers only; to the first of them
        await pilot.pause()
        assert isinstance(app.focused, ReviewItem) and app.focused.question_id == "min-een"
        assert "⏎ Pagina openen" in key_bar(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PageScreen) and app.screen.page.id == "aftrekken"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("n", "u")  # the next wrong one, opened with u
        await pilot.pause()
        assert isinstance(app.screen, PageScreen) and app.screen.page.id == "aftrekken"


async def test_practising_the_weak_objectives_again_does_not_change_the_result(app_for, store):
    app = app_for(NAKIJKEN)
    async with app.run_test(size=SIZE) as pilot:
        screen = await hand_in_half_right(pilot)
        attempt_before = screen.session.progress.attempts[-1]
        assert "Druk op w om 2 vragen van je zwakke leerdoelen nog eens te oefenen" in screen_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, PracticeRoundScreen)
        assert "Hoeveel is vijf min twee?" in screen_text(app)
        assert "Je kunt een getal van een ander aftrekken." in screen_text(app)
        await pilot.press("1", "enter")  # Drie: right this time
        await pilot.pause()
        assert "✓ Goed" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert "Tien min vier is zeven." in screen_text(app)
        await pilot.press("2", "enter")  # Niet waar: right
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert "Je hebt 2 vragen geoefend, 2 goed." in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.session.progress.attempts[-1] == attempt_before  # the toets is as it was handed in
        assert "Je score: 50%" in screen_text(app)
        assert screen.session.best_score == 50
        kept = [(e.kind, e.question_id, e.response) for e in store.events("nakijken") if e.kind == "review"]
        assert kept == [("review", "min-een", 0), ("review", "min-twee", False)]


async def test_no_practice_round_while_a_new_attempt_is_in_progress(app_for):
    app = app_for(NAKIJKEN)
    async with app.run_test(size=SIZE) as pilot:
        screen = await hand_in_half_right(pilot)
        assert "w Oefen zwakke doelen" in key_bar(screen)
        session = screen.session
        session.start_attempt()  # as another app instance or r would
        app.show_results(session)
        await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert "Oefen zwakke doelen" not in key_bar(results)
        await pilot.press("w")
        await pilot.pause()
        assert app.screen is results


def help_text(app) -> str:
    """The help dialog's text, its tables drawn as a terminal would."""
    from io import StringIO

    from rich.console import Console
    from textual.widgets import Static

    console = Console(width=120, record=True, file=StringIO())
    for widget in app.screen.query(Static):
        console.print(widget.content)
    return console.export_text()


async def test_the_help_on_the_results_explains_the_review(app_for):
    from leermodules.tui.screens.help import HelpScreen

    app = app_for(NAKIJKEN)
    async with app.run_test(size=SIZE) as pilot:
        await hand_in_half_right(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app)
        assert "Alleen fout" in text and "Oefen zwakke doelen" in text
        assert "Bij je uitslag" in text and "de pagina openen die de stof van die vraag uitlegt" in text
