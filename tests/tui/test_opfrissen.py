"""Opfrissen in the app: after a passed toets the home screen offers the questions that are due
("N vragen om op te frissen"), enter asks them one by one with feedback, and each answer moves the
question to a later day. The app's clock is moved on by the test."""

from __future__ import annotations

from datetime import timedelta

from tui_driving import keys_for, right_response, wrong_response
from tui_paths import FIXTURES

from engine import refresh
from engine.store import ProgressStore
from leermodules.tui.app import make_app
from leermodules.tui.catalog import Catalog
from leermodules.tui.screens.home import REFRESH_ID, HomeScreen
from leermodules.tui.screens.refresh import RefreshScreen
from leermodules.tui.session import ModuleSession
from leermodules.tui.widgets.question import QuestionView

SIZE = (80, 24)
HERVATTEN = FIXTURES / "hervatten.yaml"
PASSED = "2026-03-02T10:00:00"


def later(days: float) -> str:
    return (refresh.moment(PASSED) + timedelta(days=days)).astimezone().replace(tzinfo=None).isoformat(timespec="seconds")


def pass_with_one_wrong(store: ProgressStore) -> str:
    """Pass hervatten's toets with every answer right but the first; the question answered wrongly."""
    (module,) = Catalog.load([HERVATTEN]).loaded.values()
    session = ModuleSession(module, store, lambda: 42)
    session.visit("toets")
    attempt = session.start_attempt()
    for number, question_id in enumerate(attempt.questions):
        question = module.question(question_id)
        session.answer_attempt(question_id, wrong_response(question) if number == 0 else right_response(question))
    assert session.submit().passed
    return attempt.questions[0]


class Clock:
    def __init__(self, iso: str):
        self.iso = iso

    def __call__(self) -> str:
        return self.iso


async def home_ready(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)


def home_lines(app) -> list[str]:
    modules = app.screen.query_one("#modules")
    return [str(modules.get_option_at_index(i).prompt) for i in range(modules.option_count)]


async def answer(pilot, response) -> None:
    view = pilot.app.screen.query_one(QuestionView)
    await pilot.press(*keys_for(view, response))
    await pilot.pause()


async def test_questions_come_back_on_later_days_and_each_answer_is_kept(store):
    wrong_one = pass_with_one_wrong(store)
    clock = Clock(PASSED)
    app = make_app(Catalog.load([HERVATTEN]), store, resume=False, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await home_ready(pilot)
        assert store.refresh_modules() == {"hervatten"}  # scheduled when the passed module was seen
        assert not any("op te frissen" in line for line in home_lines(app))  # nothing is due on the day itself

        clock.iso = later(1)  # the next day: the question answered wrongly in the toets is back
        app.screen.fill()
        await pilot.pause()
        assert "↻ 1 vraag om op te frissen" in home_lines(app)[0]
        modules = app.screen.query_one("#modules")
        assert modules.get_option_at_index(modules.highlighted).id == REFRESH_ID
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RefreshScreen)
        view = app.screen.query_one(QuestionView)
        assert view.question.id == wrong_one
        assert "Opfrisvraag uit: Hervatten na een storing" in str(view.query_one(".label").render())

        await answer(pilot, right_response(view.question))
        assert view.locked and "✓ Goed" in str(view.feedback.render())
        status = str(app.screen.query_one("#refresh-status").render())
        assert "Deze vraag komt over 2 dagen terug. Dit was de laatste" in status
        (kept,) = store.refresh_reviews("hervatten")
        assert kept.question_id == wrong_one and kept.rating == refresh.GOOD
        await pilot.press("n")
        await pilot.pause()
        assert "Je hebt 1 vraag opgefrist" in str(app.screen.query_one(".refresh-done").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not any("op te frissen" in line for line in home_lines(app))

        clock.iso = later(30)  # a month on, every question is due again
        app.screen.fill()
        await pilot.pause()
        assert "↻ 3 vragen om op te frissen" in home_lines(app)[0]
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, RefreshScreen)
        first = app.screen.query_one(QuestionView).question
        await answer(pilot, wrong_response(first))
        status = str(app.screen.query_one("#refresh-status").render())
        assert "Deze vraag komt morgen terug" in status
        assert store.refresh_reviews("hervatten")[-1].rating == refresh.AGAIN
        assert store.refresh_due_count(refresh.timestamp(refresh.moment(later(30)))) == 2


async def test_nothing_is_offered_before_a_toets_is_passed(store):
    clock = Clock(PASSED)
    app = make_app(Catalog.load([HERVATTEN]), store, resume=False, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await home_ready(pilot)
        clock.iso = later(60)
        app.screen.fill()
        await pilot.pause()
        assert not any("op te frissen" in line for line in home_lines(app))
        assert store.refresh_modules() == set()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
