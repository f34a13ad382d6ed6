"""Images in packages (issue 9): a package holds exactly the image files `validate` approved, each
from inside the module's folder, at the path the page asks for; a hostile module gets located
errors and nothing is written, in any format; no entry of a package can land outside it."""

from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

from engine import media
from engine.loader import load_module
from engine.model import Module
from leermodules.cli import main
from scorm import FORMATS, ExportRefused, export_module, package
from scorm.render import render_index

BASE = Path(__file__).resolve().parents[1] / "corpus" / "valid" / "module.yaml"
BODY_LINE = "      Lees wat er al bekend is en bel de bewoner vooraf.\n"
FEEDBACK_LINE = "            feedback: Klopt, dan weet de bewoner wie er komt.\n"


def write_module(folder: Path, body: str = "", feedback: str = "") -> Path:
    """The valid corpus module in `folder`, with Markdown added to the first page's body and to
    the feedback of the first option."""
    text = BASE.read_text(encoding="utf-8")
    assert BODY_LINE in text and FEEDBACK_LINE in text

    def block(markdown: str, indent: str) -> str:
        return "".join(f"{indent}{line}\n" if line else "\n" for line in markdown.splitlines())

    if body:
        text = text.replace(BODY_LINE, BODY_LINE + "\n" + block(body, "      "))
    if feedback:
        text = text.replace(FEEDBACK_LINE, "            feedback: |\n              Klopt.\n\n" + block(feedback, "              "))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "module.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def export(tmp_path: Path, capsys, monkeypatch, module_folder: Path, fmt: str) -> tuple[int, str]:
    monkeypatch.chdir(tmp_path)
    code = main(["export", str(module_folder.relative_to(tmp_path)), "--format", fmt, "--out", "uit"])
    return code, capsys.readouterr().err


def all_files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*")}


# --- hostile modules: located errors, nothing written ---------------------------------------------

HOSTILE = {
    "verwijzing": dict(body="![Een deur][deur]\n\n[deur]: /etc/passwd"),
    "verwijzing-omhoog": dict(body="![Een deur][deur]\n\n[deur]: ../../../.bashrc"),
    "titel": dict(body='![Een deur](../../../etc/hostname "De deur")'),
    "haken": dict(body="![Een [rode] deur](../../../etc/hostname)"),
    "procent": dict(body="![Een deur](%2e%2e/%2e%2e/%2e%2e/etc/hostname)"),
    "omgeving": dict(body="![Omgeving](/proc/self/environ)"),
    "nullen": dict(body="![Nullen](/dev/zero)"),
    "feedback": dict(feedback="![Een telefoon](../../../.bashrc)"),
}


@pytest.mark.parametrize("fmt", ["scorm12", "html"])
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_image_gets_a_located_error_and_nothing_is_written(name, fmt, tmp_path, capsys, monkeypatch):
    path = write_module(tmp_path / "modules" / name, **HOSTILE[name])
    before = all_files(tmp_path)
    code, err = export(tmp_path, capsys, monkeypatch, path.parent, fmt)
    assert code == 1
    located = [line for line in err.splitlines() if line.startswith(f"modules/{name}/module.yaml:")]
    assert len(located) == 1, err
    assert re.match(r"^modules/[^:]+:\d+:\d+: mediapad '[^']+' (is absoluut|wijst buiten de map van de module); .+$", located[0]), located[0]
    assert "Niets geschreven: 1 module met fouten." in err
    assert "Traceback" not in err
    assert all_files(tmp_path) - before <= {tmp_path / "uit"}
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").iterdir())


def test_a_symbolic_link_out_of_the_folder_is_not_exported(tmp_path, capsys, monkeypatch):
    (tmp_path / "geheim.txt").write_text("wachtwoord")
    path = write_module(tmp_path / "module", body="![Een plaat](media/plaat.png)")
    (path.parent / "media").mkdir()
    (path.parent / "media" / "plaat.png").symlink_to(tmp_path / "geheim.txt")
    code, err = export(tmp_path, capsys, monkeypatch, path.parent, "scorm2004")
    assert code == 1
    assert "module/module.yaml:17:11: mediapad 'media/plaat.png' wijst buiten de map van de module" in err
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").iterdir())


