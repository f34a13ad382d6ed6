"""Safe YAML that remembers where everything came from.

The document is *composed* (parsed into nodes that carry line and column) by libyaml's C parser,
then turned into plain Python data by a small converter of our own instead of PyYAML's
constructor. That converter is where the safety rules live:

- only the plain YAML types are allowed: an explicit tag such as ``!!python/object`` is an error,
  never a constructed object;
- a mapping key that occurs twice is an error (PyYAML silently keeps the last one);
- anchors and aliases (``&a`` / ``*a``) are allowed, but the size they would expand to is bounded,
  so a "billion laughs" file is refused before anything walks the expanded tree. Two budgets:
  aliases may add at most MAX_ALIAS_EXPANSION nodes to those written out, and at most as many
  characters of text (scalars and keys) as the file itself holds, or MIN_ALIAS_TEXT if that is
  more. So a module expands to at most about twice its own size (a few MB for any real module,
  32 MB for the largest file allowed), whatever the export does with each text afterwards. The
  converter shares an aliased value instead of copying it, so checking costs one walk over the
  nodes as written;
- no text value or key may hold a control character (C0 and C1 codes except tab and newline,
  U+2028/U+2029, U+FFFE/U+FFFF): YAML lets a double-quoted string write them as escapes ("\\a"),
  and XML (the SCORM export) cannot hold them;
- an integer longer than Python converts (4,300 digits) is an error, not a crash;
- nesting is bounded by MAX_DEPTH, checked before libyaml's own (English, 1000-level) limit;
- the file's size, its encoding and NUL bytes are checked before parsing.

The composed node tree is kept next to the data so that a problem found later (by pydantic or
by the semantic checks) can be located by its path, e.g. ``("pages", 2, "questions", 0)``.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from engine import messages as msg
from engine.model import KINDS

try:  # libyaml's C parser; the pure-Python one gives the same nodes, only slower.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

MAX_FILE_BYTES = 16 * 1024 * 1024
#: How many nodes anchors and aliases may add on top of the nodes written out in the file.
MAX_ALIAS_EXPANSION = 100_000
#: Aliases may add as many characters of text as the file holds, and at least this many.
MIN_ALIAS_TEXT = 1024 * 1024
MAX_DEPTH = 64
#: Characters no text may hold: C0 and C1 control codes except tab and newline, the Unicode line
#: and paragraph separators, and the non-characters U+FFFE/U+FFFF (XML cannot hold most of them).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_TAG + t for t in ("str", "int", "float", "bool", "null"))
_TIMESTAMP, _SEQ, _MAP = _TAG + "timestamp", _TAG + "seq", _TAG + "map"
_ALLOWED_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP, _SEQ, _MAP}
_KEY_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL}
_MERGE = _TAG + "merge"
_DEEP_LINE = re.compile(rf"\n[ ?:-]{{{2 * MAX_DEPTH}}}")
_DEEP_START = re.compile(rf"[ ?:-]{{{2 * MAX_DEPTH}}}")
_BRACKETS = re.compile(r"[\[\]{}]")
#: Where an anchor ('&name') can start; a file without one has no aliases to bound.
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s\[\]{},]")
_control = CONTROL_CHARACTERS.search

_constructor = SafeConstructor()
#: PyYAML's implicit resolvers (which plain scalars are numbers, true/false, null...) by first character.
_IMPLICIT = {
    first: tuple(resolvers) + tuple(yaml.resolver.Resolver.yaml_implicit_resolvers.get(None, ()))
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    if first is not None
}
_NO_RESOLVERS: tuple = tuple(yaml.resolver.Resolver.yaml_implicit_resolvers.get(None, ()))


class _Loader(_Parser):
    """libyaml's composer with PyYAML's safe tag resolution, minus the path resolvers nobody
    registers; resolving a tag is the only Python code that runs per node while composing."""

    def __init__(self, text: str) -> None:
        _Parser.__init__(self, text)

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], _NO_RESOLVERS):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is SequenceNode else _MAP

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Located:
    """A problem found while reading, before the model sees the data."""

    line: int
    column: int
    message: str
    hint: str


class SourceError(Exception):
    """The file cannot be read as YAML at all; carries every problem found."""

    def __init__(self, problems: list[Located]):
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))


@dataclass
class Document:
    """Plain data plus the node tree it came from."""

    data: Any
    root: Node
    #: the text the nodes were composed from (their marks index into it)
    text: str = ""

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """1-based line and column of the node at `path`, or of its deepest existing ancestor.

        With `key=True` the position of the mapping key is returned instead of its value (used
        for 'unknown key' errors, which point at the key a trainer typed).
        """
        node = self.root
        for index, part in enumerate(path):
            child, key_node = _child(node, part)
            if child is None:
                break
            if key and index == len(path) - 1 and key_node is not None:
                node = key_node
                break
            node = child
        return node.start_mark.line + 1, node.start_mark.column + 1

    def locate_text(self, path: Path_, needle: str) -> tuple[int, int]:
        """1-based line and column of `needle` as written inside the value at `path` (for a
        problem in one line of a long text); the value's own position if it is not found."""
        node = self.node(path)
        if node is None or not self.text:
            return self.locate(path)
        start, end = node.start_mark.index, node.end_mark.index
        at = self.text.find(needle, start, max(end, start))
        if at < 0:
            return self.locate(path)
        line_start = self.text.rfind("\n", 0, at) + 1
        return self.text.count("\n", 0, at) + 1, at - line_start + 1

    def node(self, path: Path_) -> Node | None:
        """The node at `path`, or None when the file has nothing there."""
        node = self.root
        for part in path:
            child, _ = _child(node, part)
            if child is None:
                return None
            node = child
        return node

    def quoted(self, path: Path_) -> bool:
        """Is the value at `path` written between quotes (so YAML read it as text on purpose)?"""
        node = self.node(path)
        return isinstance(node, ScalarNode) and node.style in ("'", '"')

    def has(self, path: Path_) -> bool:
        return self.node(path) is not None


