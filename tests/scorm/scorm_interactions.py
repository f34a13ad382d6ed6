"""Check recorded interactions against each version's data model (SCORM 1.2 RTE 3.4.2 and
SCORM 2004 RTE 4.2.9), independently of scorm-again, whose 1.2 checks are lenient."""

from __future__ import annotations

import re

from engine.model import Module

V12_TYPES = {"true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert", "numeric"}
V2004_TYPES = V12_TYPES | {"long-fill-in", "other"}
CHAR = r"[0-9a-z]"
V12_RESPONSE = {
    "true-false": re.compile(r"^[01tf]$"),
    "choice": re.compile(rf"^{CHAR}(,{CHAR})*$"),
    "sequencing": re.compile(rf"^{CHAR}(,{CHAR})*$"),
    "matching": re.compile(rf"^{CHAR}\.{CHAR}(,{CHAR}\.{CHAR})*$"),
    "fill-in": re.compile(r"^.{0,255}$", re.S),
    "performance": re.compile(r"^.{1,255}$", re.S),
}
SHORT_ID = r"[\w\-.:=@;$!*'%/#()+]{1,250}"
V2004_RESPONSE = {
    "true-false": re.compile(r"^(true|false)$"),
    "choice": re.compile(rf"^{SHORT_ID}(\[,\]{SHORT_ID})*$"),
    "sequencing": re.compile(rf"^{SHORT_ID}(\[,\]{SHORT_ID})*$"),
    "matching": re.compile(rf"^{SHORT_ID}\[\.\]{SHORT_ID}(\[,\]{SHORT_ID}\[\.\]{SHORT_ID})*$"),
    "fill-in": re.compile(r"^(?!\{)[^\n]{0,250}$"),
    "performance": re.compile(rf"^({SHORT_ID})?\[\.\][^\[\]]{{1,250}}(\[,\]({SHORT_ID})?\[\.\][^\[\]]{{1,250}})*$"),
}
V12_TIMESPAN = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")
V12_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$")
V2004_DURATION = re.compile(r"^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$")
V2004_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2})?(Z|[+-]\d{2}(:\d{2})?)?$")


def check_interactions(found: list[dict], module: Module, version: str, asked: list[str], attempt: int) -> None:
    """Every asked question answered in `attempt` has exactly one interaction, and each
    interaction's values are valid in `version`."""
    ids = [i["id"] for i in found]
    assert len(ids) == len(set(ids)), f"interaction ids repeat: {ids}"
    expected = {f"{q}-p{attempt}" for q in asked}
    assert expected <= set(ids), f"missing interactions: {sorted(expected - set(ids))}"
    for interaction in found:
        check_one(interaction, version)


def check_one(i: dict, version: str) -> None:
    where = i.get("id")
    assert i["id"] and not re.search(r"\s", i["id"]), where
    correct = [c["pattern"] for c in _children(i.get("correct_responses"))]
    assert correct, f"{where}: no correct_responses"
    assert i.get("weighting") not in (None, ""), where
    if version == "scorm12":
        assert i["type"] in V12_TYPES, where
        pattern = V12_RESPONSE[i["type"]]
        assert pattern.match(i["student_response"]), (where, i["student_response"])
        assert all(pattern.match(c) for c in correct), (where, correct)
        assert i["result"] in ("correct", "wrong"), where
        assert V12_TIMESPAN.match(i["latency"]), (where, i["latency"])
        assert V12_TIME.match(i["time"]), (where, i["time"])
        assert len(i["id"]) <= 255
    else:
        assert i["type"] in V2004_TYPES, where
        pattern = V2004_RESPONSE[i["type"]]
        assert pattern.match(i["learner_response"]), (where, i["learner_response"])
        assert all(pattern.match(c) for c in correct), (where, correct)
        assert i["result"] in ("correct", "incorrect"), where
        assert V2004_DURATION.match(i["latency"]), (where, i["latency"])
        assert V2004_TIMESTAMP.match(i["timestamp"]), (where, i["timestamp"])
        description = i.get("description") or ""
        assert 0 < len(description) < 250 and "<" not in description, (where, description)


def _children(value) -> list[dict]:
    if isinstance(value, dict):
        if "childArray" in value:
            return list(value["childArray"])
        return [value[k] for k in sorted(value, key=int)]
    return list(value or [])
