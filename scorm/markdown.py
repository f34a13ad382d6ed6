"""Markdown to HTML for the player, at export time.

markdown-it-py in its CommonMark preset with raw HTML switched off: whatever a trainer writes,
tags come out escaped, so a module file cannot inject markup or scripts into a package. Tables
are switched on because the shipped modules use them. Links open normally; images must be files
of the module (the loader refuses remote ones), and keep their relative path. Links open in a
new tab, so following one never unloads the package.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("table_open", _table_open)
    md.add_render_rule("table_close", _table_close)
    return md


def _table_open(self, tokens, idx, options, env):
    # A wide table scrolls sideways on a phone; its box must then be reachable by keyboard.
    return '<div class="tabel" tabindex="0" role="region" aria-label="Tabel">\n' + self.renderToken(tokens, idx, options, env)


def _table_close(self, tokens, idx, options, env):
    return self.renderToken(tokens, idx, options, env) + "</div>\n"


def _link_open(self, tokens, idx, options, env):
    # Inside an LMS frame a followed link would replace the package (and end the session): open
    # links beside it instead.
    tokens[idx].attrSet("target", "_blank")
    tokens[idx].attrSet("rel", "noopener")
    return self.renderToken(tokens, idx, options, env)


# The same text is often asked for more than once in an export (a prompt is shown, and is also
# an interaction's description), so renderings are remembered for the length of the process.
# Most texts in a module (feedback, prompts) are one plain sentence. For those the result of
# markdown-it is known without parsing: one paragraph with only '"' escaped. The pattern is
# deliberately narrow (one line, no character that can start any Markdown construct, nothing that
# needs escaping but '"'); tests/scorm/test_render.py checks it against markdown-it.
_PLAIN = re.compile(r"^(?![#>+\-*=|0-9\s])[^\x00-\x1f\x7f*_\[\]!`<>&\\#|~]+(?<!\s)$")


def plain_paragraph(text: str) -> str | None:
    """The rendering of `text` when it is one plain sentence, without parsing; else None."""
    if _PLAIN.match(text):
        return "<p>" + text.replace('"', "&quot;") + "</p>\n"
    return None


@lru_cache(maxsize=4096)
def _block(text: str) -> str:
    return plain_paragraph(text) or _parser().render(text)


def block(text: str | None) -> Markup:
    """Markdown rendered as blocks (paragraphs, lists, tables)."""
    return Markup(_block(text)) if text else Markup("")


@lru_cache(maxsize=4096)
def _inline(text: str) -> str:
    return _parser().renderInline(text)


def inline(text: str | None) -> Markup:
    """Markdown rendered without a surrounding paragraph, for one-line texts such as a legend."""
    return Markup(_inline(text)) if text else Markup("")


def is_one_paragraph(text: str) -> bool:
    """True when `text` renders as a single paragraph, so it can stand inline in a <legend>."""
    html_text = _block(text)
    return html_text.startswith("<p>") and html_text.endswith("</p>\n") and html_text.count("<p>") == 1


def clear_cache() -> None:
    """Forget earlier renderings (for measuring a cold export)."""
    _block.cache_clear()
    _inline.cache_clear()


_TAG = re.compile(r"<[^>]+>")


def plain(text: str | None, limit: int | None = None) -> str:
    """The text a reader sees, without markup, on one line; cut at `limit` characters with '…'."""
    if not text:
        return ""
    shown = " ".join(html.unescape(_TAG.sub(" ", _block(text))).split())
    if limit is not None and len(shown) > limit:
        shown = shown[: limit - 1].rstrip() + "…"
    return shown


def image_sources(text: str) -> list[str]:
    """The `src` of every image in `text`, as the rendered HTML will ask for it."""
    found: list[str] = []
    if "![" not in text:
        return found
    for token in _parser().parse(text):
        for child in token.children or []:
            if child.type == "image":
                found.append(str(child.attrGet("src")))
    return found
