"""The ontwikkelscan in the app: rating its statements, recording a take, the profile and the advice.

The scan is a module of kind `scan`. Its ratings are practice answers of that module, stored one
transaction per answer like every other answer (`ModuleSession`). Finishing records a take (the
level per theme from `engine.scan.profile`) and starts the scan afresh, in one transaction
(`ProgressStore.finish_scan`); earlier takes stay, and so does every rating, in the events.
Nothing here draws on screen: the scan's screens render what these functions return.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from engine.model import LikertQuestion, Module
from engine.progress import Progress, Status
from engine.scan import Advice, Profile, ScanTake, ThemeScore, advise, growth, profile, statements
from engine.store import StoredScanTake
from leermodules.tui.session import ModuleSession


def now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")


def ratings_in(scan: Module, progress: Progress) -> dict[str, int]:
    """The statements rated so far, statement id -> position on its scale."""
    given = progress.practice
    return {q.id: given[q.id] for q in statements(scan) if isinstance(given.get(q.id), int) and not isinstance(given.get(q.id), bool)}


def make_take(scan: Module, ratings: Mapping[str, int], taken_at: str) -> StoredScanTake:
    scores = profile(scan, ratings)
    top = max((t.top for t in scores.themes), default=4)
    return StoredScanTake(taken_at, scan.id, scan.version, top, {t.theme: t.level for t in scores.themes}, dict(ratings))


class ScanSession(ModuleSession):
    """A learner's current take of the scan."""

    @property
    def statements(self) -> list[LikertQuestion]:
        return statements(self.module)

    @property
    def ratings(self) -> dict[str, int]:
        return ratings_in(self.module, self.progress)

    @property
    def all_rated(self) -> bool:
        return len(self.ratings) == len(self.statements)

    def rated_on(self, page_id: str) -> tuple[int, int]:
        """How many statements on a page are rated, and how many there are."""
        page = self.module.page(page_id)
        ids = [q.id for q in page.questions if isinstance(q, LikertQuestion) and q.theme]
        ratings = self.ratings
        return sum(i in ratings for i in ids), len(ids)

    def takes(self) -> list[StoredScanTake]:
        return self.store.scan_takes(self.module.id)

    def finish(self, taken_at: str | None = None) -> StoredScanTake:
        """Record this take from the ratings as stored, and start afresh for the next one."""
        when = taken_at or now_iso()
        take = self.store.finish_scan(self.module, lambda progress: make_take(self.module, ratings_in(self.module, progress), when))
        self.refresh()
        return take


def profile_of(scan: Module, take: StoredScanTake) -> Profile:
    """The profile a recorded take gave, in the scan's theme order (levels as recorded then)."""
    items = statements(scan)
    scores = []
    for theme in scan.themes:
        ids = [q.id for q in items if q.theme == theme.id]
        level = take.levels.get(theme.id)
        scores.append(ThemeScore(theme.id, theme.title, level, take.top, sum(i in take.ratings for i in ids), len(ids)))
    return Profile(take.scan_version, tuple(scores))


def scale_of(scan: Module, theme: str) -> list[str]:
    """The words of the scale the theme's statements are rated on."""
    return next((list(q.scale) for q in statements(scan) if q.theme == theme), [])


def level_word(scale: Sequence[str], level: float) -> str:
    """The scale's word nearest to a (mean) level, rounded half up as people do."""
    if not scale:
        return ""
    return scale[min(len(scale) - 1, max(0, int(level + 0.5)))]


def growth_of(takes: Sequence[StoredScanTake]) -> dict[str, list[tuple[str, float]]]:
    """Per theme, its levels over the takes, oldest first (engine.scan.growth)."""
    return growth([ScanTake(t.taken_at, t.scan_version, t.levels) for t in takes])


def advice_for(scan: Module, take: StoredScanTake, courses: Sequence[Module], statuses: Mapping[str, str]) -> list[Advice]:
    """The engine's advice for the latest take, with each course module's status."""
    return advise(profile_of(scan, take), courses, {k: Status(v) for k, v in statuses.items()})
