"""Every learning event becomes an xAPI statement in the store's queue, in the event's transaction."""

from __future__ import annotations

import uuid

import pytest

from engine import xapi
from engine.grading import correct_response
from engine.progress import ProgressError
from engine.store import Event
from leermodules.tui.scan_session import ScanSession
from leermodules.tui.session import ModuleSession
from tests.lrs.learners import MODULES, SCAN, Learner

MODULE = MODULES["veiligheid"]


def verbs(store) -> list[tuple[str, str]]:
    return [(q.statement["verb"]["id"].rsplit("/", 1)[1], q.statement["object"]["id"]) for q in store.xapi_pending(10_000)]


def test_each_learning_event_is_queued_as_a_statement(tmp_path):
    learner = Learner(tmp_path, "Sanne")
    with learner.store() as store:
        session = ModuleSession(MODULE, store, seeds=lambda: 7)
        page = MODULE.pages[0]
        session.visit(page.id)
        session.complete_page(page.id)
        question = next(q for p in MODULE.pages for q in p.questions if correct_response(q) is not None)
        session.answer_practice(question.id, correct_response(question))
        attempt = session.start_attempt()
        session.answer_attempt(attempt.questions[0], correct_response(MODULE.question(attempt.questions[0])))
        session.submit()
        queued = store.xapi_pending(1000)
    module_iri = xapi.module_iri(MODULE.id)
    assert [(q.statement["verb"]["id"], q.statement["object"]["id"]) for q in queued] == [
        (xapi.ADL + "attempted", module_iri),
        (xapi.ADL + "experienced", f"{module_iri}/pagina/{page.id}"),
        (xapi.ADL + "answered", f"{module_iri}/vraag/{question.id}"),
        (xapi.ADL + "answered", f"{module_iri}/vraag/{attempt.questions[0]}"),
        (xapi.ADL + "failed", module_iri),  # one answer of many: below the pass mark
    ]
    practice, in_toets, handed_in = queued[2].statement, queued[3].statement, queued[4].statement
    assert practice["result"]["success"] is True and practice["result"]["score"]["scaled"] == 1.0
    assert practice["context"]["extensions"][xapi.EXT_MODE] == "oefenen"
    assert in_toets["context"]["extensions"] == {xapi.EXT_VERSION: MODULE.version, xapi.EXT_MODE: "toets", xapi.EXT_ATTEMPT: 1}
    score = store_score = handed_in["result"]["score"]
    assert handed_in["result"]["success"] is False and 0 <= score["scaled"] < MODULE.assessment.pass_mark / 100
    assert store_score["raw"] == pytest.approx(100 * score["scaled"])
    for q in queued:
        assert q.statement["version"] == "1.0.3" and "actor" not in q.statement  # the actor is added when sent
        assert uuid.UUID(q.id).version == 5 and q.statement["id"] == q.id


def test_a_passed_toets_is_queued_with_its_score(tmp_path):
    with Learner(tmp_path, "Sanne").store() as store:
        session = ModuleSession(MODULE, store, seeds=lambda: 7)
        attempt = session.start_attempt()
        for question_id in attempt.questions:
            answer = correct_response(MODULE.question(question_id))
            if answer is not None:
                session.answer_attempt(question_id, answer)
        session.submit()
        last = store.xapi_pending(1000)[-1].statement
    assert last["verb"]["id"] == xapi.ADL + "passed"
    assert last["result"] == {"score": {"scaled": 1.0, "raw": 100.0, "min": 0, "max": 100}, "success": True, "completion": True}


def test_a_scan_take_is_queued_with_its_levels_but_not_the_single_ratings(tmp_path):
    with Learner(tmp_path, "Sanne").store() as store:
        scan = ScanSession(SCAN, store)
        for statement in scan.statements:
            scan.answer_practice(statement.id, 3)
        take = scan.finish("2026-11-20T10:00:00")
        queued = store.xapi_pending(1000)
    assert len(queued) == 1
    sent = queued[0].statement
    assert sent["verb"]["id"] == xapi.ADL + "completed" and sent["object"]["id"] == xapi.scan_iri(SCAN.id)
    assert sent["result"]["extensions"][xapi.EXT_LEVELS] == take.levels
    assert sent["result"]["extensions"][xapi.EXT_TAKEN_AT] == "2026-11-20T10:00:00"


