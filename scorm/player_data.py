"""What the JS player needs to know about a module, as one compact JSON object.

The page texts are in the HTML; this holds the rules: per question its kind, weight, what is
right, and the feedback (already rendered to safe HTML). Questions are listed in the order of
`Module.all_questions()`, so a question's index here is its index in the compact suspend_data
format of `engine.codec`. Keys are short because every package carries this object.

    {"id", "v": version, "t": title, "pages": [{"id", "q": [question indexes]}],
     "a": {"pass", "tries", "draw", "per" (draw_per_objective), "shuffle", "each",
           "pool": [question indexes]} or null,
     "obj": [[objective id, text], ...], "q": [question, ...], "txt": the script's Dutch texts}

A question: {"id", "k": kind, "w": weight, "o": objective, "x": explanation html, "d": plain
description (<250 characters, for SCORM 2004), "cr": a response that scores 1} plus per kind:
single/multiple "op": [[correct, feedback html]]; true_false "ans", "ft", "ff"; order "n", "f";
match "n", "na" (number of answers), "f"; text "acc" (normalised), "fc", "fi", "max"; scenario
"st" (start step index), "s": [[step id, [[goto index or -1, points, feedback html, critical]]]],
"bp" (best points); likert "n"; reflection "max".
"""

from __future__ import annotations

import json
from typing import Any

from engine.grading import correct_response, match_answers, normalize_text
from engine.model import (
    LikertQuestion,
    MatchQuestion,
    Module,
    MultipleQuestion,
    OrderQuestion,
    QuestionModel,
    ReflectionQuestion,
    ScenarioQuestion,
    SingleQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from engine.scenario import best_points
from scorm import markdown
from scorm.texts import PLAYER_TEXTS

#: SCORM 2004 keeps an interaction's description under 250 characters; plain text only.
DESCRIPTION_LIMIT = 249


def player_data(module: Module) -> dict[str, Any]:
    questions = module.all_questions()
    index = {q.id: i for i, q in enumerate(questions)}
    assessment = module.assessment
    return {
        "id": module.id,
        "v": module.version,
        "t": module.title,
        "pages": [{"id": p.id, "q": [index[q.id] for q in p.questions]} for p in module.pages],
        "a": None
        if assessment is None
        else {
            "pass": assessment.pass_mark,
            "tries": assessment.attempts,
            "draw": assessment.draw,
            "per": assessment.draw_per_objective,
            "shuffle": assessment.shuffle,
            "each": assessment.feedback == "after_each",
            "pool": [index[q.id] for q in assessment.questions],
        },
        "obj": [[o.id, o.text] for o in module.objectives],
        "q": [question_data(q) for q in questions],
        "txt": PLAYER_TEXTS,
    }


def question_data(q: QuestionModel) -> dict[str, Any]:
    out: dict[str, Any] = {"id": q.id, "k": q.kind, "w": q.weight, "o": q.objective}
    if q.explanation:
        out["x"] = markdown.block(q.explanation)
    out["d"] = markdown.plain(q.prompt, DESCRIPTION_LIMIT)
    cr = correct_response(q)
    if cr is not None:
        out["cr"] = cr
    match q:
        case SingleQuestion() | MultipleQuestion():
            out["op"] = [[o.correct, _html(o.feedback)] for o in q.options]
        case TrueFalseQuestion():
            out.update(ans=q.answer, ft=_html(q.feedback_true), ff=_html(q.feedback_false))
        case OrderQuestion():
            out.update(n=len(q.items), f=[_html(i.feedback) for i in q.items])
        case MatchQuestion():
            out.update(n=len(q.pairs), na=len(match_answers(q)), f=[_html(p.feedback) for p in q.pairs])
        case TextQuestion():
            out.update(
                acc=sorted({normalize_text(a) for a in q.accepted}),
                acc_raw=list(q.accepted),
                fc=_html(q.feedback_correct),
                fi=_html(q.feedback_incorrect),
                max=q.max_length,
            )
        case ScenarioQuestion():
            steps = {s.id: i for i, s in enumerate(q.steps)}
            out.update(
                st=steps[q.start],
                s=[
                    [
                        s.id,
                        [[steps[c.goto] if c.goto else -1, c.points, _html(c.feedback), c.critical] for c in s.choices],
                    ]
                    for s in q.steps
                ],
                bp=best_points(q),
            )
        case LikertQuestion():
            out["n"] = len(q.scale)
        case ReflectionQuestion():
            out["max"] = q.max_length
    return out


def _html(text: str | None) -> str | None:
    return str(markdown.block(text)) if text else None


def to_script_json(data: dict[str, Any]) -> str:
    """JSON safe to place inside <script type="application/json">: no '</' can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
