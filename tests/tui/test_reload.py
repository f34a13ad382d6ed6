"""`leermodules run`: a saved edit with errors is shown in the app with its located messages (as
`leermodules validate` prints them), and the last good version stays on screen."""

from __future__ import annotations

import shutil

from tui_paths import FIXTURES

from leermodules.tui import strings as s
from leermodules.tui.app import make_app
from leermodules.tui.catalog import Catalog
from leermodules.tui.reload import failure_text

SIZE = (100, 34)


def notifications(app) -> list[tuple[str, str]]:
    return [(n.title, str(n.message)) for n in app._notifications]


async def test_a_broken_edit_shows_each_located_error_in_the_app(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "hervatten.yaml"
    shutil.copy(FIXTURES / "hervatten.yaml", path)
    app = make_app(Catalog.load([path]), store, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        original = path.read_text()
        broken = original.replace("minutes: 5", "minuten: 5").replace("kind: single", 'kind: "[enkel]"', 1)
        path.write_text(broken)
        app.file_watcher.check()
        await pilot.pause()
        ((title, message),) = notifications(app)
        assert title == s.RELOAD_FAILED_TITLE
        lines = message.splitlines()
        minutes_line = next(i for i, line in enumerate(broken.splitlines(), 1) if line.startswith("minuten:"))
        assert f"hervatten.yaml:{minutes_line}:1: onbekende sleutel 'minuten'; bedoelde je 'minutes'?" in lines
        assert any(line.startswith("hervatten.yaml:") and "[enkel]" in line for line in lines)  # brackets are text, not markup
        assert len(lines) == 2
        # the screen still shows the module as it was
        assert app.catalog.loaded["hervatten"].minutes == 5


async def test_the_located_messages_get_room_at_80_columns(store, tmp_path, monkeypatch):
    # A toast is 40 columns at 80x24 by default: every located message would wrap over three lines.
    from textual.widgets._toast import Toast

    monkeypatch.chdir(tmp_path)
    path = tmp_path / "hervatten.yaml"
    shutil.copy(FIXTURES / "hervatten.yaml", path)
    app = make_app(Catalog.load([path]), store, watch=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        path.write_text(path.read_text().replace("minutes: 5", "minuten: 5"))
        app.file_watcher.check()
        await pilot.pause()
        await pilot.pause()
        (toast,) = app.screen.query(Toast)
        assert toast.region.width >= 72


def test_many_errors_are_cut_short_with_a_count(tmp_path):
    path = tmp_path / "m.yaml"
    extra = "".join(f"onbekend{n}: x\n" for n in range(s.RELOAD_SHOWN + 2))
    path.write_text((FIXTURES / "hervatten.yaml").read_text().replace("minutes: 5\n", "minutes: 5\n" + extra, 1))
    from engine.loader import check_module

    result = check_module(path)
    errors = [p for p in result.problems if p.severity == "error"]
    assert len(errors) > s.RELOAD_SHOWN
    lines = failure_text(result, "hervatten", base=tmp_path).splitlines()
    assert lines[: s.RELOAD_SHOWN] == [str(p.relative_to(tmp_path)) for p in errors[: s.RELOAD_SHOWN]]
    assert lines[-1] == s.reload_more(len(errors) - s.RELOAD_SHOWN)
