"""A branching case: the learner reads a step, chooses, sees what that choice leads to, and goes on
until the case ends. Every choice is posted at once (as the path so far), so a case interrupted
halfway continues at the same step.

As practice a case can be done again (`r`). In the assessment it is taken once (`take_once`): no
restart, and with feedback after handing in the consequences stay hidden until the results.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from engine.grading import Grade, Response
from engine.model import ScenarioQuestion
from engine.scenario import walk
from leermodules.tui import strings as s
from leermodules.tui.widgets.choices import ChoiceList
from leermodules.tui.widgets.question import QuestionView, markdown


class ScenarioEnd(Static, can_focus=True):
    """The end of the case; focusable, so `r` (start again) works from here."""


class ScenarioQuestionView(QuestionView):
    DEFAULT_CSS = """
    ScenarioQuestionView .story { height: auto; }
    ScenarioQuestionView .step { margin-top: 1; }
    ScenarioQuestionView .step.first { margin-top: 0; }
    ScenarioQuestionView ScenarioEnd:focus { background: $accent 30%; }
    ScenarioQuestionView .taken { color: $text-muted; }
    ScenarioQuestionView .consequence { padding-left: 2; border-left: thick $accent 50%; }
    ScenarioQuestionView .end { margin-top: 1; text-style: bold; }
    """

    BINDINGS = [Binding("r", "restart", s.KEY_RESTART, id="scenario.restart")]
    has_button = False
    help_text = s.CHOICE_HELP_SINGLE
    restartable = True
    show_consequences = True

    def __init__(self, question, **kwargs) -> None:
        super().__init__(question, **kwargs)
        self.path: list[int] = list(self.response or [])

    def take_once(self, *, consequences: bool) -> None:
        """For the assessment: no restart; the consequence of each choice only if `consequences`.
        Call before the view is mounted."""
        self.restartable = False
        self.show_consequences = consequences

    @property
    def scenario(self) -> ScenarioQuestion:
        assert isinstance(self.question, ScenarioQuestion)
        return self.question

    def ended(self) -> bool:
        return walk(self.scenario, self.path)[2]

    def compose_answer(self):
        yield Vertical(*self._story(), classes="story")

    def _story(self) -> list:
        steps = {step.id: step for step in self.scenario.steps}
        visited, _, ended = walk(self.scenario, self.path)
        parts: list = []
        for position, step_id in enumerate(visited):
            step = steps[step_id]
            parts.append(Static(markdown(step.text), classes="step first" if position == 0 else "step"))
            if position < len(self.path) and self.path[position] < len(step.choices):
                choice = step.choices[self.path[position]]
                parts.append(Static(Text(s.SCENARIO_YOUR_CHOICE + choice.text), classes="taken"))
                if choice.feedback and self.show_consequences:
                    parts.append(Static(Text(s.SCENARIO_CONSEQUENCE + choice.feedback), classes="consequence"))
            elif not ended:
                parts.append(ChoiceList([c.text for c in step.choices], confirm_on_click=True))
        if ended:
            parts.append(ScenarioEnd(Text(self._end_text()), classes="end"))
        return parts

    def _end_text(self) -> str:
        return s.SCENARIO_END + (f" {s.SCENARIO_RESTART_HINT}" if self.restartable and not self.locked else "")

    async def _retell(self, focus: bool) -> None:
        """The whole case anew (a restart)."""
        story = self.query_one(".story", Vertical)
        await story.remove_children()
        await story.mount(*self._story())
        self._show_help()
        if focus:
            self.focus_answer()

    async def _go_on(self) -> None:
        """After a choice: the open choices become the choice taken, and the next step (or the end)
        is added below. What was read stays in place, so nothing blanks or jumps; the new step is
        scrolled into view with its choices below it where they fit."""
        story = self.query_one(".story", Vertical)
        children = list(story.children)
        open_at = next((i for i, child in enumerate(children) if isinstance(child, ChoiceList)), len(children))
        added = self._story()[open_at:]
        if open_at < len(children):
            await children[open_at].remove()
        await story.mount(*added)
        self._show_help()
        answer = self.answer_widget()
        answer.focus(scroll_visible=False)
        new_step = next((part for part in added if part.has_class("step")), answer)

        def into_view() -> None:
            answer.scroll_visible(animate=False)
            new_step.scroll_visible(animate=False)  # the text wins when both do not fit

        self.call_after_refresh(into_view)

    def _show_help(self) -> None:
        for help_line in self.query(".actions"):
            help_line.display = not self.ended()

    def answer_widget(self):
        lists = self.query(ChoiceList)
        return lists.last() if lists else self.query_one(ScenarioEnd)

    def focus_answer(self, scroll_visible: bool = True) -> None:
        self.answer_widget().focus(scroll_visible=scroll_visible)

    def on_mount(self) -> None:
        self._show_help()

    def freeze_answer(self, locked: bool) -> None:
        for choice_list in self.query(ChoiceList):
            choice_list.freeze(locked)
        for end in self.query(ScenarioEnd):
            end.update(Text(self._end_text()))

    def pending(self) -> Response | None:
        return list(self.path)

    def unconfirmed_response(self) -> Response | None:
        """The path with the choice made but not confirmed in the current step, if any."""
        lists = self.query(ChoiceList)
        if self.locked or self.ended() or not lists or not lists.last().chosen:
            return None
        return [*self.path, min(lists.last().chosen)]

    def completes(self, response: Response) -> bool:
        return walk(self.scenario, response)[2]

    async def on_choice_list_confirmed(self, message: ChoiceList.Confirmed) -> None:
        message.stop()
        if self.locked or not message.chosen:
            return
        self.path.append(message.chosen[0])
        ended = self.ended()
        await self._go_on()
        self.post_message(self.Answered(self, list(self.path), complete=ended))

    def show_grade(self, grade: Grade) -> None:
        # the consequences are already in the story; the verdict, best path and explanation are not
        self.feedback.show_grade(self.question, grade, include_feedback=False)
        self._reveal_feedback()

    async def action_restart(self) -> None:
        if self.locked or not self.path or not self.restartable:
            return
        self.path = []
        self.feedback.clear()
        await self._retell(focus=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "restart":
            return self.restartable and bool(self.path) and not self.locked
        return super().check_action(action, parameters)
