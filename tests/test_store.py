"""The progress store keeps every answer, survives a second app instance, and refuses (without
touching) a file it cannot trust."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from engine.model import Module
from engine.progress import answer_practice, complete_page, start_attempt, visit
from engine.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, Event, ProgressStore, StoreError

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
            "questions": [
                {"id": f"v{i}", "kind": "text", "prompt": f"Vraag {i}?", "accepted": ["ja"]} for i in range(60)
            ],
        },
        {"id": "twee", "title": "Twee", "body": "Meer tekst."},
    ],
    "assessment": {
        "attempts": 2,
        "questions": [{"id": "t1", "kind": "true_false", "prompt": "Waar?", "answer": True}],
    },
}


def module(**changes) -> Module:
    return Module.model_validate({**MODULE, **changes})


def answer(store: ProgressStore, mod: Module, qid: str, text: str):
    return store.update(mod, lambda p: answer_practice(p, mod, qid, text)[0], Event("practice", qid, text), focus=qid)


def test_answers_and_position_survive_reopening(tmp_path):
    mod = module()
    store = ProgressStore.open(tmp_path / "s.sqlite3")
    store.update(mod, lambda p: visit(p, mod, "een"), Event("visit"))
    answer(store, mod, "v1", "ja")
    answer(store, mod, "v2", "nee")
    store.update(mod, lambda p: complete_page(p, mod, "een"), Event("complete"))
    store.close()

    again = ProgressStore.open(tmp_path / "s.sqlite3")
    progress = again.load(mod)
    assert progress.location == "een"
    assert dict(progress.practice) == {"v1": "ja", "v2": "nee"}
    assert progress.pages_done == {"een"}
    assert again.focus("proef") == "v2"
    assert again.last_module() == "proef"


def test_every_answer_ever_given_is_kept_even_when_the_module_changes(tmp_path):
    mod = module()
    store = ProgressStore.open(tmp_path / "s.sqlite3")
    answer(store, mod, "v1", "nee")
    answer(store, mod, "v1", "ja")
    answer(store, mod, "v59", "misschien")

    shorter = module(version="1.1.0", pages=[{**MODULE["pages"][0], "questions": MODULE["pages"][0]["questions"][:10]}])
    progress = store.load(shorter)
    assert dict(progress.practice) == {"v1": "ja"}  # v59 no longer exists in the module
    assert progress.module_version == "1.1.0"
    given = [(e.kind, e.question_id, e.response) for e in store.events("proef")]
    assert given == [("practice", "v1", "nee"), ("practice", "v1", "ja"), ("practice", "v59", "misschien")]


def test_a_change_the_rules_refuse_is_not_stored(tmp_path):
    mod = module(assessment={**MODULE["assessment"], "attempts": 1})
    store = ProgressStore.open(tmp_path / "s.sqlite3")
    store.update(mod, lambda p: start_attempt(p, mod, 7), Event("start"))
    with pytest.raises(Exception):
        store.update(mod, lambda p: start_attempt(p, mod, 8), Event("start"))
    assert len(store.load(mod).attempts) == 1
    assert [e.kind for e in store.events("proef")] == ["start"]


def test_two_instances_in_turn_keep_each_others_answers(tmp_path):
    mod = module()
    first = ProgressStore.open(tmp_path / "s.sqlite3")
    second = ProgressStore.open(tmp_path / "s.sqlite3")
    answer(first, mod, "v1", "ja")
    answer(second, mod, "v2", "ja")  # second never read v1 itself
    answer(first, mod, "v3", "ja")
    assert set(first.load(mod).practice) == {"v1", "v2", "v3"}


def _answer_many(path: str, start: int) -> None:
    mod = module()
    store = ProgressStore.open(path)
    for i in range(start, 60, 2):
        answer(store, mod, f"v{i}", "ja")
    store.close()


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "s.sqlite3")
    ProgressStore.open(path).close()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_answer_many, args=(path, start)) for start in (0, 1)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    store = ProgressStore.open(path)
    assert set(store.load(module()).practice) == {f"v{i}" for i in range(60)}
    assert len(store.events("proef")) == 60
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_store_uses_wal_and_records_its_schema_version(tmp_path):
    path = tmp_path / "s.sqlite3"
    ProgressStore.open(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION


def test_an_older_store_is_migrated_with_its_data(tmp_path):
    path = tmp_path / "s.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    MIGRATIONS[0](db)
    db.execute("UPDATE schema_version SET version = 1")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # as version 1 wrote it
    db.close()
    mod = module()
    store = ProgressStore.open(path)  # version 1 -> current
    answer(store, mod, "v1", "ja")
    store.set_setting("theme", "licht")
    store.close()
    store = ProgressStore.open(path)
    assert store.setting("theme") == "licht"
    assert dict(store.load(mod).practice) == {"v1": "ja"}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize(
    "damage, problem",
    [
        (lambda p: p.write_bytes(b"dit is geen database\n" * 50), "corrupt"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000), "corrupt"),
    ],
)
def test_a_damaged_store_is_refused_and_left_as_it_was(tmp_path, damage, problem):
    path = tmp_path / "s.sqlite3"
    damage(path)
    before = snapshot(tmp_path)
    with pytest.raises(StoreError) as caught:
        ProgressStore.open(path)
    assert caught.value.problem == problem
    assert snapshot(tmp_path) == before


def test_a_store_from_a_newer_version_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "s.sqlite3"
    mod = module()
    store = ProgressStore.open(path)
    answer(store, mod, "v1", "ja")
    store.close()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = snapshot(tmp_path)
    with pytest.raises(StoreError) as caught:
        ProgressStore.open(path)
    assert caught.value.problem == "too_new"
    assert snapshot(tmp_path) == before


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "s.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE recepten (naam TEXT)")
    db.commit()
    db.close()
    before = snapshot(tmp_path)
    with pytest.raises(StoreError) as caught:
        ProgressStore.open(path)
    assert caught.value.problem == "foreign"
    assert snapshot(tmp_path) == before


def test_a_data_folder_that_cannot_be_made_is_reported(tmp_path):
    (tmp_path / "bestand").write_text("x")
    with pytest.raises(StoreError) as caught:
        ProgressStore.open(tmp_path / "bestand" / "s.sqlite3")
    assert caught.value.problem == "unavailable"


def test_each_change_stores_the_engines_summary_for_the_module_list(tmp_path):
    mod = module()
    store = ProgressStore.open(tmp_path / "s.sqlite3")
    assert store.summaries() == {}
    store.update(mod, lambda p: visit(p, mod, "een"), Event("visit"))
    store.update(mod, lambda p: complete_page(p, mod, "een"), Event("complete"))
    summary = store.summaries()["proef"]
    assert (summary.status, summary.done, summary.best, summary.module_version) == ("incomplete", 1 / 3, None, "1.0.0")


# --- the ontwikkelscan's takes and the learner's name (schema 4) --------------------------------------

SCAN = {
    "id": "scan",
    "kind": "scan",
    "title": "Scan",
    "summary": "Een scan om de opslag mee te testen.",
    "version": "1.0.0",
    "minutes": 5,
    "themes": [{"id": "a", "title": "Thema A"}, {"id": "b", "title": "Thema B"}],
    "pages": [
        {
            "id": "p",
            "title": "Uitspraken",
            "questions": [
                {"id": f"s{i}", "kind": "likert", "theme": "ab"[i % 2], "prompt": f"Uitspraak {i}."} for i in range(4)
            ],
        }
    ],
}


def rate(store: ProgressStore, scan: Module, ratings: dict[str, int]) -> None:
    for qid, value in ratings.items():
        store.update(scan, lambda p, q=qid, v=value: answer_practice(p, scan, q, v)[0], Event("practice", qid, value))


def take_from(scan: Module, when: str):
    from engine.store import StoredScanTake

    def make(progress):
        ratings = dict(progress.practice)
        levels = {}
        for theme, ids in (("a", ("s0", "s2")), ("b", ("s1", "s3"))):
            given = [ratings[i] for i in ids if i in ratings]
            levels[theme] = sum(given) / len(given) if given else None
        return StoredScanTake(when, scan.id, scan.version, 4, levels, ratings)

    return make


def test_a_finished_scan_is_kept_and_the_next_take_starts_with_fresh_ratings(tmp_path):
    scan = Module.model_validate(SCAN)
    store = ProgressStore.open(tmp_path / "s.sqlite3")
    rate(store, scan, {"s0": 1, "s1": 2, "s2": 3})
    first = store.finish_scan(scan, take_from(scan, "2026-01-03T10:00:00"))
    assert first.levels == {"a": 2.0, "b": 2.0} and first.ratings == {"s0": 1, "s1": 2, "s2": 3}
    assert dict(store.load(scan).practice) == {}  # a retake begins empty ...
    rate(store, scan, {"s0": 4, "s1": 4, "s2": 4, "s3": 4})
    store.finish_scan(scan, take_from(scan, "2026-02-03T10:00:00"))
    store.close()
    store = ProgressStore.open(tmp_path / "s.sqlite3")  # ... and every take survives reopening
    takes = store.scan_takes("scan")
    assert [t.taken_at for t in takes] == ["2026-01-03T10:00:00", "2026-02-03T10:00:00"]
    assert takes[0].levels == {"a": 2.0, "b": 2.0}
    assert takes[1].levels == {"a": 4.0, "b": 4.0} and takes[1].top == 4 and takes[1].scan_version == "1.0.0"
    assert store.scan_takes("een-andere-scan") == []
    # every rating of the first take is still in the events, in order
    practice = [(e.question_id, e.response) for e in store.events("scan") if e.kind == "practice"]
    assert practice[:3] == [("s0", 1), ("s1", 2), ("s2", 3)]
    assert [e.kind for e in store.events("scan")].count("scan_done") == 2


def test_a_take_that_fails_to_be_made_records_nothing_and_keeps_the_ratings(tmp_path):
    scan = Module.model_validate(SCAN)
    store = ProgressStore.open(tmp_path / "s.sqlite3")
    rate(store, scan, {"s0": 1})

    def broken(progress):
        raise RuntimeError("kapot")

    with pytest.raises(RuntimeError):
        store.finish_scan(scan, broken)
    assert store.scan_takes() == []
    assert dict(store.load(scan).practice) == {"s0": 1}


def test_the_learners_name_is_a_setting_kept_as_typed_without_surrounding_spaces(tmp_path):
    store = ProgressStore.open(tmp_path / "s.sqlite3")
    assert store.learner_name() is None
    store.set_learner_name("  Sanne de Vries ")
    store.close()
    assert ProgressStore.open(tmp_path / "s.sqlite3").learner_name() == "Sanne de Vries"


def test_a_store_of_schema_3_gets_the_scan_table_and_keeps_its_progress(tmp_path):
    path = tmp_path / "s.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:3]:
        step(db)
    db.execute("UPDATE schema_version SET version = 3")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.close()
    mod = module()
    store = ProgressStore.open(path)
    answer(store, mod, "v1", "ja")
    store.close()
    store = ProgressStore.open(path)
    assert dict(store.load(mod).practice) == {"v1": "ja"}
    assert store.scan_takes() == []
    scan = Module.model_validate(SCAN)
    rate(store, scan, {"s0": 2})
    store.finish_scan(scan, take_from(scan, "2026-01-03T10:00:00"))
    assert len(store.scan_takes()) == 1
