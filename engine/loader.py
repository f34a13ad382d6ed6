"""Load a trainer's module file into the model, or say precisely what is wrong with it.

``load_module(path)`` returns a `Module` or raises `ModuleInvalid` with every problem in the file,
each located at ``file:line:column``. ``check_module`` returns both the module (if valid) and the
problems, warnings included. Nothing here raises anything else for bad input.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from engine import checks
from engine import messages as msg
from engine.diagnostics import ModuleInvalid, Problem, Severity
from engine.model import Module
from engine.salvage import salvage
from engine.yaml_source import Document, SourceError, gc_paused, parse, read_text

MODULE_SUFFIXES = (".yaml", ".yml")


@dataclass
class LoadResult:
    path: Path
    module: Module | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.module is not None and not any(p.severity == "error" for p in self.problems)


def check_module(path: Path | str) -> LoadResult:
    """Read, parse, validate and check one module file. Never raises for bad input."""
    with gc_paused():
        return _check_module(Path(path))


def _check_module(path: Path) -> LoadResult:
    shown = str(path)
    try:
        document = parse(read_text(path))
    except SourceError as exc:
        return LoadResult(path, None, [_problem(shown, p.line, p.column, p.message, p.hint) for p in exc.problems])
    if not isinstance(document.data, dict):
        kind = msg.type_name(document.data)
        return LoadResult(path, None, [_problem(shown, *document.locate(()), *msg.not_a_module(kind))])
    try:
        module = Module.model_validate(document.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        problems = _pydantic_problems(errors, document, shown)
        data = document.data
        guessed = _with_guessed_kinds(data, errors)
        if guessed is not None:
            # An unknown kind would hide every other error of its question: check the question as
            # the kind the trainer most likely meant, and report those errors too.
            data = guessed
            try:
                module = Module.model_validate(data)
                errors = []
            except ValidationError as again:
                errors = again.errors(include_url=False)
            problems += _pydantic_problems(errors, document, shown)
            if not errors:
                problems += _checked(module, path, document, shown, lambda f: f.severity == "error")
                return LoadResult(path, None, _distinct(problems))
        # The checks beyond types still run on the parts that are valid on their own, so a file
        # with a type error and a dangling reference reports both in one run.
        salvaged = salvage(data, errors)
        if salvaged is not None:
            problems += _checked(salvaged.module, path, document, shown, salvaged.keeps)
        return LoadResult(path, None, _distinct(problems))
    problems = _checked(module, path, document, shown)
    problems.sort(key=lambda p: (p.line, p.column))
    if any(p.severity == "error" for p in problems):
        return LoadResult(path, None, problems)
    return LoadResult(path, module, problems)


def _distinct(problems: list[Problem]) -> list[Problem]:
    """Each problem once, in the order of the file."""
    unique = {(p.line, p.column, p.message): p for p in reversed(problems)}
    return sorted(unique.values(), key=lambda p: (p.line, p.column))


def _with_guessed_kinds(data: Any, errors: list[ErrorDetails]) -> Any | None:
    """A copy of `data` where each question with an unknown `kind` has the kind it most likely
    meant (see `messages.guessed_kind`), or None when no kind is unknown or none can be guessed."""
    guesses = []
    for error in errors:
        if error["type"] == "union_tag_invalid":
            meant = msg.guessed_kind((error.get("ctx") or {}).get("tag", error.get("input")))
            if meant is not None:
                guesses.append((tuple(error["loc"]), meant))
    if not guesses:
        return None
    patched = copy.deepcopy(data)
    for loc, meant in guesses:
        node = patched
        for part in loc:
            node = node[part]
        node["kind"] = meant
    return patched


def _checked(module: Module, path: Path, document: Document, shown: str, keep=None) -> list[Problem]:
    found = checks.check(module, path.parent, document.locate)
    return [
        _problem(
            shown,
            *(document.locate_text(f.path, f.needle) if f.needle else document.locate(f.path, key=f.at_key)),
            f.message,
            f.hint,
            f.severity,
        )
        for f in found
        if keep is None or keep(f)
    ]


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_LONG_QUOTE = re.compile(r"'([^'\n]{61,})'")


def _problem(shown: str, line: int, column: int, message: str, hint: str, severity: Severity = "error") -> Problem:
    """A problem whose text stays on one short line, whatever a trainer's value (echoed in it) holds."""

    def visible(text: str) -> str:
        text = _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)
        return _LONG_QUOTE.sub(lambda m: f"'{m.group(1)[:57]}…'", text)

    return Problem(shown, line, column, visible(message), visible(hint), severity)


