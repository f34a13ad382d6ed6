"""The player page is built from the module safely: every text escaped, Markdown without raw
HTML, media copied and listed; the compiler pulls in no UI library."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile

from engine.loader import load_module
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


def make(tmp_path):
    folder = tmp_path / "veilig"
    (folder / "media").mkdir(parents=True)
    (folder / "media" / "kaart.png").write_bytes(PNG)
    (folder / "media" / "foto.png").write_bytes(PNG)
    (folder / "media" / "ongebruikt.png").write_bytes(PNG)
    (folder / "module.yaml").write_text(MODULE, encoding="utf-8")
    return folder / "module.yaml"


def test_texts_are_escaped_and_markdown_has_no_raw_html(tmp_path):
    page = render_index(load_module(make(tmp_path)))
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts == ['<script type="application/json" id="lm-data">', '<script src="player.js">']
    assert "<iframe" not in page and "<img src=x" not in page and "<b>vet" not in page
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in page or "&lt;script&gt;alert('body')&lt;/script&gt;" in page
    assert "<strong>nadruk</strong>" in page
    # the data block cannot be closed from inside: feedback markup is escaped and '<' encoded
    data = page.split('<script type="application/json" id="lm-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data
    feedback = json.loads(data)["q"][1]["ft"]
    assert "<script>" not in feedback and "&lt;/script&gt;" in feedback
    # links open beside the package, so following one never unloads it
    assert '<a href="https://example.org" target="_blank" rel="noopener">' in page


def test_media_are_copied_and_listed_and_nothing_else(tmp_path):
    module_file = make(tmp_path)
    path = export_module(load_module(module_file), module_file, FORMATS["scorm12"], tmp_path / "uit")
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


# --- the shortcut for plain sentences renders exactly as markdown-it does ---------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from scorm.markdown import _parser, plain_paragraph  # noqa: E402

ALPHABET = st.sampled_from(list("aZé ë,.;:?!'\"()/-+*#=>|0123456789_[]<>&\\`~\u00a0\u2028\t\n") + ["www.", "http://", "&amp;", "1. ", "- "])


@settings(max_examples=600, deadline=None)
@given(st.lists(ALPHABET, min_size=1, max_size=12).map("".join))
def test_plain_sentence_shortcut_equals_markdown_it(text):
    shortcut = plain_paragraph(text)
    if shortcut is not None:
        assert shortcut == _parser().render(text)


def test_plain_sentence_shortcut_on_every_shipped_text():
    from scorm_support import SHIPPED

    used = 0
    for shipped in SHIPPED:
        texts = [shipped.module.summary]
        for question in shipped.module.all_questions():
            texts += [question.prompt, question.explanation or "", question.hint or ""]
            texts += [getattr(o, "feedback", None) or "" for o in getattr(question, "options", [])]
        for text in filter(None, texts):
            shortcut = plain_paragraph(text)
            if shortcut is not None:
                used += 1
                assert shortcut == _parser().render(text), text
    assert used > 0
