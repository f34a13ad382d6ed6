"""The player page is built from the module safely: every text escaped, Markdown without raw
HTML, media copied and listed; the compiler pulls in no UI library."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from urllib.parse import unquote

from engine.loader import load_module
from engine.model import Module
from engine.yaml_source import parse, read_text
from scorm import FORMATS, export_module
from scorm.render import render_index
from scorm_support import ROOT

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)

MODULE = """\
id: veilig
title: "Titel <script>alert('t')</script>"
summary: Samenvatting & meer.
version: 1.0.0
minutes: 5
objectives:
  - id: doel
    text: Doel <b>vet</b>
pages:
  - id: een
    title: Pagina <img src=x onerror=alert(1)>
    body: |
      Tekst met <script>alert('body')</script> en **nadruk**.

      ![Een kaart](media/kaart.png)

      [Een link](https://example.org)
    media:
      - file: media/foto.png
        alt: Een foto <i>
    questions:
      - id: vraag
        kind: single
        prompt: "Vraag met <iframe src=x>?"
        options:
          - text: "Optie </label><script>x()</script>"
            correct: true
            feedback: "Feedback <script>y()</script>"
          - text: Andere optie
            feedback: Nee.
assessment:
  pass_mark: 50
  questions:
    - id: toets
      kind: true_false
      objective: doel
      prompt: Waar?
      answer: true
      feedback_true: Ja </script><script>z()</script>
      feedback_false: Nee.
"""


def hostile(path):
    """The module in `path` as the model takes it, past the checks: validate refuses raw HTML in
    Markdown, and these tests show the compiler leaves it out even so."""
    return Module.model_validate(parse(read_text(path)).data)


def make(tmp_path):
    folder = tmp_path / "veilig"
    (folder / "media").mkdir(parents=True)
    (folder / "media" / "kaart.png").write_bytes(PNG)
    (folder / "media" / "foto.png").write_bytes(PNG)
    (folder / "media" / "ongebruikt.png").write_bytes(PNG)
    (folder / "module.yaml").write_text(MODULE, encoding="utf-8")
    return folder / "module.yaml"


def test_texts_are_escaped_and_markdown_has_no_raw_html(tmp_path):
    page = render_index(hostile(make(tmp_path)))
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts == ['<script type="application/json" id="lm-data">', '<script src="player.js">']
    assert "<iframe" not in page and "<img src=x" not in page and "<b>vet" not in page
    # raw HTML in Markdown is left out (the words between the tags stay); plain texts are escaped
    assert "Tekst met alert(&#39;body&#39;) en" in page or "Tekst met alert('body') en" in page
    assert "Titel &lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;" in page
    assert "<strong>nadruk</strong>" in page
    # the data block cannot be closed from inside: feedback markup is escaped and '<' encoded
    data = page.split('<script type="application/json" id="lm-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data
    feedback = json.loads(data)["q"][1]["ft"]
    assert "<script>" not in feedback and feedback == "<p>Ja z()</p>\n"
    # links open beside the package, so following one never unloads it
    assert '<a href="https://example.org" target="_blank" rel="noopener">' in page


def test_media_are_copied_and_listed_and_nothing_else(tmp_path):
    module_file = make(tmp_path)
    path = export_module(hostile(module_file), module_file, FORMATS["scorm12"], tmp_path / "uit")
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        manifest = archive.read("imsmanifest.xml").decode()
        assert archive.read("media/kaart.png") == PNG
    assert {"media/kaart.png", "media/foto.png"} <= names
    assert "media/ongebruikt.png" not in names
    assert 'href="media/kaart.png"' in manifest and 'href="media/foto.png"' in manifest
    assert not any(p.name.startswith(".") for p in (tmp_path / "veilig").rglob("*")), "nothing written into the module folder"


def test_every_question_kind_has_a_form_with_fieldset_and_legend():
    page = render_index(load_module(ROOT / "content" / "kennismaken" / "module.yaml"))
    forms = re.findall(r'<form class="vraag"[^>]*data-kind="(\w+)"', page)
    assert set(forms) == {"single", "multiple", "true_false", "order", "match", "text", "scenario", "likert", "reflection"}
    assert page.count("<fieldset") >= len(forms) and page.count("<legend>") >= page.count("<fieldset")
    # every input and select has a label
    for ident in re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', page):
        assert f'for="{ident}"' in page, ident
    assert '<html lang="nl">' in page
    assert 'aria-live="polite"' in page and 'role="alert"' in page


def test_importing_the_compiler_loads_no_ui():
    code = "import sys, json, scorm, scorm.package; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = {name.split(".")[0] for name in json.loads(out.stdout)}
    assert loaded.isdisjoint({"textual", "rich", "leermodules"})


# --- whatever a trainer writes, the Markdown gives only Markdown's own tags --------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from scorm import markdown  # noqa: E402

PIECES = st.sampled_from(
    list("aZé ,.;:?!'\"()/-+*#=>|0123456789_[]<>&\\`~\u00a0\t\n")
    + ["<script>", "</script>", "<a href=x>", "<img src=x onerror=y()>", "<div>", "<!-- c -->", "</table>",
       "javascript:", "[l](", "![i](", "<https://x.nl>", "| a | b |\n|---|---|\n", "```", "    ", "- ", "1. ", "> "]
)
#: every tag cmark writes for CommonMark and tables, plus our table box
MARKDOWN_TAGS = {"p", "em", "strong", "code", "pre", "a", "img", "ul", "ol", "li", "blockquote", "hr", "br",
                 "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "div"}


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=14).map("".join))
def test_any_text_renders_to_markdown_tags_only(text):
    out = str(markdown.block(text))
    tags = re.findall(r"<(/?)([a-zA-Z0-9]+)([^>]*)>", out)
    assert {name for _, name, _ in tags} <= MARKDOWN_TAGS, out
    assert "<!--" not in out and "<script" not in out.lower()
    for closing, name, attrs in tags:
        assert not re.search(r"\son\w+=", attrs), out  # no event handler attributes
        assert not re.search(r'(?:href|src)="javascript:', attrs, re.I), out  # no script links
        if name == "a" and not closing:
            assert attrs.endswith(' target="_blank" rel="noopener"') or ' target="_blank" rel="noopener" title=' in attrs, out
        if name == "div" and not closing:
            assert attrs == ' class="tabel" tabindex="0" role="region" aria-label="Tabel"', out
    assert out.count("<table>") == out.count('<div class="tabel"') == out.count("</div>")


def test_a_table_scrolls_in_a_box_reachable_by_keyboard():
    out = str(markdown.block("Schema:\n\n| Wie | Wat |\n|:----|----:|\n| ik | jij |\n"))
    assert out == (
        "<p>Schema:</p>\n"
        '<div class="tabel" tabindex="0" role="region" aria-label="Tabel">\n<table>\n<thead>\n<tr>\n'
        '<th style="text-align: left">Wie</th>\n<th style="text-align: right">Wat</th>\n</tr>\n</thead>\n'
        '<tbody>\n<tr>\n<td style="text-align: left">ik</td>\n<td style="text-align: right">jij</td>\n</tr>\n'
        "</tbody>\n</table>\n</div>\n"
    )


def test_a_one_paragraph_prompt_stands_in_the_legend_without_its_paragraph(tmp_path):
    assert markdown.is_one_paragraph("Wat doe je *eerst*?\nEn daarna?\n")
    assert str(markdown.inline("Wat doe je *eerst*?\nEn daarna?\n")) == "Wat doe je <em>eerst</em>?\nEn daarna?"
    assert not markdown.is_one_paragraph("Lees dit.\n\nWat doe je?")
    assert not markdown.is_one_paragraph("- een\n- twee")
    page = render_index(hostile(make(tmp_path)))
    assert "<legend>Vraag met ?</legend>" in page  # raw HTML is left out, the words stay


def test_images_with_spaces_and_accents_in_their_name_are_copied_and_found(tmp_path):
    module_file = make(tmp_path)
    (module_file.parent / "media" / "kaart één.png").write_bytes(PNG)
    text = module_file.read_text(encoding="utf-8").replace("(media/kaart.png)", "(<media/kaart één.png>)")
    module_file.write_text(text, encoding="utf-8")
    module = hostile(module_file)
    page = render_index(module)
    (src,) = re.findall(r'<img src="([^"]+)" alt="Een kaart"', page)
    path = export_module(module, module_file, FORMATS["scorm2004"], tmp_path / "uit")
    with zipfile.ZipFile(path) as archive:
        assert archive.read(unquote(src)) == PNG


CELL = st.sampled_from(["a", "b c", " ", "-", "--", ":", ":-", "-:", ":--:", "|", "*", "`", "\\", ">", "#", "=", "1.", "- ", "    "])
LINES = st.lists(st.lists(CELL, min_size=1, max_size=5).map("".join), min_size=1, max_size=4).map("\n".join)


@settings(max_examples=1500, deadline=None)
@given(LINES)
def test_texts_that_cannot_hold_a_table_render_alike_without_the_table_extension(text):
    from cmarkgfm import cmark

    if not markdown.could_hold_a_table(text):
        options = cmark.Options.CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        assert cmark.markdown_to_html(text, options) == cmark.markdown_to_html_with_extensions(text, options, ["table"])


def test_a_single_column_table_without_pipes_is_still_a_table():
    assert "<table>" in str(markdown.block("Stap\n:---\nBellen\n"))


def test_the_first_page_says_who_reviewed_the_module_and_the_toets_rules_name_the_draw_per_objective():
    module = load_module(ROOT / "content" / "veiligheid" / "module.yaml")
    page = render_index(module)
    first = page.split('data-page="1"')[0]
    assert "Inhoud gecontroleerd op 1 december 2026 door: redactie leermodules, aan de bronnen getoetst" in first
    assert "<li>Je krijgt 12 vragen in willekeurige volgorde, bij elk leerdoel minstens 1.</li>" in page
    plain = module.model_copy(update={"reviewed": None})
    assert "Inhoud gecontroleerd" not in render_index(plain)
