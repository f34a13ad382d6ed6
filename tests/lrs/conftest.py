"""Fixtures for the LRS tests: a running Ralph, and learners with their own data and config folders."""

from __future__ import annotations

import pytest

from tests.lrs.ralph import Ralph, need_ralph


@pytest.fixture
def ralph(tmp_path):
    need_ralph()
    server = Ralph(tmp_path / "ralph").start()
    yield server
    server.stop()
