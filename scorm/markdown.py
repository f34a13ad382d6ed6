"""Markdown to HTML for the player, at export time.

cmark-gfm (GitHub's C implementation of CommonMark, through the `cmarkgfm` bindings) with only
the table extension, and without its UNSAFE option: raw HTML a trainer writes is left out of the
page (cmark puts a `<!-- raw HTML omitted -->` comment in its place, which we drop) and links to
`javascript:` and the like lose their target. So a module file cannot inject markup or scripts
into a package, and every tag in the result is one cmark wrote itself. That is what makes the two
touches below safe as plain text replacements:

- links open in a new tab (`target="_blank" rel="noopener"`): inside an LMS frame a followed link
  would replace the package and end the session;
- a table sits in a box that scrolls sideways on a phone and can then be reached by keyboard.

Images must be files of the module and keep their relative path: `engine.media` (which `validate`
and the export both use) takes them from this same rendering and checks each one.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markupsafe import Markup

from engine.media import could_hold_a_table, markdown_html

__all__ = ["block", "clear_cache", "could_hold_a_table", "inline", "is_one_paragraph", "plain"]

_OMITTED = "<!-- raw HTML omitted -->"
_LINK = re.compile(r'<a href="([^"]*)"')
_TABLE_OPEN = '<div class="tabel" tabindex="0" role="region" aria-label="Tabel">\n<table>'


def _render(text: str) -> str:
    out = markdown_html(text)  # the same parse `engine.media` takes the images from
    if _OMITTED in out:
        out = out.replace(_OMITTED + "\n", "").replace(_OMITTED, "")
    if "<a " in out:
        out = _LINK.sub(r'<a href="\1" target="_blank" rel="noopener"', out)
    if "<table>" in out:
        out = out.replace("<table>", _TABLE_OPEN).replace("</table>\n", "</table>\n</div>\n")
    return out


# The same text is often asked for more than once in an export (a prompt is shown, and is also
# an interaction's description), so renderings are remembered for the length of the process.
@lru_cache(maxsize=4096)
def _block(text: str) -> str:
    return _render(text)


def block(text: str | None) -> Markup:
    """Markdown rendered as blocks (paragraphs, lists, tables)."""
    return Markup(_block(text)) if text else Markup("")


def is_one_paragraph(text: str) -> bool:
    """True when `text` renders as a single paragraph, so it can stand inline in a <legend>."""
    html_text = _block(text)
    return html_text.startswith("<p>") and html_text.endswith("</p>\n") and html_text.count("<p>") == 1


def inline(text: str | None) -> Markup:
    """A one-paragraph text (see `is_one_paragraph`) without its surrounding <p>, for a legend;
    any other text as its plain words."""
    if not text:
        return Markup("")
    if is_one_paragraph(text):
        return Markup(_block(text)[3:-5])
    return Markup.escape(plain(text))


def clear_cache() -> None:
    """Forget earlier renderings (for measuring a cold export)."""
    _block.cache_clear()


_TAG = re.compile(r"<[^>]+>")


def plain(text: str | None, limit: int | None = None) -> str:
    """The text a reader sees, without markup, on one line; cut at `limit` characters with '…'."""
    if not text:
        return ""
    shown = " ".join(html.unescape(_TAG.sub(" ", _block(text))).split())
    if limit is not None and len(shown) > limit:
        shown = shown[: limit - 1].rstrip() + "…"
    return shown