def test_a_refused_change_queues_nothing_and_no_event_is_queued_twice(tmp_path):
    with Learner(tmp_path, "Sanne").store() as store:
        session = ModuleSession(MODULE, store, seeds=lambda: 7)
        session.visit(MODULE.pages[0].id)
        before = [q.id for q in store.xapi_pending(1000)]

        def refuse(progress):
            raise ProgressError("no")

        with pytest.raises(ProgressError):
            store.update(MODULE, refuse, Event("complete"))
        assert [q.id for q in store.xapi_pending(1000)] == before
        session.complete_page(MODULE.pages[0].id)
        session.complete_page(MODULE.pages[0].id)  # already done: no event, nothing queued
        assert len(store.xapi_pending(1000)) == len(before) + 1


def test_statement_ids_are_stable_per_event_and_differ_between_learners(tmp_path):
    def ids(folder):
        with Learner(folder, "x").store() as store:
            session = ModuleSession(MODULE, store, seeds=lambda: 7)
            session.visit(MODULE.pages[0].id)
            session.complete_page(MODULE.pages[0].id)
            return [q.id for q in store.xapi_pending(1000)]

    first, second = ids(tmp_path / "a"), ids(tmp_path / "b")
    assert len(first) == 2 and not set(first) & set(second)
    with Learner(tmp_path / "a", "x").store() as store:  # reopened: the same statements, the same ids
        assert [q.id for q in store.xapi_pending(1000)] == first
    assert xapi.statement_id("k/1", "answered") == xapi.statement_id("k/1", "answered") != xapi.statement_id("k/2", "answered")


def test_what_is_sent_holds_only_what_the_learner_opted_into():
    queued = {
        "id": xapi.statement_id("k", "1"),
        "verb": xapi.verb("answered"),
        "object": {"objectType": "Activity", "id": xapi.module_iri("m") + "/vraag/q"},
        "result": {"response": "mijn cliënt woont in Zwolle", "success": True},
        "timestamp": xapi.timestamp(0),
    }
    plain = xapi.personalise(queued, xapi.Sharing("https://lrs.example/xAPI/", "lm-1234"))
    assert plain["actor"] == {"objectType": "Agent", "account": {"homePage": "https://lrs.example/xAPI/", "name": "lm-1234"}}
    assert "response" not in plain["result"] and "grouping" not in plain.get("context", {}).get("contextActivities", {})
    sharing = xapi.Sharing("https://lrs.example/xAPI/", "lm-1234", name="Sanne", email="s@wijkteam.example", group="noord", responses=True)
    chosen = xapi.personalise(queued, sharing)
    assert chosen["actor"] == {"objectType": "Agent", "mbox": "mailto:s@wijkteam.example", "name": "Sanne"}
    assert chosen["result"]["response"] == "mijn cliënt woont in Zwolle"
    assert chosen["context"]["contextActivities"]["grouping"][0]["id"] == xapi.group_iri("noord")
    assert "actor" not in queued and queued["result"]["response"]  # the queued statement is left as it was


def test_a_store_of_schema_6_gets_the_queue_and_its_own_id_and_keeps_its_progress(tmp_path):
    import sqlite3

    from engine.store import APPLICATION_ID, MIGRATIONS, XAPI_STORE_SETTING, ProgressStore

    path = tmp_path / "voortgang.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:6]:
        step(db)
    db.execute("UPDATE schema_version SET version = 6")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("INSERT INTO settings (key, value) VALUES ('theme', 'licht')")
    db.close()
    store = ProgressStore.open(path)
    try:
        assert store.setting("theme") == "licht"
        assert uuid.UUID(store.setting(XAPI_STORE_SETTING))  # a random id, made once
        ModuleSession(MODULE, store).visit(MODULE.pages[0].id)
        assert [q.statement["verb"]["id"] for q in store.xapi_pending(10)] == [xapi.ADL + "attempted"]
    finally:
        store.close()
