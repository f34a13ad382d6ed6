"""Results files and the teamschouw: reading, combining, and what the team sees."""

from __future__ import annotations

import json
import os
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


# --- strict reading: numbers, levels, file kinds ------------------------------------------------

LEVEL_LINE = '{"format": "leermodules-resultaten", "format_version": 1, "name": "A", "exported_at": "x",\n "scans": [{"taken_at": "x", "scan_version": "1", "top": 4, "levels": {"lvb": %s}}]}'


@pytest.mark.parametrize(
    "level, expected",
    [
        ("NaN", ":2:79: 'NaN' is geen getal in JSON"),
        ("Infinity", ":2:79: 'Infinity' is geen getal in JSON"),
        ("-Infinity", ":2:79: '-Infinity' is geen getal in JSON"),
        ("1e400", ":2:79: getal 1e400 is te groot"),
        pytest.param("9" * 5000, ":2:79: getal van 5000 tekens is te groot", id="5000-digits"),
        ("4.5", ":2:79: niveau 4.5 valt buiten de schaal van 0 tot en met 4"),
        ("-1", ":2:79: niveau -1 valt buiten de schaal van 0 tot en met 4"),
        ("true", ":2:79: ongeldige waarde bij 'scans.0.levels.lvb' (verwacht een getal, maar dit is de ja/nee-waarde true)"),
    ],
)
def test_impossible_levels_are_refused_where_they_stand(tmp_path, level, expected):
    path = tmp_path / "r.json"
    path.write_text(LEVEL_LINE % level, encoding="utf-8")
    with pytest.raises(ResultsInvalid) as caught:
        read_results(path)
    assert str(caught.value).startswith(str(path) + expected)
    assert str(caught.value).endswith("; exporteer het resultatenbestand opnieuw; pas het niet met de hand aan")


def test_nan_outside_the_levels_is_refused_too_but_the_word_in_a_name_is_fine(tmp_path):
    good = json.loads(to_json(results("NaN Infinity", {"lvb": 2.0})))
    path = tmp_path / "r.json"
    path.write_text(json.dumps(good), encoding="utf-8")
    assert read_results(path).name == "NaN Infinity"
    path.write_text(json.dumps(good)[:-1] + ', "later": [1, NaN]}', encoding="utf-8")
    with pytest.raises(ResultsInvalid, match="'NaN' is geen getal in JSON"):
        read_results(path)


