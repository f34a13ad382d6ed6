"""The queue to a real LRS (Ralph): opt-in, each statement once, nothing lost while it is offline."""

from __future__ import annotations

import json
import os
import stat

from engine import xapi
from tests.lrs.learners import Learner
from tests.lrs.ralph import PASSWORD


def link(learner: Learner, ralph, *options: str) -> None:
    code, out, err = learner.run("lrs", "koppel", ralph.endpoint, *options)
    assert code == 0, err


def test_nothing_is_sent_before_the_learner_links_and_status_says_so(tmp_path, ralph):
    learner = Learner(tmp_path / "sanne", "Sanne")
    learner.work(1)
    code, out, _ = learner.run("lrs", "status")
    assert code == 0 and "Niet gekoppeld" in out
    assert learner.run("lrs", "verstuur")[0] == 1
    assert ralph.stored() == []


def test_linked_statements_reach_the_lrs_once_valid_and_as_the_learner_chose(tmp_path, ralph):
    learner = Learner(tmp_path / "sanne", "Sanne")
    learner.work(2)  # before linking
    link(learner, ralph, "--ook-eerder", "--groep", "wijkteam-noord")
    config_file = learner.config_dir / "lrs.json"
    assert stat.S_IMODE(os.stat(config_file).st_mode) == 0o600
    with learner.store() as store:
        queued = {q.id: q.statement for q in store.xapi_pending(10_000)}
    stored_bytes = b"".join(f.read_bytes() for f in learner.data_dir.iterdir() if f.is_file())
    assert PASSWORD.encode() not in stored_bytes and PASSWORD.encode() in config_file.read_bytes()

    code, out, err = learner.run("lrs", "verstuur")
    assert code == 0, err
    assert f"{len(queued)} verstuurd; 0 staat nog klaar" in out
    code, out, err = learner.run("lrs", "verstuur")  # again: nothing left, nothing sent twice
    assert code == 0 and "0 verstuurd" in out

    stored = ralph.stored()  # Ralph validated each statement against xAPI 1.0.3 before it stored it
    assert sorted(s["id"] for s in stored) == sorted(queued)
    account = json.loads(config_file.read_text())["account"]
    for statement in stored:
        assert statement["actor"] == {"objectType": "Agent", "account": {"homePage": ralph.endpoint, "name": account}}
        assert statement["verb"]["id"] == queued[statement["id"]]["verb"]["id"]
        assert statement["context"]["contextActivities"]["grouping"][0]["id"] == xapi.group_iri("wijkteam-noord")
        assert "response" not in statement.get("result", {})  # answers themselves only with --met-antwoorden
        assert "mbox" not in statement["actor"] and "name" not in statement["actor"]
    verbs = {s["verb"]["id"].rsplit("/", 1)[1] for s in stored}
    assert {"attempted", "experienced", "answered", "completed"} <= verbs

    code, out, _ = learner.run("lrs", "status")
    assert f"Klaar om te versturen: 0. Verstuurd: {len(queued)}." in out and "gelukt" in out


def test_only_what_happens_after_linking_is_sent_unless_the_learner_chooses_more(tmp_path, ralph):
    learner = Learner(tmp_path / "sanne", "Sanne")
    learner.work(3)
    link(learner, ralph, "--met-antwoorden")
    learner.work(4, modules=1)
    with learner.store() as store:
        waiting, _, held = store.xapi_counts(since=json.loads((learner.config_dir / "lrs.json").read_text())["since"])
    assert waiting and held
    assert learner.run("lrs", "verstuur")[0] == 0
    stored = ralph.stored()
    assert len(stored) == waiting
    assert any("response" in s.get("result", {}) for s in stored)  # chosen: the answers themselves go too
    code, out, _ = learner.run("lrs", "status")
    assert f"(van vóór het koppelen, niet gekozen): {held}" in out


def test_offline_the_queue_stays_status_tells_and_it_is_sent_when_the_lrs_is_back(tmp_path, ralph):
    learner = Learner(tmp_path / "sanne", "Sanne")
    link(learner, ralph)
    learner.work(5)
    ralph.stop()
    code, out, err = learner.run("lrs", "verstuur")
    assert code == 1 and "niet bereikbaar" in err
    with learner.store() as store:
        waiting = store.xapi_counts()[0]
    assert waiting > 0
    code, out, _ = learner.run("lrs", "status")
    assert f"Klaar om te versturen: {waiting}. Verstuurd: 0." in out and "niet bereikbaar" in out

    ralph.start()
    assert learner.run("lrs", "verstuur")[0] == 0
    assert len(ralph.stored()) == waiting


def test_wrong_credentials_link_nothing(tmp_path, ralph, monkeypatch):
    learner = Learner(tmp_path / "sanne", "Sanne")
    monkeypatch.setenv("LEERMODULES_LRS_WACHTWOORD", "fout")
    env = learner.env
    env["LEERMODULES_LRS_WACHTWOORD"] = "fout"
    monkeypatch.setattr(Learner, "env", property(lambda self: env))
    code, _, err = learner.run("lrs", "koppel", ralph.endpoint)
    assert code == 1 and "weigert" in err
    assert not (learner.config_dir / "lrs.json").exists()


def test_unlinking_forgets_the_password_and_stops_sending(tmp_path, ralph):
    learner = Learner(tmp_path / "sanne", "Sanne")
    link(learner, ralph)
    code, out, _ = learner.run("lrs", "ontkoppel")
    assert code == 0 and not (learner.config_dir / "lrs.json").exists()
    learner.work(6)
    assert learner.run("lrs", "verstuur")[0] == 1
    assert ralph.stored() == []


def test_a_statement_the_lrs_refuses_is_kept_aside_and_never_holds_up_the_rest(tmp_path, ralph):
    import sqlite3

    from leermodules import locations

    learner = Learner(tmp_path / "sanne", "Sanne")
    link(learner, ralph)
    learner.work(6)
    with learner.store() as store:
        queued = [q.id for q in store.xapi_pending(10_000)]
    assert len(queued) > 2
    bad = queued[1]  # damaged after it was queued: a statement without a verb, which xAPI forbids
    db = sqlite3.connect(locations.store_path(learner.data_dir))
    statement = json.loads(db.execute("SELECT statement FROM xapi_queue WHERE id = ?", (bad,)).fetchone()[0])
    del statement["verb"]
    db.execute("UPDATE xapi_queue SET statement = ? WHERE id = ?", (json.dumps(statement), bad))
    db.commit()
    db.close()

    code, out, err = learner.run("lrs", "verstuur")
    assert code == 0, err
    assert sorted(s["id"] for s in ralph.stored()) == sorted(set(queued) - {bad})  # the rest went
    code, out, _ = learner.run("lrs", "status")
    assert "Klaar om te versturen: 0." in out and "Geweigerd door de LRS (bewaard op deze computer, niet opnieuw verstuurd): 1." in out
    with learner.store() as store:
        assert bad not in [q.id for q in store.xapi_pending(10_000)]  # kept, but not offered again
    assert learner.run("lrs", "verstuur")[0] == 0
    assert len(ralph.stored()) == len(queued) - 1
