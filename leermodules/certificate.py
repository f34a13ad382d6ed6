"""A completion certificate: a printable HTML page for a module whose toets the learner passed.

It shows the learner's name (as they set it; kept in the store's settings), the module's title and
version, the day the toets was first passed (from the store's events), the best score and the
module's study time. The page is rendered by jinja2 with autoescape, so a name or title is always
text, never markup; it has print CSS (A4, no background). `write_certificate` writes it in one step
through `safe_write`. The command line (`leermodules certificaat`) and the app both use this.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from leermodules import strings as s
from leermodules.safe_write import write_file

if TYPE_CHECKING:
    from engine.model import Module
    from engine.store import ProgressStore



class NotPassed(Exception):
    """The module has no toets, or the learner has not passed it; the message says which (Dutch)."""


@dataclass(frozen=True)
class Certificate:
    name: str
    module_id: str
    title: str
    version: str
    passed_on: date
    score: float  # percent, the best score
    pass_mark: int
    minutes: int


def certificate_for(store: ProgressStore, module: Module, name: str) -> Certificate:
    """The certificate for `module` from the learner's stored progress; NotPassed if there is none."""
    from engine import progress as rules
    from engine.refresh import passing_attempt

    if module.assessment is None:
        raise NotPassed(s.CERT_NO_ASSESSMENT.format(title=module.title))
    progress = store.load(module)
    attempt = passing_attempt(module, progress)
    best = rules.best_score(progress)
    if attempt is None or best is None:
        raise NotPassed(s.CERT_NOT_PASSED.format(title=module.title))
    return Certificate(
        name=name,
        module_id=module.id,
        title=module.title,
        version=module.version,
        passed_on=_passed_on(store, module.id, attempt.number),
        score=best,
        pass_mark=module.assessment.pass_mark,
        minutes=module.minutes,
    )


def _passed_on(store: ProgressStore, module_id: str, attempt: int) -> date:
    """The day the attempt that passed was handed in (local time)."""
    handed_in = [e for e in store.events(module_id) if e.kind == "submit"]
    exact = [e for e in handed_in if e.attempt == attempt]
    chosen = exact or handed_in
    return datetime.fromtimestamp(chosen[0].at).date() if chosen else date.today()


def render_html(certificate: Certificate) -> str:
    from jinja2 import Environment, PackageLoader

    env = Environment(loader=PackageLoader("leermodules", "templates"), autoescape=True)
    return env.get_template("certificate.html.j2").render(c=certificate, s=s)


def default_file(module_id: str, folder: Path | None = None) -> Path:
    return (folder or Path.cwd()) / f"certificaat-{module_id}.html"


def write_certificate(certificate: Certificate, target: Path, *, overwrite: bool) -> None:
    """Write the page in one step (OSError as `safe_write.write_file` raises it)."""
    write_file(target, render_html(certificate), overwrite=overwrite)
