"""Fixtures for the app's tests: a fresh progress store, catalogs of modules, and the app itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.store import ProgressStore
from leermodules.tui.app import make_app
from leermodules.tui.catalog import Catalog



@pytest.fixture
def store(tmp_path):
    opened = ProgressStore.open(tmp_path / "voortgang.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def app_for(store):
    """app_for(*module_files, seed=..., resume=...) -> a LeermodulesApp on the test store."""

    def build(*files: Path, seed: int = 1234, resume: bool = True):
        catalog = Catalog.load([Path(f) for f in files])
        assert not catalog.skipped, [str(p) for r in catalog.results.values() for p in r.problems]
        return make_app(catalog, store, seeds=lambda: seed, resume=resume)

    return build
