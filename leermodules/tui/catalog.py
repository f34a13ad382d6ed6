"""The modules the app offers.

A learner's start has to be quick, and loading a module (YAML, the pydantic model, the checks)
costs more than drawing the home screen. So for the shipped modules the catalog keeps a small
index in the data folder: per module file its modification time and size, and the id, title,
version, kind (course or scan), theme and minutes found in it. A file whose time and size still match is listed from the index and loaded
only when the learner opens it; a new or changed file is loaded (and checked) at once.

A trainer's `leermodules run PATH` loads and checks every module up front instead (`Catalog.load`),
so errors are printed before anything starts.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from leermodules.tui.files import module_files

if TYPE_CHECKING:
    from engine.loader import LoadResult
    from engine.model import Module

INDEX_VERSION = 3  # 2: kind and theme per module; 3: minutes


class ModuleUnavailable(Exception):
    """A module in the list can no longer be loaded (its file changed and now has errors, or is gone)."""

    def __init__(self, path: Path, problems: list) -> None:
        self.path = path
        self.problems = problems
        super().__init__(str(path))


@dataclass
class Entry:
    """One module file as the home screen lists it."""

    path: Path
    module_id: str | None  # None when the file has errors
    title: str = ""
    version: str = ""
    stamp: tuple[int, int] = (0, 0)  # mtime_ns, size when it was read
    duplicate: bool = False  # another file earlier in the list has the same id
    kind: str = "course"  # engine.model.Module.kind: "course" or "scan" (the ontwikkelscan)
    theme: str | None = None
    minutes: int = 0  # engine.model.Module.minutes: how long the module takes, as its trainer put it

    @property
    def valid(self) -> bool:
        return self.module_id is not None and not self.duplicate

    @property
    def id(self) -> str:
        """The module's id, for an entry of `Catalog.available` (those always have one)."""
        if self.module_id is None:
            raise ValueError(f"{self.path} has no module id: it did not load")
        return self.module_id


