"""One question on screen: a label, the prompt, the answer widget for its kind, a button for mouse
users, and room for feedback.

A view never grades. It posts `QuestionView.Answered` with the learner's response (in the engine's
format, see `engine.grading`); the screen hands that to the engine and then calls `show_grade`,
`show_saved` or `lock` on the view. A choice made but not confirmed yet posts `QuestionView.Changed`
(for a choice list, a match or an order; typing does not), and `unconfirmed_response` says what is
on screen but not given as the answer, so a screen can keep it or ask before it is left.
"""

from __future__ import annotations

from rich.markdown import Heading as RichHeading
from rich.markdown import Markdown
from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static, TextArea

from engine.grading import Grade, Response, match_answers
from engine.model import (
    LikertQuestion,
    MatchQuestion,
    MultipleQuestion,
    OrderQuestion,
    QuestionModel,
    ReflectionQuestion,
    ScenarioQuestion,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from leermodules.tui import strings as s
from leermodules.tui.widgets.choices import ChoiceList
from leermodules.tui.widgets.feedback import FeedbackPanel
from leermodules.tui.widgets.match import MatchTable
from leermodules.tui.widgets.order import OrderList


class _Heading(RichHeading):
    LEVEL_ALIGN = {**RichHeading.LEVEL_ALIGN, "h1": "left"}  # rich centres h1; a page reads from the left


class _Markdown(Markdown):
    elements = {**Markdown.elements, "heading_open": _Heading}


def markdown(text: str) -> Markdown:
    """Markdown as one renderable: a page or a prompt is one widget, not a widget per block
    (Textual's Markdown widget mounts a widget for every paragraph, which makes pages slow to open)."""
    return _Markdown(text, hyperlinks=False)


body_markdown = markdown


class QuestionView(Vertical):
    DEFAULT_CSS = """
    QuestionView { height: auto; margin: 1 0 0 0; padding: 0 1; border: round $primary 50%; }
    QuestionView:focus-within { border: round $accent; }
    QuestionView > .label { color: $text-muted; text-style: bold; }
    QuestionView > .prompt { margin-bottom: 1; }
    QuestionView > .hint-available { color: $text-muted; text-style: italic; }
    QuestionView > .hint { display: none; text-style: italic; }
    QuestionView > .hint.-shown { display: block; }
    QuestionView > .actions { height: auto; margin-top: 1; }
    QuestionView > .actions > Button { margin-right: 2; min-width: 16; }
    QuestionView > .actions > .help { color: $text-muted; width: 1fr; }
    QuestionView TextArea { height: 7; }
    """

    # h shows the hint; where the learner types, h is a letter, so there it is F2 (see check_action)
    BINDINGS = [
        Binding("h", "hint", s.KEY_HINT, id="question.hint"),
        Binding("f2", "typing_hint", s.KEY_HINT, id="question.typing_hint"),
    ]

    class Answered(Message):
        """The learner gave (or changed) an answer. `complete` is False for a scenario that has
        not reached its end yet."""

        def __init__(self, view: QuestionView, response: Response, complete: bool = True) -> None:
            self.view = view
            self.response = response
            self.complete = complete
            super().__init__()

        @property
        def question_id(self) -> str:
            return self.view.question.id

    class Changed(Message):
        """The learner changed what is chosen, without confirming it (yet)."""

        def __init__(self, view: QuestionView) -> None:
            self.view = view
            super().__init__()

    help_text = ""
    has_button = True
    takes_typing = False  # keys go into a text field while it has focus
    button_label = s.CONFIRM_BUTTON

    def __init__(
        self,
        question: QuestionModel,
        *,
        label: str,
        order: list[int] | None = None,
        response: Response = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=f"kind-{question.kind}")
        self.question = question
        self.label = label
        self.order = order or []
        self.response = response
        self.locked = False

    def compose(self):
        yield Static(Text(self.label), classes="label")
        yield Static(markdown(self.question.prompt), classes="prompt")
        if self.question.hint:
            yield Static(Text(s.HINT_AVAILABLE_TYPING if self.takes_typing else s.HINT_AVAILABLE), classes="hint-available")
            yield Static(Text(s.HINT_PREFIX + self.question.hint), classes="hint")
        yield from self.compose_answer()
        with Horizontal(classes="actions"):
            if self.has_button:
                yield Button(self.button_label, classes="confirm", compact=True)
            if self.help_text:
                yield Static(Text(self.help_text), classes="help")
        yield FeedbackPanel()

    # --- for subclasses ---

    def compose_answer(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def pending(self) -> Response | None:
        """What the answer widget holds now, as a response; None when nothing is chosen."""
        raise NotImplementedError  # pragma: no cover

    def answer_widget(self):
        raise NotImplementedError  # pragma: no cover

    def freeze_answer(self, locked: bool) -> None:
        widget = self.answer_widget()
        widget.freeze(locked)

    def unconfirmed_response(self) -> Response | None:
        """What confirming now would give as the answer, if that is not the answer given
        (`self.response`); None when there is nothing new on screen."""
        if self.locked:
            return None
        response = self.pending()
        return response if response is not None and response != self.response else None

    def completes(self, response: Response) -> bool:
        """Whether `response` is a whole answer (a case is not until its end)."""
        return True

    def _changed(self, message: Message) -> None:
        message.stop()
        self.post_message(self.Changed(self))

    # --- shared behaviour ---

    @property
    def feedback(self) -> FeedbackPanel:
        return self.query_one(FeedbackPanel)

    def focus_answer(self, scroll_visible: bool = True) -> None:
        self.answer_widget().focus(scroll_visible=scroll_visible)

    def focus_on_return(self) -> None:
        """Focus for a learner coming back to this question: into the answer, except for a typed
        answer already given (there the button, so a page key such as n is not typed over it)."""
        if self.takes_typing and self.response is not None and self.has_button:
            self.query_one(".confirm", Button).focus()
        else:
            self.focus_answer()

    def submit(self) -> None:
        if self.locked:
            return
        response = self.pending()
        if response is None:
            self.feedback.show_message(s.NOTHING_CHOSEN)
            return
        self.post_message(self.Answered(self, response))

    def freeze(self, locked: bool = True) -> None:
        self.locked = locked
        self.freeze_answer(locked)
        for button in self.query(Button):
            button.disabled = locked

    def show_grade(self, grade: Grade) -> None:
        self.feedback.show_grade(self.question, grade)
        self._reveal_feedback()

    def show_saved(self) -> None:
        self.feedback.show_message(s.SAVED)
        self._reveal_feedback()

    def _reveal_feedback(self) -> None:
        if self.is_mounted:
            self.call_after_refresh(lambda: self.feedback.scroll_visible(animate=False))

    def action_hint(self) -> None:
        for hint in self.query(".hint"):
            hint.add_class("-shown")
        for note in self.query(".hint-available"):
            note.display = False

    def action_typing_hint(self) -> None:
        self.action_hint()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hint":
            return bool(self.question.hint) and not self.takes_typing
        if action == "typing_hint":
            return bool(self.question.hint) and self.takes_typing
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("confirm"):
            event.stop()
            self.submit()


class ChoiceQuestionView(QuestionView):
    """single, multiple, true/false and likert: a list of choices."""

    def _labels_and_chosen(self) -> tuple[list[str], set[int], bool]:
        q, r = self.question, self.response
        match q:
            case SingleQuestion():
                return [q.options[i].text for i in self.order], ({self.order.index(r)} if r is not None else set()), False
            case MultipleQuestion():
                return [q.options[i].text for i in self.order], {self.order.index(i) for i in (r or [])}, True
            case TrueFalseQuestion():
                return [s.TRUE, s.FALSE], ({0 if r else 1} if r is not None else set()), False
            case LikertQuestion():
                return list(q.scale), ({r} if r is not None else set()), False
        raise TypeError(q.kind)  # pragma: no cover

    def compose_answer(self):
        labels, chosen, multi = self._labels_and_chosen()
        self.help_text = s.CHOICE_HELP_MULTI if multi else s.CHOICE_HELP_SINGLE
        yield ChoiceList(labels, multi=multi, chosen=chosen)

    def answer_widget(self) -> ChoiceList:
        return self.query_one(ChoiceList)

    def pending(self) -> Response | None:
        chosen = sorted(self.answer_widget().chosen)
        match self.question:
            case SingleQuestion():
                return self.order[chosen[0]] if chosen else None
            case MultipleQuestion():
                return sorted(self.order[c] for c in chosen) if chosen else None
            case TrueFalseQuestion():
                return chosen[0] == 0 if chosen else None
            case LikertQuestion():
                return chosen[0] if chosen else None
        return None  # pragma: no cover

    def on_choice_list_confirmed(self, message: ChoiceList.Confirmed) -> None:
        message.stop()
        self.submit()

    def on_choice_list_changed(self, message: ChoiceList.Changed) -> None:
        self._changed(message)


class OrderQuestionView(QuestionView):
    help_text = s.ORDER_HELP

    def compose_answer(self):
        assert isinstance(self.question, OrderQuestion)
        arrangement = self.response if self.response is not None else self.order
        yield OrderList([item.text for item in self.question.items], arrangement)

    def answer_widget(self) -> OrderList:
        return self.query_one(OrderList)

    def pending(self) -> Response | None:
        return list(self.answer_widget().arrangement)

    def on_order_list_confirmed(self, message: OrderList.Confirmed) -> None:
        message.stop()
        self.submit()

    def on_order_list_changed(self, message: OrderList.Changed) -> None:
        self._changed(message)

    def unconfirmed_response(self) -> Response | None:
        if self.response is None and not self.answer_widget().moved:
            return None  # the order as first shown is not an answer until confirmed
        return super().unconfirmed_response()


class MatchQuestionView(QuestionView):
    help_text = s.MATCH_HELP

    def compose_answer(self):
        assert isinstance(self.question, MatchQuestion)
        yield MatchTable([p.left for p in self.question.pairs], match_answers(self.question), self.order, self.response)

    def answer_widget(self) -> MatchTable:
        return self.query_one(MatchTable)

    def pending(self) -> Response | None:
        chosen = self.answer_widget().chosen
        return list(chosen) if any(c >= 0 for c in chosen) else None

    def on_match_table_confirmed(self, message: MatchTable.Confirmed) -> None:
        message.stop()
        self.submit()

    def on_match_table_changed(self, message: MatchTable.Changed) -> None:
        self._changed(message)


class TextQuestionView(QuestionView):
    takes_typing = True
    def compose_answer(self):
        assert isinstance(self.question, TextQuestion)
        field = Input(
            value=self.response or "",
            placeholder=s.TEXT_PLACEHOLDER,
            max_length=self.question.max_length,
        )
        field.cursor_blink = getattr(self.app, "cursor_blink", True)
        yield field

    def answer_widget(self) -> Input:
        return self.query_one(Input)

    def freeze_answer(self, locked: bool) -> None:
        self.answer_widget().disabled = locked

    def pending(self) -> Response | None:
        value = self.answer_widget().value.strip()
        return value or None

    def on_input_submitted(self, message: Input.Submitted) -> None:
        message.stop()
        self.submit()
        if self.pending() is not None:
            self.screen.focus_next()  # leave the field, so page keys (n, p) work again


class ReflectionQuestionView(QuestionView):
    takes_typing = True
    button_label = s.SAVE_BUTTON
    BINDINGS = [Binding("ctrl+s", "save", s.KEY_SAVE, id="reflection.save")]

    def compose_answer(self):
        assert isinstance(self.question, ReflectionQuestion)
        area = TextArea(
            self.response or "",
            soft_wrap=True,
            tab_behavior="focus",
            highlight_cursor_line=False,
            placeholder=s.REFLECTION_PLACEHOLDER,
        )
        area.cursor_blink = getattr(self.app, "cursor_blink", True)
        yield area
        yield Static(self._count(len(self.response or "")), classes="count help")

    def _count(self, used: int) -> Text:
        assert isinstance(self.question, ReflectionQuestion)
        return Text(s.characters_left(used, self.question.max_length))

    def answer_widget(self) -> TextArea:
        return self.query_one(TextArea)

    def freeze_answer(self, locked: bool) -> None:
        self.answer_widget().read_only = locked

    def pending(self) -> Response | None:
        value = self.answer_widget().text.strip()
        return value or None

    def submit(self) -> None:
        assert isinstance(self.question, ReflectionQuestion)
        if len(self.answer_widget().text.strip()) > self.question.max_length:
            self.feedback.show_message(s.characters_left(len(self.answer_widget().text.strip()), self.question.max_length))
            return
        super().submit()

    def on_text_area_changed(self, message: TextArea.Changed) -> None:
        self.query_one(".count", Static).update(self._count(len(message.text_area.text.strip())))

    def action_save(self) -> None:
        self.submit()
        if self.pending() is not None:
            self.screen.focus_next()  # leave the text, so page keys (n, p) work again


def question_view(
    question: QuestionModel, *, label: str, order: list[int], response: Response = None, id: str | None = None
) -> QuestionView:
    """The view for `question`'s kind."""
    from leermodules.tui.widgets.scenario import ScenarioQuestionView

    cls: type[QuestionView]
    match question:
        case SingleQuestion() | MultipleQuestion() | TrueFalseQuestion() | LikertQuestion():
            cls = ChoiceQuestionView
        case OrderQuestion():
            cls = OrderQuestionView
        case MatchQuestion():
            cls = MatchQuestionView
        case TextQuestion():
            cls = TextQuestionView
        case ReflectionQuestion():
            cls = ReflectionQuestionView
        case ScenarioQuestion():
            cls = ScenarioQuestionView
        case _:  # pragma: no cover
            raise TypeError(question.kind)
    return cls(question, label=label, order=order, response=response, id=id)
