"""`leermodules results export`: a professional writes their own results to a file that
`read_results` accepts and `leermodules team` can use; a missing name, an existing file, a place
that cannot be written and a damaged store each get a clear Dutch message, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import content
from engine import progress as rules
from engine.loader import load_module
from engine.results import read_results
from engine.scan import profile, statements
from engine.store import Event, ProgressStore, StoredScanTake

ROOT = Path(__file__).resolve().parent.parent
SCAN = content.folder() / "ontwikkelscan" / "module.yaml"
KENNISMAKEN = content.folder() / "kennismaken" / "module.yaml"


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "leermodules", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr + result.stdout


def take_scan(store: ProgressStore, scan, value_for, taken_at: str) -> StoredScanTake:
    """Rate every statement with value_for(statement) and finish the scan, as the app does."""
    for statement in statements(scan):
        value = value_for(statement)
        store.update(scan, lambda p, q=statement.id, v=value: rules.answer_practice(p, scan, q, v)[0], Event("practice", statement.id, value))

    def make(progress):
        ratings = {k: v for k, v in progress.practice.items() if isinstance(v, int)}
        levels = {t.theme: t.level for t in profile(scan, ratings).themes}
        return StoredScanTake(taken_at, scan.id, scan.version, 4, levels, ratings)

    return store.finish_scan(scan, make)


@pytest.fixture
def data_dir(tmp_path):
    """A data folder whose store holds two scan takes and a passed module, filled through the store."""
    folder = tmp_path / "data"
    store = ProgressStore.open(folder / "voortgang.sqlite3")
    scan = load_module(SCAN)
    take_scan(store, scan, lambda s: 1, "2026-01-03T09:00:00")
    take_scan(store, scan, lambda s: 3 if s.theme == "lvb" else 2, "2026-03-10T09:00:00")
    module = load_module(KENNISMAKEN)
    store.update(module, lambda p: rules.start_attempt(p, module, 5), Event("start"))
    from engine.grading import correct_response

    attempt = store.load(module).current_attempt
    for qid in attempt.questions:
        response = correct_response(module.question(qid))
        store.update(module, lambda p, q=qid, r=response: rules.answer_attempt(p, module, q, r)[0], Event("answer", qid, response))
    store.update(module, lambda p: rules.submit_attempt(p, module), Event("submit"))
    store.close()
    return folder


def test_export_writes_the_professionals_own_results_readable_by_read_results_and_team(data_dir, tmp_path):
    out = tmp_path / "sanne.json"
    result = cli("--data-dir", str(data_dir), "results", "export", "--out", str(out), "--name", "Sanne de Vries", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert "Sanne de Vries" in result.stdout and "2 keer de ontwikkelscan" in result.stdout
    results = read_results(out)
    assert results.name == "Sanne de Vries"
    assert [s.taken_at for s in results.scans] == ["2026-01-03T09:00:00", "2026-03-10T09:00:00"]
    assert results.scans[0].levels["lvb"] == 1.0
    assert results.scans[1].levels == {
        "lvb": 3.0, "psychische-problemen": 2.0, "veiligheid": 2.0, "collectief-werken": 2.0,
        "mantelzorg-netwerk": 2.0, "toegang": 2.0,
    }
    assert results.themes["lvb"] == "LVB herkennen en je communicatie afstemmen"
    modules = {m.id: m for m in results.modules}
    assert "ontwikkelscan" not in modules  # the scan is in `scans`, not a module
    assert (modules["kennismaken"].status, modules["kennismaken"].best_score, modules["kennismaken"].attempts) == ("passed", 100.0, 1)
    assert (modules["veiligheid"].status, modules["veiligheid"].attempts, modules["veiligheid"].theme) == ("not_started", 0, "veiligheid")
    # no single answer leaves the machine
    text = out.read_text(encoding="utf-8")
    assert "ratings" not in text and "answers" not in text
    # a colleague's teamschouw can use it
    team = cli("team", str(out), cwd=tmp_path)
    no_traceback(team)
    assert team.returncode == 0, team.stderr
    assert "Teamschouw van 1 collega" in team.stdout and "LVB herkennen" in team.stdout
    assert "Kennismaken met leermodules" in team.stdout and "1 van 1" in team.stdout


def test_the_name_set_in_the_app_is_used_and_no_name_at_all_is_refused(data_dir, tmp_path):
    out = tmp_path / "r.json"
    refused = cli("--data-dir", str(data_dir), "results", "export", "--out", str(out), cwd=tmp_path)
    no_traceback(refused)
    assert refused.returncode == 2
    assert "nog geen naam" in refused.stderr and "--name" in refused.stderr
    assert not out.exists()
    blank = cli("--data-dir", str(data_dir), "results", "export", "--out", str(out), "--name", "   ", cwd=tmp_path)
    assert blank.returncode == 2 and "nog geen naam" in blank.stderr and not out.exists()

    store = ProgressStore.open(data_dir / "voortgang.sqlite3")
    store.set_learner_name("Ahmed")
    store.close()
    result = cli("--data-dir", str(data_dir), "results", "export", "--out", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert read_results(out).name == "Ahmed"


def test_an_existing_file_is_only_replaced_with_force(data_dir, tmp_path):
    out = tmp_path / "r.json"
    out.write_text("van iemand anders\n")
    refused = cli("--data-dir", str(data_dir), "results", "export", "--out", str(out), "--name", "Sanne", cwd=tmp_path)
    no_traceback(refused)
    assert refused.returncode == 1
    assert "bestaat al" in refused.stderr and "--force" in refused.stderr
    assert out.read_text() == "van iemand anders\n"
    forced = cli("--data-dir", str(data_dir), "results", "export", "--out", str(out), "--name", "Sanne", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert read_results(out).name == "Sanne"


def test_a_place_that_cannot_be_written_is_told_in_dutch_and_leaves_nothing(data_dir, tmp_path):
    missing = tmp_path / "bestaat-niet" / "r.json"
    result = cli("--data-dir", str(data_dir), "results", "export", "--out", str(missing), "--name", "Sanne", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 1
    assert "kan" in result.stderr and "niet schrijven" in result.stderr and "die map bestaat niet" in result.stderr
    folder = tmp_path / "map"
    folder.mkdir()
    into_folder = cli("--data-dir", str(data_dir), "results", "export", "--out", str(folder), "--name", "Sanne", cwd=tmp_path)
    assert into_folder.returncode == 1 and "dat is een map" in into_folder.stderr
    assert list(folder.iterdir()) == []


def test_a_symbolic_link_at_the_target_is_not_written_through_even_with_force(data_dir, tmp_path):
    victim = tmp_path / "ander.txt"
    victim.write_text("van iemand anders\n")
    (tmp_path / "r.json").symlink_to(victim)
    for extra in ((), ("--force",)):
        result = cli("--data-dir", str(data_dir), "results", "export", "--out", "r.json", "--name", "Sanne", *extra, cwd=tmp_path)
        no_traceback(result)
        assert result.returncode == 1 and "symbolische koppeling" in result.stderr
    assert victim.read_text() == "van iemand anders\n" and (tmp_path / "r.json").is_symlink()


def test_a_name_with_escape_sequences_is_shown_harmlessly(data_dir, tmp_path):
    result = cli("--data-dir", str(data_dir), "results", "export", "--out", "r.json", "--name", "Eva\x1b]0;gehackt\x07", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "Eva\\x1b]0;gehackt\\x07" in result.stdout
    assert read_results(tmp_path / "r.json").name == "Eva\x1b]0;gehackt\x07"  # the file keeps what was given


def test_a_damaged_or_missing_store_is_reported_and_left_alone(tmp_path):
    out = tmp_path / "r.json"
    empty = cli("--data-dir", str(tmp_path / "leeg"), "results", "export", "--out", str(out), "--name", "Sanne", cwd=tmp_path)
    no_traceback(empty)
    assert empty.returncode == 1 and "nog geen voortgang" in empty.stderr
    assert not (tmp_path / "leeg").exists()  # looking did not create a store

    damaged = tmp_path / "kapot"
    damaged.mkdir()
    (damaged / "voortgang.sqlite3").write_bytes(b"dit is geen database\n" * 50)
    before = (damaged / "voortgang.sqlite3").read_bytes()
    result = cli("--data-dir", str(damaged), "results", "export", "--out", str(out), "--name", "Sanne", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 1
    assert "beschadigd" in result.stderr
    assert (damaged / "voortgang.sqlite3").read_bytes() == before
    assert not out.exists()


def test_the_file_matches_the_documented_format(data_dir, tmp_path):
    out = tmp_path / "r.json"
    assert cli("--data-dir", str(data_dir), "results", "export", "--out", str(out), "--name", "Sanne", cwd=tmp_path).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    documented = (ROOT / "docs" / "resultaten.md").read_text(encoding="utf-8")
    for key in data:
        assert f"`{key}`" in documented, key
    for key in data["scans"][0]:
        assert f"`{key}`" in documented, key
    for key in data["modules"][0]:
        assert f"`{key}`" in documented, key
    assert data["format"] == "leermodules-resultaten" and data["format_version"] == 1
