"""xAPI 1.0.3 statements for a learner's events, and a team's results read back from them.

Pure domain code: no network, no clock, no store. `engine.store` calls `for_change` and `for_take`
in the same transaction that records the event, and queues what they return; `leermodules.lrs`
adds the actor (and the group, and whatever else the learner opted into) when it sends them.

What becomes a statement (verbs are ADL's, activity ids live under `BASE`):

| event | verb | object |
|---|---|---|
| the first action in a course module | attempted | the module |
| a page done | experienced | the page (parent: the module) |
| a practice answer, an answer in the toets | answered | the question (parent: the module; the toets too) |
| a toets handed in | passed / failed | the module, with the score |
| the last page of a module without toets | completed | the module |
| a take of the ontwikkelscan | completed | the scan, levels per theme in result.extensions |

The ontwikkelscan's single ratings are not sent, only a finished take. A withdrawn answer, a visit
and a move within the toets are not learning events of their own.

Every statement's id is a UUID 5 over `NAMESPACE` and the event's key (the store's own random id
and the event's row), so the same event always gives the same id: sending it twice is harmless,
the LRS keeps one.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote

if TYPE_CHECKING:
    from engine.model import Module
    from engine.progress import Progress
    from engine.results import Results
    from engine.store import StoredScanTake

VERSION = "1.0.3"
NAMESPACE = uuid.UUID("6f0c8a52-3c1e-5d4b-9a57-6c65657276d1")
BASE = "https://leermodules.nl/xapi/"
LANGUAGE = "nl-NL"

ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    "attempted": "poging",
    "experienced": "gelezen",
    "answered": "beantwoord",
    "passed": "geslaagd",
    "failed": "niet geslaagd",
    "completed": "afgerond",
}
ACTIVITY_TYPES = {
    "module": "http://adlnet.gov/expapi/activities/course",
    "page": "http://adlnet.gov/expapi/activities/lesson",
    "question": "http://adlnet.gov/expapi/activities/cmi.interaction",
    "toets": "http://adlnet.gov/expapi/activities/assessment",
    "scan": "http://adlnet.gov/expapi/activities/assessment",
    "group": "http://activitystrea.ms/schema/1.0/group",
}

# Extensions (IRIs under BASE): what leermodules adds beyond the core fields.
EXT_VERSION = BASE + "extensies/versie"  # context: the module's or scan's version
EXT_ATTEMPT = BASE + "extensies/poging"  # context: the toets attempt's number
EXT_MODE = BASE + "extensies/modus"  # context: "oefenen" or "toets"
EXT_LEVELS = BASE + "extensies/niveaus"  # result: level per theme (null: not rated)
EXT_TOP = BASE + "extensies/schaal-top"  # result: the scale's highest level
EXT_TAKEN_AT = BASE + "extensies/ingevuld-op"  # result: when the scan was taken (the learner's clock)
EXT_THEMES = BASE + "extensies/themas"  # activity definition: title per theme id


def verb(name: str) -> dict[str, Any]:
    return {"id": ADL + name, "display": {LANGUAGE: VERBS[name]}}


def module_iri(module_id: str) -> str:
    return f"{BASE}module/{quote(module_id, safe='')}"


def scan_iri(scan_id: str) -> str:
    return f"{BASE}scan/{quote(scan_id, safe='')}"


def group_iri(group: str) -> str:
    """The activity that marks a team's statements (context.contextActivities.grouping)."""
    return f"{BASE}groep/{quote(group, safe='')}"


