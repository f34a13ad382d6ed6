"""A stand-in module built from the parts of a file that are valid on their own.

When pydantic rejects a module, the checks beyond types (unique ids, references, scenario graphs,
media, the assessment's draw) would otherwise wait until every type error is fixed, and a trainer
would fix the file in two rounds. `salvage` validates objectives, pages and questions one by one
and puts a *stand-in* where a part is invalid, so the checks can run on everything else.

A stand-in keeps only the real `id` and `objective` of the part it replaces (when those are valid),
and a page stand-in keeps its questions (each salvaged on its own), so duplicate ids, dangling
objectives and broken scenarios elsewhere are still found. `Salvaged.keeps` then filters the
findings: nothing about the rest of a stand-in, nothing about a node that holds a type error
(e.g. 'no correct answer' when an option's `correct` is not true/false), no dangling objective when
an objective's own id is broken (the question may point to the broken one), and no warnings while
anything had to be stood in for (they come in the next run).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from engine.checks import Finding
from engine.model import KINDS, SLUG_PATTERN, Assessment, Module, Objective, Page, Question, TrueFalseQuestion

Path_ = tuple[str | int, ...]

_question = TypeAdapter(Question)
_slug = re.compile(SLUG_PATTERN)
#: Stand-in ids never meet a trainer's: they are not valid slugs, and stand-ins are never reported on.
_STAND_IN_ID = "stand-in:"
#: The parts salvaged one by one; everything else in a module is a setting.
_PARTS = ("objectives", "pages", "assessment")
_MINIMAL_PAGE = {"id": "stand-in", "title": "-"}
_REQUIRED_STAND_INS = {"id": "stand-in", "title": "-", "summary": "-", "version": "0.0.0", "minutes": 1, "pages": [_MINIMAL_PAGE]}


@dataclass
class Salvaged:
    module: Module
    keeps: Callable[[Finding], bool]


def salvage(data: Any, errors: list[ErrorDetails]) -> Salvaged | None:
    """The valid parts of `data` as a module, or None when that cannot be trusted: its outline
    (the objectives or pages list itself) is broken, or another list of the module holds an error."""
    if not isinstance(data, dict):
        return None
    objectives, pages = data.get("objectives", []), data.get("pages", [])
    if not isinstance(objectives, list) or not isinstance(pages, list):
        return None
    error_paths = [document_path(tuple(e["loc"])) for e in errors]
    if any(len(p) > 1 and p[0] not in _PARTS for p in error_paths):
        return None
    shell = _shell(data, {p[0] for p in error_paths if p})
    if shell is None:
        return None
    builder = _Builder()
    module = shell.model_copy(
        update={
            "objectives": [builder.objective(item, ("objectives", i)) for i, item in enumerate(objectives)],
            "pages": [builder.page(item, ("pages", i)) for i, item in enumerate(pages)],
            "assessment": builder.assessment(data.get("assessment")),
        }
    )
    broken_objective_ids = any(p[:1] == ("objectives",) and p[2:3] in ((), ("id",)) for p in error_paths)

    def keeps(finding: Finding) -> bool:
        path = finding.path
        if any(_related(path, bad) for bad in error_paths):
            return False
        if broken_objective_ids and path[-1:] == ("objective",):
            return False
        if builder.stand_ins and finding.severity == "warning":  # left for the next run
            return False
        for stand_in, real in builder.stand_ins.items():
            rest = path[len(stand_in) :]
            if path[: len(stand_in)] == stand_in and not (rest[:1] in real and (len(rest) == 1 or rest[0] == "questions")):
                return False
        return True

    return Salvaged(module, keeps)


def _shell(data: dict, broken: set) -> Module | None:
    """The module's own settings (id, title, ...) where valid, stand-ins where not; no parts yet."""
    fields = {k: v for k, v in data.items() if k in Module.model_fields and k not in broken and k not in _PARTS}
    for key, value in _REQUIRED_STAND_INS.items():
        fields.setdefault(key, value)
    try:
        return Module.model_validate(fields)
    except ValidationError:  # a required setting this module does not know how to stand in for
        return None


def document_path(loc: Path_) -> Path_:
    """A pydantic error location as a path in the document: without the question's `kind` tag,
    which pydantic puts after the index of a question in a tagged union."""
    return tuple(
        part
        for i, part in enumerate(loc)
        if not (part in KINDS and i >= 2 and isinstance(loc[i - 1], int) and loc[i - 2] == "questions")
    )


def _related(a: Path_, b: Path_) -> bool:
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def _slug_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and len(value) <= 64 and _slug.match(value) else None


class _Builder:
    def __init__(self) -> None:
        #: where a stand-in was put, and which of its parts are real (checked on their own)
        self.stand_ins: dict[Path_, set[tuple]] = {}

    def _stand_in_id(self, item: Any) -> str:
        real = _slug_or_none(item.get("id")) if isinstance(item, dict) else None
        return real or f"{_STAND_IN_ID}{len(self.stand_ins)}"

    def objective(self, item: Any, path: Path_) -> Objective:
        try:
            return Objective.model_validate(item)
        except ValidationError:
            ident = self._stand_in_id(item)
            self.stand_ins[path] = {("id",)}
            return Objective.model_construct(id=ident, text="-")

    def question(self, item: Any, path: Path_):
        try:
            return _question.validate_python(item)
        except ValidationError:
            ident = self._stand_in_id(item)
            objective = _slug_or_none(item.get("objective")) if isinstance(item, dict) else None
            self.stand_ins[path] = {("id",), ("objective",)}
            return TrueFalseQuestion.model_construct(
                id=ident, kind="true_false", prompt="-", objective=objective, answer=True, explanation="-"
            )

    def questions(self, items: Any, path: Path_) -> list:
        if not isinstance(items, list):
            return []
        return [self.question(item, (*path, i)) for i, item in enumerate(items)]

    def page(self, item: Any, path: Path_) -> Page:
        questions = self.questions(item.get("questions", []) if isinstance(item, dict) else [], (*path, "questions"))
        try:
            fields = {k: v for k, v in item.items() if k != "questions"}
            base = Page.model_validate(fields)
        except (ValidationError, AttributeError):
            ident = self._stand_in_id(item)
            self.stand_ins[path] = {("id",), ("questions",)}
            return Page.model_construct(id=ident, title="-", body=None, media=[], questions=questions)
        return base.model_copy(update={"questions": questions})

    def assessment(self, item: Any) -> Assessment | None:
        if not isinstance(item, dict):
            return None
        path: Path_ = ("assessment",)
        if not isinstance(item.get("questions"), list):  # without its pool, no check on it holds
            return None
        questions = self.questions(item["questions"], (*path, "questions"))
        fields = {k: v for k, v in item.items() if k != "questions"}
        # Settings with a wrong value fall back to their defaults, so 'draw' only counts when valid.
        for _ in range(2):
            try:
                base = Assessment.model_validate({**fields, "questions": [{"id": "x", "kind": "reflection", "prompt": "-"}]})
            except ValidationError as exc:
                for error in exc.errors():
                    if error["loc"]:
                        fields.pop(error["loc"][0], None)
                continue
            return base.model_copy(update={"questions": questions})
        return None
