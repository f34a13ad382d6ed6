"""Every way a progress store can be unusable is refused with a Dutch reason (a `StoreError`),
never a traceback, and the file is left exactly as it was: learners' answers are never overwritten."""

from __future__ import annotations

import errno
import json
import sqlite3
from pathlib import Path

import pytest

from engine import messages as msg
from engine.model import Module
from engine.progress import Status, answer_practice, start_attempt
from engine.store import STATUSES, Event, ProgressStore, StoredScanTake, StoreError

MODULE = {
    "id": "proef",
    "title": "Proef",
    "summary": "Een module om de opslag mee te testen.",
    "version": "1.0.0",
    "minutes": 5,
    "pages": [
        {
            "id": "een",
            "title": "Een",
            "body": "Tekst.",
            "questions": [{"id": "v1", "kind": "text", "prompt": "Vraag?", "accepted": ["ja"]}],
        }
    ],
    "assessment": {"attempts": 2, "questions": [{"id": "t1", "kind": "true_false", "prompt": "Waar?", "answer": True}]},
}


def filled(path: Path) -> Module:
    """A store with an answer, an attempt, a setting and a scan take, as the app writes them."""
    mod = Module.model_validate(MODULE)
    store = ProgressStore.open(path)
    store.finish_scan(mod, lambda p: StoredScanTake("2026-01-03T10:00:00", "proef", "1.0.0", 4, {"a": 2.5}, {"s0": 2}))
    store.update(mod, lambda p: answer_practice(p, mod, "v1", "ja")[0], Event("practice", "v1", "ja"), focus="v1")
    store.update(mod, lambda p: start_attempt(p, mod, 7), Event("start"))
    store.set_setting("theme", "textual-light")
    store.close()
    return mod


def change(path: Path, *statements: str) -> None:
    """Change the file behind the store's back (another program, a disk fault, a hand edit)."""
    db = sqlite3.connect(path, isolation_level=None)
    for sql in statements:
        db.execute(sql)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def refused(path: Path) -> StoreError:
    before = snapshot(path.parent)
    with pytest.raises(StoreError) as caught:
        ProgressStore.open(path)
    assert snapshot(path.parent) == before  # not written, not migrated, not re-created
    return caught.value


STATE = "(SELECT state FROM progress WHERE module_id = 'proef')"


@pytest.mark.parametrize(
    "sql, table, what",
    [
        ("UPDATE progress SET state = '{kapot'", "progress", "'state' moet geldige JSON zijn"),
        ("UPDATE progress SET state = '[]'", "progress", "'state' moet een JSON-object zijn"),
        (f"UPDATE progress SET state = json_remove({STATE}, '$.attempts')", "progress", "'state.attempts' moet aanwezig zijn"),
        (f"UPDATE progress SET state = json_set({STATE}, '$.attempts[0].position', 'x')", "progress",
         "'state.attempts[0].position' moet een heel getal zijn"),
        (f"UPDATE progress SET state = json_set({STATE}, '$.pages_done', json('[1]'))", "progress",
         "'state.pages_done[0]' moet tekst zijn"),
        (f"UPDATE progress SET state = json_set({STATE}, '$.attempts[0].score', 250)", "progress",
         "'state.attempts[0].score' ligt niet tussen 0 en 100"),
        (f"UPDATE progress SET state = json_set({STATE}, '$.module', 'iets-anders')", "progress", "andere module"),
        ("UPDATE progress SET status = 'half'", "progress", "'status' moet een bekende status zijn"),
        ("UPDATE progress SET done = 'veel'", "progress", "'done' moet een getal zijn"),
        ("UPDATE progress SET done = 3", "progress", "'done' ligt niet tussen 0 en 1"),
        ("UPDATE progress SET focus = x'0102'", "progress", "'focus' moet tekst zijn"),
        ("UPDATE progress SET revision = 'x'", "progress", "'revision' moet een heel getal zijn"),
        ("UPDATE scan_takes SET levels = '[]'", "scan_takes", "'levels' moet een JSON-object zijn"),
        ("UPDATE scan_takes SET ratings = '{\"s0\": \"veel\"}'", "scan_takes", "'ratings.s0' moet een heel getal zijn"),
        ("UPDATE scan_takes SET levels = '{\"a\": 9}'", "scan_takes", "'levels.a' ligt niet tussen 0 en 4"),
        ("UPDATE scan_takes SET top = 0", "scan_takes", "'top' ligt niet tussen 1 en 10"),
        ("UPDATE scan_takes SET taken_at = 'gisteren'", "scan_takes", "'taken_at' moet een datum (ISO 8601) zijn"),
        ("UPDATE scan_takes SET levels = '{\"a\": \"hoog\"}'", "scan_takes", "'levels.a' moet een getal zijn"),
        ("UPDATE settings SET value = x'00ff'", "settings", "'value' moet tekst zijn"),
    ],
)
def test_a_damaged_row_is_refused_when_the_store_is_opened_naming_table_and_row(tmp_path, sql, table, what):
    path = tmp_path / "s.sqlite3"
    filled(path)
    change(path, "PRAGMA ignore_check_constraints = ON", sql)
    problem = refused(path)
    assert problem.problem == "corrupt"
    assert problem.detail.startswith(f"tabel {table}, rij 1")
    assert what in problem.detail


