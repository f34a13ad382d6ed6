"""Fixtures for the compiler's tests (the helpers live in scorm_support.py)."""

from __future__ import annotations

import shutil

import pytest

from scorm_support import CHROMIUM, NODE_MODULES, SHIPPED, require


def pytest_generate_tests(metafunc):
    if "shipped_module" in metafunc.fixturenames:
        metafunc.parametrize("shipped_module", SHIPPED, ids=[s.id for s in SHIPPED])
    if "failable_module" in metafunc.fixturenames:  # modules whose assessment one can fail
        failable = [s for s in SHIPPED if s.module.assessment is not None and s.module.assessment.pass_mark > 0]
        metafunc.parametrize("failable_module", failable, ids=[s.id for s in failable])


@pytest.fixture
def needs_node():
    require(shutil.which("node") is not None, "node is not installed (apt-get install nodejs)")


@pytest.fixture
def needs_browser():
    require(CHROMIUM.exists(), "Debian's chromium is not installed (apt-get install chromium)")
    require(shutil.which("node") is not None, "node is not installed")
    require(
        (NODE_MODULES / "scorm-again").is_dir() and (NODE_MODULES / "axe-core").is_dir(),
        "tests/browser/node_modules is missing (run: npm ci --prefix tests/browser)",
    )
