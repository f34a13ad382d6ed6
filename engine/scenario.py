"""Branching scenarios as graphs: which steps can be reached, whether a path can loop, and the
most points any path can earn (the denominator of a scenario's score)."""

from __future__ import annotations

from dataclasses import dataclass

from engine.model import Choice, ScenarioQuestion


def _steps(question: ScenarioQuestion) -> dict:
    return {step.id: step for step in question.steps}


def reachable_steps(question: ScenarioQuestion) -> set[str]:
    steps = _steps(question)
    seen: set[str] = set()
    todo = [question.start]
    while todo:
        ident = todo.pop()
        if ident in seen or ident not in steps:
            continue
        seen.add(ident)
        todo.extend(c.goto for c in steps[ident].choices if c.goto is not None)
    return seen


@dataclass(frozen=True)
class Loop:
    """Where a casus comes back on itself: the choice (step and choice index in the file) whose
    `goto` leads back to `target`, a step on the path to it."""

    step: int
    choice: int
    target: str


def find_loop(question: ScenarioQuestion) -> Loop | None:
    """The first `goto` (depth first from the start, in file order) that closes a loop, or None
    when every path ends."""
    index = {step.id: i for i, step in enumerate(question.steps)}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished

    def visit(ident: str) -> Loop | None:
        state[ident] = 1
        for c, choice in enumerate(question.steps[index[ident]].choices):
            target = choice.goto
            if target is None or target not in index:
                continue
            if state.get(target) == 1:
                return Loop(index[ident], c, target)
            if target not in state:
                found = visit(target)
                if found:
                    return found
        state[ident] = 2
        return None

    return visit(question.start) if question.start in index else None


def best_points(question: ScenarioQuestion) -> int:
    """The most points a single path from the start can collect (the scenario has no loops); a path
    through a critical choice earns nothing, so it never counts."""
    steps = _steps(question)
    memo: dict[str, int] = {}

    def best(ident: str) -> int:
        if ident not in memo:
            memo[ident] = 0  # guard; loops are reported elsewhere
            memo[ident] = max(
                (c.points + (best(c.goto) if c.goto in steps else 0) for c in steps[ident].choices if not c.critical),
                default=0,
            )
        return memo[ident]

    return best(question.start) if question.start in steps else 0


def walk(question: ScenarioQuestion, choices: list[int]) -> tuple[list[str], int, bool]:
    """Follow `choices` (one index per step) from the start.

    Returns the ids of the steps visited, the points earned, and whether the path reached an end.
    Choices past the end, or out of range, are ignored.
    """
    steps = _steps(question)
    visited = [question.start]
    points = 0
    current = steps[question.start]
    for index in choices:
        if not current.choices or not 0 <= index < len(current.choices):
            break
        choice = current.choices[index]
        points += choice.points
        if choice.goto is None:
            return visited, points, True
        current = steps[choice.goto]
        visited.append(current.id)
    return visited, points, not current.choices


def path_choices(question: ScenarioQuestion, choices: list[int]) -> list[Choice] | None:
    """The choices taken by `choices` (one index per step, from the start; a path may stop early),
    or None when an index does not exist at its step or a choice follows the end of the casus."""
    steps = _steps(question)
    current = steps.get(question.start)
    taken: list[Choice] = []
    for index in choices:
        if current is None or not 0 <= index < len(current.choices):
            return None
        choice = current.choices[index]
        taken.append(choice)
        current = steps.get(choice.goto) if choice.goto is not None else None
    return taken
