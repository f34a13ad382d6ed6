"""The export formats, one strategy each: what manifest a package gets (if any), which LMS
runtime its player carries, and whether it is zipped. Nothing else in the compiler asks which
format it is working on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from engine.model import Module
from scorm import manifest12, manifest2004

ManifestBuilder = Callable[[Module, list[str], str], bytes]


@dataclass(frozen=True)
class Format:
    name: str
    label: str  # as a trainer sees it
    runtime: str | None  # the JS runtime file in scorm/player; None: the standalone preview only
    manifest: ManifestBuilder | None
    zipped: bool

    def target_name(self, module: Module) -> str:
        suffix = {"scorm12": "scorm12", "scorm2004": "scorm2004", "html": "html"}[self.name]
        name = f"{module.id}-{module.version}-{suffix}"
        return f"{name}.zip" if self.zipped else name


SCORM12 = Format("scorm12", "SCORM 1.2", "scorm12.js", manifest12.build, zipped=True)
SCORM2004 = Format("scorm2004", "SCORM 2004, 4e editie", "scorm2004.js", manifest2004.build, zipped=True)
HTML = Format("html", "HTML-voorvertoning", None, None, zipped=False)

FORMATS: dict[str, Format] = {f.name: f for f in (SCORM12, SCORM2004, HTML)}
