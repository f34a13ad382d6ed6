"""A professional's own results as a file they choose to share (for a teamschouw).

The file is JSON, documented in docs/resultaten.md. It holds the name the professional set,
their scan takes (levels per theme) and their module results: nothing else, and nothing leaves
the machine unless they write this file themselves.

Reading a file never raises anything but `ResultsInvalid`, whose `problem` is located
(`file:line:col: what; how to fix it`). Only a regular file of at most MAX_RESULTS_BYTES is read
(a pipe, a device or a folder is refused before anything is read from it), and the JSON is read
strictly: NaN, Infinity, numbers too large for a float or with thousands of digits, wrong types
and levels outside 0..top are refused, so what `engine.team` combines is always finite and sane.
"""

from __future__ import annotations

import json
import math
import os
import stat
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from engine import messages as msg
from engine.diagnostics import Problem

MAX_NAME = 120  # characters of a learner's name (results file, certificate)
FORMAT: Final = "leermodules-resultaten"
FORMAT_VERSION = 1
MAX_RESULTS_BYTES = 5 * 1024 * 1024


class _Record(BaseModel):
    # newer minor additions are ignored; no type is coerced (true is no level) and no NaN/inf is taken
    model_config = ConfigDict(extra="ignore", frozen=True, strict=True, allow_inf_nan=False)


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
    name: str = Field(min_length=1, max_length=MAX_NAME)
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

    raw = _read_regular(path, fail)
    # The fast path: pydantic parses and validates the bytes in one go. Its parser would let NaN and
    # Infinity pass outside the fields, so a file holding those bytes (maybe only in a name) is read
    # the strict way below.
    if b"NaN" not in raw and b"Infinity" not in raw:
        try:
            results = Results.model_validate_json(raw)
            if results.format_version <= FORMAT_VERSION and _out_of_range(results) is None:
                return results
        except ValidationError:
            pass
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise fail(1, 1, msg.not_utf8()) from None
    return _parse(text, fail)


_KINDS = {stat.S_IFDIR: "map", stat.S_IFIFO: "pijp (FIFO)", stat.S_IFCHR: "apparaat", stat.S_IFBLK: "apparaat", stat.S_IFSOCK: "socket"}


def _not_a_file(mode: int) -> tuple[str, str]:
    return msg.results_not_a_file(_KINDS.get(stat.S_IFMT(mode), "bijzonder bestand"))


def _read_regular(path: Path, fail) -> bytes:
    """The bytes of `path` if it is a regular file of at most MAX_RESULTS_BYTES. A pipe is opened
    without blocking and refused before a read, so neither a FIFO nor /dev/zero can hold us up."""
    try:
        if not stat.S_ISREG(mode := os.stat(path).st_mode):
            raise fail(1, 1, _not_a_file(mode))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        try:
            info = os.fstat(fd)  # the file opened, which may have been swapped since the stat
            if not stat.S_ISREG(info.st_mode):
                raise fail(1, 1, _not_a_file(info.st_mode))
            if info.st_size > MAX_RESULTS_BYTES:
                raise fail(1, 1, msg.results_too_large())
            chunks, size = [], 0
            while size <= MAX_RESULTS_BYTES and (chunk := os.read(fd, MAX_RESULTS_BYTES + 1 - size)):
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(fd)
    except OSError as exc:
        raise fail(1, 1, msg.unreadable(exc)) from None
    if size > MAX_RESULTS_BYTES:  # it grew while we read
        raise fail(1, 1, msg.results_too_large())
    return b"".join(chunks)


class _BadNumber:
    """A number in the JSON that no results file holds (NaN, Infinity, too large), kept to locate it."""

    def __init__(self, token: str):
        self.token = token


def _int(token: str) -> int | _BadNumber:
    try:
        return int(token)
    except ValueError:  # more digits than Python converts (4300)
        return _BadNumber(token)


def _float(token: str) -> float | _BadNumber:
    value = float(token)
    return value if math.isfinite(value) else _BadNumber(token)


def _first_bad_number(data) -> tuple[tuple, _BadNumber] | None:
    """The first `_BadNumber` in `data`, with its path (depth first, in file order)."""
    stack: list[tuple[tuple, object]] = [((), data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, _BadNumber):
            return loc, value
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        stack.extend(reversed([((*loc, key), child) for key, child in items]))
    return None


def _out_of_range(results: Results) -> tuple[tuple, tuple[str, str]] | None:
    """Where a scan level lies outside 0..top, and what to say about it."""
    for i, scan in enumerate(results.scans):
        for theme, level in scan.levels.items():
            if level is not None and not 0 <= level <= scan.top:
                return ("scans", i, "levels", theme), msg.results_level_range(level, scan.top)
    return None


def _parse(text: str, fail) -> Results:
    """`text` as Results, read strictly; or a located ResultsInvalid saying why it cannot be."""
    try:
        data = json.loads(text, parse_constant=_BadNumber, parse_int=_int, parse_float=_float)
    except json.JSONDecodeError as exc:
        raise fail(exc.lineno, exc.colno, msg.results_not_json(exc.msg)) from None
    except RecursionError:
        raise fail(1, 1, msg.results_not_json("te diep genest")) from None
    bad = _first_bad_number(data)
    if bad:
        loc, number = bad
        line, column = _locate(text, loc)
        if (line, column) == (1, 1) and (at := text.find(number.token)) >= 0:  # YAML cannot read it either
            line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
        raise fail(line, column, msg.results_bad_number(number.token))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise fail(1, 1, msg.results_wrong_format())
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise fail(*_locate(text, ("format_version",)), msg.results_bad_version(version))
    if version > FORMAT_VERSION:
        raise fail(*_locate(text, ("format_version",)), msg.results_newer(version))
    try:
        results = Results.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        loc = tuple(error["loc"])
        where = ".".join(str(part) for part in loc)
        raise fail(*_locate(text, loc), msg.results_field(where, _detail(error))) from None
    out_of_range = _out_of_range(results)
    if out_of_range:
        raise fail(*_locate(text, out_of_range[0]), out_of_range[1])
    return results


def _detail(error: ErrorDetails) -> str:
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
    from engine.yaml_source import parse

    try:
        return parse(text).locate(path)
    except Exception:  # noqa: BLE001 - SourceError, RecursionError, a number YAML will not convert:
        return 1, 1  # only the position is lost, the message is already known


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
