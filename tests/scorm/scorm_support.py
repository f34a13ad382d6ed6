"""What the compiler's tests share: the shipped modules (found when the tests run, so a new
module is covered without touching a test), and the rule for missing tools: skip with a reason
locally, fail under CI=true."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

import content
from engine.loader import check_paths
from engine.model import Module

ROOT = Path(__file__).resolve().parents[2]
BROWSER = ROOT / "tests" / "browser"
NODE_MODULES = BROWSER / "node_modules"
CHROMIUM = Path("/usr/bin/chromium")


def require(condition: bool, reason: str) -> None:
    """Skip when something the test needs is missing; under CI=true that is a failure."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the test may not be skipped)")
    pytest.skip(reason)


@dataclass(frozen=True)
class Shipped:
    module: Module
    path: Path

    @property
    def id(self) -> str:
        return self.module.id


def shipped() -> list[Shipped]:
    results = check_paths([content.folder()])
    return [Shipped(r.module, r.path) for r in results if r.module is not None]


SHIPPED = shipped()
