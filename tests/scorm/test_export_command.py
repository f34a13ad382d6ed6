"""`leermodules export` as a trainer uses it: what is written, what is refused, what is said."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from engine.codec import SUSPEND_DATA_LIMIT_SCORM12
from engine.loader import load_module
from scorm import FORMATS, export_module, package
from scorm_support import ROOT, SHIPPED

EXAMPLE = ROOT / "content" / "kennismaken" / "module.yaml"


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "leermodules", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def copy_module(tmp_path: Path, name: str = "mijn-module", text: str | None = None) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "module.yaml").write_text(text if text is not None else EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_exports_every_shipped_module_with_a_summary(tmp_path):
    result = cli("export", "--format", "scorm2004", "--out", "pakketten", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    zips = sorted((tmp_path / "pakketten").glob("*.zip"))
    assert {z.name for z in zips} == {f"{s.id}-{s.module.version}-scorm2004.zip" for s in SHIPPED}
    assert f"{len(SHIPPED)} pakketten (SCORM 2004, 4e editie) geschreven in pakketten:" in result.stdout
    for z in zips:
        assert z.name in result.stdout
    assert " kB" in result.stdout
    # several modules: a progress display on stderr, one step per module
    assert result.stderr.count("Exporteren ") == len(SHIPPED)
    assert sorted((tmp_path / "pakketten").iterdir()) == zips  # no temporary leftovers


def test_one_module_no_progress_bar(tmp_path):
    folder = copy_module(tmp_path)
    result = cli("export", str(folder), "--out", "uit", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("1 pakket (SCORM 1.2) geschreven in uit:")
    (written,) = (tmp_path / "uit").iterdir()
    assert written.name == "kennismaken-" + load_module(EXAMPLE).version + "-scorm12.zip"
    assert zipfile.ZipFile(written).testzip() is None


def test_invalid_module_gets_the_validate_errors_and_nothing_is_written(tmp_path):
    good = copy_module(tmp_path, "goed")
    bad_text = EXAMPLE.read_text(encoding="utf-8").replace("id: kennismaken", "id: Kennis Maken", 1).replace("pass_mark: 60", "pass_mark: 160")
    bad = copy_module(tmp_path, "fout", bad_text)
    validate = cli("validate", "goed", "fout", cwd=tmp_path)
    export = cli("export", "goed", "fout", "--out", "uit", cwd=tmp_path)
    assert export.returncode == 1
    located = [line for line in validate.stderr.splitlines() if line.startswith("fout/module.yaml:")]
    assert len(located) >= 2
    for line in located:
        assert line in export.stderr.splitlines()
    assert "Niets geschreven: 1 module met fouten." in export.stderr
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").iterdir())
    assert "Traceback" not in export.stderr
    assert good.exists() and bad.exists()


def test_module_whose_progress_cannot_fit_scorm12_is_refused(tmp_path):
    # a long open answer, many attempts: the worst case cannot fit 4,096 characters
    text = EXAMPLE.read_text(encoding="utf-8").replace("max_length: 400", "max_length: 2000").replace("attempts: 3", "attempts: 0")
    folder = copy_module(tmp_path, text=text)
    result = cli("export", str(folder.name), "--out", "uit", cwd=tmp_path)
    assert result.returncode == 1
    assert "mijn-module/module.yaml: de voortgang van deze module past niet in SCORM 1.2" in result.stderr
    assert str(SUSPEND_DATA_LIMIT_SCORM12) in result.stderr and "scorm2004" in result.stderr
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").iterdir())
    # SCORM 2004 keeps far more, so there it is fine
    assert cli("export", str(folder.name), "--format", "scorm2004", "--out", "uit", cwd=tmp_path).returncode == 0


def test_html_preview_is_a_folder_to_open(tmp_path):
    folder = copy_module(tmp_path)
    result = cli("export", str(folder), "--format", "html", "--out", "uit", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (written,) = (tmp_path / "uit").iterdir()
    assert written.is_dir()
    assert sorted(p.name for p in written.iterdir()) == ["index.html", "player.css", "player.js"]
    assert "Open index.html" in result.stdout
    # exporting again replaces the folder as a whole
    (written / "oud-bestand.txt").write_text("x")
    assert cli("export", str(folder), "--format", "html", "--out", "uit", cwd=tmp_path).returncode == 0
    assert not (written / "oud-bestand.txt").exists()


def test_unwritable_output_is_a_clear_message(tmp_path):
    (tmp_path / "bezet").write_text("dit is een bestand, geen map")
    result = cli("export", str(EXAMPLE), "--out", "bezet", cwd=tmp_path)
    assert result.returncode == 1
    assert "kan 'bezet' niet schrijven" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_failed_export_leaves_no_half_package(tmp_path, monkeypatch):
    module = load_module(EXAMPLE)
    old = export_module(module, EXAMPLE, FORMATS["scorm12"], tmp_path)
    before = old.read_bytes()

    def broken(files):
        raise OSError("schijf vol")

    monkeypatch.setattr(package, "zip_bytes", broken)
    with pytest.raises(OSError):
        export_module(module, EXAMPLE, FORMATS["scorm12"], tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [old.name]  # no temporary leftovers
    assert old.read_bytes() == before  # the earlier package is untouched


def test_missing_path_is_a_usage_error(tmp_path):
    result = cli("export", "bestaat-niet", cwd=tmp_path)
    assert result.returncode == 2
    assert "bestaat niet" in result.stderr


def test_a_package_that_cannot_be_moved_into_place_leaves_nothing_behind(tmp_path, monkeypatch):
    module = load_module(EXAMPLE)
    old = export_module(module, EXAMPLE, FORMATS["scorm2004"], tmp_path)
    before = old.read_bytes()
    umask = os.umask(0)
    os.umask(umask)
    assert old.stat().st_mode & 0o777 == 0o666 & ~umask  # readable like any file the user makes

    def refused(source, target):
        raise OSError("geen toegang")

    monkeypatch.setattr(package.os, "replace", refused)
    with pytest.raises(OSError):
        export_module(module, EXAMPLE, FORMATS["scorm2004"], tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [old.name]
    assert old.read_bytes() == before