def load_module(path: Path | str) -> Module:
    """The module in `path`; raises `ModuleInvalid` listing every error (warnings are ignored)."""
    result = check_module(path)
    if result.module is None:
        raise ModuleInvalid(result.problems)
    return result.module


def find_module_files(path: Path) -> list[Path]:
    """`path` itself if it is a file; otherwise every module file below it, sorted, skipping hidden folders."""
    if path.is_file():
        return [path]
    files = [
        p
        for p in path.rglob("*")
        if p.suffix in MODULE_SUFFIXES and p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
    ]
    return sorted(files)


#: The file `leermodules new` writes, in a folder named after the module.
MODULE_FILE = "module.yaml"
_SCAN_KIND = re.compile(r"(?m)^kind:[ \t]*['\"]?scan['\"]?[ \t]*(?:#.*)?$")


def check_paths(paths: list[Path]) -> list[LoadResult]:
    """Check every module file under `paths`, and what needs more than one module: two modules with
    the same id (an error), a course's theme the ontwikkelscan does not have, and, for modules found
    in a folder of modules (such as content/), a folder not named after its module (warnings)."""
    found = [(p, f) for p in paths for f in find_module_files(p)]
    results = [check_module(f) for _, f in found]
    first_by_id: dict[str, LoadResult] = {}
    for result in results:
        if result.module is None:
            continue
        other = first_by_id.setdefault(result.module.id, result)
        if other is not result:
            line, column = _position(result.path, ("id",))
            result.problems.append(_problem(str(result.path), line, column, *msg.duplicate_module(result.module.id, str(other.path))))
            result.module = None
    for (given, file), result in zip(found, results, strict=True):
        module = result.module
        if module is None or file.name != MODULE_FILE or file.parent == given or file == given:
            continue
        folder = file.resolve().parent.name
        if folder != module.id:
            line, column = _position(file, ("id",))
            result.problems.append(_problem(str(file), line, column, *msg.folder_not_id(folder, module.id), "warning"))
    _check_themes(results)
    for result in results:
        result.problems.sort(key=lambda p: (p.line, p.column))
    return results


def _check_themes(results: list[LoadResult]) -> None:
    """A course whose `theme` the ontwikkelscan lacks is never advised by it: warn. The scan is the
    one among the checked modules, or else one in a folder beside the course's own."""
    courses = [r for r in results if r.module is not None and r.module.kind == "course" and r.module.theme]
    if not courses:
        return
    scans = [r.module for r in results if r.module is not None and r.module.kind == "scan"]
    for result in courses:
        assert result.module is not None and result.module.theme is not None  # filtered above
        near = scans or _scans_beside(result.path)
        known = sorted({t.id for scan in near for t in scan.themes})
        if near and result.module.theme not in known:
            line, column = _position(result.path, ("theme",))
            message = msg.unknown_module_theme(result.module.theme, known)
            result.problems.append(_problem(str(result.path), line, column, *message, "warning"))


def _scans_beside(path: Path) -> list[Module]:
    """Valid ontwikkelscans in the folders next to the folder of `path` (content/*/module.yaml)."""
    if path.name != MODULE_FILE:
        return []
    scans = []
    for other in sorted(path.resolve().parent.parent.glob(f"*/{MODULE_FILE}")):
        try:
            text = read_text(other)
        except SourceError:
            continue
        if _SCAN_KIND.search(text):
            result = check_module(other)
            if result.module is not None and result.module.kind == "scan":
                scans.append(result.module)
    return scans


def _position(path: Path, where: tuple) -> tuple[int, int]:
    document = parse(read_text(path))  # it parsed a moment ago
    return document.locate(where)


# --- pydantic errors, located and reworded ---------------------------------------------------------

def _pydantic_problems(errors: list[ErrorDetails], document: Document, shown: str) -> list[Problem]:
    problems: dict[tuple[int, int, str], Problem] = {}
    # A misspelt key yields two errors: 'unknown key optoins' and 'missing key options'.
    # The first already says it all.
    misspelt = {
        (tuple(e["loc"][:-1]), msg.did_you_mean(str(e["loc"][-1]), [str(m["loc"][-1]) for m in errors if m["type"] == "missing"]))
        for e in errors
        if e["type"] == "extra_forbidden"
    }
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and (loc[:-1], f"bedoelde je '{loc[-1]}'?") in misspelt:
            continue
        message, hint, at_key, path = _reword(error, loc, document)
        line, column = document.locate(path, key=at_key)
        problem = _problem(shown, line, column, message, hint)
        problems.setdefault((line, column, message), problem)
    return sorted(problems.values(), key=lambda p: (p.line, p.column))


