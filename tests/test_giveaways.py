"""Warnings for right answers a learner can guess from their form rather than their content."""

from __future__ import annotations

import textwrap

from engine.loader import check_module


def module_with(questions: str) -> str:
    return textwrap.dedent(
        """\
        id: raden
        title: Raden
        summary: Test.
        version: 1.0.0
        minutes: 5
        pages:
          - id: p
            title: P
            body: Tekst.
            questions:
        """
    ) + textwrap.indent(textwrap.dedent(questions), "      ")


def single(n: int, right: str, wrong: str) -> str:
    return f"""\
- id: q{n}
  kind: single
  prompt: Vraag {n}?
  explanation: Uitleg.
  options:
    - {{text: "{wrong}"}}
    - {{text: "{right}", correct: true}}
"""


def test_right_answer_nearly_always_longest_is_a_warning(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(module_with("".join(single(n, "het goede en lange antwoord", "fout") for n in range(5))), encoding="utf-8")
    result = check_module(path)
    assert result.ok  # a warning, not an error
    assert [(p.severity, p.line, p.message) for p in result.problems] == [
        ("warning", 11, "in 5 van de 5 'single'-vragen is het goede antwoord het langste; lerenden leren dat snel raden")
    ]


def test_a_mix_of_lengths_is_fine(tmp_path):
    questions = "".join(single(n, "goed", "een fout maar lang antwoord") for n in range(3))
    questions += "".join(single(n + 3, "een goed en lang antwoord", "fout") for n in range(2))
    path = tmp_path / "m.yaml"
    path.write_text(module_with(questions), encoding="utf-8")
    assert check_module(path).problems == []


def test_best_scenario_choice_nearly_always_first_is_a_warning(tmp_path):
    steps = "".join(
        f"""\
    - id: s{n}
      text: Stap {n}.
      choices:
        - {{text: goed, points: 2, feedback: Goed{f", goto: s{n + 1}" if n < 4 else ""}}}
        - {{text: fout, points: 0{f", goto: s{n + 1}" if n < 4 else ""}}}
"""
        for n in range(5)
    )
    scenario = f"- id: casus\n  kind: scenario\n  prompt: Casus.\n  start: s0\n  steps:\n{steps}"
    path = tmp_path / "m.yaml"
    path.write_text(module_with(scenario), encoding="utf-8")
    problems = check_module(path).problems
    assert [p.message for p in problems] == [
        "in 5 van de 5 casusstappen staat de beste keuze bovenaan; keuzes worden in deze volgorde getoond"
    ]
