"""The advice kept in the store is a cache: a damaged copy is computed anew, never shown or crashed on."""

from __future__ import annotations

import json

from leermodules.tui.advice import AdvisedModule, AdviceLine, cache_text, read_cache

LINE = AdviceLine("veiligheid", "Veiligheid", "aanbevolen", 1.5, 5, "laag", (AdvisedModule("veiligheid", "Veilig"),))


def test_a_kept_copy_with_the_same_key_is_used():
    assert read_cache(cache_text("k", [LINE]), "k") == [LINE]
    assert read_cache(cache_text("k", [LINE]), "ander") is None


def test_a_copy_with_the_right_key_but_wrong_types_is_computed_anew():
    for field, bad in (("level", "hoog"), ("level", float("nan")), ("top", "5"), ("title", 7), ("top", True)):
        data = json.loads(cache_text("k", [LINE]))
        data["advice"][0][field] = bad
        assert read_cache(json.dumps(data), "k") is None, field
    data = json.loads(cache_text("k", [LINE]))
    data["advice"][0]["modules"][0]["title"] = None
    assert read_cache(json.dumps(data), "k") is None
