"""Teamschouw speed: combining 400 members' results files (20 module results, 5 scan takes each)
as a ratio to merely reading and parsing the same files, both measured in this run.

    python benchmarks/team.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.results import read_results  # noqa: E402
from engine.team import combine  # noqa: E402
from tests.team.make import write_team  # noqa: E402

MEMBERS, MODULES, TAKES, ROUNDS = 400, 20, 5, 7


def best_of(work) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = write_team(Path(tmp), MEMBERS, takes=TAKES, modules=MODULES)
        size = sum(f.stat().st_size for f in files)

        def baseline():
            return [json.loads(f.read_text(encoding="utf-8")) for f in files]

        def teamschouw():
            return combine([read_results(f) for f in files])

        team = teamschouw()
        assert len(team.members) == MEMBERS and len(team.modules) == MODULES
        base_best, base_median = best_of(baseline)
        team_best, team_median = best_of(teamschouw)
    print(f"{MEMBERS} files, {size / 1024:.0f} KiB, {MODULES} module results and {TAKES} scan takes each")
    print(f"read + json.loads (baseline): best {base_best * 1000:.1f} ms, median {base_median * 1000:.1f} ms")
    print(f"read_results + combine:       best {team_best * 1000:.1f} ms, median {team_median * 1000:.1f} ms")
    print(f"ratio (best): {team_best / base_best:.2f}x   ratio (median): {team_median / base_median:.2f}x   goal: <= 2x")


if __name__ == "__main__":
    main()
