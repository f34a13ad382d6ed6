"""Answers the tests give on a learner's behalf, shared by the app's and the player's tests."""

from __future__ import annotations

from engine.model import ScenarioQuestion


def worst_path(question: ScenarioQuestion) -> list[int]:
    """The choices of a path through a casus that takes the fewest points at every step."""
    steps = {s.id: s for s in question.steps}
    path: list[int] = []
    step = steps[question.start]
    while step.choices:
        index = min(range(len(step.choices)), key=lambda i: step.choices[i].points)
        path.append(index)
        if step.choices[index].goto is None:
            break
        step = steps[step.choices[index].goto]
    return path
