"""The app sends the queue in the background once the learner linked an LRS, and stays responsive."""

from __future__ import annotations

import asyncio
import time

import content
from leermodules.tui.app import make_app
from leermodules.tui.catalog import Catalog
from tests.lrs.learners import Learner


async def test_the_app_sends_the_queue_in_the_background(tmp_path, ralph, monkeypatch):
    learner = Learner(tmp_path / "sanne", "Sanne")
    learner.work(11)
    assert learner.run("lrs", "koppel", ralph.endpoint, "--ook-eerder")[0] == 0
    with learner.store() as store:
        queued = {q.id for q in store.xapi_pending(10_000)}
    monkeypatch.setenv("LEERMODULES_CONFIG_DIR", str(learner.config_dir))

    with learner.store() as store:
        app = make_app(Catalog.load([content.folder()]), store, resume=False, cursor_blink=False)
        async with app.run_test() as pilot:
            deadline = time.monotonic() + 60
            while {s["id"] for s in ralph.stored()} != queued and time.monotonic() < deadline:
                await pilot.press("t")  # the app keeps answering keys while it sends
                await asyncio.sleep(0.1)
            assert app.lrs_sync is not None
            await pilot.press("q")
    assert sorted(s["id"] for s in ralph.stored()) == sorted(queued)
    with learner.store() as store:
        assert store.xapi_counts() == (0, len(queued), 0)


async def test_without_a_link_the_app_sends_nothing_and_starts_no_sync(tmp_path, monkeypatch):
    learner = Learner(tmp_path / "sanne", "Sanne")
    learner.work(12)
    monkeypatch.setenv("LEERMODULES_CONFIG_DIR", str(learner.config_dir))
    with learner.store() as store:
        app = make_app(Catalog.load([content.folder()]), store, resume=False, cursor_blink=False)
        async with app.run_test() as pilot:
            await pilot.pause()
            assert app.lrs_sync is None
            await pilot.press("q")
