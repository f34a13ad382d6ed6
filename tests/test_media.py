"""Images a module shows must be regular files inside its own folder (issue 9).

What a trainer sees from `validate` when an image is a symbolic link out of the folder, a FIFO,
a device, a folder, too large, or has an impossible name; and which files are approved when
every image is fine. The bad-input corpus (tests/test_corpus.py) covers the paths that are wrong
whatever the disk holds; these need files made on the spot.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engine import media
from engine.loader import check_module
from engine.model import Module

BASE = Path(__file__).resolve().parent / "corpus" / "valid" / "module.yaml"
BODY_LINE = "      Lees wat er al bekend is en bel de bewoner vooraf.\n"


def module_with(folder: Path, markdown: str) -> Path:
    """The valid corpus module in `folder`, with `markdown` added to the first page's body."""
    text = BASE.read_text(encoding="utf-8")
    assert BODY_LINE in text
    indented = "".join(f"      {line}\n" if line else "\n" for line in markdown.splitlines())
    path = folder / "module.yaml"
    path.write_text(text.replace(BODY_LINE, BODY_LINE + "\n" + indented), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}; {p.hint}" for p in check_module(path).problems]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "module").mkdir()
    (tmp_path / "module" / "media").mkdir()
    return tmp_path / "module"


ESCAPES = "wijst buiten de map van de module; zet het bestand in de map van de module en verwijs zonder '..'"


def test_a_symbolic_link_inside_the_folder_that_leads_out_is_refused(folder, tmp_path):
    secret = tmp_path / "geheim.txt"
    secret.write_text("wachtwoord")
    (folder / "media" / "plaat.png").symlink_to(secret)
    path = module_with(folder, "![Een plaat](media/plaat.png)")
    assert problems(path) == [f"17:11: mediapad 'media/plaat.png' {ESCAPES}"]


def test_a_symbolic_link_to_a_device_is_refused_and_never_read(folder):
    (folder / "media" / "nul.png").symlink_to("/dev/zero")
    path = module_with(folder, "![Nullen](media/nul.png)")
    assert problems(path) == [f"17:11: mediapad 'media/nul.png' {ESCAPES}"]


def test_a_device_named_directly_is_refused(folder):
    path = module_with(folder, "![Nullen](/dev/zero)\n\n![Omgeving](../../../../../../proc/self/environ)")
    assert problems(path) == [
        "17:11: mediapad '/dev/zero' is absoluut; geef een pad relatief aan de map van de module, bijvoorbeeld 'media/plaat.png'",
        f"17:11: mediapad '../../../../../../proc/self/environ' {ESCAPES}",
    ]


def test_a_fifo_inside_the_folder_is_not_a_file_and_validate_does_not_hang_on_it(folder):
    os.mkfifo(folder / "media" / "pijp.png")
    path = module_with(folder, "![Een pijp](media/pijp.png)")
    assert problems(path) == [
        "17:11: mediapad 'media/pijp.png' is geen gewoon bestand (maar bijvoorbeeld een map of apparaat); "
        "verwijs naar een afbeelding in de map van de module, bijvoorbeeld 'media/plaat.png'"
    ]


def test_a_folder_is_not_an_image(folder):
    path = module_with(folder, "![Een map](media)")
    assert problems(path) == [
        "17:11: mediapad 'media' is geen gewoon bestand (maar bijvoorbeeld een map of apparaat); "
        "verwijs naar een afbeelding in de map van de module, bijvoorbeeld 'media/plaat.png'"
    ]


def test_a_file_over_the_limit_is_refused_with_the_limit_in_the_message(folder):
    with open(folder / "media" / "groot.png", "wb") as big:
        big.truncate(media.MEDIA_LIMIT + 1)  # sparse: no real 10 MB written
    with open(folder / "media" / "precies.png", "wb") as exact:
        exact.truncate(media.MEDIA_LIMIT)
    path = module_with(folder, "![Groot](media/groot.png)\n\n![Precies goed](media/precies.png)")
    assert problems(path) == [
        "17:11: mediabestand 'media/groot.png' is te groot (10,1 MB, de grens is 10 MB); "
        "sla de afbeelding kleiner op, bijvoorbeeld met minder pixels of als JPEG"
    ]


def test_a_symbolic_link_that_stays_inside_the_folder_is_fine(folder):
    (folder / "media" / "echt.png").write_bytes(b"PNG")
    (folder / "media" / "ook.png").symlink_to("echt.png")
    path = module_with(folder, "![Ook](media/ook.png)")
    assert problems(path) == []


def test_images_written_any_valid_way_are_approved_once_each_in_order(folder):
    for name in ("a.png", "b.png", "c.png", "mijn plaat.png"):
        (folder / "media" / name).write_bytes(name.encode())
    path = module_with(
        folder,
        "![Inline](media/a.png)\n\n"
        "![Met [haken] in de tekst][b]\n\n"
        '![Met titel](media/c.png "Een titel")\n\n'
        "![Met spatie](media/mijn%20plaat.png) en ![nog eens](<media/mijn plaat.png>) ![weer](./media/a.png)\n\n"
        "[b]: media/b.png",
    )
    result = check_module(path)
    assert result.ok and result.problems == []
    found = media.module_media(result.module, folder)
    assert found.problems == []
    assert found.names == ["media/a.png", "media/b.png", "media/c.png", "media/mijn plaat.png"]


def test_a_nul_or_a_too_long_name_in_a_media_entry_is_a_problem_not_a_crash(folder):
    """The loader refuses a NUL in any text too; the media check does not rely on that."""
    data = {
        "id": "m",
        "title": "M",
        "summary": "S",
        "version": "1.0.0",
        "minutes": 5,
        "pages": [
            {
                "id": "p",
                "title": "P",
                "media": [{"file": "media/a\0b.png", "alt": "x"}, {"file": "media/" + "x" * 256 + ".png", "alt": "y"}],
            }
        ],
    }
    found = media.module_media(Module.model_validate(data), folder)
    assert found.names == []
    assert [(p.path, p.message.split("' ", 1)[1]) for p in found.problems] == [
        (("pages", 0, "media", 0, "file"), "bevat een NUL-teken"),
        (("pages", 0, "media", 1, "file"), "heeft een naam van meer dan 255 tekens"),
    ]


def test_reading_refuses_a_file_that_became_a_link_out_of_the_folder_after_the_check(folder, tmp_path):
    (folder / "media" / "plaat.png").write_bytes(b"PNG")
    assert media.read_media(folder, "media/plaat.png") == b"PNG"
    (tmp_path / "geheim.txt").write_text("wachtwoord")
    (folder / "media" / "plaat.png").unlink()
    (folder / "media" / "plaat.png").symlink_to(tmp_path / "geheim.txt")
    with pytest.raises(media.MediaError) as caught:
        media.read_media(folder, "media/plaat.png")
    assert "wijst buiten de map van de module" in caught.value.message[0]
    for name in ("../geheim.txt", "/etc/passwd", "media/../../geheim.txt"):
        with pytest.raises(media.MediaError):
            media.read_media(folder, name)
