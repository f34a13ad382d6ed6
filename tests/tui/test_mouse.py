"""Every question kind can be answered with the mouse (typing aside, for text answers)."""

from __future__ import annotations

from tui_paths import FIXTURES
from tui_driving import right_response

from engine.grading import grade
from engine.model import (
    LikertQuestion,
    MatchQuestion,
    MultipleQuestion,
    OrderQuestion,
    ReflectionQuestion,
    ScenarioQuestion,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from leermodules.tui.screens.page import PageScreen
from leermodules.tui.widgets.choices import ChoiceList, ChoiceRow
from leermodules.tui.widgets.match import MatchLine, MatchOption
from leermodules.tui.widgets.order import OrderArrow, OrderRow
from leermodules.tui.widgets.question import QuestionView

ALL_KINDS = FIXTURES / "alle-soorten" / "module.yaml"


async def click(pilot, widget) -> None:
    widget.scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    assert await pilot.click(widget), f"could not click {widget!r}"
    await pilot.pause()


async def choose_rows(pilot, view: QuestionView, display_indexes) -> None:
    choice_list = view.query(ChoiceList).last()
    rows = list(choice_list.query(ChoiceRow))
    for index in display_indexes:
        await click(pilot, rows[index])


async def press_button(pilot, view: QuestionView) -> None:
    await click(pilot, view.query_one(".confirm"))


async def answer_by_mouse(pilot, view: QuestionView) -> None:
    q, order, want = view.question, view.order, right_response(view.question)
    match q:
        case SingleQuestion():
            await choose_rows(pilot, view, [order.index(want)])
            await press_button(pilot, view)
        case MultipleQuestion():
            await choose_rows(pilot, view, [order.index(i) for i in want])
            await press_button(pilot, view)
        case TrueFalseQuestion():
            await choose_rows(pilot, view, [0 if want else 1])
            await press_button(pilot, view)
        case LikertQuestion():
            await choose_rows(pilot, view, [want])
            await press_button(pilot, view)
        case OrderQuestion():
            order_list = view.answer_widget()
            for target, item in enumerate(want):
                while (slot := order_list.arrangement.index(item)) > target:
                    row = next(r for r in order_list.query(OrderRow) if r.slot == slot)
                    await click(pilot, next(a for a in row.query(OrderArrow) if a.delta == -1))
            await press_button(pilot, view)
        case MatchQuestion():
            table = view.answer_widget()
            lines = list(table.query(MatchLine))
            options = list(table.query(MatchOption))
            for line, answer in enumerate(want):
                await click(pilot, lines[line])
                await click(pilot, options[order.index(answer)])
            await press_button(pilot, view)
        case TextQuestion() | ReflectionQuestion():
            await click(pilot, view.answer_widget())
            await pilot.press(*want)
            await press_button(pilot, view)
        case ScenarioQuestion():
            for choice in want:
                await choose_rows(pilot, view, [choice])  # a click on a choice takes it
        case _:
            raise AssertionError(q.kind)


async def test_every_kind_answered_with_the_mouse(app_for):
    app = app_for(ALL_KINDS)
    kinds = set()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter", "enter")
        await pilot.pause()
        session = app.session("alle-soorten")
        for page in session.module.pages:
            assert isinstance(app.screen, PageScreen) and app.screen.page.id == page.id
            await pilot.pause()
            for view in list(app.screen.query(QuestionView)):
                await answer_by_mouse(pilot, view)
                kinds.add(view.question.kind)
                response = session.progress.practice.get(view.question.id)
                assert response is not None, view.question.id
                result = grade(view.question, response)
                assert not result.graded or result.correct, (view.question.id, response)
            await pilot.press("n")
            await pilot.pause()
    assert kinds == {"single", "true_false", "multiple", "order", "match", "text", "scenario", "likert", "reflection"}
