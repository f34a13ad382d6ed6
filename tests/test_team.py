"""Results files and the teamschouw: reading, combining, and what the team sees."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from engine.results import ModuleRecord, ResultsInvalid, ScanRecord, build_results, read_results, to_json
from engine.team import combine
from tests.team.make import THEMES, write_team

ROOT = Path(__file__).resolve().parent.parent


def results(name: str, levels: dict, *, passed=(), taken_at="2026-03-01T09:00:00", themes=THEMES, extra_scans=()):
    scans = [ScanRecord(taken_at=taken_at, scan_version="1.0.0", top=4, levels=levels), *extra_scans]
    modules = [
        ModuleRecord(id=m, title=m.capitalize(), version="1.0.0", status="passed" if m in passed else "incomplete")
        for m in ("veiligheid", "lvb-herkennen")
    ]
    return build_results(name, "2026-11-23T10:00:00", dict(themes), scans, modules)


def test_a_results_file_round_trips(tmp_path):
    original = results("Sanne", {"lvb": 2.5, "veiligheid": None}, passed=["veiligheid"])
    path = tmp_path / "sanne.json"
    path.write_text(to_json(original), encoding="utf-8")
    assert read_results(path) == original


@pytest.mark.parametrize(
    "content, expected",
    [
        ('{"format": "leermodules-resultaten", "format_version": 1,\n "name": ', ":2:10: geen geldige JSON (hier verwacht JSON een waarde)"),
        ('[1, 2]', ":1:1: dit is geen resultatenbestand van leermodules"),
        ('{"format": "leermodules-resultaten", "format_version": 7}', ":1:56: het bestand is gemaakt met een nieuwere versie van leermodules (formaat 7)"),
        ('{"format": "leermodules-resultaten", "format_version": 1, "name": "A", "exported_at": "x",\n "scans": [{"taken_at": "x", "scan_version": "1", "top": 4, "levels": {"lvb": "hoog"}}]}', ":2:79: ongeldige waarde bij 'scans.0.levels.lvb' (verwacht een getal, maar dit is tekst)"),
    ],
)
def test_bad_results_files_get_located_errors(tmp_path, content, expected):
    path = tmp_path / "r.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResultsInvalid) as caught:
        read_results(path)
    assert str(caught.value).startswith(str(path) + expected)


def test_binary_and_missing_files_are_refused_cleanly(tmp_path):
    (tmp_path / "b.json").write_bytes(b"\xff\xfe\x00")
    for name in ("b.json", "nope.json"):
        with pytest.raises(ResultsInvalid):
            read_results(tmp_path / name)


def test_spread_strong_growing_and_flags():
    team = combine([
        results("A", {"lvb": 3.5, "veiligheid": 1.0}),
        results("B", {"lvb": 1.0, "veiligheid": 1.5}),
        results("C", {"lvb": 2.5, "veiligheid": 0.5}),
    ])
    lvb = next(t for t in team.themes if t.theme == "lvb")
    assert (lvb.rated, lvb.strong, lvb.growing, lvb.median, lvb.flag) == (3, 1, 1, 2.5, "een-sterk")
    assert lvb.histogram == (0, 1, 0, 1, 1)  # 1.0 -> 1, 2.5 -> 3 (half up), 3.5 -> 4
    veiligheid = next(t for t in team.themes if t.theme == "veiligheid")
    assert (veiligheid.strong, veiligheid.growing, veiligheid.flag) == (0, 3, "niemand-sterk")
    toegang = next(t for t in team.themes if t.theme == "toegang")
    assert (toegang.rated, toegang.median, toegang.flag) == (0, None, None)


def test_pairings_spread_over_strong_colleagues_weakest_first():
    team = combine([
        results("Sterk1", {"lvb": 4.0}),
        results("Sterk2", {"lvb": 3.2}),
        results("Zwak1", {"lvb": 0.4}),
        results("Zwak2", {"lvb": 1.0}),
        results("Zwak3", {"lvb": 1.9}),
        results("Midden", {"lvb": 2.4}),
    ])
    pairs = [(p.helper, p.learner) for p in team.pairings if p.theme == "lvb"]
    assert pairs == [("Sterk1", "Zwak1"), ("Sterk2", "Zwak2"), ("Sterk1", "Zwak3")]


def test_latest_scan_counts_and_older_versions_miss_newer_themes():
    older = results("Oud", {"lvb": 1.0}, themes={"lvb": "LVB"}, taken_at="2025-01-01T00:00:00")
    newer_take = ScanRecord(taken_at="2026-01-01T00:00:00", scan_version="1.1.0", top=4, levels={"lvb": 3.0, "toegang": 2.0})
    person = results("Nieuw", {"lvb": 0.0}, taken_at="2025-06-01T00:00:00", extra_scans=[newer_take])
    team = combine([older, person])
    by_theme = {t.theme: t for t in team.themes}
    assert by_theme["lvb"].strong == 1 and by_theme["lvb"].growing == 1  # Nieuw's latest scan: 3.0
    assert by_theme["toegang"].rated == 1


def test_same_names_stay_apart_and_modules_are_counted():
    team = combine([results("Sam", {}, passed=["veiligheid"]), results("Sam", {}, passed=["veiligheid", "lvb-herkennen"])])
    assert [m.name for m in team.members] == ["Sam", "Sam (2)"]
    counts = {m.module_id: (m.passed, m.members) for m in team.modules}
    assert counts == {"veiligheid": (2, 2), "lvb-herkennen": (1, 2)}


def cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "leermodules", *args], cwd=cwd, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_team_html_report_for_twelve_members_shows_the_figures(tmp_path):
    files = write_team(tmp_path, 12)
    expected = combine([read_results(f) for f in files])
    result = cli("team", *[f.name for f in files], "--html", "team.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Teamschouw van 12 collega's.")
    html = (tmp_path / "team.html").read_text(encoding="utf-8")
    assert "<svg" in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for theme in expected.themes:
        group = re.search(rf'<g data-theme="{theme.theme}" data-strong="(\d+)" data-growing="(\d+)" data-rated="(\d+)">', html)
        assert group and tuple(map(int, group.groups())) == (theme.strong, theme.growing, theme.rated)
        row = re.search(rf'<tr data-theme="{theme.theme}"><th scope="row">[^<]+</th><td class="num">(\d+)</td><td class="num">(\d+)</td><td class="num">(\d+)</td>', html)
        assert row and tuple(map(int, row.groups())) == (theme.rated, theme.strong, theme.growing)
        assert theme.rated == 12
    for module in expected.modules:
        assert f'<tr data-module="{module.module_id}">' in html
        assert f"{module.passed} van 12" in html


def test_team_skips_bad_files_with_a_located_error_and_exits_1(tmp_path):
    files = write_team(tmp_path, 2)
    (tmp_path / "kapot.json").write_text("{niet: json}", encoding="utf-8")
    result = cli("team", *[f.name for f in files], "kapot.json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "kapot.json:1:2: geen geldige JSON (verwacht een naam tussen dubbele aanhalingstekens); "
        "exporteer het resultatenbestand opnieuw met 'leermodules results export'"
    )
    assert result.stdout.startswith("Teamschouw van 2 collega's.")


def test_team_with_only_bad_files_says_so(tmp_path):
    (tmp_path / "x.json").write_text(json.dumps({"format": "iets anders"}), encoding="utf-8")
    result = cli("team", "x.json", "bestaat-niet.json", cwd=tmp_path)
    assert result.returncode == 1
    assert "geen enkel bruikbaar resultatenbestand" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
