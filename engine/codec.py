"""Serialising progress: a readable form keyed by ids, and a compact one for SCORM suspend_data.

Readable (`to_json` / `from_json`): what the TUI's progress store keeps. It names pages and
questions by id, so it survives a module being edited; `reconcile` then drops what no longer fits.

Compact (`encode` / `decode`): for SCORM 1.2's 4,096-character ``cmi.suspend_data``. It needs the
module to decode, names pages and questions by their index in the module, and keeps a seed
instead of the drawn questions. Earlier attempts keep only their score. The JS player reads and
writes the same format::

    {"v": version, "l": page index or -1 (assessment), "d": [done page indexes],
     "p": [[question index, response], ...],                       # practice answers
     "e": [score, ...],                                            # earlier attempts
     "c": [seed, position, [[question index, response], ...]]}     # current or last attempt
     plus "s": score when that attempt was handed in

Question indexes count `Module.all_questions()`: practice questions page by page, then the pool.
"""

from __future__ import annotations

import json
from typing import Any

from engine.draw import draw_questions
from engine.grading import InvalidResponse, validate_response
from engine.model import (
    MatchQuestion,
    Module,
    MultipleQuestion,
    OrderQuestion,
    ReflectionQuestion,
    ScenarioQuestion,
    TextQuestion,
)
from engine.progress import ASSESSMENT, AssessmentAttempt, Progress, _frozen

SUSPEND_DATA_LIMIT_SCORM12 = 4096
#: Attempts assumed for the worst case when a module allows unlimited attempts.
UNLIMITED_ATTEMPTS_ASSUMED = 20


class CodecError(ValueError):
    """Stored progress that cannot be read back."""


# --- readable form ---------------------------------------------------------------------------------

