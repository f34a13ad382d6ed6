"""The ontwikkelscan: a profile per theme from a professional's ratings, and advice on modules.

The scan is a module with `kind: scan`: likert statements, each tied to a theme of the
Kenniskaart. A theme's score is the mean of its answered statements on the scale's positions
(0 = the lowest word, e.g. "nog onbekend"; with five words the top is 4). The learner rates with
the digits 1..5 and sees levels in that numbering (`engine.messages.level_shown`). Advice orders the themes
by need, lowest score first, and names the modules of that theme and why. It is advice: the
professional chooses; the wording says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from statistics import mean

from engine.model import LikertQuestion, Module
from engine.progress import Status

#: Below this mean level a theme's modules are recommended; below GROW_BELOW, deepening is suggested.
RECOMMEND_BELOW = 1.5
GROW_BELOW = 3.0


@dataclass(frozen=True)
class ThemeScore:
    theme: str
    title: str
    level: float | None  # mean position on the scale, None when nothing was answered
    top: int  # highest position on the scale (4 for five words)
    answered: int
    statements: int

    @property
    def share(self) -> float | None:
        """The level as a share of the top, 0..1 (for bars)."""
        return None if self.level is None else self.level / self.top


@dataclass(frozen=True)
class Profile:
    scan_version: str
    themes: tuple[ThemeScore, ...]

    def level(self, theme: str) -> float | None:
        return next((t.level for t in self.themes if t.theme == theme), None)


def statements(scan: Module) -> list[LikertQuestion]:
    return [q for p in scan.pages for q in p.questions if isinstance(q, LikertQuestion) and q.theme]


def profile(scan: Module, ratings: Mapping[str, int]) -> Profile:
    """Scores per theme, in the scan's theme order, from ratings keyed by statement id."""
    by_theme: dict[str, list[LikertQuestion]] = {t.id: [] for t in scan.themes}
    for statement in statements(scan):
        assert statement.theme is not None  # statements() keeps only those with a theme
        by_theme.setdefault(statement.theme, []).append(statement)
    scores = []
    for theme in scan.themes:
        items = by_theme[theme.id]
        given = [ratings[s.id] for s in items if isinstance(ratings.get(s.id), int) and 0 <= ratings[s.id] < len(s.scale)]
        top = max((len(s.scale) - 1 for s in items), default=4)
        scores.append(ThemeScore(theme.id, theme.title, round(mean(given), 2) if given else None, top, len(given), len(items)))
    return Profile(scan.version, tuple(scores))


@dataclass(frozen=True)
class ModuleChoice:
    module_id: str
    title: str
    summary: str
    status: Status


@dataclass(frozen=True)
class Advice:
    theme: str
    title: str
    level: float | None
    top: int
    kind: str  # "aanbevolen" | "verdiepen" | "op-peil" | "niet-ingevuld"
    modules: tuple[ModuleChoice, ...]  # empty: no module for this theme yet
    reason: str


def advise(profile: Profile, courses: Sequence[Module], statuses: Mapping[str, Status] | None = None) -> list[Advice]:
    """Advice per theme, most needed first. Ties keep the scan's theme order; themes not rated
    come last. Modules already passed are still named, and said to be done."""
    from engine import messages as msg

    statuses = statuses or {}
    order = {t.theme: i for i, t in enumerate(profile.themes)}
    advice = []
    for score in profile.themes:
        modules = tuple(
            ModuleChoice(m.id, m.title, m.summary, statuses.get(m.id, Status.NOT_STARTED))
            for m in courses
            if m.kind == "course" and m.theme == score.theme
        )
        if score.level is None:
            kind = "niet-ingevuld"
        elif score.level < RECOMMEND_BELOW:
            kind = "aanbevolen"
        elif score.level < GROW_BELOW:
            kind = "verdiepen"
        else:
            kind = "op-peil"
        reason = msg.advice_reason(kind, score.title, score.level, score.top, modules)
        advice.append(Advice(score.theme, score.title, score.level, score.top, kind, modules, reason))
    need = {"aanbevolen": 0, "verdiepen": 1, "op-peil": 2, "niet-ingevuld": 3}
    advice.sort(key=lambda a: (need[a.kind], a.level if a.level is not None else 0, order[a.theme]))
    return advice


@dataclass(frozen=True)
class ScanTake:
    """One completed scan: when, against which scan version, and the theme levels it gave."""

    taken_at: str  # ISO 8601
    scan_version: str
    levels: Mapping[str, float | None]


def growth(takes: Sequence[ScanTake]) -> dict[str, list[tuple[str, float]]]:
    """Per theme, the levels over time (oldest first), skipping takes that did not rate it."""
    series: dict[str, list[tuple[str, float]]] = {}
    for take in sorted(takes, key=lambda t: t.taken_at):
        for theme, level in take.levels.items():
            if level is not None:
                series.setdefault(theme, []).append((take.taken_at, level))
    return series
