"""Located problems in a trainer's file, and the error that carries them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a look) in a module file, at a 1-based line and column."""

    file: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: "
        if self.severity == "warning":
            text += "waarschuwing: "
        text += self.message
        if self.hint:
            text += f"; {self.hint}"
        return text

    def relative_to(self, base: Path) -> Problem:
        """The same problem with its file shown relative to `base` where it lies below it."""
        try:
            shown = str(Path(self.file).resolve().relative_to(base.resolve()))
        except ValueError:
            return self
        return Problem(shown, self.line, self.column, self.message, self.hint, self.severity)


class ModuleInvalid(Exception):
    """A module file could not be loaded; `problems` says every reason, located."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column))
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]
