"""An option list that marks the highlighted line with ❯ as well as with colour, so the learner
sees where they are on any terminal, also without colours."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

MARK, NO_MARK = "❯ ", "  "


def _prefixed(prompt: Text, first: str) -> Text:
    lines = prompt.split("\n")
    out = Text()
    for number, line in enumerate(lines):
        if number:
            out.append("\n")
        out.append(first if number == 0 else NO_MARK, style="bold" if first == MARK and number == 0 else "")
        out.append_text(line)
    return out


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

    def watch_highlighted(self, highlighted: int | None) -> None:
        for index, prompt in enumerate(self._prompts):
            wanted = MARK if index == highlighted else NO_MARK
            current = str(self.get_option_at_index(index).prompt)
            if not current.startswith(wanted):
                self.replace_option_prompt_at_index(index, _prefixed(prompt, wanted))
        super().watch_highlighted(highlighted)
