"""A professional's own results as a file they choose to share (for a teamschouw).

The file is JSON, documented in docs/resultaten.md. It holds the name the professional set,
their scan takes (levels per theme) and their module results: nothing else, and nothing leaves
the machine unless they write this file themselves.

Reading a file never raises anything but `ResultsInvalid`, whose `problem` is located
(`file:line:col: what; how to fix it`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from engine import messages as msg
from engine.diagnostics import Problem

FORMAT = "leermodules-resultaten"
FORMAT_VERSION = 1
MAX_RESULTS_BYTES = 5 * 1024 * 1024


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)  # newer minor additions are ignored


class ScanRecord(_Record):
    taken_at: str = Field(description="Wanneer de scan is ingevuld (ISO 8601).")
    scan_version: str
    top: int = Field(ge=1, le=10, description="Het hoogste niveau van de schaal (4 bij vijf woorden).")
    levels: dict[str, float | None] = Field(description="Niveau per thema-id; null = niet ingevuld.")


class ModuleRecord(_Record):
    id: str
    title: str
    version: str
    theme: str | None = None
    status: Literal["not_started", "incomplete", "passed", "failed", "completed"]
    best_score: float | None = Field(default=None, ge=0, le=100)
    attempts: int = Field(default=0, ge=0)


class Results(_Record):
    format: Literal["leermodules-resultaten"]
    format_version: int
    name: str = Field(min_length=1, max_length=120)
    exported_at: str
    themes: dict[str, str] = Field(default_factory=dict, description="Titel per thema-id.")
    scans: list[ScanRecord] = Field(default_factory=list)
    modules: list[ModuleRecord] = Field(default_factory=list)

    @property
    def latest_scan(self) -> ScanRecord | None:
        return max(self.scans, key=lambda s: s.taken_at) if self.scans else None


class ResultsInvalid(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def to_json(results: Results) -> str:
    return json.dumps(results.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def read_results(path: Path | str) -> Results:
    path = Path(path)
    shown = str(path)

    def fail(line: int, column: int, message: tuple[str, str]) -> ResultsInvalid:
        return ResultsInvalid(Problem(shown, line, column, *message))

    try:
        if path.stat().st_size > MAX_RESULTS_BYTES:
            raise fail(1, 1, msg.results_too_large())
        raw = path.read_bytes()
    except OSError as exc:
        raise fail(1, 1, msg.unreadable(exc)) from None
    try:  # the fast path: pydantic parses and validates the bytes in one go
        results = Results.model_validate_json(raw)
        if results.format_version <= FORMAT_VERSION:
            return results
    except ValidationError:
        pass
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise fail(1, 1, msg.not_utf8()) from None
    raise _explain(text, fail)


def _explain(text: str, fail) -> ResultsInvalid:
    """Why `text` is not a results file we can read, located."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return fail(exc.lineno, exc.colno, msg.results_not_json(exc.msg))
    except RecursionError:
        return fail(1, 1, msg.results_not_json("te diep genest"))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return fail(1, 1, msg.results_wrong_format())
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return fail(*_locate(text, ("format_version",)), msg.results_bad_version(version))
    if version > FORMAT_VERSION:
        return fail(*_locate(text, ("format_version",)), msg.results_newer(version))
    try:
        Results.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        loc = tuple(error["loc"])
        where = ".".join(str(part) for part in loc)
        return fail(*_locate(text, loc), msg.results_field(where, _detail(error)))
    return fail(1, 1, msg.results_wrong_format())  # pragma: no cover - the fast path accepted nothing else


def _detail(error: dict) -> str:
    """pydantic's complaint, in the Dutch of engine.messages."""
    kind, value = error["type"], error.get("input")
    if kind == "missing":
        return msg.missing_key(str(error["loc"][-1]))[0]
    if kind in ("float_type", "float_parsing", "int_type", "int_parsing", "int_from_float"):
        return msg.expected_number(value)[0]
    if kind == "string_type":
        return msg.expected_text(value)[0]
    if kind in ("list_type", "dict_type", "model_type"):
        return msg.expected_list(value)[0] if kind == "list_type" else msg.expected_mapping(value)[0]
    if kind == "literal_error":
        return f"'{value}' is geen geldige keuze"
    if kind.startswith(("greater", "less", "too_", "string_too")):
        return f"{value!r} valt buiten de grenzen"
    return kind


def _locate(text: str, path: tuple) -> tuple[int, int]:
    """Line and column of `path` in JSON `text` (JSON is YAML, whose composer keeps positions)."""
    from engine.yaml_source import SourceError, parse

    try:
        return parse(text).locate(path)
    except (SourceError, RecursionError):
        return 1, 1


def build_results(
    name: str,
    exported_at: str,
    scan_themes: dict[str, str],
    scans: list[ScanRecord],
    modules: list[ModuleRecord],
) -> Results:
    """The results file's content, from what the professional's own store holds."""
    return Results(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        name=name,
        exported_at=exported_at,
        themes=scan_themes,
        scans=scans,
        modules=modules,
    )