def to_json(progress: Progress) -> str:
    return json.dumps(
        {
            "module": progress.module_id,
            "version": progress.module_version,
            "location": progress.location,
            "pages_done": sorted(progress.pages_done),
            "practice": dict(progress.practice),
            "attempts": [
                {
                    "number": a.number,
                    "seed": a.seed,
                    "questions": list(a.questions),
                    "answers": dict(a.answers),
                    "position": a.position,
                    "score": a.score,
                }
                for a in progress.attempts
            ],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def from_json(text: str) -> Progress:
    try:
        data = json.loads(text)
        return Progress(
            module_id=data["module"],
            module_version=data["version"],
            location=data["location"],
            pages_done=frozenset(data["pages_done"]),
            practice=_frozen(data["practice"]),
            attempts=tuple(
                AssessmentAttempt(
                    number=a["number"],
                    seed=a["seed"],
                    questions=tuple(a["questions"]),
                    answers=_frozen(a["answers"]),
                    position=a["position"],
                    score=a["score"],
                )
                for a in data["attempts"]
            ),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise CodecError(f"stored progress is not readable: {exc}") from None


def reconcile(progress: Progress, module: Module) -> Progress:
    """Fit progress saved for an earlier version of `module` to the module as it is now:
    pages and answers that no longer exist or no longer fit are left out (the stored record
    itself is not changed by this)."""
    page_ids = {p.id for p in module.pages}
    questions = {q.id: q for q in module.all_questions()}

    def fitting(answers) -> dict:
        kept = {}
        for qid, response in answers.items():
            if qid in questions:
                try:
                    kept[qid] = validate_response(questions[qid], response)
                except InvalidResponse:
                    pass
        return kept

    location = progress.location
    if location not in page_ids and not (location == ASSESSMENT and module.assessment):
        location = None
    attempts = tuple(
        AssessmentAttempt(
            a.number,
            a.seed,
            tuple(q for q in a.questions if q in questions),
            _frozen(fitting(a.answers)),
            min(a.position, max(0, len([q for q in a.questions if q in questions]) - 1)),
            a.score,
        )
        for a in progress.attempts
    )
    return Progress(
        module.id,
        module.version,
        location,
        frozenset(progress.pages_done & page_ids),
        _frozen(fitting(progress.practice)),
        attempts,
    )


# --- compact form ----------------------------------------------------------------------------------

def encode(progress: Progress, module: Module) -> str:
    index = {q.id: i for i, q in enumerate(module.all_questions())}
    pages = [p.id for p in module.pages]
    data: dict[str, Any] = {"v": progress.module_version}
    if progress.location is not None:
        data["l"] = -1 if progress.location == ASSESSMENT else pages.index(progress.location)
    if progress.pages_done:
        data["d"] = sorted(pages.index(p) for p in progress.pages_done if p in pages)
    if progress.practice:
        data["p"] = [[index[q], r] for q, r in progress.practice.items()]
    if progress.attempts:
        *earlier, last = progress.attempts
        if earlier:
            data["e"] = [_short(a.score or 0.0) for a in earlier]
        data["c"] = [last.seed, last.position, [[index[q], r] for q, r in last.answers.items()]]
        if last.score is not None:
            data["s"] = _short(last.score)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _short(score: float) -> float | int:
    score = round(score, 1)
    return int(score) if score == int(score) else score


def decode(text: str, module: Module) -> Progress:
    """Read compact progress back; raises CodecError if it does not belong to `module`."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise CodecError("suspend data is not a JSON object")
        questions = module.all_questions()
        pages = [p.id for p in module.pages]

        def answers(pairs) -> dict:
            out = {}
            for i, response in pairs:
                question = questions[i]
                out[question.id] = validate_response(question, response)
            return out

        location = data.get("l")
        attempts: list[AssessmentAttempt] = [
            AssessmentAttempt(n + 1, 0, (), _frozen(), 0, float(score)) for n, score in enumerate(data.get("e", []))
        ]
        if "c" in data:
            if module.assessment is None:
                raise CodecError("progress has an attempt but the module has no assessment")
            seed, position, pairs = data["c"]
            attempts.append(
                AssessmentAttempt(
                    len(attempts) + 1,
                    int(seed),
                    tuple(draw_questions(module.assessment, int(seed))),
                    _frozen(answers(pairs)),
                    int(position),
                    float(data["s"]) if "s" in data else None,
                )
            )
        return Progress(
            module.id,
            str(data["v"]),
            None if location is None else ASSESSMENT if location == -1 else pages[location],
            frozenset(pages[i] for i in data.get("d", [])),
            _frozen(answers(data.get("p", []))),
            tuple(attempts),
        )
    except CodecError:
        raise
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, InvalidResponse) as exc:
        raise CodecError(f"suspend data does not fit this module: {exc}") from None


def worst_case_length(module: Module) -> int:
    """The longest `encode` can get for `module`: every page done, every question answered with
    the longest response it accepts, and every allowed attempt used."""
    questions = module.all_questions()
    widest = {q.id: _longest_response(q) for q in questions}
    pool_ids = {q.id for q in module.assessment.questions} if module.assessment else set()
    practice = {q.id: widest[q.id] for q in questions if q.id not in pool_ids}
    attempts: list[AssessmentAttempt] = []
    if module.assessment:
        assessment = module.assessment
        allowed = assessment.attempts or UNLIMITED_ATTEMPTS_ASSUMED
        draw = assessment.draw or len(assessment.questions)
        index = {q.id: i for i, q in enumerate(questions)}

        def size(qid: str) -> int:
            return len(json.dumps([index[qid], widest[qid]], ensure_ascii=False, separators=(",", ":")))

        drawn = sorted(pool_ids, key=size, reverse=True)[:draw]
        earlier = [AssessmentAttempt(n + 1, 0, (), _frozen(), 0, 33.3) for n in range(allowed - 1)]
        last = AssessmentAttempt(allowed, 0xFFFFFFFF, tuple(drawn), _frozen({q: widest[q] for q in drawn}), draw - 1, 33.3)
        attempts = [*earlier, last]
    progress = Progress(
        module.id,
        module.version,
        module.pages[-1].id,
        frozenset(p.id for p in module.pages),
        _frozen(practice),
        tuple(attempts),
    )
    return len(encode(progress, module))


def _longest_response(question) -> Any:
    """A response of the greatest encoded length the question accepts (text at its maximum
    length of characters that JSON escapes)."""
    if isinstance(question, (TextQuestion, ReflectionQuestion)):
        return '"' * question.max_length
    if isinstance(question, MultipleQuestion):
        return list(range(len(question.options)))
    if isinstance(question, OrderQuestion):
        return list(range(len(question.items)))
    if isinstance(question, MatchQuestion):
        return [len(question.pairs) + len(question.distractors) - 1] * len(question.pairs)
    if isinstance(question, ScenarioQuestion):
        return [5] * len(question.steps)
    if question.kind == "true_false":
        return False
    return 9
