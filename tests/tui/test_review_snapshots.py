"""What the toets overview, the review after hand-in and the practice round look like, at 80x24 and
120x40 (see test_snapshots for how snapshots are made and updated)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_paths import FIXTURES

from engine.store import ProgressStore
from leermodules.tui.app import make_app
from leermodules.tui.catalog import Catalog

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
NAKIJKEN = Path(__file__).parent / "review_fixtures" / "nakijken.yaml"


@pytest.fixture
def app(tmp_path):
    store = ProgressStore.open(tmp_path / "voortgang.sqlite3")
    catalog = Catalog.load([NAKIJKEN, FIXTURES / "hervatten.yaml"])
    yield make_app(catalog, store, seeds=lambda: 7, resume=False, cursor_blink=False)
    store.close()


async def start_toets(pilot) -> None:
    await pilot.press("enter")  # Nakijken, the first module
    await pilot.pause()
    await pilot.press("end", "enter", "enter")  # the assessment, begun
    await pilot.pause()


async def hand_in_half_right(pilot) -> None:
    await start_toets(pilot)
    await pilot.press("1", "n", "1", "n", "2", "n", "i", "j")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_toets_overview(snap_compare, app, size):
    async def run_before(pilot):
        await start_toets(pilot)
        await pilot.press("1", "n", "m", "n")  # answered, marked, then at the third
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_toets_question_marked(snap_compare, app, size):
    async def run_before(pilot):
        await start_toets(pilot)
        await pilot.press("m")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_submit_dialog_with_marked_questions(snap_compare, app, size):
    async def run_before(pilot):
        await start_toets(pilot)
        await pilot.press("m", "i")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_results_wrong_only(snap_compare, app, size):
    async def run_before(pilot):
        await hand_in_half_right(pilot)
        await pilot.press("f", "n")  # only the wrong answers; the first of them chosen
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_practice_round(snap_compare, app, size):
    async def run_before(pilot):
        await hand_in_half_right(pilot)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("2", "enter")  # wrong again: the feedback shows
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_page_leaving_with_a_choice_not_given(snap_compare, app, size):
    async def run_before(pilot):
        await pilot.press("enter", "enter")  # Nakijken, its first page
        await pilot.pause()
        await pilot.pause()
        await pilot.press("1", "n")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