@pytest.mark.parametrize("fmt", ["scorm12", "html"])
def test_export_checks_again_when_called_without_validate(fmt, tmp_path):
    """A program that loads a module and exports it later, after an image became a link out of
    the folder, gets a clear refusal and no package."""
    path = write_module(tmp_path / "module", body="![Een plaat](media/plaat.png)")
    (path.parent / "media").mkdir()
    (path.parent / "media" / "plaat.png").write_bytes(b"PNG")
    module = load_module(path)
    (tmp_path / "geheim.txt").write_text("wachtwoord")
    (path.parent / "media" / "plaat.png").unlink()
    (path.parent / "media" / "plaat.png").symlink_to(tmp_path / "geheim.txt")
    with pytest.raises(ExportRefused) as caught:
        export_module(module, path, FORMATS[fmt], tmp_path / "uit", "module/module.yaml")
    assert str(caught.value).startswith("module/module.yaml: mediapad 'media/plaat.png' wijst buiten de map van de module; ")
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").iterdir())


# --- the last guard on entry names ------------------------------------------------------------------

UNSAFE = ["/etc/passwd", "../buiten.txt", "media/../../buiten.txt", "C:/buiten.txt", "C:buiten.txt", "media\\..\\x", "a\0b", "", "./x", "a//b"]


@pytest.mark.parametrize("name", UNSAFE)
def test_the_zip_writer_refuses_an_entry_outside_the_package(name):
    with pytest.raises(package.UnsafeEntry):
        package.zip_bytes({"index.html": b"<p>", name: b"geheim"})


@pytest.mark.parametrize("name", ["../../buiten.txt", "/tmp/buiten.txt"])
def test_the_html_writer_refuses_an_entry_outside_the_output_folder(name, tmp_path, monkeypatch):
    module = load_module(BASE)
    target = tmp_path / "buiten.txt" if name.startswith("..") else Path(name)
    target.unlink(missing_ok=True)

    def hostile_files(*args, **kwargs):
        return {"index.html": b"<p>", name: b"geheim"}

    monkeypatch.setattr(package, "package_files", hostile_files)
    out = tmp_path / "a" / "uit"
    with pytest.raises(package.UnsafeEntry):
        export_module(module, BASE, FORMATS["html"], out)
    assert not target.exists()
    assert list(out.iterdir()) == []  # no temporary leftovers either


def test_safe_entry_names_pass_the_guard():
    for name in ["index.html", "media/plaat.png", "mijn plaat.png", "a/b/c.png"]:
        assert package.entry_name(name) == name


# --- legitimate images are exported where the page asks for them --------------------------------------

GOOD_BODY = (
    "![Inline](media/a.png)\n\n"
    "![Met [haken] in de tekst][b]\n\n"
    '![Met titel](media/c.png "Een titel")\n\n'
    "![Met spatie](mijn%20plaat.png)\n\n"
    "[b]: media/b.png"
)


def good_module(tmp_path: Path) -> Path:
    path = write_module(tmp_path / "module", body=GOOD_BODY, feedback="![Een telefoon](media/telefoon.png)")
    (path.parent / "media").mkdir()
    for name in ("a.png", "b.png", "c.png", "telefoon.png"):
        (path.parent / "media" / name).write_bytes(f"beeld {name}".encode())
    (path.parent / "mijn plaat.png").write_bytes(b"beeld met spatie")
    return path


EXPECTED_MEDIA = {
    "media/a.png": b"beeld a.png",
    "media/b.png": b"beeld b.png",
    "media/c.png": b"beeld c.png",
    "mijn plaat.png": b"beeld met spatie",
    "media/telefoon.png": b"beeld telefoon.png",
}


def test_legitimate_images_are_in_the_zip_at_the_path_the_page_asks_for(tmp_path, capsys, monkeypatch):
    path = good_module(tmp_path)
    code, err = export(tmp_path, capsys, monkeypatch, path.parent, "scorm12")
    assert code == 0, err
    (written,) = (tmp_path / "uit").iterdir()
    with zipfile.ZipFile(written) as archive:
        names = set(archive.namelist())
        assert names == {"imsmanifest.xml", "index.html", "player.js", "player.css", *EXPECTED_MEDIA}
        for name, content in EXPECTED_MEDIA.items():
            assert archive.read(name) == content
        page = archive.read("index.html").decode()
        manifest = archive.read("imsmanifest.xml").decode()
    shown = {unquote(html.unescape(src)) for src in re.findall(r'<img src=\\?"([^"\\]+)', page.replace("\\u003c", "<"))}
    assert shown == set(EXPECTED_MEDIA)  # every image the page (and its feedback) shows is in the package
    assert 'href="mijn%20plaat.png"' in manifest


def test_legitimate_images_are_in_the_html_folder_and_nothing_is_written_beside_it(tmp_path, capsys, monkeypatch):
    path = good_module(tmp_path)
    before = all_files(tmp_path)
    code, err = export(tmp_path, capsys, monkeypatch, path.parent, "html")
    assert code == 0, err
    (written,) = (tmp_path / "uit").iterdir()
    for name, content in EXPECTED_MEDIA.items():
        assert (written / name).read_bytes() == content
    new = all_files(tmp_path) - before
    assert all(p == tmp_path / "uit" or p.is_relative_to(written) for p in new), sorted(new)


