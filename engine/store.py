"""The progress store: a learner's progress in every module, kept in one SQLite file.

The data:

- ``progress``: the current state per module (`engine.codec`'s readable JSON keyed by ids), the
  practice question the learner was at (``focus``), a revision counter, and a summary (status,
  share done, best score) computed by the engine in the same transaction, so a list of modules
  can be shown without loading any module.
- ``events``: append-only, one row for every action: every answer ever given, pages visited and
  done, attempts started, moved through and handed in. `codec.reconcile` may leave an answer out of
  the current state when a module changes; the event that recorded it stays.
- ``scan_takes``: append-only, one row for every time the learner finished the ontwikkelscan: when,
  the scan's version, the level per theme and the ratings it came from (schema 4).
- ``settings``: small choices such as the theme and the learner's name (as they set it themselves).

Every change is one transaction (``BEGIN IMMEDIATE``): read the stored state, apply the engine's
pure function to it, write the new state and the event. Two app instances on one store therefore
take turns, and neither overwrites an answer the other just saved. The file is in WAL mode with
``synchronous=FULL``, so an answer that was committed survives the process being killed.

A file that is not SQLite, fails its integrity check, belongs to another program, or was written by
a newer leermodules is refused with a `StoreError` and never written to.

Schema versions: ``schema_version`` holds one number; `MIGRATIONS[n]` brings a store from version n
to n + 1. Migrations run in one transaction, so a store is never left half migrated.

The course model (pydantic) is imported only when progress is read or written, not when the store
is opened: the app's home screen comes up from `summaries()` alone.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from engine.model import Module
    from engine.progress import Progress

APPLICATION_ID = 0x4C4D4F44  # "LMOD" in the SQLite header, so we know the file is ours
SQLITE_MAGIC = b"SQLite format 3\x00"

StoreProblem = Literal["unavailable", "corrupt", "foreign", "too_new", "write_failed"]


class StoreError(Exception):
    """The store cannot be used. `problem` says why; the app turns it into a clear message."""

    def __init__(self, problem: StoreProblem, path: Path, detail: str = ""):
        self.problem = problem
        self.path = path
        self.detail = detail
        super().__init__(f"{problem}: {path}" + (f" ({detail})" if detail else ""))


_NO_RESPONSE = object()
_KEEP = object()


@dataclass(frozen=True)
class Event:
    """What happened, as recorded in the ``events`` table.

    kind: ``visit``, ``complete``, ``practice`` (a practice answer), ``start`` (an attempt),
    ``answer`` (in an attempt), ``move`` (to another question of an attempt), ``submit``, or
    ``scan_done`` (a take of the ontwikkelscan was recorded; the scan starts afresh for the next one).
    """

    kind: str
    question_id: str | None = None
    response: Any = _NO_RESPONSE


@dataclass(frozen=True)
class Summary:
    """How far a learner is in a module, as the engine judged it at the last change."""

    module_id: str
    module_version: str
    status: str  # engine.progress.Status value
    done: float  # 0..1, engine.progress.fraction_done
    best: float | None  # percent, engine.progress.best_score


@dataclass(frozen=True)
class StoredEvent:
    id: int
    at: float
    module_id: str
    module_version: str
    kind: str
    location: str | None
    question_id: str | None
    attempt: int | None
    response: Any  # None when the event carries no response


@dataclass(frozen=True)
class StoredScanTake:
    """One finished ontwikkelscan: when, which scan and version, the level per theme (None: not
    rated) on a scale whose highest level is `top`, and the ratings (statement id -> position)."""

    taken_at: str  # ISO 8601, the learner's local time
    scan_id: str
    scan_version: str
    top: int
    levels: dict[str, float | None]
    ratings: dict[str, int]


NAME_SETTING = "name"


# --- schema ------------------------------------------------------------------------------------------

def _to_v1(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    db.execute("INSERT INTO schema_version VALUES (0)")
    db.execute(
        """CREATE TABLE progress (
            module_id TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            focus TEXT,
            revision INTEGER NOT NULL DEFAULT 0,
            updated_at REAL NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at REAL NOT NULL,
            module_id TEXT NOT NULL,
            module_version TEXT NOT NULL,
            kind TEXT NOT NULL,
            location TEXT,
            question_id TEXT,
            attempt INTEGER,
            response TEXT
        )"""
    )
    db.execute("CREATE INDEX events_by_module ON events (module_id, id)")


def _to_v2(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _to_v3(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE progress ADD COLUMN status TEXT")
    db.execute("ALTER TABLE progress ADD COLUMN done REAL")
    db.execute("ALTER TABLE progress ADD COLUMN best REAL")
    db.execute("ALTER TABLE progress ADD COLUMN summary_version TEXT")


def _to_v4(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE scan_takes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            taken_at TEXT NOT NULL,
            scan_id TEXT NOT NULL,
            scan_version TEXT NOT NULL,
            top INTEGER NOT NULL,
            levels TEXT NOT NULL,
            ratings TEXT NOT NULL
        )"""
    )


