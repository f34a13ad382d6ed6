"""Generated team members' results files for the teamschouw tests and benchmark."""

from __future__ import annotations

import random
from pathlib import Path

from engine.results import ModuleRecord, ScanRecord, build_results, to_json

THEMES = {
    "lvb": "LVB herkennen en je communicatie afstemmen",
    "psychische-problemen": "Psychische problemen, onbegrepen gedrag en crisis",
    "veiligheid": "Veiligheid in gezinnen en de meldcode",
    "collectief-werken": "Collectief werken in de wijk",
    "mantelzorg-netwerk": "Samenwerken met mantelzorgers en het netwerk",
    "toegang": "Toegang tot zorg en ondersteuning",
}
MODULES = {
    "lvb-herkennen": ("LVB herkennen", "lvb"),
    "psychische-problemen": ("Psychische problemen", "psychische-problemen"),
    "veiligheid": ("Veiligheid", "veiligheid"),
    "collectief-werken": ("Collectief werken", "collectief-werken"),
}


def member(name: str, seed: int, *, takes: int = 1, modules: int = 4) -> str:
    rng = random.Random(seed)
    scans = [
        ScanRecord(
            taken_at=f"2026-{1 + t:02d}-15T09:00:00",
            scan_version="1.0.0",
            top=4,
            levels={theme: round(rng.uniform(0, 4), 2) for theme in THEMES},
        )
        for t in range(takes)
    ]
    catalogue = list(MODULES.items()) + [
        (f"extra-{i}", (f"Extra module {i}", list(THEMES)[i % len(THEMES)])) for i in range(max(0, modules - len(MODULES)))
    ]
    records = []
    for module_id, (title, theme) in catalogue[:modules]:
        passed = rng.random() < 0.5
        records.append(
            ModuleRecord(
                id=module_id,
                title=title,
                version="1.0.0",
                theme=theme,
                status="passed" if passed else "incomplete",
                best_score=round(rng.uniform(70, 100) if passed else rng.uniform(0, 69), 1),
                attempts=1,
            )
        )
    return to_json(build_results(name, "2026-11-23T10:00:00", THEMES, scans, records))


def write_team(folder: Path, count: int, **kwargs) -> list[Path]:
    paths = []
    for i in range(count):
        path = folder / f"lid-{i:03d}.json"
        path.write_text(member(f"Collega {i + 1}", i, **kwargs), encoding="utf-8")
        paths.append(path)
    return paths