def statement_id(key: str, part: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{key}/{part}"))


def timestamp(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).isoformat(timespec="milliseconds")


def _activity(iri: str, kind: str, title: str | None = None, **extensions: Any) -> dict[str, Any]:
    definition: dict[str, Any] = {"type": ACTIVITY_TYPES[kind]}
    if title:
        definition["name"] = {LANGUAGE: title}
    if extensions:
        definition["extensions"] = dict(extensions)
    return {"objectType": "Activity", "id": iri, "definition": definition}


def _module_activity(module: Module) -> dict[str, Any]:
    return _activity(module_iri(module.id), "module", module.title)


def _statement(key: str, part: str, name: str, obj: dict, at: float, context: dict, result: dict | None = None) -> dict[str, Any]:
    statement: dict[str, Any] = {
        "id": statement_id(key, part),
        "verb": verb(name),
        "object": obj,
        "context": context,
        "timestamp": timestamp(at),
        "version": VERSION,
    }
    if result is not None:
        statement["result"] = result
    return statement


def _context(module: Module, parents: list[dict], **extensions: Any) -> dict[str, Any]:
    context: dict[str, Any] = {"language": LANGUAGE, "extensions": {EXT_VERSION: module.version, **extensions}}
    if parents:
        context["contextActivities"] = {"parent": parents}
    return context


def response_text(response: Any) -> str:
    """xAPI's result.response is a string: text as given, anything else as compact JSON."""
    return response if isinstance(response, str) else json.dumps(response, ensure_ascii=False, separators=(",", ":"))


def for_change(
    module: Module,
    kind: str,
    question_id: str | None,
    response: Any,
    before: Progress,
    after: Progress,
    *,
    key: str,
    at: float,
) -> list[dict[str, Any]]:
    """The statements (without actor) for one stored event of `module`; `key` identifies the event."""
    from engine import progress as rules
    from engine.grading import grade

    if module.kind != "course":
        return []  # the scan's single ratings are not sent; a finished take is (`for_take`)
    statements = []
    module_activity = _module_activity(module)
    parent = {"objectType": "Activity", "id": module_iri(module.id)}
    was, now = rules.status(before, module), rules.status(after, module)
    if was is rules.Status.NOT_STARTED and now is not rules.Status.NOT_STARTED:
        statements.append(_statement(key, "attempted", "attempted", module_activity, at, _context(module, [])))
    if kind == "complete":
        for page_id in sorted(after.pages_done - before.pages_done):
            page = module.page(page_id)
            iri = f"{module_iri(module.id)}/pagina/{quote(page_id, safe='')}"
            statements.append(
                _statement(key, f"experienced/{page_id}", "experienced", _activity(iri, "page", page.title), at, _context(module, [parent]))
            )
    if kind in ("practice", "review", "answer") and question_id is not None and response is not None:
        question = module.question(question_id)
        iri = f"{module_iri(module.id)}/vraag/{quote(question_id, safe='')}"
        result: dict[str, Any] = {"response": response_text(response)}
        scored = grade(question, response)
        if scored.score is not None:
            result["score"] = {"scaled": round(scored.score, 4)}
            result["success"] = scored.correct
        parents = [parent]
        extensions: dict[str, Any] = {EXT_MODE: "oefenen"}
        if kind == "answer" and after.current_attempt is not None:
            parents.append({"objectType": "Activity", "id": f"{module_iri(module.id)}/toets"})
            extensions = {EXT_MODE: "toets", EXT_ATTEMPT: after.current_attempt.number}
        statements.append(
            _statement(key, "answered", "answered", _activity(iri, "question"), at, _context(module, parents, **extensions), result)
        )
    if kind == "submit" and after.attempts and after.attempts[-1].score is not None and module.assessment is not None:
        attempt = after.attempts[-1]
        score = attempt.score
        assert score is not None
        passed = score >= module.assessment.pass_mark
        result = {
            "score": {"scaled": round(score / 100, 4), "raw": score, "min": 0, "max": 100},
            "success": passed,
            "completion": True,
        }
        name = "passed" if passed else "failed"
        statements.append(_statement(key, name, name, module_activity, at, _context(module, [], **{EXT_ATTEMPT: attempt.number}), result))
    if now is rules.Status.COMPLETED and was is not rules.Status.COMPLETED:
        statements.append(_statement(key, "completed", "completed", module_activity, at, _context(module, []), {"completion": True}))
    return statements


def for_take(scan: Module, take: StoredScanTake, *, key: str, at: float) -> dict[str, Any]:
    """The statement (without actor) for a finished take of the ontwikkelscan."""
    themes = {t.id: t.title for t in scan.themes}
    obj = _activity(scan_iri(scan.id), "scan", scan.title, **{EXT_THEMES: themes})
    result = {
        "completion": True,
        "extensions": {EXT_LEVELS: dict(take.levels), EXT_TOP: take.top, EXT_TAKEN_AT: take.taken_at},
    }
    context = {"language": LANGUAGE, "extensions": {EXT_VERSION: take.scan_version}}
    return _statement(key, "scan", "completed", obj, at, context, result)


# --- sending: what the learner opted into ------------------------------------------------------------

@dataclass(frozen=True)
class Sharing:
    """Who the statements are about and what goes with them, as the learner chose at `koppel`.

    The actor is an account (pseudonymous: `account` is a random id unless the learner chose one)
    at `home_page`; only with `email` is the learner's address used instead. `name` is shown in a
    teamschouw; without it the teamschouw shows the account. `group` marks the statements for
    `team --lrs --groep`. Responses (what the learner typed or chose) are left out unless
    `responses` is set: scores and success are sent, the answers themselves only by choice.
    """

    home_page: str
    account: str
    name: str | None = None
    email: str | None = None
    group: str | None = None
    responses: bool = False


def actor(sharing: Sharing) -> dict[str, Any]:
    agent: dict[str, Any] = {"objectType": "Agent"}
    if sharing.email:
        agent["mbox"] = f"mailto:{sharing.email}"
    else:
        agent["account"] = {"homePage": sharing.home_page, "name": sharing.account}
    if sharing.name:
        agent["name"] = sharing.name
    return agent


def personalise(statement: Mapping[str, Any], sharing: Sharing) -> dict[str, Any]:
    """The queued statement as it is sent: with the actor, the group, and only what was opted into."""
    sent = dict(statement)  # the parts that change are copied; the queued statement stays as it was
    sent["actor"] = actor(sharing)
    if not sharing.responses and "response" in sent.get("result", {}):
        sent["result"] = {k: v for k, v in sent["result"].items() if k != "response"}
    if sharing.group:
        context = sent["context"] = dict(sent.get("context", {}))
        activities = context["contextActivities"] = dict(context.get("contextActivities", {}))
        activities["grouping"] = [_activity(group_iri(sharing.group), "group", sharing.group)]
    return sent


# --- reading back: a team's results from its statements ----------------------------------------------

def in_group(statement: Mapping[str, Any], group: str) -> bool:
    """Whether the statement was sent by a member of `group` (its grouping holds the group's activity)."""
    context = statement.get("context")
    activities = context.get("contextActivities") if isinstance(context, Mapping) else None
    grouping = activities.get("grouping") if isinstance(activities, Mapping) else None
    if isinstance(grouping, Mapping):
        grouping = [grouping]
    iri = group_iri(group)
    return isinstance(grouping, list) and any(isinstance(a, Mapping) and a.get("id") == iri for a in grouping)


@dataclass
class _Learner:
    name: str
    scans: list[dict[str, Any]] = field(default_factory=list)
    started: dict[str, str] = field(default_factory=dict)  # module id -> title
    scores: dict[str, list[float]] = field(default_factory=dict)
    passed: set[str] = field(default_factory=set)
    completed: set[str] = field(default_factory=set)
    versions: dict[str, str] = field(default_factory=dict)


def _actor_key(agent: Mapping[str, Any]) -> str | None:
    if isinstance(agent.get("account"), Mapping):
        account = agent["account"]
        return f"account:{account.get('homePage')}|{account.get('name')}"
    if isinstance(agent.get("mbox"), str):
        return agent["mbox"]
    return None


def _module_id(iri: Any) -> str | None:
    prefix = BASE + "module/"
    if isinstance(iri, str) and iri.startswith(prefix) and "/" not in iri[len(prefix) :]:
        from urllib.parse import unquote

        return unquote(iri[len(prefix) :])
    return None


def results_from(statements: Iterable[Mapping[str, Any]], modules: Sequence[Module], exported_at: str) -> list[Results]:
    """One `Results` per learner (actor) in `statements`, as `results export` would have written it:
    every module of `modules` (the catalog) with its status, best score and attempts, the modules
    seen only in the LRS after them, and every take of the scan. Learners are ordered by name.
    Statements that are not leermodules' own, or do not fit, are passed over."""
    from engine.results import ModuleRecord, ScanRecord, build_results

    learners: dict[str, _Learner] = {}
    theme_titles: dict[str, str] = {}
    seen_ids: set[str] = set()
    for statement in statements:
        if not isinstance(statement, Mapping) or statement.get("id") in seen_ids:
            continue
        seen_ids.add(str(statement.get("id")))
        agent = statement.get("actor")
        key = _actor_key(agent) if isinstance(agent, Mapping) else None
        if key is None or not isinstance(agent, Mapping):
            continue
        shown = agent.get("name") or (agent.get("account") or {}).get("name") or str(agent.get("mbox", "")).removeprefix("mailto:")
        learner = learners.setdefault(key, _Learner(str(shown)))
        verb_id = (statement.get("verb") or {}).get("id", "")
        obj = statement.get("object") or {}
        result = statement.get("result") or {}
        context = statement.get("context") or {}
        definition = obj.get("definition") or {}
        if verb_id == ADL + "completed" and str(obj.get("id", "")).startswith(BASE + "scan/"):
            ext = result.get("extensions") or {}
            levels, top, taken = ext.get(EXT_LEVELS), ext.get(EXT_TOP), ext.get(EXT_TAKEN_AT)
            version = (context.get("extensions") or {}).get(EXT_VERSION)
            if isinstance(levels, dict) and isinstance(top, int) and isinstance(taken, str) and isinstance(version, str):
                learner.scans.append({"taken_at": taken, "scan_version": version, "top": top, "levels": levels})
                for theme, title in ((definition.get("extensions") or {}).get(EXT_THEMES) or {}).items():
                    theme_titles.setdefault(theme, title)
            continue
        module_id = _module_id(obj.get("id"))
        if module_id is None:
            continue
        learner.started.setdefault(module_id, (definition.get("name") or {}).get(LANGUAGE, module_id))
        version = (context.get("extensions") or {}).get(EXT_VERSION)
        if isinstance(version, str):
            learner.versions[module_id] = version
        if verb_id in (ADL + "passed", ADL + "failed"):
            raw = (result.get("score") or {}).get("raw")
            if isinstance(raw, (int, float)) and not isinstance(raw, bool) and 0 <= raw <= 100:
                learner.scores.setdefault(module_id, []).append(float(raw))
            if verb_id == ADL + "passed":
                learner.passed.add(module_id)
        elif verb_id == ADL + "completed":
            learner.completed.add(module_id)

    catalog = [m for m in modules if m.kind == "course"]
    scan = next((m for m in modules if m.kind == "scan"), None)
    if scan is not None:
        shipped = {t.id: t.title for t in scan.themes}
        theme_titles = {**shipped, **{k: v for k, v in theme_titles.items() if k not in shipped}}
    made = []
    for learner in sorted(learners.values(), key=lambda x: x.name):
        records = []
        known = {m.id for m in catalog}
        entries = [(m.id, m.title, m.version, m.theme) for m in catalog]
        entries += [
            (mid, title, learner.versions.get(mid, "0.0.0"), None) for mid, title in sorted(learner.started.items()) if mid not in known
        ]
        for module_id, title, version, theme in entries:
            scores = learner.scores.get(module_id, [])
            status: Literal["not_started", "incomplete", "passed", "failed", "completed"]
            if module_id in learner.passed:
                status = "passed"
            elif module_id in learner.completed:
                status = "completed"
            elif scores:
                status = "failed"
            elif module_id in learner.started:
                status = "incomplete"
            else:
                status = "not_started"
            records.append(
                ModuleRecord(
                    id=module_id,
                    title=title,
                    version=version,
                    theme=theme,
                    status=status,
                    best_score=max(scores) if scores else None,
                    attempts=len(scores),
                )
            )
        scans = [ScanRecord(**s) for s in sorted(learner.scans, key=lambda s: s["taken_at"])]
        made.append(build_results(learner.name[:120] or "?", exported_at, theme_titles, scans, records))
    return made
