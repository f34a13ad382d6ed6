"""A learner takes whole modules by keyboard alone, through the real app (App.run_test)."""

from __future__ import annotations

from tui_paths import FIXTURES, KENNISMAKEN
from tui_driving import keys_for, right_response, wrong_response

from rich.markdown import Markdown
from textual.widgets import OptionList, Static

from engine.model import KINDS
from engine.progress import Status
from leermodules.tui.screens.assessment import AssessmentScreen
from leermodules.tui.screens.assessment_intro import AssessmentIntroScreen
from leermodules.tui.screens.dialogs import ConfirmScreen
from leermodules.tui.screens.home import HomeScreen
from leermodules.tui.screens.module import ModuleScreen
from leermodules.tui.screens.page import PageScreen
from leermodules.tui.screens.results import ResultsScreen
from leermodules.tui.widgets.feedback import FeedbackPanel
from leermodules.tui.widgets.question import QuestionView
from leermodules.tui.widgets.scenario import ScenarioQuestionView

SIZE = (80, 24)


def screen_text(app) -> str:
    """Everything the current screen shows, scrolled or not (text only)."""
    parts = []
    for widget in app.screen.query("*"):
        if not widget.display:
            continue
        if isinstance(widget, OptionList):
            parts.extend(str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count))
        elif isinstance(widget, Static):
            content = widget.content
            parts.append(content.markup if isinstance(content, Markdown) else str(widget.visual))
    return "\n".join(parts)


def feedback_of(view: QuestionView) -> str:
    return str(view.query_one(FeedbackPanel).visual)


async def focus_answer_by_tab(pilot, view: QuestionView) -> None:
    """Press tab until the view's answer widget has focus, as a keyboard user would."""
    for _ in range(40):
        if pilot.app.focused is view.answer_widget():
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached {view.question.id}")


async def answer(pilot, view: QuestionView, response) -> None:
    await focus_answer_by_tab(pilot, view)
    await pilot.press(*keys_for(view, response))
    await pilot.pause()


async def open_module(pilot, title_fragment: str) -> None:
    app = pilot.app
    assert isinstance(app.screen, HomeScreen)
    for _ in range(len(app.catalog.available)):
        option_list = app.screen.query_one("#modules")
        if title_fragment in str(option_list.get_option_at_index(option_list.highlighted).prompt):
            break
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ModuleScreen)


async def work_through_pages(pilot, choose) -> list[str]:
    """From the module screen: open the first page, answer every practice question with
    `choose(question)`, press n after each page. Returns the kinds answered."""
    app = pilot.app
    await pilot.press("enter")
    await pilot.pause()
    kinds = []
    while isinstance(app.screen, PageScreen):
        screen = app.screen
        for view in list(screen.query(QuestionView)):
            await answer(pilot, view, choose(view.question))
            session = app.session(screen.module.id)
            assert view.question.id in session.progress.practice, view.question.id
            text = feedback_of(view)
            if not isinstance(view, ScenarioQuestionView) or view.ended():
                assert any(mark in text for mark in ("✓", "✗", "◐")), (view.question.id, text)
            kinds.append(view.question.kind)
        await pilot.press("n")
        await pilot.pause()
    return kinds


async def take_assessment(pilot, choose) -> list[str]:
    app = pilot.app
    assert isinstance(app.screen, AssessmentIntroScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, AssessmentScreen)
    kinds = []
    total = len(app.screen.attempt.questions)
    for position in range(total):
        view = app.screen.query_one(QuestionView)
        assert view.question.id == app.screen.attempt.questions[position]
        await answer(pilot, view, choose(view.question))
        assert view.question.id in app.screen.attempt.answers
        kinds.append(view.question.kind)
        if position < total - 1:
            await pilot.press("n")
            await pilot.pause()
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, ConfirmScreen)
    await pilot.press("j")
    await pilot.pause()
    assert isinstance(app.screen, ResultsScreen)
    return kinds