@pytest.mark.parametrize("sql", ["UPDATE schema_version SET version = 'abc'", "UPDATE schema_version SET version = -1",
                                 "UPDATE schema_version SET version = 2.5", "INSERT INTO schema_version VALUES (4)"])
def test_a_schema_version_that_is_not_ours_is_a_foreign_store(tmp_path, sql):
    path = tmp_path / "s.sqlite3"
    filled(path)
    change(path, sql)
    assert refused(path).problem == "foreign"


def test_a_store_missing_a_table_of_its_version_is_damaged(tmp_path):
    path = tmp_path / "s.sqlite3"
    filled(path)
    change(path, "DROP TABLE scan_takes")
    problem = refused(path)
    assert problem.problem == "corrupt" and problem.detail == msg.store_table_missing("scan_takes")


def test_an_empty_store_file_is_damaged_and_only_a_missing_one_is_created(tmp_path):
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"")
    problem = refused(path)
    assert problem.problem == "corrupt" and problem.detail == msg.STORE_EMPTY
    assert path.read_bytes() == b""

    fresh = tmp_path / "nieuw" / "s.sqlite3"
    ProgressStore.open(fresh).close()
    assert fresh.read_bytes().startswith(b"SQLite format 3\x00")
    assert [p.name for p in fresh.parent.iterdir()] == ["s.sqlite3"]  # nothing left beside it


def test_a_store_made_by_another_instance_meanwhile_is_kept(tmp_path, monkeypatch):
    """Two first starts at once: the store is built aside and linked in, never over another's."""
    import engine.store as store_module

    path = tmp_path / "s.sqlite3"
    mod = Module.model_validate(MODULE)
    real_link = store_module.os.link

    def other_instance_first(aside, target):
        monkeypatch.setattr(store_module.os, "link", real_link)
        other = ProgressStore.open(target)  # the other instance creates the store and saves an answer
        other.update(mod, lambda p: answer_practice(p, mod, "v1", "ja")[0], Event("practice", "v1", "ja"))
        other.close()
        real_link(aside, target)

    monkeypatch.setattr(store_module.os, "link", other_instance_first)
    store = ProgressStore.open(path)
    assert dict(store.load(mod).practice) == {"v1": "ja"}
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("s.sqlite3")] == []


@pytest.mark.parametrize(
    "make, detail",
    [
        (lambda tmp: (tmp / "bestand").write_text("x") and tmp / "bestand" / "s.sqlite3", "bestand is een bestand, geen map"),
        (lambda tmp: (tmp / "bestand").write_text("x") and tmp / "bestand" / "data" / "s.sqlite3", "een deel van het pad is geen map"),
        (lambda tmp: (tmp / "s.sqlite3").mkdir() or tmp / "s.sqlite3", "dit is een map, geen bestand"),
    ],
)
def test_a_place_that_is_not_a_folder_or_not_a_file_is_unavailable_in_dutch(tmp_path, make, detail):
    path = make(tmp_path)
    with pytest.raises(StoreError) as caught:
        ProgressStore.open(path)
    assert caught.value.problem == "unavailable"
    assert detail in caught.value.detail


def test_a_read_only_data_folder_is_unavailable_in_dutch(tmp_path, monkeypatch):
    def read_only(self, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "mkdir", read_only)
    with pytest.raises(StoreError) as caught:
        ProgressStore.open(tmp_path / "data" / "s.sqlite3")
    assert caught.value.problem == "unavailable"
    assert caught.value.detail == "alleen-lezen bestandssysteem"