def test_team_skips_impossible_numbers_and_still_shows_the_rest(tmp_path):
    files = write_team(tmp_path, 2)
    for name, level in (("nan.json", "NaN"), ("oneindig.json", "Infinity"), ("groot.json", "1e400"), ("lang.json", "9" * 5000), ("hoog.json", "7")):
        (tmp_path / name).write_text(LEVEL_LINE % level, encoding="utf-8")
    result = cli("team", *[f.name for f in files], "nan.json", "oneindig.json", "groot.json", "lang.json", "hoog.json", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    located = [line.split(":")[:3] for line in result.stderr.splitlines()[:5]]
    assert located == [[name, "2", "79"] for name in ("nan.json", "oneindig.json", "groot.json", "lang.json", "hoog.json")]
    assert "5 bestand(en) overgeslagen." in result.stderr
    assert result.stdout.startswith("Teamschouw van 2 collega's.")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    files = write_team(tmp_path, 1)
    os.mkfifo(tmp_path / "pijp.json")
    result = subprocess.run(
        [sys.executable, "-m", "leermodules", "team", files[0].name, "pijp.json"],
        cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=60,
    )  # a reader that opens the FIFO for reading blocks until the timeout fails this test
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("pijp.json:1:1: dit is geen gewoon bestand maar een pijp (FIFO)")
    assert result.stdout.startswith("Teamschouw van 1 collega's.")


def test_a_device_or_folder_is_refused_before_reading(tmp_path):
    for path, kind in (("/dev/zero", "apparaat"), (str(tmp_path), "map")):
        with pytest.raises(ResultsInvalid) as caught:
            read_results(path)
        assert str(caught.value).startswith(f"{path}:1:1: dit is geen gewoon bestand maar een {kind};")


def test_a_missing_file_is_told_in_dutch(tmp_path):
    with pytest.raises(ResultsInvalid) as caught:
        read_results(tmp_path / "weg.json")
    assert "(bestand of map bestaat niet)" in str(caught.value)
    assert "No such file" not in str(caught.value)


def test_a_file_larger_than_the_limit_is_refused(tmp_path, monkeypatch):
    import engine.results

    path = tmp_path / "r.json"
    path.write_text(to_json(results("A", {"lvb": 2.0})), encoding="utf-8")
    monkeypatch.setattr(engine.results, "MAX_RESULTS_BYTES", 100)
    with pytest.raises(ResultsInvalid, match="te groot"):
        read_results(path)


# --- what reaches the terminal and the page ------------------------------------------------------

def test_control_sequences_in_names_and_titles_never_reach_the_terminal(tmp_path):
    evil = "Eva\x1b]0;gehackt\x07\x1b[2J\r\u202eevE"
    good = results(evil, {"lvb": 0.5}, themes={"lvb": "LVB\x1b[31m rood\x9b"}, passed=["veiligheid"])
    strong = results("Sterk", {"lvb": 3.5})
    modules = [m.model_copy(update={"title": "Veilig\x08\x08heid\x1b[0m"}) for m in good.modules]
    (tmp_path / "eva.json").write_text(to_json(good.model_copy(update={"modules": modules})), encoding="utf-8")
    (tmp_path / "sterk.json").write_text(to_json(strong), encoding="utf-8")
    (tmp_path / "kapot\x1b[31m.json").write_text("{", encoding="utf-8")
    result = cli("team", "eva.json", "sterk.json", "kapot\x1b[31m.json", "--html", "team.html", cwd=tmp_path)
    shown = result.stdout + result.stderr
    for raw in ("\x1b", "\x07", "\r", "\x08", "\x9b", "\u202e"):
        assert raw not in shown
    assert "Eva\\x1b]0;gehackt\\x07" in result.stdout  # shown, not acted on
    assert "kapot\\x1b[31m.json:1:2:" in result.stderr
    html = (tmp_path / "team.html").read_text(encoding="utf-8")
    assert "Eva" in html


def test_the_html_report_escapes_markup_from_files(tmp_path):
    (tmp_path / "a.json").write_text(to_json(results("<script>alert(1)</script>", {"lvb": 1.0}, themes={"lvb": "<b>LVB</b>"})), encoding="utf-8")
    (tmp_path / "b.json").write_text(to_json(results("Sterk", {"lvb": 3.5})), encoding="utf-8")
    result = cli("team", "a.json", "b.json", "--html", "team.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "team.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;LVB" in html
    assert "<script" not in html and "<b>" not in html


# --- writing the HTML report ---------------------------------------------------------------------

def test_an_existing_report_is_only_replaced_with_force(tmp_path):
    files = [f.name for f in write_team(tmp_path, 2)]
    (tmp_path / "team.html").write_text("van vorige week\n", encoding="utf-8")
    refused = cli("team", *files, "--html", "team.html", cwd=tmp_path)
    assert refused.returncode == 1
    assert refused.stderr.strip() == "leermodules: 'team.html' bestaat al; kies een andere naam, of gebruik --force om het te vervangen"
    assert refused.stdout == ""
    assert (tmp_path / "team.html").read_text(encoding="utf-8") == "van vorige week\n"
    forced = cli("team", *files, "--html", "team.html", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert "<svg" in (tmp_path / "team.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*files, "team.html"])  # no temporary file left


def test_a_symbolic_link_at_the_target_is_never_written_through(tmp_path):
    files = [f.name for f in write_team(tmp_path, 2)]
    victim = tmp_path / "ander.txt"
    victim.write_text("van iemand anders\n", encoding="utf-8")
    (tmp_path / "team.html").symlink_to(victim)
    (tmp_path / "los.html").symlink_to(tmp_path / "bestaat-niet.txt")
    for target, extra in (("team.html", ()), ("team.html", ("--force",)), ("los.html", ()), ("los.html", ("--force",))):
        result = cli("team", *files, "--html", target, *extra, cwd=tmp_path)
        assert result.returncode == 1, (target, extra)
        assert "Traceback" not in result.stderr
        assert "symbolische koppeling" in result.stderr
    assert victim.read_text(encoding="utf-8") == "van iemand anders\n"
    assert (tmp_path / "team.html").is_symlink() and not (tmp_path / "bestaat-niet.txt").exists()


def test_a_place_that_cannot_be_written_is_told_in_dutch(tmp_path):
    files = [f.name for f in write_team(tmp_path, 1)]
    (tmp_path / "gewoon-bestand").write_text("x", encoding="utf-8")
    for target, reason in (
        ("gewoon-bestand/team.html", "een deel van het pad is geen map"),
        ("bestaat-niet/team.html", "die map bestaat niet"),
        ("/sys/team.html", "je hebt geen toestemming om daar te schrijven"),
        (".", "dat is een map; geef een bestandsnaam"),
    ):
        result = cli("team", *files, "--html", target, cwd=tmp_path)
        assert result.returncode == 1, target
        assert result.stderr.strip() == f"leermodules: kan '{target}' niet schrijven ({reason})", target
        assert result.stdout == ""


def test_levels_in_the_team_view_are_on_the_scan_scale_one_to_five():
    # Stored levels are positions 0..4; colleagues rated with the digits 1..5, and read them so.
    from leermodules.team_report import render_html, render_text

    team = combine([
        results("Sanne", {"lvb": 3.5}),
        results("Ahmed", {"lvb": 1.0}),
        results("Joke", {"lvb": 2.0}),
    ])
    row = next(line for line in render_text(team).splitlines() if line.startswith("LVB"))
    assert row.split()[-2] == "3,0"  # the median, position 2.0, is level 3 (then the bar)
    assert "Sanne (4,5) kan Ahmed (2,0) helpen" in render_text(team)
    html = render_html(team, "2026-12-01")
    assert "<td class=\"num\">3,0</td>" in html
    assert "van 1 (nog onbekend) tot 5" in render_text(team)
