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