async def test_all_correct_passes_and_every_kind_is_answered(app_for):
    app = app_for(KENNISMAKEN)
    async with app.run_test(size=SIZE) as pilot:
        await open_module(pilot, "Kennismaken")
        practice_kinds = await work_through_pages(pilot, right_response)
        practice = app.session("kennismaken").progress.practice
        assert set(practice) == {q.id for p in app.catalog.module("kennismaken").pages for q in p.questions}
        assessment_kinds = await take_assessment(pilot, right_response)
        text = screen_text(app)
        assert "✓ Geslaagd" in text
        assert "100%" in text
        session = app.session("kennismaken")
        assert session.status is Status.PASSED
        assert session.best_score == 100
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "✓ Geslaagd" in screen_text(app)
    assert set(practice_kinds) | set(assessment_kinds) == set(KINDS)


async def test_all_wrong_fails_with_a_review_of_every_answer(app_for):
    app = app_for(KENNISMAKEN, seed=99)
    async with app.run_test(size=SIZE) as pilot:
        await open_module(pilot, "Kennismaken")
        await work_through_pages(pilot, wrong_response)
        await take_assessment(pilot, wrong_response)
        session = app.session("kennismaken")
        text = screen_text(app)
        assert "✗ Niet geslaagd" in text
        assert session.status is Status.FAILED
        assert session.best_score is not None and session.best_score < 60
        attempt = session.progress.attempts[-1]
        for question_id in attempt.questions:
            question = session.module.question(question_id)
            assert question.prompt.split("\n")[0][:30] in text
        assert text.count("Jouw antwoord:") == len(attempt.questions)
        assert "Het goede antwoord:" in text
        assert "Opnieuw" in text or "opnieuw" in text  # two attempts are left
        # retry: a new attempt, drawn again
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen)
        assert len(session.progress.attempts) == 2


async def test_after_submit_shows_nothing_until_handed_in_and_limits_attempts(app_for):
    app = app_for(FIXTURES / "na-inleveren.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await open_module(pilot, "Inleveren")
        await pilot.press("v")  # the module has one page; continue lands on it
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentIntroScreen)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        view = screen.query_one(QuestionView)
        while isinstance(view, ScenarioQuestionView):  # a case is taken once; see test_toets_rules
            await pilot.press("n")
            await pilot.pause()
            view = screen.query_one(QuestionView)
        await answer(pilot, view, right_response(view.question))
        feedback = feedback_of(view)
        assert "bewaard" in feedback and "Goed" not in feedback and "Niet goed" not in feedback
        # the answer can still be changed before handing in
        await answer(pilot, view, wrong_response(view.question))
        assert screen.attempt.answers[view.question.id] == wrong_response(view.question)
        await pilot.press("i")
        await pilot.pause()
        assert "nog niet beantwoord" in screen_text(app)  # the other question is still open
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "Je hebt geen pogingen meer over." in text
        await pilot.press("r")  # no attempts left: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert len(app.session("na-inleveren").progress.attempts) == 1


async def test_a_trainers_edit_shows_up_and_a_broken_edit_keeps_the_last_good_version(store, tmp_path):
    import shutil

    from leermodules.tui.app import make_app
    from leermodules.tui.catalog import Catalog

    path = tmp_path / "hervatten.yaml"
    shutil.copy(FIXTURES / "hervatten.yaml", path)
    app = make_app(Catalog.load([path]), store, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # module screen
        await pilot.pause()
        original = path.read_text()
        path.write_text(original.replace("title: Begin", "title: Het begin"))
        app.file_watcher.check()
        await pilot.pause()
        assert "1. Het begin" in screen_text(app)
        path.write_text(original.replace("kind: single", "kind: enkel", 1))
        app.file_watcher.check()
        await pilot.pause()
        assert "1. Het begin" in screen_text(app)  # still the last good version
        assert any("fouten" in n.title and "enkel" in str(n.message) for n in app._notifications)


async def test_theme_choice_is_kept_for_the_next_start(app_for):
    async with app_for(FIXTURES / "hervatten.yaml").run_test(size=SIZE) as pilot:
        assert pilot.app.theme == "textual-dark"
        await pilot.press("t")
        assert pilot.app.theme == "textual-light"
    async with app_for(FIXTURES / "hervatten.yaml").run_test(size=SIZE) as pilot:
        assert pilot.app.theme == "textual-light"