# --- validate and export agree on which texts can hold an image ---------------------------------------

NOT_TEXT = {"id", "kind", "objective", "goto", "start", "version", "language", "theme", "file", "feedback_mode"}


def every_text_with_an_image() -> tuple[Module, set[str]]:
    """A module with every kind of question and every optional text, where each text ends in an
    image of its own; returns it and the image names."""
    question = {"prompt": "Vraag", "hint": "Tip", "explanation": "Uitleg"}
    questions = [
        {"id": "q1", "kind": "single", **question, "options": [{"text": "A", "correct": True, "feedback": "F"}, {"text": "B", "feedback": "F"}]},
        {"id": "q2", "kind": "multiple", **question, "options": [{"text": "A", "correct": True, "feedback": "F"}, {"text": "B", "feedback": "F"}]},
        {"id": "q3", "kind": "true_false", **question, "answer": True, "feedback_true": "F", "feedback_false": "F"},
        {"id": "q4", "kind": "order", **question, "items": [{"text": "A", "feedback": "F"}, {"text": "B", "feedback": "F"}]},
        {"id": "q5", "kind": "match", **question, "pairs": [{"left": "A", "right": "B", "feedback": "F"}, {"left": "C", "right": "D", "feedback": "F"}], "distractors": ["E"]},
        {"id": "q6", "kind": "text", **question, "accepted": ["A"], "feedback_correct": "F", "feedback_incorrect": "F"},
        {"id": "q7", "kind": "scenario", **question, "start": "s1", "steps": [
            {"id": "s1", "text": "Stap", "choices": [{"text": "A", "goto": "s2", "points": 1, "feedback": "F"}]},
            {"id": "s2", "text": "Einde"},
        ]},
        {"id": "q8", "kind": "likert", **question, "scale": ["laag", "hoog"]},
        {"id": "q9", "kind": "reflection", **question},
    ]
    data = {
        "id": "alles", "title": "Alles", "summary": "Samenvatting", "version": "1.0.0", "minutes": 5,
        "objectives": [{"id": "doel", "text": "Doel"}], "sources": ["Bron"],
        "pages": [{"id": "p", "title": "Pagina", "body": "Tekst", "media": [{"file": "media/m.png", "alt": "Alt", "caption": "Onder"}], "questions": questions}],
        "assessment": {"title": "Toets", "intro": "Intro", "questions": [{**q, "id": f"t{q['id']}"} for q in questions[:7]]},
    }
    names: set[str] = {"media/m.png"}

    def add(value, key=None):
        if isinstance(value, dict):
            return {k: add(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [add(v, key) for v in value]
        if isinstance(value, str) and key not in NOT_TEXT:
            name = f"beeld{len(names)}.png"
            names.add(name)
            return f"{value} ![x]({name})"
        return value

    return Module.model_validate(add(data)), names


def test_the_export_shows_exactly_the_images_the_check_looks_at():
    module, _ = every_text_with_an_image()
    page = render_index(module)
    script = json.loads(re.search(r'<script type="application/json" id="lm-data">(.*?)</script>', page, re.S).group(1))
    rendered = page + json.dumps(script, ensure_ascii=False)
    shown = {unquote(html.unescape(src)) for src in re.findall(r'<img src=\\?"([^"\\]*)', rendered)}
    checked = {target for _, target in media.references(module)}
    assert len(checked) > 30
    assert shown == checked


def test_an_image_swapped_for_a_link_after_the_check_is_refused_by_the_command(tmp_path, capsys, monkeypatch):
    """Between validating and packing, an image becomes a link to a file outside the module: the
    command says so in Dutch, exits 1 and writes no package, not even the other module's (no
    traceback)."""
    first = write_module(tmp_path / "alle" / "a-eerste")
    first.write_text(first.read_text(encoding="utf-8").replace("id: huisbezoek", "id: a-eerste", 1), encoding="utf-8")
    folder = tmp_path / "alle" / "mod"
    write_module(folder, body="![Een deur](deur.png)")
    (folder / "deur.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    import leermodules.commands.export as export_command

    real_check = export_command.check_paths

    def check_then_swap(paths):
        results = real_check(paths)
        (folder / "deur.png").unlink()
        (folder / "deur.png").symlink_to("/etc/hostname")
        return results

    monkeypatch.setattr(export_command, "check_paths", check_then_swap)
    code, err = export(tmp_path, capsys, monkeypatch, tmp_path / "alle", "scorm12")
    assert code == 1
    assert "Traceback" not in err and "deur.png" in err
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").iterdir())
