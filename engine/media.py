"""Which files a module's texts show as images, and whether each is safe to put in a package.

One answer for both `validate` (each problem becomes a located finding) and `export` (which puts
exactly the approved files in the package, reading each one through `read_media`, which checks
it again). An image is a file of the module: after percent-decoding its path is relative, has no
'..', no NUL and no part longer than `NAME_LIMIT` characters, and resolved with every symbolic
link it must be a regular file (not a folder, FIFO or device) inside the module folder, of at
most `MEDIA_LIMIT` bytes.

Images come from a page's `media:` entries and from every text the export renders as Markdown
(`markdown_texts`). Those are parsed here with cmark-gfm exactly as the export renders them
(`markdown_html`, which `scorm.markdown` builds on), and the image sources are taken from that
HTML: reference-style images, titles, brackets in the alt text and percent-encoding are then
whatever cmark makes of them, not what a pattern guesses.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath, PureWindowsPath
from urllib.parse import unquote

from cmarkgfm import cmark

from engine import messages as msg
from engine.model import (
    MatchQuestion,
    Module,
    MultipleQuestion,
    OrderQuestion,
    QuestionModel,
    ScenarioQuestion,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)

#: The largest media file a package takes.
MEDIA_LIMIT = 10 * 1024 * 1024
#: The longest name of a file or folder most file systems allow.
NAME_LIMIT = 255

FieldPath = tuple[str | int, ...]


# --- the one Markdown parse ----------------------------------------------------------------------

#: style="text-align" in tables, not the old align=; without UNSAFE, so raw HTML is left out and
#: unsafe link targets (javascript:, file:, ...) are emptied.
MARKDOWN_OPTIONS = cmark.Options.CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES


@lru_cache(maxsize=1)
def _table_extension():
    cmark.core_extensions_ensure_registered()
    return cmark.find_syntax_extension("table")


def could_hold_a_table(text: str) -> bool:
    """False when `text` cannot contain a GFM table: its delimiter row needs a '|', or, for a
    single column, a ':' beside a '-' (tests/scorm/test_render.py checks this against cmark)."""
    return "|" in text or ":-" in text or "-:" in text


def markdown_html(text: str) -> str:
    """The HTML cmark-gfm makes of `text` with the table extension: the export's rendering."""
    if not could_hold_a_table(text):
        return cmark.markdown_to_html(text, MARKDOWN_OPTIONS)  # the table extension would change nothing
    # cmarkgfm's markdown_to_html_with_extensions, with the extension looked up once
    parser = cmark.parser_new(MARKDOWN_OPTIONS)
    try:
        cmark.parser_attach_syntax_extension(parser, _table_extension())
        cmark.parser_feed(parser, text)
        root = cmark.parser_finish(parser)
        return cmark.render_html(root, MARKDOWN_OPTIONS, cmark.parser_get_syntax_extensions(parser))
    finally:
        cmark.parser_free(parser)


_IMAGE_SOURCE = re.compile(r'<img src="([^"]*)"')


def image_sources(text: str) -> list[str]:
    """The `src` of every image in the rendered `text`, as the browser asks for it (URL-encoded)."""
    if "![" not in text:  # every Markdown image, inline or by reference, starts with these two
        return []
    return [html.unescape(src) for src in _IMAGE_SOURCE.findall(markdown_html(text))]


# --- which texts, which images ---------------------------------------------------------------------

def markdown_texts(module: Module) -> Iterator[tuple[FieldPath, str]]:
    """Every text the export renders as Markdown, with its path in the module."""
    for p, page in enumerate(module.pages):
        if page.body:
            yield ("pages", p, "body"), page.body
        for q, question in enumerate(page.questions):
            yield from _question_texts(("pages", p, "questions", q), question)
    if module.assessment:
        if module.assessment.intro:
            yield ("assessment", "intro"), module.assessment.intro
        for q, question in enumerate(module.assessment.questions):
            yield from _question_texts(("assessment", "questions", q), question)


def _question_texts(path: FieldPath, q: QuestionModel) -> Iterator[tuple[FieldPath, str]]:
    texts: list[tuple[FieldPath, str | None]] = [
        ((*path, "prompt"), q.prompt),
        ((*path, "hint"), q.hint),
        ((*path, "explanation"), q.explanation),
    ]
    match q:
        case SingleQuestion() | MultipleQuestion():
            texts += [((*path, "options", i, "feedback"), o.feedback) for i, o in enumerate(q.options)]
        case TrueFalseQuestion():
            texts += [((*path, "feedback_true"), q.feedback_true), ((*path, "feedback_false"), q.feedback_false)]
        case OrderQuestion():
            texts += [((*path, "items", i, "feedback"), item.feedback) for i, item in enumerate(q.items)]
        case MatchQuestion():
            texts += [((*path, "pairs", i, "feedback"), pair.feedback) for i, pair in enumerate(q.pairs)]
        case TextQuestion():
            texts += [((*path, "feedback_correct"), q.feedback_correct), ((*path, "feedback_incorrect"), q.feedback_incorrect)]
        case ScenarioQuestion():
            for s, step in enumerate(q.steps):
                texts.append(((*path, "steps", s, "text"), step.text))
                texts += [((*path, "steps", s, "choices", c, "feedback"), ch.feedback) for c, ch in enumerate(step.choices)]
    for where, text in texts:
        if text:
            yield where, text