def _child(node: Node, part: str | int) -> tuple[Node | None, Node | None]:
    if isinstance(node, MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == part:
                return value_node, key_node
        # pydantic puts the tag of a tagged union (the question's `kind`) in its error paths;
        # it is not a key in the file, so step over it. (The loader may check a question with an
        # unknown kind as the kind it most likely meant, so any kind is stepped over.)
        for key_node, value_node in node.value:
            if key_node.value == "kind" and isinstance(value_node, ScalarNode) and (value_node.value == part or part in KINDS):
                return node, None
        return None, None
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], None
    return None, None


def read_text(path: Path) -> str:
    """The file's text, or a SourceError saying why it is not a text file we can read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SourceError([Located(1, 1, *msg.file_too_large(size, MAX_FILE_BYTES))])
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError([Located(1, 1, *msg.unreadable(exc))]) from None
    if b"\x00" in raw:
        raise SourceError([Located(*_position(raw, raw.index(b"\x00")), *msg.binary_file())])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError([Located(*_position(raw, exc.start), *msg.not_utf8())]) from None
    return text.removeprefix("\ufeff")


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return before.count(b"\n") + 1, column


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a file is loaded.

    Loading allocates hundreds of thousands of small objects (nodes, marks, dicts) and no cycles
    worth collecting; with the collector running, most of the time goes into it rescanning them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _may_hold_control(text: str) -> bool:
    """Can a value in `text` hold a control character? libyaml refuses them written out, except
    the line separators it passes through (NEL, U+2028, U+2029); all others need an escape."""
    return "\\" in text or "\u2028" in text or "\u2029" in text or "\x85" in text


def _check_depth(text: str) -> None:
    """Refuse absurdly deep nesting before libyaml's (recursive, C) composer sees it.

    Nesting needs a '[' or '{' per level, or a level of indentation or a '- ' at the start of a
    line, so two cheap scans rule it out for any real module; only a suspicious file gets the
    exact check, which walks libyaml's events without recursion."""
    limit = 2 * MAX_DEPTH
    deep_lines = _DEEP_LINE.search(text) is not None or _DEEP_START.match(text) is not None
    if not deep_lines and text.count("[") + text.count("{") <= limit:
        return
    if not deep_lines:
        depth = deepest = 0
        for bracket in _BRACKETS.findall(text):
            depth += 1 if bracket in "[{" else -1
            deepest = max(deepest, depth)
        if deepest <= limit:
            return
    try:
        _walk_depth(text)
    except yaml.MarkedYAMLError as exc:
        # libyaml has a nesting limit of its own (1000 levels in recent versions), which its
        # scanner hits while looking ahead, before it hands over a single event of the levels
        # that are too deep. The text before that point already holds more than MAX_DEPTH.
        mark = exc.problem_mark
        if mark is None or "nesting depth" not in (exc.problem or ""):
            return  # a syntax error: composing reports it, located
        line_start = sum(len(line) + 1 for line in text.split("\n", mark.line)[: mark.line])
        try:
            _walk_depth(text[: line_start + mark.column])
        except yaml.YAMLError:
            return  # composing reports libyaml's limit, reworded