@dataclass
class Catalog:
    entries: list[Entry]
    loaded: dict[str, Module] = field(default_factory=dict)
    results: dict[Path, LoadResult] = field(default_factory=dict)  # files loaded in this run
    # loading happens on the app's thread and, for the home screen's advice, in a worker thread
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)

    # --- building ---

    @classmethod
    def load(cls, roots: list[Path]) -> Catalog:
        """Load and check every module under `roots` now (a trainer's modules, tests)."""
        from engine.loader import check_paths

        results = check_paths(roots)
        catalog = cls([])
        for result in results:
            catalog.entries.append(_entry(result))
            catalog.results[result.path] = result
            if result.module is not None:
                catalog.loaded[result.module.id] = result.module
        return catalog

    @classmethod
    def indexed(cls, roots: list[Path], index_path: Path) -> Catalog:
        """List the modules under `roots`, from the index where a file has not changed."""
        index = _read_index(index_path)
        catalog = cls([])
        changed = False
        for path in (f for root in roots for f in module_files(root)):
            try:
                stat = path.stat()
            except OSError:
                continue
            stamp = (stat.st_mtime_ns, stat.st_size)
            known = _indexed_entry(index.get(str(path.resolve())))
            if known and tuple(known["stamp"]) == stamp:
                catalog.entries.append(
                    Entry(
                        path, known["id"], known["title"], known["version"], stamp,
                        kind=known["kind"], theme=known["theme"], minutes=known["minutes"],
                    )
                )
                continue
            entry = catalog._load_file(path)
            entry.stamp = stamp
            catalog.entries.append(entry)
            changed = True
        catalog._drop_duplicates()
        if changed:
            _write_index(index_path, catalog.entries)
        return catalog

    def _load_file(self, path: Path) -> Entry:
        from engine.loader import check_module

        result = check_module(path)
        self.results[path] = result
        if result.module is not None:
            self.loaded[result.module.id] = result.module
        return _entry(result)

    def _drop_duplicates(self) -> None:
        """Two files with one id: the first (in path order) is offered, as `check_paths` does."""
        seen: set[str] = set()
        for entry in self.entries:
            entry.duplicate = entry.module_id in seen
            if entry.module_id:
                seen.add(entry.module_id)

    # --- reading ---

    @property
    def available(self) -> list[Entry]:
        return [e for e in self.entries if e.valid]

    @property
    def skipped(self) -> list[Entry]:
        return [e for e in self.entries if not e.valid]

    @property
    def courses(self) -> list[Entry]:
        """The modules a learner takes (the home screen's list)."""
        return [e for e in self.available if e.kind == "course"]

    @property
    def scan(self) -> Entry | None:
        """The ontwikkelscan, if the catalog has one (the first, as for duplicate ids)."""
        return next((e for e in self.available if e.kind == "scan"), None)

    def entry(self, module_id: str) -> Entry | None:
        return next((e for e in self.available if e.module_id == module_id), None)

    def is_loaded(self, module_id: str) -> bool:
        return module_id in self.loaded

    def module(self, module_id: str) -> Module:
        """The module, loaded now if it was only listed; raises ModuleUnavailable if that fails."""
        with self._lock:
            if module_id in self.loaded:
                return self.loaded[module_id]
            entry = self.entry(module_id)
            if entry is None:
                raise KeyError(module_id)
            loaded = self._load_file(entry.path)
            if loaded.module_id != module_id:
                result = self.results[entry.path]
                raise ModuleUnavailable(entry.path, result.problems)
            return self.loaded[module_id]

    # --- a trainer editing a file while trying it ---

    def stamps(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for entry in self.available:
            try:
                stat = entry.path.stat()
            except OSError:
                continue
            if entry.module_id is not None:  # always so for an available entry
                out[entry.module_id] = (stat.st_mtime_ns, stat.st_size)
        return out

    def reload(self, module_id: str) -> LoadResult:
        """Read one module's file again; on success it replaces the loaded module."""
        from engine.loader import check_module

        entry = self.entry(module_id)
        assert entry is not None
        result = check_module(entry.path)
        with self._lock:
            self.results[entry.path] = result
            if result.module is not None and result.module.id == module_id:
                self.loaded[module_id] = result.module
                entry.title, entry.version = result.module.title, result.module.version
                entry.kind, entry.theme = result.module.kind, result.module.theme
                entry.minutes = result.module.minutes
        return result


def _entry(result: LoadResult) -> Entry:
    module = result.module
    if module is None:
        return Entry(result.path, None)
    return Entry(
        result.path, module.id, module.title, module.version, kind=module.kind, theme=module.theme, minutes=module.minutes
    )


def _read_index(path: Path) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION or not isinstance(data.get("files"), dict):
        return {}
    return data["files"]


def _indexed_entry(known: object) -> dict | None:
    """An index entry if every value in it has the right type (a damaged one: the file is read again)."""
    if not isinstance(known, dict):
        return None
    stamp = known.get("stamp")
    fits = (
        isinstance(stamp, list) and len(stamp) == 2 and all(type(n) is int for n in stamp)
        and isinstance(known.get("id"), (str, type(None)))
        and isinstance(known.get("title"), str)
        and isinstance(known.get("version"), str)
        and known.get("kind") in ("course", "scan")
        and isinstance(known.get("theme"), (str, type(None)))
        and type(known.get("minutes")) is int
    )
    return known if fits else None


def _write_index(path: Path, entries: list[Entry]) -> None:
    """Replace the index in one step (write aside, then rename). It is a cache: if it cannot be
    written, the next start simply loads the modules again."""
    files = {
        str(e.path.resolve()): {
            "stamp": list(e.stamp), "id": e.module_id, "title": e.title, "version": e.version, "kind": e.kind, "theme": e.theme,
            "minutes": e.minutes,
        }
        for e in entries
    }
    aside = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        aside.write_text(json.dumps({"version": INDEX_VERSION, "files": files}, ensure_ascii=False), encoding="utf-8")
        os.replace(aside, path)
    except OSError:  # a read-only folder, a file where the folder should be, a full disk ...
        try:
            aside.unlink(missing_ok=True)
        except OSError:
            pass
