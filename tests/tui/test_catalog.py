"""The module list comes up from an index without loading modules; a changed file is read again."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import content
from tui_paths import FIXTURES

from engine.loader import check_paths, find_module_files
from leermodules.tui.catalog import INDEX_VERSION, Catalog, ModuleUnavailable
from leermodules.tui.files import module_files

ROOT = Path(__file__).resolve().parents[2]


def copy_fixtures(tmp_path: Path) -> Path:
    folder = tmp_path / "modules"
    shutil.copytree(FIXTURES, folder)
    return folder


def test_module_files_are_found_as_the_loader_finds_them(tmp_path):
    folder = copy_fixtures(tmp_path)
    (folder / ".verborgen").mkdir()
    (folder / ".verborgen" / "oud.yaml").write_text("id: oud\n")
    assert module_files(folder) == find_module_files(folder)
    assert module_files(content.folder()) == find_module_files(content.folder())


def test_second_start_lists_modules_from_the_index_and_loads_one_when_opened(tmp_path):
    folder = copy_fixtures(tmp_path)
    index = tmp_path / "data" / "index.json"
    first = Catalog.indexed([folder], index)
    assert {e.module_id for e in first.available} == {"alle-soorten", "hervatten", "na-inleveren"}
    assert index.exists()

    second = Catalog.indexed([folder], index)
    assert [(e.module_id, e.title) for e in second.available] == [(e.module_id, e.title) for e in first.available]
    assert not any(second.is_loaded(e.module_id) for e in second.available)
    module = second.module("hervatten")
    assert module.title == "Hervatten na een storing"
    assert second.is_loaded("hervatten") and not second.is_loaded("alle-soorten")


def test_a_changed_file_is_read_again_and_an_unreadable_index_is_rebuilt(tmp_path):
    folder = copy_fixtures(tmp_path)
    index = tmp_path / "index.json"
    Catalog.indexed([folder], index)
    path = folder / "hervatten.yaml"
    path.write_text(path.read_text().replace("title: Hervatten na een storing", "title: Verder na een storing"))
    catalog = Catalog.indexed([folder], index)
    assert catalog.entry("hervatten").title == "Verder na een storing"
    assert catalog.is_loaded("hervatten")  # it changed, so it was read (and checked) now

    index.write_text("{ dit is geen json")
    again = Catalog.indexed([folder], index)
    assert {e.module_id for e in again.available} == {"alle-soorten", "hervatten", "na-inleveren"}
    assert json.loads(index.read_text())["version"] == INDEX_VERSION


def test_the_index_knows_the_ontwikkelscan_apart_from_the_courses_without_loading_them(tmp_path):
    index = tmp_path / "index.json"
    Catalog.indexed([content.folder()], index)
    catalog = Catalog.indexed([content.folder()], index)
    assert catalog.scan is not None and catalog.scan.module_id == "ontwikkelscan"
    assert "ontwikkelscan" not in {e.module_id for e in catalog.courses}
    assert {e.module_id: e.theme for e in catalog.courses}["veiligheid"] == "veiligheid"
    assert not any(catalog.is_loaded(e.module_id) for e in catalog.available)


def test_an_index_of_the_previous_version_is_read_again(tmp_path):
    folder = copy_fixtures(tmp_path)
    index = tmp_path / "index.json"
    Catalog.indexed([folder], index)
    data = json.loads(index.read_text())
    for entry in data["files"].values():
        del entry["kind"], entry["theme"]
    index.write_text(json.dumps({**data, "version": 1}))
    catalog = Catalog.indexed([folder], index)  # an index without kinds is not trusted: files are read
    assert all(catalog.is_loaded(e.module_id) for e in catalog.available)
    assert json.loads(index.read_text())["version"] == INDEX_VERSION


def test_a_file_with_errors_is_left_out_and_counted(tmp_path):
    folder = copy_fixtures(tmp_path)
    (folder / "kapot.yaml").write_text("id: kapot\ntitle: Kapot\n")
    catalog = Catalog.indexed([folder], tmp_path / "index.json")
    assert len(catalog.skipped) == 1
    assert "kapot" not in {e.module_id for e in catalog.available}
    again = Catalog.indexed([folder], tmp_path / "index.json")
    assert len(again.skipped) == 1


def test_a_module_broken_after_the_list_was_made_cannot_be_opened(tmp_path):
    folder = copy_fixtures(tmp_path)
    index = tmp_path / "index.json"
    Catalog.indexed([folder], index)
    catalog = Catalog.indexed([folder], index)
    (folder / "hervatten.yaml").write_text("id: hervatten\n")
    try:
        catalog.module("hervatten")
    except ModuleUnavailable as exc:
        assert exc.path.name == "hervatten.yaml"
        assert exc.problems
    else:
        raise AssertionError("a broken module was opened")


def test_the_home_screen_comes_up_without_loading_the_course_model(tmp_path):
    """What keeps the start quick: with the index in place, the home screen lists every module
    before pydantic, YAML or any module is loaded."""
    script = textwrap.dedent(
        f"""
        import sys
        from leermodules.tui import app as tui
        from leermodules.tui.screens.home import HomeScreen

        original_run = tui.LeermodulesApp.run

        def run(self, *args, **kwargs):
            async def pilot(p):
                while not (isinstance(p.app.screen, HomeScreen) and p.app.screen.query_one("#modules").option_count):
                    await p.pause()
                loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("pydantic", "yaml") or m == "engine.model")
                print("LOADED", loaded, p.app.screen.query_one("#modules").option_count)
                p.app.exit()
            return original_run(self, *args, headless=True, auto_pilot=pilot, **kwargs)

        tui.LeermodulesApp.run = run
        from leermodules.cli import main
        main(["--data-dir", {str(tmp_path)!r}])
        """
    )
    runs = [
        subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
        for _ in range(2)
    ]
    for run in runs:
        assert run.returncode == 0, run.stderr[-2000:]
    first, second = (next(line for line in r.stdout.splitlines() if line.startswith("LOADED")) for r in runs)
    assert "engine.model" in first  # the first start reads every module to make the index
    assert second.startswith("LOADED [] ")  # the second lists them from the index
    courses = sum(r.module is not None and r.module.kind == "course" for r in check_paths([content.folder()]))
    assert int(second.split()[-1]) == max(courses, 1)  # an empty list shows one line saying so


def test_an_index_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    """The index is a cache: a file where the data folder should be, a folder where the index should
    be, or a read-only folder leave the modules listed, and nothing half-written behind."""
    import errno

    from leermodules.tui import catalog as catalog_module

    folder = copy_fixtures(tmp_path)
    (tmp_path / "bestand").write_text("geen map")
    (tmp_path / "map-als-index").mkdir()
    for index in (tmp_path / "bestand" / "index.json", tmp_path / "bestand" / "data" / "index.json", tmp_path / "map-als-index"):
        catalog = Catalog.indexed([folder], index)
        assert {e.module_id for e in catalog.available} == {"alle-soorten", "hervatten", "na-inleveren"}
    assert (tmp_path / "bestand").read_text() == "geen map"

    def read_only(*args):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(catalog_module.os, "replace", read_only)
    data = tmp_path / "alleen-lezen"
    catalog = Catalog.indexed([folder], data / "index.json")
    assert {e.module_id for e in catalog.available} == {"alle-soorten", "hervatten", "na-inleveren"}
    assert list(data.iterdir()) == []


def test_a_damaged_index_entry_is_not_trusted_and_the_file_is_read_again(tmp_path):
    folder = copy_fixtures(tmp_path)
    index = tmp_path / "index.json"
    Catalog.indexed([folder], index)
    data = json.loads(index.read_text())
    damage = [{"stamp": "gisteren"}, {"kind": "boek"}, {"title": 5}, {"id": ["hervatten"]}]
    for entry, change in zip(data["files"].values(), damage, strict=False):
        entry.update(change)
    data["files"]["/nergens.yaml"] = "geen object"
    index.write_text(json.dumps(data))
    catalog = Catalog.indexed([folder], index)
    assert {e.module_id for e in catalog.available} == {"alle-soorten", "hervatten", "na-inleveren"}
    assert all(catalog.is_loaded(e.module_id) for e in catalog.available)
