"""An option list that marks the highlighted line with ❯ as well as with colour, so the learner
sees where they are on any terminal, also without colours. When a screen has several such lists,
only the one with focus shows its mark (the home screen: the advice and the modules). A line that
wraps hangs under its text, not under the mark (`Hanging`)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from leermodules.tui.widgets.hanging import Hanging

MARK, NO_MARK = "❯ ", "  "


def _prefixed(prompt: Text, first: str) -> Hanging:
    lines = prompt.split("\n")
    out = Text()
    for number, line in enumerate(lines):
        if number:
            out.append("\n")
        out.append(first if number == 0 else NO_MARK, style="bold" if first == MARK and number == 0 else "")
        out.append_text(line)
    return Hanging(out)


class MarkedOptionList(OptionList):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._prompts: list[Text] = []

    def clear_options(self):
        self._prompts = []
        return super().clear_options()

    def add_marked(self, prompt: Text, *, id: str | None = None, disabled: bool = False) -> None:
        self._prompts.append(prompt)
        self.add_option(Option(_prefixed(prompt, NO_MARK), id=id, disabled=disabled))

    def _marked(self) -> bool:
        """False while another marked list on this screen has the focus."""
        focused = self.screen.focused if self.is_attached else None
        return not isinstance(focused, MarkedOptionList) or focused is self

    def on_focus(self) -> None:
        for other in self.screen.query(MarkedOptionList):
            if other is not self:
                other.watch_highlighted(other.highlighted)
        self.watch_highlighted(self.highlighted)

    def watch_highlighted(self, highlighted: int | None) -> None:
        marked = self._marked()
        for index, prompt in enumerate(self._prompts):
            wanted = MARK if index == highlighted and marked else NO_MARK
            current = str(self.get_option_at_index(index).prompt)
            if not current.startswith(wanted):
                self.replace_option_prompt_at_index(index, _prefixed(prompt, wanted))
        super().watch_highlighted(highlighted)
