"""Text whose wrapped lines hang under the text after a bullet, a mark or a number, not under it:

    ❯ Aanbevolen · LVB herkennen en je
      communicatie afstemmen
    • Je legt uit wat een LVB is, en waarom
      mensen met een LVB vaak worden gemist.

Textual wraps text to the left edge; `Hanging` wraps each line itself, at the width it is drawn
at, and then lets Textual draw the lines as they are. `str()` gives the text as written (tests and
screen readers read that, not the wrapped form).
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

#: What a line's continuation lines hang under: leading spaces, bullets and marks, "1." numbers.
HANG = re.compile(r"^(?: |[❯•·✓✗◐→▶-] |\d+[.)] )*")


def hang_width(line: str) -> int:
    return len(HANG.match(line).group(0))  # type: ignore[union-attr]


class Hanging(Visual):
    def __init__(self, text: Text | Content | str) -> None:
        if isinstance(text, Text):
            text = Content.from_rich_text(text)
        self.content = text if isinstance(text, Content) else Content(text)

    def __str__(self) -> str:
        return str(self.content)

    def lines(self, width: int) -> list[Content]:
        out: list[Content] = []
        for line in self.content.split("\n"):
            indent = hang_width(line.plain)
            if indent >= width // 2 or line.cell_length <= width:
                out.extend(line.wrap(width) if line.cell_length > width else [line])
                continue
            head, rest = line[:indent], line[indent:]
            for number, piece in enumerate(rest.wrap(width - indent)):
                out.append((head if number == 0 else Content(" " * indent)) + piece)
        return out

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        if not width:
            return []
        return Content("\n").join(self.lines(width)).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width)) if width else 0
