"""`leermodules run` refuses what it cannot use with a clear message, and never a traceback."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from tui_paths import FIXTURES

from engine.progress import ASSESSMENT
from engine.store import SCHEMA_VERSION, ProgressStore
from leermodules import locations
from leermodules.tui import app as tui_app

ROOT = Path(__file__).resolve().parents[2]


def leermodules(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "leermodules", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env=env,
    )


def test_an_invalid_module_gets_the_same_located_errors_as_validate(tmp_path):
    broken = tmp_path / "kapot.yaml"
    broken.write_text((FIXTURES / "hervatten.yaml").read_text().replace("minutes: 5", "minuten: 5"))
    run = leermodules("--data-dir", str(tmp_path / "data"), "run", str(broken))
    validate = leermodules("validate", str(broken))
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    located = [line for line in validate.stderr.splitlines() if ":" in line]
    assert located and all(line in run.stderr for line in located)
    assert "kapot.yaml:" in run.stderr and "minuten" in run.stderr
    assert not (tmp_path / "data").exists()  # nothing started, nothing written


def test_a_corrupt_store_is_refused_untouched(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    store = locations.store_path(data)
    store.write_bytes(b"SQLite format 3\x00" + b"\x00\xff" * 3000)
    before = store.read_bytes()
    result = leermodules("--data-dir", str(data), "run", str(FIXTURES / "hervatten.yaml"))
    assert result.returncode == 1
    assert "beschadigd" in result.stderr and str(store) in result.stderr
    assert "Traceback" not in result.stderr
    assert store.read_bytes() == before


def test_a_store_from_a_newer_version_is_refused_untouched(tmp_path):
    data = tmp_path / "data"
    ProgressStore.open(locations.store_path(data)).close()
    db = sqlite3.connect(locations.store_path(data), isolation_level=None)
    db.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = locations.store_path(data).read_bytes()
    result = leermodules("--data-dir", str(data))
    assert result.returncode == 1
    assert "nieuwere versie" in result.stderr
    assert "Traceback" not in result.stderr
    assert locations.store_path(data).read_bytes() == before


def test_the_data_folder_comes_from_the_option_then_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(locations.ENV_DATA_DIR, str(tmp_path / "uit-omgeving"))
    assert locations.data_dir(None) == tmp_path / "uit-omgeving"
    assert locations.data_dir(str(tmp_path / "optie")) == tmp_path / "optie"
    monkeypatch.delenv(locations.ENV_DATA_DIR)
    assert locations.data_dir(None).name == "leermodules"


def test_the_app_names_the_assessment_as_the_engine_does():
    assert tui_app.ASSESSMENT == ASSESSMENT
