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

Images must be files of the module (the loader refuses remote ones) and keep their relative path.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from cmarkgfm import cmark
from markupsafe import Markup

_OPTIONS = cmark.Options.CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES  # style="text-align", not the old align=
_OMITTED = "<!-- raw HTML omitted -->"
_LINK = re.compile(r'<a href="([^"]*)"')
_TABLE_OPEN = '<div class="tabel" tabindex="0" role="region" aria-label="Tabel">\n<table>'
_IMAGE_SOURCE = re.compile(r'<img src="([^"]*)"')


@lru_cache(maxsize=1)
def _table_extension():
    cmark.core_extensions_ensure_registered()
    return cmark.find_syntax_extension("table")


def could_hold_a_table(text: str) -> bool:
    """False when `text` cannot contain a GFM table: its delimiter row needs a '|', or, for a
    single column, a ':' beside a '-' (tests/scorm/test_render.py checks this against cmark)."""
    return "|" in text or ":-" in text or "-:" in text


def _cmark(text: str) -> str:
    if not could_hold_a_table(text):
        return cmark.markdown_to_html(text, _OPTIONS)  # the table extension would change nothing
    # cmarkgfm's markdown_to_html_with_extensions, with the extension looked up once
    parser = cmark.parser_new(_OPTIONS)
    try:
        cmark.parser_attach_syntax_extension(parser, _table_extension())
        cmark.parser_feed(parser, text)
        root = cmark.parser_finish(parser)
        return cmark.render_html(root, _OPTIONS, cmark.parser_get_syntax_extensions(parser))
    finally:
        cmark.parser_free(parser)


def _render(text: str) -> str:
    out = _cmark(text)
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


def image_sources(text: str) -> list[str]:
    """The `src` of every image in `text`, as the rendered HTML asks for it (URL-encoded)."""
    if "![" not in text:
        return []
    return [html.unescape(src) for src in _IMAGE_SOURCE.findall(_block(text))]
