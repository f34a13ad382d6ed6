"""The teamschouw: several professionals' results files combined into one team profile.

Per theme: how many members rated it, how many are strong (level >= STRONG_FROM), how many want
to grow (level < GROWING_BELOW; in between is neither), the median, and a count per whole level for a bar. Borging flags name a
theme where nobody, or only one person, is strong. Modules: how many members passed each. And who
could help whom: every member who wants to grow in a theme next to a strong colleague, spreading
the asks over the strong colleagues (strongest first).

Each member's latest scan counts. Themes are the union of all files' themes, so a file from an
older scan version (fewer themes) simply has no level for the newer ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from engine.results import Results

STRONG_FROM = 3.0  # "ik doe het zelfstandig" or higher
GROWING_BELOW = 2.0  # below "ik doe het met hulp"


@dataclass(frozen=True)
class Member:
    name: str
    levels: dict[str, float | None]
    top: int
    passed: frozenset[str]


@dataclass(frozen=True)
class ThemeSpread:
    theme: str
    title: str
    top: int
    rated: int
    strong: int
    growing: int
    median: float | None
    histogram: tuple[int, ...]  # members per whole level 0..top
    flag: str | None  # "niemand-sterk" | "een-sterk" | None


@dataclass(frozen=True)
class ModuleCount:
    module_id: str
    title: str
    passed: int
    members: int


@dataclass(frozen=True)
class Pairing:
    theme: str
    title: str
    helper: str
    helper_level: float
    learner: str
    learner_level: float


@dataclass(frozen=True)
class TeamProfile:
    members: tuple[Member, ...]
    themes: tuple[ThemeSpread, ...]
    modules: tuple[ModuleCount, ...]
    pairings: tuple[Pairing, ...]


def members_from(results: Sequence[Results]) -> list[Member]:
    """One member per file; a name that occurs twice gets a number so both stay visible."""
    members = []
    seen: dict[str, int] = {}
    for result in results:
        seen[result.name] = seen.get(result.name, 0) + 1
        name = result.name if seen[result.name] == 1 else f"{result.name} ({seen[result.name]})"
        scan = result.latest_scan
        passed = frozenset(m.id for m in result.modules if m.status in ("passed", "completed"))
        members.append(Member(name, dict(scan.levels) if scan else {}, scan.top if scan else 4, passed))
    return members


def combine(results: Sequence[Results]) -> TeamProfile:
    members = members_from(results)
    titles: dict[str, str] = {}
    for result in results:
        for theme, title in result.themes.items():
            titles.setdefault(theme, title)
    for member in members:  # a theme rated but not named in its file's titles keeps its id
        for theme in member.levels:
            titles.setdefault(theme, theme)
    top = max((m.top for m in members), default=4)

    spreads = []
    pairings: list[Pairing] = []
    for theme, title in titles.items():
        rated: list[tuple[Member, float]] = [(m, level) for m in members if (level := m.levels.get(theme)) is not None]
        levels = [level for _, level in rated]
        strong = sorted(((m, lv) for m, lv in rated if lv >= STRONG_FROM), key=lambda x: (-x[1], x[0].name))
        growing = sorted(((m, lv) for m, lv in rated if lv < GROWING_BELOW), key=lambda x: (x[1], x[0].name))
        histogram = [0] * (top + 1)
        for level in levels:
            histogram[min(top, max(0, int(level + 0.5)))] += 1
        flag = None
        if rated and not strong:
            flag = "niemand-sterk"
        elif len(strong) == 1 and len(rated) > 1:
            flag = "een-sterk"
        spreads.append(
            ThemeSpread(
                theme, title, top, len(rated), len(strong), len(growing), median(levels) if levels else None, tuple(histogram), flag
            )
        )
        for i, (learner, level) in enumerate(growing):
            if strong:
                helper, helper_level = strong[i % len(strong)]
                pairings.append(Pairing(theme, title, helper.name, helper_level, learner.name, level))

    module_titles: dict[str, str] = {}
    passed: dict[str, int] = {}
    for result in results:
        for module in result.modules:
            module_titles.setdefault(module.id, module.title)
    for member in members:
        for module_id in member.passed:
            passed[module_id] = passed.get(module_id, 0) + 1
    counts = tuple(
        ModuleCount(mid, title, passed.get(mid, 0), len(members)) for mid, title in sorted(module_titles.items())
    )
    return TeamProfile(tuple(members), tuple(spreads), counts, tuple(pairings))
