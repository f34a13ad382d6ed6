"""Identifiers used in both manifests (XML ids: a letter first, no spaces)."""

from __future__ import annotations

from engine.model import Module

ORGANIZATION_ID = "leermodules"
ITEM_ID = "module"
RESOURCE_ID = "player"


def manifest_id(module: Module) -> str:
    """Stable across versions of a module (the version is in the manifest's own attribute), so an
    LMS can recognise an upload as a new version of the same package."""
    return f"leermodules-{module.id}"
