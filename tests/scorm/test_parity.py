"""The player's rules (scorm/player/core.js, run in node) agree with the engine's: the shared
table of grading cases, the seeded draw and option orders, text normalisation, attempt scores,
and the compact suspend_data format in both directions."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest

from engine.codec import decode, encode
from engine.draw import display_order, draw_questions, mulberry32
from engine.grading import normalize_text
from engine.loader import load_module
from engine.progress import answer_attempt, answer_practice, attempt_result, complete_page, new_progress, start_attempt, submit_attempt, visit
from scorm.player_data import player_data
from scorm_driver import right, wrong
from scorm_support import ROOT, SHIPPED

CORE = ROOT / "scorm" / "player" / "core.js"
HARNESS = Path(__file__).with_name("harness.js")
CASES = json.loads((ROOT / "tests" / "grading" / "cases.json").read_text(encoding="utf-8"))
CASE_MODULES = {path: load_module(ROOT / path) for path in {c["module"] for c in CASES}}


def run_js(modules: dict, tasks: list) -> list:
    job = {"core": str(CORE), "modules": {k: json.loads(json.dumps(player_data(m))) for k, m in modules.items()}, "tasks": tasks}
    done = subprocess.run(["node", str(HARNESS)], input=json.dumps(job), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_js_grading_matches_the_shared_table(needs_node):
    tasks = []
    for case in CASES:
        module = CASE_MODULES[case["module"]]
        index = [q.id for q in module.all_questions()].index(case["question"])
        tasks.append(["grade", case["module"], index, case["response"]])
    scores = run_js(CASE_MODULES, tasks)
    mismatches = [
        (c["question"], c["response"], c["score"], got)
        for c, got in zip(CASES, scores)
        if (got is None) != (c["score"] is None) or (got is not None and abs(got - c["score"]) > 1e-6)
    ]
    assert mismatches == []


def test_js_refuses_the_responses_the_engine_refuses(needs_node):
    module = CASE_MODULES["tests/grading/module.yaml"]
    ids = [q.id for q in module.all_questions()]
    bad = [("een", 3), ("een", True), ("meer", [0, 0]), ("waar", "nee"), ("volgorde", [0, 1, 2]),
           ("koppel", [0, 1, 2]), ("koppel", [0, 1, 2, 5]), ("tekst", 12), ("casus", [0, 0, 0]), ("schaal", 5),
           ("casus-kritiek", [0, 0, 0]), ("casus-kritiek", [0, 2])]
    got = run_js({"g": module}, [["validate", "g", ids.index(q), r] for q, r in bad])
    assert got == ["invalid"] * len(bad)


def test_same_generator_same_draw_same_order(needs_node):
    seeds = [0, 1, 42, 2**31 - 1, 2**32 - 1] + random.Random(5).sample(range(2**32), 20)
    modules = {s.id: s.module for s in SHIPPED if s.module.assessment}
    tasks, expected = [], []
    tasks.append(["mulberry", next(iter(modules)), 123456789, 50])
    rng = mulberry32(123456789)
    expected.append([rng() for _ in range(50)])
    for name, module in modules.items():
        questions = module.all_questions()
        for seed in seeds:
            tasks.append(["draw", name, seed])
            expected.append(draw_questions(module.assessment, seed))
            for position, question in enumerate(questions[:12]):
                for shuffle in (True, False):
                    tasks.append(["order", name, questions.index(question), seed, position, shuffle])
                    expected.append(display_order(question, seed, position, shuffle))
    assert run_js(modules, tasks) == expected


@pytest.mark.parametrize(
    "text",
    ["  Eindtoets ", "EINDTOETS", "eind\ttoets\n", "Straße", "ΟΔΌΣ", "ﬁets", "e\u0301", "a\u00a0b", "a\u2003b", "x\x1cy", "İ", "?"],
)
def test_js_normalises_text_like_python(needs_node, text):
    module = CASE_MODULES["tests/grading/module.yaml"]
    assert run_js({"g": module}, [["normalize", "g", text]]) == [normalize_text(text)]


def test_js_reads_and_writes_the_engines_suspend_data(needs_node, shipped_module):
    """Progress the engine encodes, the player decodes and re-encodes to the same text, and the
    attempt score it computes is the engine's."""
    module = shipped_module.module
    progress = new_progress(module)
    for page in module.pages:
        progress = visit(progress, module, page.id)
        for question in page.questions:
            progress, _ = answer_practice(progress, module, question.id, wrong(question))
        progress = complete_page(progress, module, page.id)
    tasks, expected = [], []
    if module.assessment:
        for seed in (7, 99):
            progress = start_attempt(progress, module, seed)
            attempt = progress.current_attempt
            for i, qid in enumerate(attempt.questions):
                question = module.question(qid)
                progress, _ = answer_attempt(progress, module, qid, right(question) if i % 2 else wrong(question))
            answers = [[[q.id for q in module.all_questions()].index(k), v] for k, v in progress.current_attempt.answers.items()]
            result = attempt_result(module, progress.current_attempt)
            tasks.append(["result", "m", seed, answers])
            expected.append([result.percent, result.passed, [[o.objective, o.percent, o.questions] for o in result.per_objective]])
            if seed == 7:
                progress = submit_attempt(progress, module)
    text = encode(progress, module)
    tasks.append(["decode", "m", text])
    expected.append(text)
    got = run_js({"m": module}, tasks)
    assert got == expected
    assert decode(got[-1], module) == decode(text, module)


def test_js_draws_per_objective_like_the_engine(needs_node):
    """draw_per_objective: the player asks the same questions, in the same order, for every seed."""
    seeds = [0, 1, 42, 2**32 - 1] + random.Random(11).sample(range(2**32), 30)
    modules, tasks, expected = {}, [], []
    for shipped in SHIPPED:
        module = shipped.module
        if not module.assessment or not module.objectives:
            continue
        for per, shuffle in ((1, True), (2, True), (1, False)):
            assessment = module.assessment.model_copy(update={"draw_per_objective": per, "shuffle": shuffle})
            name = f"{module.id}-{per}-{shuffle}"
            modules[name] = module.model_copy(update={"assessment": assessment})
            for seed in seeds:
                tasks.append(["draw", name, seed])
                expected.append(draw_questions(assessment, seed))
    assert run_js(modules, tasks) == expected
