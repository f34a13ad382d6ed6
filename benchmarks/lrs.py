"""LRS speed: syncing 100,000 queued xAPI statements of 400 learners to Ralph, and the 400-member
teamschouw built back from Ralph, against a bare POST loop of the same statements to the same
server (a fresh Ralph with the same settings), both measured in this run.

    python benchmarks/lrs.py [--statements 100000] [--members 400]

Needs Ralph (`pip install -c constraints.txt '.[test]'`). Ralph runs with its file-system backend,
which reads its whole file for every POST (to find ids it already has) and for every page of a
query, so both sides slow down as the LRS fills; the ratio is what counts. The queues are filled
directly in each learner's store (`xapi_queue`), copying the statements one real learner's events
made, each with its own id: making 100,000 events one answer at a time would measure the store.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import sqlite3
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine import xapi  # noqa: E402
from engine.store import ProgressStore  # noqa: E402
from engine.team import combine  # noqa: E402
from leermodules.commands.results import shipped_modules  # noqa: E402
from leermodules.lrs.client import LrsClient  # noqa: E402
from leermodules.lrs.config import LrsLink  # noqa: E402
from leermodules.lrs.sync import BATCH, send_queued  # noqa: E402
from tests.lrs.learners import Learner  # noqa: E402
from tests.lrs.ralph import PASSWORD, USER, Ralph, need_ralph  # noqa: E402

GROUP = "benchmark"


def template(folder: Path) -> list[dict]:
    """The statements one learner's real events make (pages, answers, toetsen, a scan take)."""
    learner = Learner(folder, "sjabloon")
    for seed in range(3):
        learner.work(seed, modules=3)
    with learner.store() as store:
        return [q.statement for q in store.xapi_pending(100_000)]


def fill(folder: Path, member: int, statements: list[dict], count: int) -> Path:
    """A learner's store whose queue holds `count` statements, copied from `statements` with ids of their own."""
    path = folder / f"lid-{member:03d}" / "voortgang.sqlite3"
    ProgressStore.open(path).close()
    rng = random.Random(member)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    for i in range(count):
        statement = json.loads(json.dumps(statements[i % len(statements)]))
        statement["id"] = xapi.statement_id(f"benchmark/{member}", str(i))
        levels = statement.get("result", {}).get("extensions", {}).get(xapi.EXT_LEVELS)
        if levels is not None:  # every member their own scan
            for theme in levels:
                levels[theme] = rng.randint(0, 4)
        db.execute("INSERT INTO xapi_queue (id, at, statement) VALUES (?, ?, ?)", (statement["id"], time.time(), json.dumps(statement)))
    db.execute("COMMIT")
    db.close()
    return path


def link_for(ralph: Ralph, member: int) -> LrsLink:
    return LrsLink(ralph.endpoint, USER, PASSWORD, account=f"lm-bench-{member:03d}", name=f"Collega {member + 1:03d}", group=GROUP)


def bare_post_loop(ralph: Ralph, bodies: list[bytes]) -> float:
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    headers = {"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"}
    start = time.perf_counter()
    for body in bodies:
        request = urllib.request.Request(ralph.endpoint + "statements", data=body, method="POST", headers=headers)
        with urllib.request.urlopen(request, timeout=600) as response:
            response.read()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--members", type=int, default=400)
    args = parser.parse_args()
    try:
        need_ralph()
    except BaseException as exc:  # pytest's skip outside pytest
        sys.exit(f"benchmarks/lrs.py: {exc}")
    per_member = args.statements // args.members
    total = per_member * args.members
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        statements = template(folder / "sjabloon")
        stores = [fill(folder / "leden", m, statements, per_member) for m in range(args.members)]

        # baseline: the same statements (as sent, with actor and group), POSTed in the same batches
        baseline_server = Ralph(folder / "ralph-kaal").start()
        bodies = []
        for member, path in enumerate(stores):
            sharing = link_for(baseline_server, member).sharing
            store = ProgressStore.open(path)
            queued = [xapi.personalise(q.statement, sharing) for q in store.xapi_pending(per_member)]
            store.close()
            bodies += [json.dumps(queued[i : i + BATCH]).encode() for i in range(0, len(queued), BATCH)]
        try:
            bare = bare_post_loop(baseline_server, bodies)
        finally:
            baseline_server.stop()

        ralph = Ralph(folder / "ralph").start()
        try:
            opened = [ProgressStore.open(path) for path in stores]  # each learner's app has its store open
            start = time.perf_counter()
            for member, store in enumerate(opened):
                link = link_for(ralph, member)
                outcome = send_queued(store, link, LrsClient(link.endpoint, USER, PASSWORD, timeout=600))
                assert outcome.error is None and outcome.waiting == 0, outcome
            synced = time.perf_counter() - start
            for store in opened:
                store.close()

            start = time.perf_counter()
            client = LrsClient(ralph.endpoint, USER, PASSWORD, timeout=600)
            query = {"activity": xapi.group_iri(GROUP), "related_activities": "true", "limit": "1000"}
            read = [s for s in client.query(query) if xapi.in_group(s, GROUP)]
            queried = time.perf_counter() - start
            start = time.perf_counter()
            team = combine(xapi.results_from(read, shipped_modules(), "2026-12-01T10:00:00"))
            combined = time.perf_counter() - start
        finally:
            ralph.stop()
    assert len(read) == total and len(team.members) == args.members, (len(read), len(team.members))
    print(f"{total} statements of {args.members} learners ({per_member} each), batches of {BATCH}, Ralph with its file-system backend")
    print(f"bare POST loop (baseline): {bare:.1f} s, {total / bare:.0f} statements/s")
    print(f"leermodules sync:          {synced:.1f} s, {total / synced:.0f} statements/s")
    print(f"ratio sync / bare POST: {synced / bare:.2f}x   goal: <= 1.2x")
    print(f"teamschouw of {len(team.members)} from the LRS: query {queried:.1f} s ({total / queried:.0f} statements/s),", end=" ")
    print(f"combine {combined:.2f} s")


if __name__ == "__main__":
    main()