def test_a_folder_where_no_file_can_be_made_is_unavailable_in_dutch(tmp_path, monkeypatch):
    """SQLite's own 'unable to open database file' (a read-only folder) is told in Dutch."""
    real = sqlite3.connect

    def cannot_create(target, *args, **kwargs):
        return real(f"file:{target}?mode=ro", *args, uri=True, **kwargs)  # as in a read-only folder

    monkeypatch.setattr(sqlite3, "connect", cannot_create)
    with pytest.raises(StoreError) as caught:
        ProgressStore.open(tmp_path / "s.sqlite3")
    assert caught.value.problem == "unavailable"
    assert caught.value.detail == "het bestand kan niet worden geopend of aangemaakt"
    assert list(tmp_path.iterdir()) == []


def sqlite_failure(action) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        action()
    return caught.value


def test_sqlites_errors_are_told_in_dutch(tmp_path):
    (tmp_path / "geen.db").write_bytes(b"dit is geen database\n" * 50)
    path = tmp_path / "s.sqlite3"
    ProgressStore.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    errors = {
        "unable to open": sqlite_failure(lambda: sqlite3.connect(tmp_path / "nergens" / "x.db")),
        "not a database": sqlite_failure(lambda: sqlite3.connect(tmp_path / "geen.db").execute("SELECT * FROM sqlite_master")),
        "readonly": sqlite_failure(
            lambda: sqlite3.connect(f"file:{path}?mode=ro", uri=True).execute("INSERT INTO settings VALUES ('a', 'b')")
        ),
        "locked": sqlite_failure(lambda: sqlite3.connect(path, timeout=0).execute("INSERT INTO settings VALUES ('a', 'b')")),
    }
    holder.execute("ROLLBACK")
    said = {name: msg.sqlite_error(exc) for name, exc in errors.items()}
    assert said == {
        "unable to open": "het bestand kan niet worden geopend of aangemaakt",
        "not a database": "het is geen SQLite-database",
        "readonly": "er mag niet in worden geschreven (alleen lezen)",
        "locked": "het bestand is in gebruik door een ander programma",
    }
    assert msg.sqlite_error(sqlite3.OperationalError("disk I/O error")) == "lees- of schrijffout van de schijf"


def test_a_row_damaged_while_the_app_runs_is_reported_when_read_and_not_overwritten(tmp_path):
    path = tmp_path / "s.sqlite3"
    mod = filled(path)
    store = ProgressStore.open(path)
    change(path, "UPDATE progress SET state = '{kapot'", "UPDATE scan_takes SET ratings = 'x'")
    for read in (lambda: store.load(mod), store.summaries, lambda: store.focus("proef"), store.last_module, store.scan_takes):
        with pytest.raises(StoreError) as caught:
            read()
        assert caught.value.problem == "corrupt"
    with pytest.raises(StoreError):
        store.update(mod, lambda p: p, Event("visit"))
    store.close()
    assert sqlite3.connect(path).execute("SELECT state FROM progress").fetchone() == ("{kapot",)


def test_a_damaged_event_is_reported_when_read(tmp_path):
    path = tmp_path / "s.sqlite3"
    filled(path)
    store = ProgressStore.open(path)
    change(path, "UPDATE events SET response = '{kapot' WHERE kind = 'practice'")
    with pytest.raises(StoreError) as caught:
        store.events("proef")
    assert caught.value.detail == "tabel events, rij 2: 'response' moet geldige JSON zijn"


def test_the_stores_statuses_are_the_engines():
    assert STATUSES == {s.value for s in Status}


def test_a_healthy_store_with_every_kind_of_row_opens(tmp_path):
    path = tmp_path / "s.sqlite3"
    mod = filled(path)
    store = ProgressStore.open(path)
    assert dict(store.load(mod).practice) == {"v1": "ja"}
    assert store.summaries()["proef"].status == "incomplete"
    assert store.scan_takes()[0].ratings == {"s0": 2}
    assert json.loads(json.dumps(store.scan_takes()[0].levels)) == {"a": 2.5}


def test_a_store_that_cannot_be_written_is_refused_before_anything_is_answered(tmp_path, monkeypatch):
    """A read-only file or folder (root may write anyway, so the system's answer is simulated)."""
    import engine.store as store_module

    path = tmp_path / "s.sqlite3"
    filled(path)
    monkeypatch.setattr(store_module.os, "access", lambda target, mode: Path(target) != tmp_path)
    problem = refused(path)
    assert problem.problem == "unavailable" and problem.detail == msg.STORE_READ_ONLY
