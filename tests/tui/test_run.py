"""`leermodules run` refuses what it cannot use with a clear message, and never a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
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


def test_control_characters_in_a_refused_file_name_never_reach_the_terminal(tmp_path):
    # A file name or key carrying ESC/OSC would repaint or retitle the trainer's terminal.
    broken = tmp_path / "kapot\x1b]0;gehackt\x07.yaml"
    broken.write_text((FIXTURES / "hervatten.yaml").read_text().replace("minutes: 5", "minuten\x1b[2J: 5"))
    run = leermodules("--data-dir", str(tmp_path / "data"), "run", str(broken))
    assert run.returncode == 1
    assert "\x1b" not in run.stderr and "\x07" not in run.stderr
    assert "kapot" in run.stderr


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


# --- every way the store can be unusable: the app, a trainer's run and the results export all
# --- refuse with the store's Dutch message and exit 1, and leave the file as it was

HERVATTEN = FIXTURES / "hervatten.yaml"


def _filled_store(data: Path) -> Path:
    """A data folder with a store that holds an answer and a scan take."""
    from engine.store import Event, StoredScanTake
    from leermodules.tui.catalog import Catalog

    (module,) = Catalog.load([HERVATTEN]).loaded.values()
    store = ProgressStore.open(locations.store_path(data))
    store.finish_scan(module, lambda p: StoredScanTake("2026-01-03T10:00:00", "ontwikkelscan", "1.0.0", 4, {"a": 2.0}, {}))
    store.update(module, lambda p: p, Event("visit"))
    store.close()
    return locations.store_path(data)


def _change(path: Path, sql: str) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(sql)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def _damaged_row(tmp: Path) -> tuple[Path, str]:
    path = _filled_store(tmp / "data")
    _change(path, "UPDATE progress SET state = json_set(state, '$.pages_done', 7)")
    return tmp / "data", "tabel progress, rij 1 (module hervatten): 'state.pages_done' moet een lijst zijn"


def _schema_abc(tmp: Path) -> tuple[Path, str]:
    _change(_filled_store(tmp / "data"), "UPDATE schema_version SET version = 'abc'")
    return tmp / "data", "geen voortgangsbestand van leermodules"


def _damaged_take(tmp: Path) -> tuple[Path, str]:
    _change(_filled_store(tmp / "data"), "UPDATE scan_takes SET levels = 'kapot'")
    return tmp / "data", "tabel scan_takes, rij 1: 'levels' moet geldige JSON zijn"


def _empty_store(tmp: Path) -> tuple[Path, str]:
    (tmp / "data").mkdir()
    locations.store_path(tmp / "data").write_bytes(b"")
    return tmp / "data", "het bestand is leeg (0 bytes)"


def _folder_is_a_file(tmp: Path) -> tuple[Path, str]:
    (tmp / "data").write_text("dit is geen map")
    return tmp / "data", "is een bestand, geen map"


def _folder_under_a_file(tmp: Path) -> tuple[Path, str]:
    (tmp / "bestand").write_text("dit is geen map")
    return tmp / "bestand" / "data", "een deel van het pad is geen map"


UNUSABLE = [_damaged_row, _schema_abc, _damaged_take, _empty_store, _folder_is_a_file, _folder_under_a_file]
COMMANDS = {
    "app": [],
    "run": ["run", str(HERVATTEN)],
    "results": ["results", "export", "--out", "resultaat.json", "--name", "Sanne"],
}


def _files(tmp: Path) -> dict[str, bytes]:
    return {str(p.relative_to(tmp)): p.read_bytes() for p in sorted(tmp.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("make", UNUSABLE, ids=lambda f: f.__name__.strip("_"))
def test_an_unusable_store_stops_every_command_with_a_dutch_message_and_is_left_alone(tmp_path, make, command):
    data, reason = make(tmp_path)
    before = _files(tmp_path)
    env = {**os.environ, locations.ENV_DATA_DIR: str(data), "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "leermodules", *COMMANDS[command]],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, env=env,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert _files(tmp_path) == before  # nothing written, re-created or migrated; no results file
    if command == "results" and make in (_folder_is_a_file, _folder_under_a_file):
        assert "nog geen voortgang" in result.stderr  # the export's own message: there is no store to read
    else:
        assert reason in result.stderr
    for english in ("No such file", "Not a directory", "Read-only", "unable to open", "Errno"):
        assert english not in result.stderr


async def test_a_row_damaged_while_the_app_runs_stops_it_with_the_message_and_keeps_the_file(tmp_path, capsys):
    import asyncio

    from leermodules.tui.app import make_app
    from leermodules.tui.catalog import Catalog
    from leermodules.tui.screens.home import HomeScreen

    path = _filled_store(tmp_path / "data")
    store = ProgressStore.open(path)
    app = make_app(Catalog.load([HERVATTEN]), store, resume=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        _change(path, "UPDATE progress SET done = 'veel'")  # another program damages a row
        app.call_later(app.screen.fill)  # the home screen reads the summaries again
        for _ in range(200):  # until the app has stopped
            if app.return_code is not None:
                break
            await asyncio.sleep(0.01)
    store.close()
    assert app.return_code == 1
    said = " ".join(capsys.readouterr().err.split())  # the terminal's width wraps the lines
    assert "Traceback" not in said
    assert "tabel progress, rij 1 (module hervatten): 'done' moet een getal zijn" in said
    assert "Het is niet aangepast" in said
    assert sqlite3.connect(path).execute("SELECT done FROM progress").fetchone() == ("veel",)