def _mark_at(mark: Any) -> tuple[int, int]:
    """A libyaml mark as 1-based (line, column); the start of the file for an event without one."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _walk_depth(text: str) -> None:
    """Raise a located SourceError at the first collection deeper than MAX_DEPTH."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):  # type: ignore[arg-type]  # the stubs list only PyYAML's loaders
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise SourceError([Located(*_mark_at(event.start_mark), *msg.too_deep(MAX_DEPTH))])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def parse(text: str) -> Document:
    """Compose and convert `text`; raise SourceError with every problem found."""
    _check_depth(text)
    loader = None
    try:
        loader = _Loader(text)
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise SourceError([_yaml_error(exc, text)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a control code
        line, column = _position(text.encode("utf-8"), exc.position)
        raise SourceError([Located(line, column, *msg.control_character(exc.character))]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml reports everything above with a position
        raise SourceError([Located(1, 1, *msg.yaml_problem(str(exc), ""))]) from None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        empty = msg.only_comments() if text.strip() else msg.empty_file()
        raise SourceError([Located(1, 1, *empty)])
    converter = _Converter(check_control=_may_hold_control(text))
    data = converter.convert(root)
    if converter.problems:
        raise SourceError(converter.problems)
    if _ANCHOR.search(text):
        converter.check_alias_expansion(root, text)
    if converter.problems:
        raise SourceError(converter.problems)
    return Document(data, root, text)


def _yaml_error(exc: yaml.MarkedYAMLError, text: str) -> Located:
    problem = exc.problem or ""
    context = exc.context or ""
    context_mark = exc.context_mark
    mark = exc.problem_mark or context_mark
    quote = _quote_trouble(text, exc)
    if quote is not None:
        return quote
    # An unclosed quote, or a key without its colon, is only noticed later on; the place to fix
    # is where it began.
    if context_mark is not None and (
        ("quoted scalar" in context and "escape" not in problem) or "simple key" in context
    ):
        mark = context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    context_line = context_mark.line + 1 if context_mark is not None and context_mark.line + 1 != line else None
    shift = _shift_from_previous(text, mark.line) if mark is not None else 0
    deeper = mark is not None and shift > 0 and problem.startswith("mapping values") and _previous_is_complete(text, mark.line)
    shallower = shift < 0 and problem.startswith("did not find expected '-' indicator") and _char_at(text, mark) != "-"
    item_after_value = (
        mark is not None
        and problem.startswith("did not find expected key")
        and _char_at(text, mark) == "-"
        and _previous_is_complete(text, mark.line)
    )
    if deeper or shallower:
        current = text.split("\n", line)[line - 1]
        column = len(current) - len(current.lstrip(" ")) + 1
    message = msg.yaml_problem(
        problem,
        context,
        context_line=context_line,
        char=_char_at(text, mark),
        deeper=deeper,
        shallower=shallower,
        item_after_value=item_after_value,
    )
    return Located(line, column, *message)


#: A value that begins with the Dutch "'s" ('s avonds, 's-Hertogenbosch): YAML reads the "'" as an
#: opening quote.
_APOSTROPHE_S = re.compile(r"(?:^|:|^\s*-)\s+('s[\s-])")
#: A line inside a quoted text that looks like the next key: the quote was never closed.
_KEY_LINE = re.compile(r"^\s*(?:- )?[A-Za-z_][A-Za-z0-9_]*:(?:\s|$)")


def _quote_trouble(text: str, exc: yaml.MarkedYAMLError) -> Located | None:
    """A syntax error caused by a quote: a value that starts with "'s" (its own hint), or a quote
    left open that YAML only closed lines later, at the next quote in the file (reported where it
    was opened, not where YAML gave up)."""
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return None
    lines = text.split("\n")
    candidates = [mark.line]
    if exc.context_mark is not None and "quoted scalar" in (exc.context or ""):
        candidates.insert(0, exc.context_mark.line)
    runaway = _runaway_quote(text, mark.line, lines)
    if runaway is not None:
        candidates.insert(0, runaway.line)
    for index in candidates:
        found = _APOSTROPHE_S.search(lines[index]) if index < len(lines) else None
        if found:
            return Located(index + 1, found.start(1) + 1, *msg.apostrophe_s())
    if runaway is not None:
        return Located(runaway.line + 1, runaway.column + 1, *msg.quote_runs_on(runaway.end_line + 1))
    return None


@dataclass(frozen=True)
class _Runaway:
    line: int
    column: int
    end_line: int


def _runaway_quote(text: str, error_line: int, lines: list[str]) -> _Runaway | None:
    """The quoted text that ends just before the error on `error_line` (0-based), spans lines and
    holds a line that looks like a key: a quote left open swallows the lines after it up to the
    next quote, and YAML stumbles right after that."""
    found = None
    try:
        for token in yaml.scan(text, Loader=_Loader):  # type: ignore[arg-type]  # the stubs list only PyYAML's loaders
            start, end = token.start_mark, token.end_mark
            if start.line > error_line:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ("'", '"')
                and end.line > start.line
                and end.line <= error_line <= end.line + 2  # YAML gave up where the text ended
                and any(_KEY_LINE.match(line) for line in lines[start.line + 1 : end.line + 1])
            ):
                found = _Runaway(start.line, start.column, end.line)
    except yaml.YAMLError:
        pass
    return found


def _key_indent(line: str) -> int:
    """Where the first key on `line` starts, counting a list item's '- ' as indentation."""
    stripped = line.lstrip(" ")
    indent = len(line) - len(stripped)
    while stripped.startswith("- "):
        rest = stripped[2:].lstrip(" ")
        indent += len(stripped) - len(rest)
        stripped = rest
    return indent


def _previous_line(text: str, index: int) -> str | None:
    """The nearest line above line `index` (0-based) with content, skipping comments."""
    lines = text.split("\n", index + 1)
    for previous in reversed(lines[: min(index, len(lines))]):
        body = previous.strip()
        if body and not body.startswith("#"):
            return previous
    return None


def _shift_from_previous(text: str, index: int) -> int:
    """How much further line `index` is indented than the keys on the line above it (negative: less)."""
    lines = text.split("\n", index + 1)
    previous = _previous_line(text, index)
    if previous is None or index >= len(lines):
        return 0
    return _key_indent(lines[index]) - _key_indent(previous)


def _previous_is_complete(text: str, index: int) -> bool:
    """Does the line above line `index` hold a complete 'key: value'?

    That is how a key that slipped to the right looks to YAML: the line above seems to go on,
    and the colon on this line is 'not allowed here'."""
    previous = _previous_line(text, index)
    if previous is None:
        return False
    _, colon, value = previous.strip().removeprefix("- ").partition(": ")
    value = value.strip()
    return bool(colon and value and value[0] not in "|>&*!")


def _char_at(text: str, mark) -> str:
    if mark is None:
        return ""
    lines = text.split("\n", mark.line + 1)
    if mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


class _Converter:
    """Nodes to plain data; shared (aliased) collections are converted once and shared again.

    This runs once per node of a file that may hold 100,000 of them, so the common case (a plain
    string under a plain key) is handled inline, without a call per node."""

    def __init__(self, *, check_control: bool = True) -> None:
        #: whether texts are searched for control characters (see `_may_hold_control`)
        self.check_control = check_control
        self.problems: list[Located] = []
        self._done: dict[int, Any] = {}
        self._active: set[int] = set()
        self._uses: dict[int, int] = {}
        self._depth = 0

    def _report(self, node: Node, message_hint: tuple[str, str]) -> None:
        self.problems.append(Located(node.start_mark.line + 1, node.start_mark.column + 1, *message_hint))

    def _scalar(self, node: ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR or tag == _TIMESTAMP:  # a date stays text: ids, versions and titles are text
            found = self.check_control and _control(node.value)
            if found:
                self._report(node, msg.control_in_text(found.group()))
            return node.value
        if tag == _NULL:
            return None
        if tag in _ALLOWED_TAGS:
            try:
                return _constructor.construct_object(node)
            except ValueError:  # an integer of more digits than Python converts (4,300)
                self._report(node, msg.number_too_long(sum(c.isdigit() for c in node.value)))
                return None
        self._report(node, msg.tag_not_allowed(tag))
        return None

    def convert(self, node: Node, in_list: bool = False) -> Any:
        if node.__class__ is ScalarNode:
            return self._scalar(node)
        key = id(node)
        if key in self._done:
            self._uses[key] = self._uses.get(key, 1) + 1
            return self._done[key]
        if key in self._active:
            self._report(node, msg.recursive_alias())
            return None
        if node.tag not in _ALLOWED_TAGS:
            self._report(node, msg.tag_not_allowed(node.tag))
            return None
        if self._depth >= MAX_DEPTH:
            self._report(node, msg.too_deep(MAX_DEPTH))
            return None
        self._active.add(key)
        self._depth += 1
        if node.__class__ is SequenceNode:
            check = self.check_control
            value: Any = [
                item.value
                if item.__class__ is ScalarNode and item.tag == _STR and not (check and _control(item.value))
                else self.convert(item, True)
                for item in node.value
            ]
        else:
            value = self._mapping(node, in_list)  # type: ignore[arg-type]
        self._depth -= 1
        self._active.discard(key)
        self._done[key] = value
        return value

    def _mapping(self, node: MappingNode, in_list: bool = False) -> dict[str, Any]:
        result: dict[str, Any] = {}
        check = self.check_control
        first_key = node.value[0][0].value if node.value and node.value[0][0].__class__ is ScalarNode else None
        new_item = False  # a list item's first key came back: the '- ' of the next item is missing
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode or key_node.tag not in _KEY_TAGS:
                self._report(key_node, msg.merge_key() if key_node.tag == _MERGE else msg.key_not_text())
                continue
            name = key_node.value
            found = check and _control(name)
            if found:
                self._report(key_node, msg.control_in_text(found.group()))
                continue
            if name in result or new_item:
                if new_item:
                    continue  # the rest of that item: one message says it all
                first = next(k for k, _ in node.value if k.__class__ is ScalarNode and k.value == name)
                if in_list and name == first_key and key_node.start_mark.column == first.start_mark.column:
                    new_item = True
                    self._report(key_node, msg.missing_item_dash(name, first.start_mark.line + 1))
                else:
                    self._report(key_node, msg.duplicate_key(name, first.start_mark.line + 1))
                continue
            if value_node.__class__ is ScalarNode and value_node.tag == _STR and not (check and _control(value_node.value)):
                result[name] = value_node.value
            else:
                result[name] = self.convert(value_node)
        return result

    def check_alias_expansion(self, root: Node, text: str) -> None:
        """Refuse a document whose aliases would expand far beyond what is written down.

        Two budgets (see the module's docstring): the nodes aliases add, and the characters of
        text (scalars and keys) they add. Both are counted on the node tree as written, where an
        aliased node is one shared object: its expanded size is computed once and counted as
        often as it is referred to, so nothing is ever expanded."""
        expanded: dict[int, tuple[int, int]] = {}  # id -> (nodes, characters) when expanded
        written_nodes = written_chars = 0

        def expand(node: Node) -> tuple[int, int]:
            nonlocal written_nodes, written_chars
            key = id(node)
            if key in expanded:
                return expanded[key]
            expanded[key] = (1, 0)  # a node inside itself was refused while converting
            nodes, chars = 1, 0
            if node.__class__ is ScalarNode:
                chars = len(node.value)
                written_chars += chars
            else:
                children = node.value if node.__class__ is SequenceNode else [n for pair in node.value for n in pair]
                for child in children:
                    child_nodes, child_chars = expand(child)
                    nodes += child_nodes
                    chars += child_chars
            written_nodes += 1
            expanded[key] = (nodes, chars)
            return nodes, chars

        total_nodes, total_chars = expand(root)
        budget = alias_text_budget(text)
        if total_nodes - written_nodes > MAX_ALIAS_EXPANSION:
            if self._uses:  # shared collections: the chain of aliases starts at the earliest one
                worst = self._worst_shared_node(root)
                line, column = worst.start_mark.line + 1, worst.start_mark.column + 1
            else:
                line, column = _alias_over_budget(text, MAX_ALIAS_EXPANSION, budget)
            self.problems.append(Located(line, column, *msg.alias_bomb(total_nodes)))
        elif total_chars - written_chars > budget:
            line, column = _alias_over_budget(text, MAX_ALIAS_EXPANSION, budget)
            self.problems.append(Located(line, column, *msg.alias_text_bomb(total_chars, written_chars + budget)))

    def _worst_shared_node(self, root: Node) -> Node:
        by_id = _distinct_nodes(root)
        # the earliest shared node in the file is where the chain of aliases starts
        shared = [by_id[k] for k in self._uses if k in by_id]
        return min(shared, key=lambda n: (n.start_mark.line, n.start_mark.column)) if shared else root


def alias_text_budget(text: str) -> int:
    """How many characters of text aliases may add to a file: as many as it holds, at least MIN_ALIAS_TEXT."""
    return max(MIN_ALIAS_TEXT, len(text))


def _alias_over_budget(text: str, max_nodes: int, max_chars: int) -> tuple[int, int]:
    """1-based line and column of the first alias that takes what aliases add past a budget.

    The node tree cannot tell: an alias is the very node it refers to, located at its anchor. The
    parser's events can; they are only walked for a file that is refused."""
    anchored: dict[str, tuple[int, int]] = {}  # anchor -> (nodes, characters) it expands to
    open_: list[list] = []  # per open collection: [anchor, nodes, characters] so far
    added_nodes = added_chars = 0
    for event in yaml.parse(text, Loader=_Loader):  # type: ignore[arg-type]  # the stubs list only PyYAML's loaders
        if isinstance(event, yaml.CollectionStartEvent):
            open_.append([event.anchor, 1, 0])
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, nodes, chars = open_.pop()
        elif isinstance(event, yaml.ScalarEvent):
            anchor, nodes, chars = event.anchor, 1, len(event.value)
        elif isinstance(event, yaml.AliasEvent):
            assert event.anchor is not None  # an alias always names its anchor
            anchor, (nodes, chars) = None, anchored[event.anchor]
            added_nodes += nodes
            added_chars += chars
            if added_nodes > max_nodes or added_chars > max_chars:
                return _mark_at(event.start_mark)
        else:
            continue
        if anchor is not None:
            anchored[anchor] = (nodes, chars)
        if open_:
            open_[-1][1] += nodes
            open_[-1][2] += chars
    return 1, 1  # pragma: no cover - the node tree and the events count the same


def _distinct_nodes(root: Node) -> dict[int, Node]:
    by_id: dict[int, Node] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in by_id:
            continue
        by_id[id(node)] = node
        if isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for k, v in node.value:
                stack.extend((k, v))
    return by_id
