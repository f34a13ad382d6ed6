"""What the home screen shows of the ontwikkelscan's advice, and a copy of it kept in the store.

Advice comes from `engine.scan.advise`, which needs the course model (pydantic) and every course
module loaded: more than the whole home screen costs. So the advice shown last is kept in the
store's settings with a key of everything it depends on (the take, the scan's and each module's
version and title, each module's status). A start where none of that changed shows the kept copy
at once; otherwise the home screen computes it again in a worker and keeps the new copy.
Nothing here imports the engine's model.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass

CACHE_SETTING = "advice_cache"
CACHE_VERSION = 1


@dataclass(frozen=True)
class AdvisedModule:
    module_id: str
    title: str


@dataclass(frozen=True)
class AdviceLine:
    """One theme's advice as the home screen lists it."""

    theme: str
    title: str
    kind: str  # engine.scan.Advice.kind: aanbevolen, verdiepen, op-peil, niet-ingevuld
    level: float | None
    top: int
    reason: str
    modules: tuple[AdvisedModule, ...]


def from_engine(advice: Iterable) -> list[AdviceLine]:
    """engine.scan.Advice -> AdviceLine, in the engine's order."""
    return [
        AdviceLine(a.theme, a.title, a.kind, a.level, a.top, a.reason, tuple(AdvisedModule(m.module_id, m.title) for m in a.modules))
        for a in advice
    ]


def cache_key(scan: tuple[str, str, str], taken_at: str, courses: Iterable[tuple[str, str, str, str]]) -> str:
    """scan: (id, version, title); courses: (id, version, title, status) each."""
    return json.dumps([CACHE_VERSION, list(scan), taken_at, sorted(list(c) for c in courses)], ensure_ascii=False)


def read_cache(setting: str | None, key: str) -> list[AdviceLine] | None:
    """The kept advice if it was made from exactly `key`, else None."""
    if not setting:
        return None
    try:
        data = json.loads(setting)
        if data.get("key") != key:
            return None
        lines = [
            AdviceLine(
                line["theme"], line["title"], line["kind"], line["level"], line["top"], line["reason"],
                tuple(AdvisedModule(m["id"], m["title"]) for m in line["modules"]),
            )
            for line in data["advice"]
        ]
    except (ValueError, TypeError, KeyError, AttributeError):  # an old or damaged copy: compute anew
        return None
    return lines if all(_well_typed(line) for line in lines) else None


def _well_typed(line: AdviceLine) -> bool:
    texts = (line.theme, line.title, line.kind, line.reason, *(t for m in line.modules for t in (m.module_id, m.title)))
    level_ok = line.level is None or (type(line.level) in (int, float) and math.isfinite(line.level))
    return all(isinstance(t, str) for t in texts) and type(line.top) is int and level_ok


def cache_text(key: str, lines: list[AdviceLine]) -> str:
    advice = [
        {
            "theme": a.theme, "title": a.title, "kind": a.kind, "level": a.level, "top": a.top, "reason": a.reason,
            "modules": [{"id": m.module_id, "title": m.title} for m in a.modules],
        }
        for a in lines
    ]
    return json.dumps({"key": key, "advice": advice}, ensure_ascii=False)
