"""Pedagogy lint: warnings about answers a learner can guess from their form instead of knowing.

Each rule looks at the whole module (a pattern across questions is what a test-wise learner
picks up) or at one question, and yields warnings as `checks.Finding`s:

- true/false keys nearly all the same way;
- absolute words (altijd, nooit, ...) only in wrong answers, or hedging words (meestal, soms,
  ...) only in right ones;
- an option "alle bovenstaande" / "geen van bovenstaande";
- a multi-select question where choosing every option already scores 75% or more.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from engine import messages as msg
from engine.checks import Finding, _question_paths
from engine.model import Module, MultipleQuestion, SingleQuestion, TrueFalseQuestion

#: True/false keys: from this many statements on, warn when this share has the same key.
TRUE_FALSE_MIN = 6
TRUE_FALSE_SHARE = 0.8
#: Word cues: warn when at least this many answers of one side carry the cue and none of the other.
CUE_MIN = 3
#: Multi-select: warn when choosing every option scores at least this much.
SELECT_ALL_SHARE = 0.75

ABSOLUTES = ("altijd", "nooit", "alleen", "iedereen", "geen enkele", "niemand", "alles")
HEDGES = ("meestal", "vaak", "kan", "soms", "mogelijk", "misschien")
ALL_OR_NONE = re.compile(
    r"\b(alle|geen van( de)?) (bovenstaande|antwoorden|genoemde)\b|\balles hierboven\b", re.IGNORECASE
)


def lint_findings(module: Module) -> Iterator[Finding]:
    yield from _true_false_balance(module)
    yield from _word_cue(module, ABSOLUTES, right=False)
    yield from _word_cue(module, HEDGES, right=True)
    yield from _all_or_none(module)
    yield from _select_all(module)


def _true_false_balance(module: Module) -> Iterator[Finding]:
    keyed = [(path, q.answer) for path, q in _question_paths(module) if isinstance(q, TrueFalseQuestion)]
    if len(keyed) < TRUE_FALSE_MIN:
        return
    trues = sum(answer for _, answer in keyed)
    majority = trues * 2 >= len(keyed)
    same = trues if majority else len(keyed) - trues
    if same >= TRUE_FALSE_SHARE * len(keyed):
        first = next(path for path, answer in keyed if answer == majority)
        yield Finding((*first, "answer"), *msg.true_false_one_way(same, len(keyed), majority), severity="warning")


def _cue_in(text: str, words: tuple[str, ...]) -> str | None:
    lowered = text.casefold()
    for word in words:
        if re.search(rf"\b{re.escape(word)}\b", lowered):
            return word
    return None


def _answers(module: Module) -> Iterator[tuple[tuple, str, bool]]:
    """Every answer a learner judges, with whether it is right: options, and true/false
    statements (a statement that is 'waar' is a right answer)."""
    for path, q in _question_paths(module):
        if isinstance(q, (SingleQuestion, MultipleQuestion)):
            for i, option in enumerate(q.options):
                yield (*path, "options", i, "text"), option.text, option.correct
        elif isinstance(q, TrueFalseQuestion):
            yield (*path, "prompt"), q.prompt, q.answer


def _word_cue(module: Module, words: tuple[str, ...], *, right: bool) -> Iterator[Finding]:
    """Warn when `words` appear in at least CUE_MIN answers on one side (right or wrong) and in
    none on the other: the word then tells which answer is right."""
    cued = [(path, word, ok) for path, text, ok in _answers(module) if (word := _cue_in(text, words))]
    same = [(path, word) for path, word, ok in cued if ok == right]
    if len(same) >= CUE_MIN and len(same) == len(cued):
        found = sorted({word for _, word in same})
        yield Finding(same[0][0], *msg.word_cue(found, len(same), right), severity="warning")


def _all_or_none(module: Module) -> Iterator[Finding]:
    for path, q in _question_paths(module):
        if isinstance(q, (SingleQuestion, MultipleQuestion)):
            for i, option in enumerate(q.options):
                if ALL_OR_NONE.search(option.text):
                    yield Finding((*path, "options", i, "text"), *msg.all_or_none_option(option.text), severity="warning")


def _select_all(module: Module) -> Iterator[Finding]:
    for path, q in _question_paths(module):
        if isinstance(q, MultipleQuestion):
            right = sum(o.correct for o in q.options)
            wrong = len(q.options) - right
            if right and (right - wrong) / right >= SELECT_ALL_SHARE:
                percent = round(100 * (right - wrong) / right)
                yield Finding((*path, "options"), *msg.select_all_scores(percent), severity="warning", at_key=True)
