"""kill -9 loses nothing and stores nothing twice: not while the learner answers, not mid-sync."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from engine.grading import correct_response
from leermodules import locations
from leermodules.tui.session import ModuleSession
from tests.lrs.learners import MODULES, Learner

ROOT = Path(__file__).resolve().parents[2]
MODULE = MODULES["veiligheid"]
CHOICES = [q for p in MODULE.pages for q in p.questions if q.kind == "single"]

ANSWER_FOREVER = """
import sys
from engine.store import ProgressStore
from leermodules.commands.results import shipped_modules
from leermodules.tui.session import ModuleSession
module = next(m for m in shipped_modules() if m.id == "veiligheid")
questions = [q for p in module.pages for q in p.questions if q.kind == "single"]
store = ProgressStore.open(sys.argv[1])
session = ModuleSession(module, store)
i = 0
while True:
    q = questions[i % len(questions)]
    session.answer_practice(q.id, i % len(q.options))
    i += 1
    if i == 50:
        print("bezig", flush=True)
"""


def test_killed_while_answering_every_stored_answer_has_its_statement(tmp_path):
    learner = Learner(tmp_path / "sanne", "Sanne")
    path = locations.store_path(learner.data_dir)
    child = subprocess.Popen([sys.executable, "-c", ANSWER_FOREVER, str(path)], cwd=ROOT, stdout=subprocess.PIPE)
    assert child.stdout is not None and child.stdout.readline() == b"bezig\n"
    time.sleep(0.3)
    child.send_signal(signal.SIGKILL)
    child.wait()
    with learner.store() as store:
        answers = [e for e in store.events(MODULE.id) if e.kind == "practice"]
        answered = [q for q in store.xapi_pending(1_000_000) if q.statement["verb"]["id"].endswith("/answered")]
    assert len(answers) >= 50
    assert len(answered) == len(answers)


def test_killed_mid_sync_the_next_sync_sends_the_rest_and_the_lrs_holds_each_once(tmp_path, ralph):
    learner = Learner(tmp_path / "sanne", "Sanne")
    assert learner.run("lrs", "koppel", ralph.endpoint)[0] == 0
    with learner.store() as store:
        session = ModuleSession(MODULE, store)
        for i in range(2500):
            question = CHOICES[i % len(CHOICES)]
            session.answer_practice(question.id, i % len(question.options))
        queued = {q.id for q in store.xapi_pending(1_000_000)}
    assert correct_response(CHOICES[0]) is not None and len(queued) == 2501  # 'attempted', then one per answer

    child = subprocess.Popen([sys.executable, "-m", "leermodules", "lrs", "verstuur"], cwd=ROOT, env={**os.environ, **learner.env})
    at_kill = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and child.poll() is None:
        if ralph.statements_file.exists() and (at_kill := ralph.statements_file.read_bytes().count(b"\n")) > 0:
            child.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    child.wait()
    assert child.returncode == -signal.SIGKILL, "the sync finished before it could be killed"
    assert 0 < at_kill < len(queued)

    code, out, err = learner.run("lrs", "verstuur")
    assert code == 0, err
    ids = [s["id"] for s in ralph.stored()]
    assert len(ids) == len(set(ids)) == len(queued)  # nothing twice
    assert set(ids) == queued  # nothing lost
    with learner.store() as store:
        assert store.xapi_counts() == (0, len(queued), 0)
