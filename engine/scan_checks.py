"""Checks for the ontwikkelscan (`kind: scan`): statements per theme, nothing else."""

from __future__ import annotations

from collections.abc import Iterator

from engine import messages as msg
from engine.checks import Finding
from engine.model import LikertQuestion, Module


def scan_findings(module: Module) -> Iterator[Finding]:
    if module.kind != "scan":
        if module.themes:
            yield Finding(("themes",), *msg.themes_only_in_scan(), at_key=True)
        return
    if module.assessment is not None:
        yield Finding(("assessment",), *msg.scan_has_assessment(), at_key=True)
    if not module.themes:
        yield Finding((), *msg.scan_needs_themes())
    known = [t.id for t in module.themes]
    used: set[str] = set()
    for p, page in enumerate(module.pages):
        for q, question in enumerate(page.questions):
            path = ("pages", p, "questions", q)
            if not isinstance(question, LikertQuestion):
                yield Finding((*path, "kind"), *msg.scan_question_not_likert(question.kind))
            elif question.theme is None:
                yield Finding(path, *msg.scan_statement_without_theme())
            elif question.theme not in known:
                yield Finding((*path, "theme"), *msg.unknown_theme(question.theme, known))
            else:
                used.add(question.theme)
    for t, theme in enumerate(module.themes):
        if theme.id not in used:
            yield Finding(("themes", t, "id"), *msg.theme_without_statements(theme.id))