def _reword(error: ErrorDetails, loc: tuple, document: Document) -> tuple[str, str, bool, tuple]:
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    field_name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if kind == "extra_forbidden":
        return (*msg.unknown_key(str(loc[-1]), _allowed_keys(loc[:-1], document)), True, loc)
    if kind == "missing":
        return (*msg.missing_key(str(loc[-1])), False, loc[:-1])
    if kind == "union_tag_invalid":
        return (*msg.bad_kind(ctx.get("tag", value)), False, (*loc, "kind"))
    if kind == "union_tag_not_found":
        return (*msg.missing_kind(), False, loc)
    if kind == "string_type":
        if field_name == "version" and loc == ("version",) and isinstance(value, (int, float)) and not isinstance(value, bool):
            return (*msg.version_not_text(value), False, loc)
        return (*msg.expected_text(value), False, loc)
    if kind in ("int_type", "int_from_float", "int_parsing"):
        return (*msg.expected_int(value, document.quoted(loc)), False, loc)
    if kind in ("float_type", "float_parsing"):
        return (*msg.expected_number(value, document.quoted(loc)), False, loc)
    if kind == "finite_number":
        return (*msg.not_finite(value), False, loc)
    if kind == "reserved_page_id":
        return (*msg.reserved_page_id(str(value)), False, loc)
    if kind in ("bool_type", "bool_parsing"):
        return (*msg.expected_bool(value), False, loc)
    if kind == "list_type":
        return (*msg.expected_list(value), False, loc)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return (*msg.expected_mapping(value), False, loc)
    if kind == "literal_error":
        allowed = [a.strip().strip("'") for a in str(ctx.get("expected", "")).replace(" or ", ",").split(",") if a.strip()]
        return (*msg.bad_choice(value, allowed), False, loc)
    if kind == "string_pattern_mismatch":
        if field_name == "version":
            return (*msg.bad_version(value), False, loc)
        if field_name == "language":
            return (*msg.bad_language(value), False, loc)
        return (*msg.bad_slug(value), False, loc)
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        if field_name == "pass_mark":
            return (*msg.pass_mark_range(value), False, loc)
        if kind == "greater_than":
            return (*msg.not_greater(value, ctx.get("gt")), False, loc)
        if kind == "less_than":
            return (*msg.not_smaller(value, ctx.get("lt")), False, loc)
        limit = ctx.get("ge", ctx.get("le"))
        small = kind.startswith("greater")
        return (*(msg.too_small(value, limit) if small else msg.too_large(value, limit)), False, loc)
    if kind == "too_short":
        if isinstance(value, str) or ctx.get("field_type") == "String":
            return (*msg.empty_text(), False, loc)
        return (*msg.too_few(f"'{field_name}'", int(ctx.get("min_length", 1))), False, loc)
    if kind == "string_too_short":
        return (*msg.empty_text(), False, loc)
    if kind == "too_long":
        return (*msg.too_many(f"'{field_name}'", int(ctx.get("max_length", 0))), False, loc)
    if kind == "string_too_long":
        if field_name in ("id", "start", "goto", "objective", "theme"):
            return (*msg.bad_slug(value), False, loc)
        return (*msg.text_too_long(int(ctx.get("max_length", 0))), False, loc)
    return (*msg.invalid_value(error.get("msg", kind)), False, loc)


def _allowed_keys(loc: tuple, document: Document) -> list[str]:
    """The keys the model accepts at `loc` (for did-you-mean)."""
    model: type[BaseModel] | None = Module
    from engine import model as m

    kinds = {cls.model_fields["kind"].annotation.__args__[0]: cls for cls in _question_classes(m)}
    for part in loc:
        if model is None:
            return []
        if isinstance(part, int):
            continue
        if part in kinds and part not in model.model_fields:
            model = kinds[part]
            continue
        info = model.model_fields.get(part)
        model = _model_of(info.annotation, kinds) if info else None
    return sorted(model.model_fields) if model else []


def _question_classes(m):
    return [
        m.SingleQuestion, m.MultipleQuestion, m.TrueFalseQuestion, m.OrderQuestion, m.MatchQuestion,
        m.TextQuestion, m.ScenarioQuestion, m.LikertQuestion, m.ReflectionQuestion,
    ]


def _model_of(annotation: Any, kinds: dict[str, type[BaseModel]]) -> type[BaseModel] | None:
    """The model class inside an annotation like `list[Page]` or `Assessment | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_of(arg, kinds)
        if found is not None:
            return found
    metadata_origin = getattr(annotation, "__origin__", None)
    if metadata_origin is not None and metadata_origin is not annotation:
        return _model_of(metadata_origin, kinds)
    return None
