"""The ontwikkelscan: scoring per theme, advice order and wording, growth, the scan's own checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.loader import check_module, load_module
from engine.progress import Status
from engine.scan import ScanTake, advise, growth, profile, statements

ROOT = Path(__file__).resolve().parent.parent
SCAN = ROOT / "content/ontwikkelscan/module.yaml"


@pytest.fixture(scope="module")
def scan():
    return load_module(SCAN)


def course(module_id: str, theme: str, title: str = "Een module"):
    example = load_module(ROOT / "content/kennismaken/module.yaml")
    return example.model_copy(update={"id": module_id, "theme": theme, "title": title, "summary": f"over {theme}."})


def rate(scan, per_theme: dict[str, list[int]]):
    ratings = {}
    for theme, values in per_theme.items():
        items = [s for s in statements(scan) if s.theme == theme]
        for item, value in zip(items, values):
            ratings[item.id] = value
    return ratings


def test_the_shipped_scan_covers_the_kenniskaart_themes_with_worded_scales(scan):
    themes = {t.id for t in scan.themes}
    assert {"lvb", "psychische-problemen", "veiligheid", "collectief-werken", "mantelzorg-netwerk", "toegang"} <= themes
    for theme in themes:
        count = sum(s.theme == theme for s in statements(scan))
        assert 4 <= count <= 6, theme
    for statement in statements(scan):
        assert all(not label.strip().isdigit() for label in statement.scale)
    assert scan.assessment is None


def test_theme_level_is_the_mean_of_answered_statements(scan):
    result = profile(scan, rate(scan, {"lvb": [0, 1, 2, 3, 4], "veiligheid": [4, 4]}))
    assert result.level("lvb") == 2.0
    assert result.level("veiligheid") == 4.0  # only the two answered statements count
    assert result.level("toegang") is None
    lvb = next(t for t in result.themes if t.theme == "lvb")
    assert (lvb.answered, lvb.statements, lvb.top, lvb.share) == (5, 5, 4, 0.5)


def test_ratings_outside_the_scale_are_ignored(scan):
    first = statements(scan)[0]
    result = profile(scan, {first.id: 9})
    assert result.level(first.theme) is None


def test_advice_orders_by_need_and_says_why(scan):
    courses = [course("lvb-herkennen", "lvb", "LVB herkennen"), course("veiligheid", "veiligheid", "Veiligheid")]
    result = profile(scan, rate(scan, {
        "lvb": [3, 3, 3, 4, 4], "veiligheid": [0, 1, 1, 2, 1], "psychische-problemen": [2, 2, 2, 2],
        "collectief-werken": [1, 1, 1, 1], "mantelzorg-netwerk": [2, 2, 3, 3],
    }))
    advice = advise(result, courses)
    assert [a.theme for a in advice] == [
        "veiligheid", "collectief-werken", "psychische-problemen", "mantelzorg-netwerk", "lvb", "toegang",
    ]
    assert [a.kind for a in advice] == ["aanbevolen", "aanbevolen", "verdiepen", "verdiepen", "op-peil", "niet-ingevuld"]
    first = advice[0]
    assert first.modules[0].module_id == "veiligheid"
    assert first.reason.startswith("Je scoort laag op 'Veiligheid in gezinnen en de meldcode' (2,0 van 5).")
    assert "De module 'Veiligheid' gaat over: over veiligheid." in first.reason
    no_module = advice[1]
    assert no_module.modules == () and "nog geen module" in no_module.reason


def test_ties_keep_the_scan_order_and_passed_modules_are_named_as_done(scan):
    courses = [course("lvb-herkennen", "lvb", "LVB herkennen")]
    result = profile(scan, rate(scan, {"lvb": [1, 1, 1, 1, 1], "veiligheid": [1, 1, 1, 1, 1]}))
    advice = advise(result, courses, {"lvb-herkennen": Status.PASSED})
    assert [a.theme for a in advice[:2]] == ["lvb", "veiligheid"]
    assert "al gehaald" in advice[0].reason


def test_growth_lists_levels_per_theme_over_time():
    takes = [
        ScanTake("2026-06-01T10:00:00", "1.0.0", {"lvb": 2.0, "veiligheid": None}),
        ScanTake("2026-01-01T10:00:00", "1.0.0", {"lvb": 1.0, "veiligheid": 3.0}),
    ]
    assert growth(takes) == {
        "lvb": [("2026-01-01T10:00:00", 1.0), ("2026-06-01T10:00:00", 2.0)],
        "veiligheid": [("2026-01-01T10:00:00", 3.0)],
    }


@pytest.mark.parametrize(
    "change, message",
    [
        (("        theme: lvb\n        prompt: Ik herken", "        theme: lbv\n        prompt: Ik herken"), "thema 'lbv' bestaat niet in de ontwikkelscan; bedoelde je 'lvb'?"),
        (("kind: scan\n", "kind: course\n"), "alleen de ontwikkelscan heeft 'themes:'"),
        (("      - id: toe-clientondersteuning\n        kind: likert\n        theme: toegang\n", "      - id: toe-clientondersteuning\n        kind: likert\n"), "uitspraak zonder thema"),
    ],
)
def test_scan_mistakes_are_located_errors(tmp_path, change, message):
    text = SCAN.read_text(encoding="utf-8")
    assert change[0] in text
    (tmp_path / "scan.yaml").write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    result = check_module(tmp_path / "scan.yaml")
    assert not result.ok
    assert any(p.message == message.split("; ")[0] for p in result.problems), [str(p) for p in result.problems]