def references(module: Module) -> Iterator[tuple[FieldPath, str]]:
    """Every image path the module names, decoded, with where it names it. A `media:` entry is a
    path as written (a '\\' counts as '/'); a Markdown image is percent-decoded, as a browser does."""
    for p, page in enumerate(module.pages):
        for m, media in enumerate(page.media):
            yield ("pages", p, "media", m, "file"), media.file
    for path, text in markdown_texts(module):
        for src in image_sources(text):
            yield path, unquote(src)


# --- is it a safe file of the module? ----------------------------------------------------------------

class MediaError(Exception):
    """A media path that may not go into a package; `args` are a (message, hint) pair."""

    @property
    def message(self) -> tuple[str, str]:
        return self.args[0], self.args[1]


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def package_name(target: str) -> str:
    """The path inside the module folder and the package that `target` names, with '/' only;
    raises `MediaError` when it is not a plain relative path that stays inside."""
    if not target:
        raise MediaError(*msg.media_no_path())
    if "\0" in target:
        raise MediaError(*msg.media_nul(target))
    windows = PureWindowsPath(target)
    if _SCHEME.match(target) and not windows.drive:
        raise MediaError(*msg.remote_media(target))
    if PurePosixPath(target).is_absolute() or windows.is_absolute() or windows.drive or windows.root:
        raise MediaError(*msg.media_absolute(target))
    parts = target.replace("\\", "/").split("/")
    if ".." in parts:
        raise MediaError(*msg.media_escapes(target))
    if any(len(part) > NAME_LIMIT for part in parts):
        raise MediaError(*msg.media_name_too_long(target, NAME_LIMIT))
    name = posixpath.normpath("/".join(parts))
    if name == ".":
        raise MediaError(*msg.media_not_a_file(target))
    return name


def locate(root: Path, name: str, shown: str | None = None) -> Path:
    """The real path of the package name `name` in the folder `root` (already resolved): every
    symbolic link followed, inside `root`, a regular file of at most `MEDIA_LIMIT` bytes."""
    shown = name if shown is None else shown
    try:
        resolved = (root / name).resolve(strict=True)
    except FileNotFoundError:
        raise MediaError(*msg.media_missing(shown)) from None
    except OSError as exc:
        raise MediaError(*msg.media_unreadable(shown, exc)) from None
    except RuntimeError:  # a loop of symbolic links
        raise MediaError(*msg.media_not_a_file(shown)) from None
    if not resolved.is_relative_to(root):  # a symbolic link that leads out of the folder
        raise MediaError(*msg.media_escapes(shown))
    try:
        info = resolved.stat()
    except OSError as exc:
        raise MediaError(*msg.media_unreadable(shown, exc)) from None
    _check_stat(info, shown)
    return resolved


def _check_stat(info: os.stat_result, shown: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise MediaError(*msg.media_not_a_file(shown))
    if info.st_size > MEDIA_LIMIT:
        raise MediaError(*msg.media_too_large(shown, info.st_size, MEDIA_LIMIT))


@dataclass(frozen=True)
class MediaProblem:
    path: FieldPath
    message: str
    hint: str


@dataclass(frozen=True)
class ModuleMedia:
    names: list[str]  # the files for the package, each once, in the order the module names them
    problems: list[MediaProblem]


def module_media(module: Module, folder: Path) -> ModuleMedia:
    """Every image file of `module` (whose file is in `folder`), checked; see the module docstring."""
    root = folder.resolve()
    names: dict[str, None] = {}
    problems: list[MediaProblem] = []
    for path, target in references(module):
        try:
            name = package_name(target)
            locate(root, name, target)
        except MediaError as exc:
            problems.append(MediaProblem(path, *exc.message))
        else:
            names.setdefault(name, None)
    return ModuleMedia(list(names), problems)


def read_media(folder: Path, name: str) -> bytes:
    """The bytes of the package name `name` in `folder`, checked again as it is opened: the last
    part is not followed if it became a link, and a FIFO does not block the reading."""
    if package_name(name) != name:
        raise MediaError(*msg.media_escapes(name))
    path = locate(folder.resolve(), name)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise MediaError(*msg.media_unreadable(name, exc)) from None
    with os.fdopen(fd, "rb") as file:
        try:
            _check_stat(os.fstat(fd), name)
            content = file.read(MEDIA_LIMIT + 1)
        except OSError as exc:
            raise MediaError(*msg.media_unreadable(name, exc)) from None
    if len(content) > MEDIA_LIMIT:  # it grew after the check
        raise MediaError(*msg.media_too_large(name, len(content), MEDIA_LIMIT))
    return content
