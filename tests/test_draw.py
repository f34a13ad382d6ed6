"""The seeded draw, which the SCORM player mirrors in JS."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.draw import display_order, draw_questions, mulberry32, shuffled, sub_seed
from engine.loader import load_module

ROOT = Path(__file__).resolve().parent.parent

# Reference values of the well-known JS mulberry32, computed with node.
MULBERRY32 = {
    0: [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197],
    42: [0.6011037519201636, 0.44829055899754167, 0.8524657934904099],
    4294967295: [0.8964226141106337, 0.189478256739676, 0.7156526781618595],
}


@pytest.mark.parametrize("seed", MULBERRY32)
def test_mulberry32_matches_the_js_generator(seed):
    rng = mulberry32(seed)
    assert [rng() for _ in range(3)] == MULBERRY32[seed]


def test_shuffle_is_a_permutation_and_depends_on_the_seed():
    items = list(range(10))
    orders = {tuple(shuffled(items, seed)) for seed in range(30)}
    assert all(sorted(order) == items for order in orders)
    assert len(orders) > 20
    assert shuffled(items, 5) == shuffled(items, 5)


def test_draw_respects_draw_count_and_shuffle_setting():
    module = load_module(ROOT / "content/kennismaken/module.yaml")
    assessment = module.assessment
    drawn = draw_questions(assessment, 11)
    assert len(drawn) == assessment.draw == len(set(drawn))
    pool = [q.id for q in assessment.questions]
    unshuffled = draw_questions(assessment.model_copy(update={"shuffle": False}), 11)
    assert sorted(unshuffled, key=pool.index) == unshuffled
    assert set(unshuffled) == set(drawn)


def test_option_order_is_stable_per_question_and_can_be_switched_off():
    module = load_module(ROOT / "tests/grading/module.yaml")
    question = module.question("meer")
    assert display_order(question, 9, 0) == display_order(question, 9, 0)
    assert sorted(display_order(question, 9, 0)) == list(range(5))
    assert display_order(question, 9, 0, shuffle=False) == [0, 1, 2, 3, 4]
    assert sub_seed(9, 0) != sub_seed(9, 1)
    assert display_order(module.question("tekst"), 9, 0) == []


def _with(assessment, **update):
    return assessment.model_copy(update=update)


def test_draw_per_objective_asks_every_objective_in_every_attempt():
    module = load_module(ROOT / "content/veiligheid/module.yaml")
    assessment = module.assessment
    objectives = {o.id for o in module.objectives}
    assert assessment.draw_per_objective == 1
    plain = _with(assessment, draw_per_objective=None)
    missed = [s for s in range(300) if objectives - {module.question(q).objective for q in draw_questions(plain, s)}]
    assert missed, "without draw_per_objective some attempts skip an objective"
    for seed in range(300):
        drawn = draw_questions(assessment, seed)
        assert len(drawn) == assessment.draw == len(set(drawn))
        assert {module.question(q).objective for q in drawn} == objectives


def test_draw_per_objective_takes_at_least_that_many_of_each_and_keeps_pool_order_without_shuffle():
    module = load_module(ROOT / "content/veiligheid/module.yaml")
    assessment = _with(module.assessment, draw_per_objective=2, shuffle=False)
    pool = [q.id for q in assessment.questions]
    for seed in range(50):
        drawn = draw_questions(assessment, seed)
        assert drawn == sorted(drawn, key=pool.index)
        counts = {o.id: sum(module.question(q).objective == o.id for q in drawn) for o in module.objectives}
        assert min(counts.values()) >= 2


def test_a_plain_draw_is_unchanged_by_the_per_objective_option():
    # draw: N alone still draws the first N of the shuffled pool, as before
    module = load_module(ROOT / "content/veiligheid/module.yaml")
    plain = _with(module.assessment, draw_per_objective=None)
    ids = [q.id for q in plain.questions]
    for seed in range(20):
        assert draw_questions(plain, seed) == [ids[i] for i in shuffled(range(len(ids)), seed)[: plain.draw]]