#: MIGRATIONS[n] takes a store from schema version n to n + 1.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_to_v1, _to_v2, _to_v3, _to_v4)
SCHEMA_VERSION = len(MIGRATIONS)


# --- the store ---------------------------------------------------------------------------------------

class ProgressStore:
    def __init__(self, db: sqlite3.Connection, path: Path):
        self._db = db
        self.path = path

    @classmethod
    def open(cls, path: Path | str) -> ProgressStore:
        """Open the store at `path`, creating or migrating it; raises StoreError if it cannot be used."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError("unavailable", path, exc.strerror or str(exc)) from None
        _refuse_if_not_sqlite(path)
        try:
            db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError("unavailable", path, str(exc)) from None
        try:
            _inspect(db, path)
            db.execute("PRAGMA busy_timeout = 30000")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            _migrate(db, path)
        except StoreError:
            db.close()
            raise
        except sqlite3.DatabaseError as exc:
            db.close()
            problem: StoreProblem = "unavailable" if isinstance(exc, sqlite3.OperationalError) else "corrupt"
            raise StoreError(problem, path, str(exc)) from None
        return cls(db, path)

    def close(self) -> None:
        self._db.close()

    # --- reading ---

    def load(self, module: Module) -> Progress:
        """The learner's progress in `module`, fitted to the module as it is now."""
        row = self._read("SELECT state FROM progress WHERE module_id = ?", (module.id,)).fetchone()
        return self._progress(row, module)

    def summaries(self) -> dict[str, Summary]:
        """The summary of every module with stored progress (rows from before schema 3 have none
        until their next change)."""
        rows = self._read(
            "SELECT module_id, summary_version, status, done, best FROM progress WHERE status IS NOT NULL"
        ).fetchall()
        return {row[0]: Summary(*row) for row in rows}

    def focus(self, module_id: str) -> str | None:
        """The practice question the learner was last at in this module."""
        row = self._read("SELECT focus FROM progress WHERE module_id = ?", (module_id,)).fetchone()
        return row[0] if row else None

    def last_module(self) -> str | None:
        """The module the learner worked on most recently."""
        row = self._read("SELECT module_id FROM progress ORDER BY updated_at DESC, revision DESC LIMIT 1").fetchone()
        return row[0] if row else None

    def events(self, module_id: str) -> list[StoredEvent]:
        rows = self._read(
            "SELECT id, at, module_id, module_version, kind, location, question_id, attempt, response"
            " FROM events WHERE module_id = ? ORDER BY id",
            (module_id,),
        ).fetchall()
        return [StoredEvent(*row[:8], json.loads(row[8]) if row[8] is not None else None) for row in rows]

    def setting(self, key: str) -> str | None:
        row = self._read("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def learner_name(self) -> str | None:
        """The name the learner set for their results file, if any."""
        return self.setting(NAME_SETTING) or None

    def scan_takes(self, scan_id: str | None = None) -> list[StoredScanTake]:
        """Every recorded take of the ontwikkelscan (of `scan_id`, or of any scan), oldest first."""
        sql = "SELECT taken_at, scan_id, scan_version, top, levels, ratings FROM scan_takes"
        params: tuple = ()
        if scan_id is not None:
            sql, params = sql + " WHERE scan_id = ?", (scan_id,)
        rows = self._read(sql + " ORDER BY taken_at, id", params).fetchall()
        try:
            return [StoredScanTake(*row[:4], json.loads(row[4]), json.loads(row[5])) for row in rows]
        except ValueError as exc:
            raise StoreError("corrupt", self.path, str(exc)) from None

    # --- writing ---

    def update(
        self,
        module: Module,
        change: Callable[[Progress], Progress],
        event: Event,
        *,
        focus: str | None | object = _KEEP,
    ) -> Progress:
        """Apply `change` to the stored progress and record `event`, in one transaction.

        `change` gets the progress as stored right now (another app instance may have written since
        this one last read it) and returns the new progress; whatever it raises rolls the
        transaction back and is passed on.
        """
        return self._transaction(module, change, event, focus)

    def finish_scan(self, scan: Module, make_take: Callable[[Progress], StoredScanTake]) -> StoredScanTake:
        """Record a take of the ontwikkelscan and start the scan afresh, in one transaction.

        `make_take` gets the scan's progress as stored right now (the ratings are its practice
        answers) and returns the take to record. The scan's progress then starts empty, so a next
        take begins with fresh ratings; earlier takes stay, and every rating stays in the events.
        """
        from engine.progress import new_progress

        made: list[StoredScanTake] = []

        def change(progress: Progress) -> Progress:
            made.append(make_take(progress))
            return new_progress(scan)

        def record(db: sqlite3.Connection) -> None:
            take = made[-1]
            db.execute(
                "INSERT INTO scan_takes (taken_at, scan_id, scan_version, top, levels, ratings) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    take.taken_at,
                    take.scan_id,
                    take.scan_version,
                    take.top,
                    json.dumps(take.levels, ensure_ascii=False),
                    json.dumps(take.ratings, ensure_ascii=False),
                ),
            )

        self._transaction(scan, change, Event("scan_done"), None, record)
        return made[-1]

    def _transaction(
        self,
        module: Module,
        change: Callable[[Progress], Progress],
        event: Event,
        focus: str | None | object,
        also: Callable[[sqlite3.Connection], None] | None = None,
    ) -> Progress:
        from engine import progress as rules
        from engine.codec import to_json

        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                row = self._db.execute("SELECT state, focus, revision FROM progress WHERE module_id = ?", (module.id,)).fetchone()
                current = self._progress(row, module)
                new = change(current)
                attempt = new.attempts[-1].number if new.attempts and event.kind in ("start", "answer", "move", "submit") else None
                self._db.execute(
                    "INSERT INTO progress (module_id, state, focus, revision, updated_at, status, done, best, summary_version)"
                    " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (module_id) DO UPDATE SET state = excluded.state, focus = excluded.focus,"
                    " revision = progress.revision + 1, updated_at = excluded.updated_at, status = excluded.status,"
                    " done = excluded.done, best = excluded.best, summary_version = excluded.summary_version",
                    (
                        module.id,
                        to_json(new),
                        (row[1] if row else None) if focus is _KEEP else focus,
                        time.time(),
                        rules.status(new, module).value,
                        rules.fraction_done(new, module),
                        rules.best_score(new),
                        module.version,
                    ),
                )
                self._db.execute(
                    "INSERT INTO events (at, module_id, module_version, kind, location, question_id, attempt, response)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        time.time(),
                        module.id,
                        module.version,
                        event.kind,
                        new.location,
                        event.question_id,
                        attempt,
                        None if event.response is _NO_RESPONSE else json.dumps(event.response, ensure_ascii=False),
                    ),
                )
                if also is not None:
                    also(self._db)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError("write_failed", self.path, str(exc)) from None
        return new

    def set_focus(self, module: Module, question_id: str | None) -> None:
        """Remember the practice question the learner is at (no event: it is not an answer)."""
        from engine.codec import to_json
        from engine.progress import new_progress

        self._write(
            "INSERT INTO progress (module_id, state, focus, revision, updated_at) VALUES (?, ?, ?, 1, ?)"
            " ON CONFLICT (module_id) DO UPDATE SET focus = excluded.focus, updated_at = excluded.updated_at",
            (module.id, to_json(new_progress(module)), question_id, time.time()),
        )

    def set_setting(self, key: str, value: str) -> None:
        self._write(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def set_learner_name(self, name: str) -> None:
        self.set_setting(NAME_SETTING, name.strip())

    # --- helpers ---

    def _progress(self, row: tuple | None, module: Module) -> Progress:
        from engine.codec import CodecError, from_json, reconcile
        from engine.progress import new_progress

        if row is None:
            return new_progress(module)
        try:
            return reconcile(from_json(row[0]), module)
        except CodecError as exc:
            raise StoreError("corrupt", self.path, str(exc)) from None

    def _read(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            raise StoreError("corrupt", self.path, str(exc)) from None

    def _write(self, sql: str, params: tuple) -> None:
        try:
            self._db.execute(sql, params)  # autocommit: one statement, one transaction
        except sqlite3.Error as exc:
            raise StoreError("write_failed", self.path, str(exc)) from None


def _refuse_if_not_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError("unavailable", path, exc.strerror or str(exc)) from None
    if head and head != SQLITE_MAGIC:
        raise StoreError("corrupt", path, "not a SQLite database")


def _inspect(db: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged store, another program's database, or a store from a newer leermodules."""
    check = db.execute("PRAGMA quick_check").fetchall()
    if check != [("ok",)]:
        raise StoreError("corrupt", path, "; ".join(str(r[0]) for r in check[:3]))
    application = db.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if application not in (0, APPLICATION_ID) or (application == 0 and tables - {"sqlite_sequence"}):
        raise StoreError("foreign", path)
    if "schema_version" in tables and _version(db) > SCHEMA_VERSION:
        raise StoreError("too_new", path, f"schema {_version(db)} > {SCHEMA_VERSION}")


def _version(db: sqlite3.Connection) -> int:
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "schema_version" not in tables:
        return 0
    row = db.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def _migrate(db: sqlite3.Connection, path: Path) -> None:
    if _version(db) == SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")  # another instance may be migrating at the same moment
    try:
        version = _version(db)
        if version > SCHEMA_VERSION:
            raise StoreError("too_new", path, f"schema {version} > {SCHEMA_VERSION}")
        for step in MIGRATIONS[version:]:
            step(db)
        db.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
