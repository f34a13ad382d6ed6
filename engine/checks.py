"""Checks beyond types: what makes a well-typed module still wrong (or worth a second look).

Each check yields a `Finding` with the path of the offending node; the loader turns that path
into a line and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from engine import messages as msg
from engine.diagnostics import Severity
from engine.media import module_media
from engine.model import (
    GRADED_KINDS,
    MatchQuestion,
    Module,
    MultipleQuestion,
    OrderQuestion,
    QuestionModel,
    ScenarioQuestion,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from engine.scenario import best_points, find_loop, reachable_steps


@dataclass(frozen=True)
class Finding:
    path: tuple[str | int, ...]
    message: str
    hint: str
    severity: Severity = "error"
    at_key: bool = False
    #: A piece of the text at `path` the finding is about (e.g. an HTML tag in a page's body): the
    #: loader points at the line where it stands, not where the text begins.
    needle: str | None = None


Locate = Callable[[tuple], tuple[int, int]]


def check(module: Module, folder: Path, locate: Locate) -> list[Finding]:
    """Every finding for `module`; `locate` gives the line and column of a path (for messages
    that point to an earlier place, such as a duplicate id)."""
    return [
        *_authoring(module),
        *_unique_ids(module, locate),
        *_glossary(module, locate),
        *_references(module),
        *_questions(module),
        *_assessment(module),
        *_media(module, folder),
        *_coverage(module),
        *_giveaways(module),
        *_scan(module),
        *_reviewed(module),
        *_lints(module),
    ]


def _scan(module: Module) -> Iterator[Finding]:
    from engine.scan_checks import scan_findings  # scan_checks builds on this module

    yield from scan_findings(module)


def _authoring(module: Module) -> Iterator[Finding]:
    from engine.authoring import authoring_findings  # authoring builds on this module

    yield from authoring_findings(module)


def _lints(module: Module) -> Iterator[Finding]:
    from engine.lints import lint_findings  # lints builds on this module

    yield from lint_findings(module)


def _question_paths(module: Module) -> Iterator[tuple[tuple[str | int, ...], QuestionModel]]:
    for p, page in enumerate(module.pages):
        for q, question in enumerate(page.questions):
            yield ("pages", p, "questions", q), question
    if module.assessment:
        for q, question in enumerate(module.assessment.questions):
            yield ("assessment", "questions", q), question


def _unique_ids(module: Module, locate: Locate) -> Iterator[Finding]:
    def dupes(what: str, items: list[tuple[tuple, str]]) -> Iterator[Finding]:
        first: dict[str, tuple] = {}
        for path, ident in items:
            if ident in first:
                first_line = locate((*first[ident], "id"))[0]
                yield Finding((*path, "id"), *msg.duplicate_id(what, ident, first_line))
            else:
                first[ident] = path

    yield from dupes("leerdoel", [(("objectives", i), o.id) for i, o in enumerate(module.objectives)])
    # Pages, questions (on pages and in the assessment) and the steps of one casus each have ids of
    # their own: progress is kept per page, answers per question, a casus path per question. A page
    # and the one question on it may share an id (the shipped casus pages do).
    yield from dupes("pagina", [(("pages", i), p.id) for i, p in enumerate(module.pages)])
    yield from dupes("vraag", [(path, q.id) for path, q in _question_paths(module)])
    for path, question in _question_paths(module):
        if isinstance(question, ScenarioQuestion):
            yield from dupes("stap", [((*path, "steps", i), s.id) for i, s in enumerate(question.steps)])


def _glossary(module: Module, locate: Locate) -> Iterator[Finding]:
    """Each term once in the glossary (compared without regard to case or spaces around it)."""
    first: dict[str, int] = {}
    for i, entry in enumerate(module.glossary):
        key = " ".join(entry.term.split()).casefold()
        if key in first:
            first_line = locate(("glossary", first[key], "term"))[0]
            yield Finding(("glossary", i, "term"), *msg.duplicate_term(entry.term, first_line))
        else:
            first[key] = i


def _references(module: Module) -> Iterator[Finding]:
    objectives = [o.id for o in module.objectives]
    for path, question in _question_paths(module):
        if question.objective is not None and question.objective not in objectives:
            yield Finding((*path, "objective"), *msg.unknown_objective(question.objective, objectives))
        if isinstance(question, ScenarioQuestion):
            steps = [s.id for s in question.steps]
            if question.start not in steps:
                yield Finding((*path, "start"), *msg.unknown_step(question.start, steps))
                continue
            broken = False
            for s, step in enumerate(question.steps):
                for c, choice in enumerate(step.choices):
                    if choice.goto is not None and choice.goto not in steps:
                        broken = True
                        yield Finding((*path, "steps", s, "choices", c, "goto"), *msg.unknown_step(choice.goto, steps))
            if broken:
                continue
            reachable = reachable_steps(question)
            for s, step in enumerate(question.steps):
                if step.id not in reachable:
                    yield Finding((*path, "steps", s, "id"), *msg.unreachable_step(step.id))
            yield from _choices(path, question)
            loop = find_loop(question)
            if loop is not None:
                yield Finding((*path, "steps", loop.step, "choices", loop.choice, "goto"), *msg.scenario_loop(loop.target))
            elif best_points(question) == 0:
                yield Finding((*path, "start"), *msg.scenario_no_points())


def _choices(path: tuple, question: ScenarioQuestion) -> Iterator[Finding]:
    """A critical choice earns nothing; a step needs a choice that is not critical; a step with
    one choice gives its points to everyone."""
    for s, step in enumerate(question.steps):
        here = (*path, "steps", s, "choices")
        for c, choice in enumerate(step.choices):
            if choice.critical and choice.points:
                yield Finding((*here, c, "points"), *msg.critical_with_points())
        if step.choices and all(c.critical for c in step.choices):
            yield Finding(here, *msg.every_choice_critical(), at_key=True)
        if len(step.choices) == 1 and step.choices[0].points:
            yield Finding((*here, 0, "points"), *msg.single_choice_points(), severity="warning")


def _reviewed(module: Module) -> Iterator[Finding]:
    if module.reviewed is None:
        return
    value = module.reviewed.date
    try:
        valid = re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None and date.fromisoformat(value) is not None
    except ValueError:
        valid = False
    if not valid:
        yield Finding(("reviewed", "date"), *msg.bad_review_date(value))


def _questions(module: Module) -> Iterator[Finding]:
    for path, question in _question_paths(module):
        if isinstance(question, (SingleQuestion, MultipleQuestion)):
            correct = sum(o.correct for o in question.options)
            if correct == 0:
                yield Finding((*path, "options"), *msg.no_correct_option())
            elif correct > 1 and isinstance(question, SingleQuestion):
                second = [i for i, o in enumerate(question.options) if o.correct][1]
                yield Finding((*path, "options", second, "correct"), *msg.several_correct_single())
            seen: set[str] = set()
            for i, option in enumerate(question.options):
                if option.text.strip() in seen:
                    yield Finding((*path, "options", i, "text"), *msg.duplicate_option(option.text))
                seen.add(option.text.strip())
                if option.feedback is None and question.explanation is None:
                    yield Finding((*path, "options", i), *msg.option_without_feedback(), severity="warning")
        elif isinstance(question, OrderQuestion):
            yield from _distinct_texts(path, "items", [i.text for i in question.items])
        elif isinstance(question, MatchQuestion):
            yield from _distinct_texts(path, "pairs", [p.left for p in question.pairs], "left")
            yield from _distinct_texts(path, "pairs", [p.right for p in question.pairs], "right")
        elif isinstance(question, (TrueFalseQuestion, TextQuestion)):
            has_feedback = (
                (question.feedback_true or question.feedback_false)
                if isinstance(question, TrueFalseQuestion)
                else (question.feedback_correct or question.feedback_incorrect)
            )
            if not has_feedback and question.explanation is None:
                yield Finding(path, *msg.question_without_feedback(), severity="warning")


def _distinct_texts(path: tuple, key: str, texts: list[str], sub: str = "text") -> Iterator[Finding]:
    seen: set[str] = set()
    for i, text in enumerate(texts):
        if text.strip() in seen:
            yield Finding((*path, key, i, sub), *msg.duplicate_option(text))
        seen.add(text.strip())


def _assessment(module: Module) -> Iterator[Finding]:
    assessment = module.assessment
    if assessment is None:
        return
    for q, question in enumerate(assessment.questions):
        path = ("assessment", "questions", q)
        if question.kind not in GRADED_KINDS:
            yield Finding((*path, "kind"), *msg.ungraded_in_assessment(question.kind))
        elif question.objective is None and module.objectives:
            yield Finding(path, *msg.objective_required())
    if assessment.draw is not None and assessment.draw > len(assessment.questions):
        yield Finding(("assessment", "draw"), *msg.draw_too_large(assessment.draw, len(assessment.questions)))
    yield from _draw_per_objective(module)


def _draw_per_objective(module: Module) -> Iterator[Finding]:
    """`draw_per_objective` needs a `draw`, objectives, and enough questions for each of them."""
    assessment = module.assessment
    per = assessment.draw_per_objective if assessment else None
    if assessment is None or per is None:
        return
    path = ("assessment", "draw_per_objective")
    if assessment.draw is None:
        yield Finding(path, *msg.per_objective_without_draw())
        return
    if not module.objectives:
        yield Finding(path, *msg.per_objective_without_objectives())
        return
    if per * len(module.objectives) > assessment.draw:
        yield Finding(path, *msg.per_objective_too_many(per, len(module.objectives), assessment.draw))
    for i, objective in enumerate(module.objectives):
        have = sum(q.objective == objective.id for q in assessment.questions)
        if have < per:
            yield Finding(("objectives", i, "id"), *msg.per_objective_short(objective.id, have, per))


def _media(module: Module, folder: Path) -> Iterator[Finding]:
    for problem in module_media(module, folder).problems:
        yield Finding(problem.path, problem.message, problem.hint)


def _coverage(module: Module) -> Iterator[Finding]:
    if module.assessment is None:
        return
    assessed = {q.objective for q in module.assessment.questions}
    for i, objective in enumerate(module.objectives):
        if objective.id not in assessed:
            yield Finding(("objectives", i, "id"), *msg.objective_not_assessed(objective.id), severity="warning")


#: Share of questions above which a pattern in where the right answer sits becomes guessable.
GIVEAWAY_SHARE = 0.6
GIVEAWAY_MIN_QUESTIONS = 5


def _giveaways(module: Module) -> Iterator[Finding]:
    """Warn when the right answer can be guessed from its form: nearly always the longest option,
    or in a scenario nearly always the first choice (choices are shown in file order)."""
    longest = [
        path
        for path, q in _question_paths(module)
        if isinstance(q, SingleQuestion)
        and max(q.options, key=lambda o: len(o.text)).correct
        and sum(len(o.text) == max(len(x.text) for x in q.options) for o in q.options) == 1
    ]
    singles = sum(isinstance(q, SingleQuestion) for _, q in _question_paths(module))
    if singles >= GIVEAWAY_MIN_QUESTIONS and len(longest) > GIVEAWAY_SHARE * singles:
        yield Finding(longest[0], *msg.right_answer_longest(len(longest), singles), severity="warning")
    first, steps = [], 0
    for path, q in _question_paths(module):
        if isinstance(q, ScenarioQuestion):
            for s, step in enumerate(q.steps):
                if len(step.choices) > 1:
                    steps += 1
                    best = max(range(len(step.choices)), key=lambda i: step.choices[i].points)
                    if best == 0 and step.choices[0].points > min(c.points for c in step.choices):
                        first.append((*path, "steps", s))
    if steps >= GIVEAWAY_MIN_QUESTIONS and len(first) > GIVEAWAY_SHARE * steps:
        yield Finding(first[0], *msg.best_choice_first(len(first), steps), severity="warning")
