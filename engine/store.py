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
- ``refresh_cards``: one row per question of a passed module that comes back to be refreshed
  (`engine.refresh`): when it is due next and its FSRS card as JSON (schema 5).
- ``refresh_reviews``: append-only, one row for every refresh answer: when, the rating the
  scheduler got, the learner's response and the FSRS review log (schema 5).
- ``attempt_flags``: the questions of an attempt the learner marked to look at again before
  handing in (the toets overview); written in the same transaction as the progress (schema 6).
- ``xapi_queue``: one xAPI statement (`engine.xapi`, without its actor) for every learning event,
  queued in the same transaction as the event, with the time it was sent to an LRS once it was
  (schema 7). Its rows are checked when they are read, not when the store is opened (there can be
  many, and the app never reads them at its start). ``settings`` holds the store's own random id
  (`XAPI_STORE_SETTING`), from which the statements' stable ids are made.

Every change is one transaction (``BEGIN IMMEDIATE``): read the stored state, apply the engine's
pure function to it, write the new state and the event. Two app instances on one store therefore
take turns, and neither overwrites an answer the other just saved. The file is in WAL mode with
``synchronous=FULL``, so an answer that was committed survives the process being killed.

A store that cannot be trusted is refused with a `StoreError` whose detail says why in Dutch, and is
never written to: an empty file (only a missing file is created, and a new store is built beside its
place and linked in, so an empty file at the store's name is never one of ours), a file that is not
SQLite or fails its integrity check, another program's database, a schema version that is not a
number we wrote or one from a newer leermodules, a missing table, and any row whose values do not
fit (checked in one pass when the store is opened, and again whenever a row is read). A folder or
file that cannot be opened or written is refused too: progress that cannot be saved must not look
as if it were.

Schema versions: ``schema_version`` holds one number; `MIGRATIONS[n]` brings a store from version n
to n + 1. Migrations run in one transaction, so a store is never left half migrated.

The course model (pydantic) is imported only when progress is read or written, not when the store
is opened: the app's home screen comes up from `summaries()` alone.
"""

from __future__ import annotations

import errno
import json
import math
import os
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from engine import messages as msg

if TYPE_CHECKING:
    from engine.model import Module
    from engine.progress import Progress

APPLICATION_ID = 0x4C4D4F44  # "LMOD" in the SQLite header, so we know the file is ours
SQLITE_MAGIC = b"SQLite format 3\x00"

StoreProblem = Literal["unavailable", "corrupt", "foreign", "too_new", "write_failed"]


class StoreError(Exception):
    """The store cannot be used. `problem` says why and `detail` (Dutch) what exactly; the app turns
    them into a clear message."""

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
    ``scan_done`` (a take of the ontwikkelscan was recorded; the scan starts afresh for the next one),
    ``flag`` (a question of an attempt marked or unmarked; the response says which) or ``review``
    (an answer in a practice round after an attempt was handed in; it changes no score).
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


@dataclass(frozen=True)
class StoredCard:
    """A question that comes back to be refreshed: when it is due (Unix seconds, for the home
    screen's count) and its FSRS card (`fsrs.Card.to_dict()`; the store checks its shape only)."""

    module_id: str
    question_id: str
    due: float
    card: dict[str, Any]


@dataclass(frozen=True)
class StoredReview:
    """One refresh answer: when (Unix seconds, the app's clock), the FSRS rating (1..4) it gave,
    the learner's response and the FSRS review log."""

    id: int
    at: float
    module_id: str
    module_version: str
    question_id: str
    rating: int
    response: Any
    review: dict[str, Any]


NAME_SETTING = "name"
XAPI_STORE_SETTING = "xapi.store_id"  # the store's random id: statement ids are made from it


@dataclass(frozen=True)
class QueuedStatement:
    """An xAPI statement waiting to be sent (`engine.xapi`: everything but the actor)."""

    seq: int
    id: str
    at: float
    statement: dict[str, Any]


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


def _to_v5(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE refresh_cards (
            module_id TEXT NOT NULL,
            question_id TEXT NOT NULL,
            due REAL NOT NULL,
            card TEXT NOT NULL,
            PRIMARY KEY (module_id, question_id)
        )"""
    )
    db.execute("CREATE INDEX refresh_cards_by_due ON refresh_cards (due)")
    db.execute(
        """CREATE TABLE refresh_reviews (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at REAL NOT NULL,
            module_id TEXT NOT NULL,
            module_version TEXT NOT NULL,
            question_id TEXT NOT NULL,
            rating INTEGER NOT NULL,
            response TEXT,
            review TEXT NOT NULL
        )"""
    )


def _to_v6(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE attempt_flags (
            module_id TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            PRIMARY KEY (module_id, attempt, question_id)
        )"""
    )


def _to_v7(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE xapi_queue (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            at REAL NOT NULL,
            statement TEXT NOT NULL,
            sent_at REAL,
            refused TEXT
        )"""
    )
    db.execute("CREATE INDEX xapi_queue_unsent ON xapi_queue (sent_at, seq)")
    db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)", (XAPI_STORE_SETTING, str(uuid.uuid4())))


#: MIGRATIONS[n] takes a store from schema version n to n + 1.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_to_v1, _to_v2, _to_v3, _to_v4, _to_v5, _to_v6, _to_v7)
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
        _make_folder(path)
        if _existing_store(path):
            _refuse_if_read_only(path)
        else:
            _create(path)
        try:
            db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise _database_error(exc, path) from None
        try:
            version = _inspect(db, path)
            _check_rows(db, path, version)
            db.execute("PRAGMA busy_timeout = 30000")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            _migrate(db, path)
        except StoreError:
            db.close()
            raise
        except sqlite3.Error as exc:
            db.close()
            raise _database_error(exc, path) from None
        return cls(db, path)

    def close(self) -> None:
        self._db.close()

    # --- reading ---

    def load(self, module: Module) -> Progress:
        """The learner's progress in `module`, fitted to the module as it is now."""
        row = self._read(f"SELECT {_PROGRESS_COLUMNS} FROM progress WHERE module_id = ?", (module.id,)).fetchone()
        return self._progress(row, module)

    def summaries(self) -> dict[str, Summary]:
        """The summary of every module with stored progress (rows from before schema 3 have none
        until their next change)."""
        rows = self._read(f"SELECT {_PROGRESS_COLUMNS} FROM progress WHERE status IS NOT NULL").fetchall()
        checked = [self._checked("progress", row, _progress_row) for row in rows]
        return {row["module_id"]: Summary(row["module_id"], *row["summary"]) for row in checked}

    def focus(self, module_id: str) -> str | None:
        """The practice question the learner was last at in this module."""
        row = self._read(f"SELECT {_PROGRESS_COLUMNS} FROM progress WHERE module_id = ?", (module_id,)).fetchone()
        return self._checked("progress", row, _progress_row)["focus"] if row else None

    def last_module(self) -> str | None:
        """The module the learner worked on most recently."""
        row = self._read(
            f"SELECT {_PROGRESS_COLUMNS} FROM progress ORDER BY updated_at DESC, revision DESC LIMIT 1"
        ).fetchone()
        return self._checked("progress", row, _progress_row)["module_id"] if row else None

    def events(self, module_id: str) -> list[StoredEvent]:
        """Every event of a module, oldest first (checked here: the app itself never reads them)."""
        rows = self._read(f"SELECT {_EVENT_COLUMNS} FROM events WHERE module_id = ? ORDER BY id", (module_id,)).fetchall()
        return [self._checked("events", row, _event_row) for row in rows]

    def setting(self, key: str) -> str | None:
        row = self._read("SELECT rowid, key, value FROM settings WHERE key = ?", (key,)).fetchone()
        return self._checked("settings", row, _setting_row) if row else None

    def learner_name(self) -> str | None:
        """The name the learner set for their results file, if any."""
        return self.setting(NAME_SETTING) or None

    def scan_takes(self, scan_id: str | None = None) -> list[StoredScanTake]:
        """Every recorded take of the ontwikkelscan (of `scan_id`, or of any scan), oldest first."""
        sql = f"SELECT {_SCAN_COLUMNS} FROM scan_takes"
        params: tuple = ()
        if scan_id is not None:
            sql, params = sql + " WHERE scan_id = ?", (scan_id,)
        rows = self._read(sql + " ORDER BY taken_at, id", params).fetchall()
        return [self._checked("scan_takes", row, _scan_row) for row in rows]

    # --- refreshing (engine.refresh decides; the store keeps) ---

    def refresh_modules(self) -> set[str]:
        """The modules whose questions are scheduled to be refreshed."""
        rows = self._read(f"SELECT {_CARD_COLUMNS} FROM refresh_cards").fetchall()
        return {self._checked("refresh_cards", row, _card_row).module_id for row in rows}

    def refresh_due_count(self, at: float) -> int:
        """How many questions are due to be refreshed at `at` (Unix seconds); no card is parsed."""
        return int(self._read("SELECT count(*) FROM refresh_cards WHERE due <= ?", (at,)).fetchone()[0])

    def refresh_cards(self, module_id: str | None = None, *, due_by: float | None = None) -> list[StoredCard]:
        """The scheduled questions (of one module, or due by `due_by`), the first due first."""
        sql = f"SELECT {_CARD_COLUMNS} FROM refresh_cards"
        where: list[str] = []
        params: list[object] = []
        if module_id is not None:
            where.append("module_id = ?")
            params.append(module_id)
        if due_by is not None:
            where.append("due <= ?")
            params.append(due_by)
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._read(sql + " ORDER BY due, module_id, question_id", tuple(params)).fetchall()
        return [self._checked("refresh_cards", row, _card_row) for row in rows]

    def refresh_reviews(self, module_id: str | None = None) -> list[StoredReview]:
        """Every refresh answer (of one module, or all), oldest first."""
        sql = f"SELECT {_REVIEW_COLUMNS} FROM refresh_reviews"
        params: tuple[str, ...] = ()
        if module_id is not None:
            sql, params = sql + " WHERE module_id = ?", (module_id,)
        rows = self._read(sql + " ORDER BY id", params).fetchall()
        return [self._checked("refresh_reviews", row, _review_row) for row in rows]

    def schedule_refresh(self, cards: list[StoredCard]) -> None:
        """Schedule these questions, in one transaction; a question already scheduled keeps its card."""
        self._write_all(
            [
                (
                    "INSERT OR IGNORE INTO refresh_cards (module_id, question_id, due, card) VALUES (?, ?, ?, ?)",
                    (c.module_id, c.question_id, c.due, json.dumps(c.card, ensure_ascii=False)),
                )
                for c in cards
            ]
        )

    def record_refresh(self, card: StoredCard, module_version: str, rating: int, response: Any, review: dict[str, Any], at: float) -> None:
        """A refresh answer: the question's new card and the answer itself, in one transaction."""
        self._write_all(
            [
                (
                    "UPDATE refresh_cards SET due = ?, card = ? WHERE module_id = ? AND question_id = ?",
                    (card.due, json.dumps(card.card, ensure_ascii=False), card.module_id, card.question_id),
                ),
                (
                    "INSERT INTO refresh_reviews (at, module_id, module_version, question_id, rating, response, review)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        at,
                        card.module_id,
                        module_version,
                        card.question_id,
                        rating,
                        json.dumps(response, ensure_ascii=False),
                        json.dumps(review, ensure_ascii=False),
                    ),
                ),
            ]
        )

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
            recorded = db.execute(
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
            from engine import xapi

            at = time.time()
            self._queue([xapi.for_take(scan, take, key=f"{self._store_id()}/take/{recorded.lastrowid}", at=at)], at)

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
                row = self._db.execute(f"SELECT {_PROGRESS_COLUMNS} FROM progress WHERE module_id = ?", (module.id,)).fetchone()
                current = self._progress(row, module)
                kept_focus = self._checked("progress", row, _progress_row)["focus"] if row else None
                new = change(current)
                in_attempt = event.kind in ("start", "answer", "move", "submit", "flag", "review")
                attempt = new.attempts[-1].number if new.attempts and in_attempt else None
                self._db.execute(
                    "INSERT INTO progress (module_id, state, focus, revision, updated_at, status, done, best, summary_version)"
                    " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (module_id) DO UPDATE SET state = excluded.state, focus = excluded.focus,"
                    " revision = progress.revision + 1, updated_at = excluded.updated_at, status = excluded.status,"
                    " done = excluded.done, best = excluded.best, summary_version = excluded.summary_version",
                    (
                        module.id,
                        to_json(new),
                        kept_focus if focus is _KEEP else focus,
                        time.time(),
                        rules.status(new, module).value,
                        rules.fraction_done(new, module),
                        rules.best_score(new),
                        module.version,
                    ),
                )
                at = time.time()
                recorded = self._db.execute(
                    "INSERT INTO events (at, module_id, module_version, kind, location, question_id, attempt, response)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        at,
                        module.id,
                        module.version,
                        event.kind,
                        new.location,
                        event.question_id,
                        attempt,
                        None if event.response is _NO_RESPONSE else json.dumps(event.response, ensure_ascii=False),
                    ),
                )
                _write_flags(self._db, module.id, current, new)
                self._queue_change(module, event, current, new, recorded.lastrowid, at)
                if also is not None:
                    also(self._db)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError("write_failed", self.path, msg.sqlite_error(exc)) from None
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

    # --- xAPI statements (engine.xapi builds them; leermodules.lrs sends them) ---

    def _store_id(self) -> str:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (XAPI_STORE_SETTING,)).fetchone()
        if row is None or not isinstance(row[0], str):
            raise StoreError("corrupt", self.path, msg.store_bad_value(XAPI_STORE_SETTING, "text"))
        return row[0]

    def _queue_change(self, module: Module, event: Event, before: Progress, after: Progress, event_id: int | None, at: float) -> None:
        """Queue the statements for an event, inside the event's transaction."""
        from engine import xapi

        response = None if event.response is _NO_RESPONSE else event.response
        made = xapi.for_change(module, event.kind, event.question_id, response, before, after, key=f"{self._store_id()}/{event_id}", at=at)
        self._queue(made, at)

    def _queue(self, statements: list[dict[str, Any]], at: float) -> None:
        self._db.executemany(
            "INSERT OR IGNORE INTO xapi_queue (id, at, statement) VALUES (?, ?, ?)",
            [(s["id"], at, json.dumps(s, ensure_ascii=False)) for s in statements],
        )

    def xapi_pending(self, limit: int, *, since: float | None = None) -> list[QueuedStatement]:
        """The oldest statements not sent yet (queued at or after `since`, if given), at most `limit`."""
        sql = f"SELECT {_QUEUE_COLUMNS} FROM xapi_queue WHERE sent_at IS NULL AND refused IS NULL"
        params: tuple = ()
        if since is not None:
            sql, params = sql + " AND at >= ?", (since,)
        rows = self._read(sql + " ORDER BY seq LIMIT ?", (*params, limit)).fetchall()
        return [self._checked("xapi_queue", row, _queue_row) for row in rows]

    def xapi_mark_sent(self, ids: list[str], at: float, *, note: tuple[str, str] | None = None) -> None:
        """These statements are in the LRS now, in one transaction (with the setting `note`, if given)."""
        statements: list[tuple[str, tuple]] = [
            ("UPDATE xapi_queue SET sent_at = ? WHERE sent_at IS NULL AND id IN (SELECT value FROM json_each(?))", (at, json.dumps(ids)))
        ]
        if note is not None:
            statements.append(
                ("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", note)
            )
        self._write_all(statements)

    def xapi_mark_refused(self, statement_id: str, reason: str) -> None:
        """The LRS refused this statement (it is not valid there): kept, with the reason, and not
        offered again, so one bad statement never holds up the rest of the queue."""
        self._write_all([("UPDATE xapi_queue SET refused = ? WHERE sent_at IS NULL AND id = ?", (reason or "?", statement_id))])

    def xapi_refused(self) -> int:
        """How many statements the LRS refused."""
        return int(self._read("SELECT count(*) FROM xapi_queue WHERE refused IS NOT NULL").fetchone()[0])

    def xapi_counts(self, *, since: float | None = None) -> tuple[int, int, int]:
        """How many statements wait (queued at or after `since`), how many were sent, and how many
        wait from before `since` (held back: the learner did not choose to send those)."""
        edge = since if since is not None else float("-inf")
        row = self._read(
            "SELECT coalesce(sum(sent_at IS NULL AND refused IS NULL AND at >= ?), 0), coalesce(sum(sent_at IS NOT NULL), 0),"
            " coalesce(sum(sent_at IS NULL AND refused IS NULL AND at < ?), 0) FROM xapi_queue",
            (edge, edge),
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    # --- helpers ---

    def _progress(self, row: tuple | None, module: Module) -> Progress:
        from engine.codec import CodecError, from_json, reconcile
        from engine.progress import new_progress, with_flags

        if row is None:
            return new_progress(module)
        checked = self._checked("progress", row, _progress_row)
        try:
            progress = reconcile(from_json(checked["state"]), module)
        except CodecError:  # _progress_row checked the shape; this is a second line of defence
            what = msg.store_bad_value("state", "json")
            raise StoreError("corrupt", self.path, msg.store_row("progress", row[0], what, f"module {module.id}")) from None
        return with_flags(progress, self._flags(module.id))

    def _flags(self, module_id: str) -> dict[int, frozenset[str]]:
        """The flagged questions of a module's attempts, by attempt number."""
        rows = self._read(f"SELECT {_FLAG_COLUMNS} FROM attempt_flags WHERE module_id = ?", (module_id,)).fetchall()
        flags: dict[int, set[str]] = {}
        for row in rows:
            attempt, question_id = self._checked("attempt_flags", row, _flag_row)
            flags.setdefault(attempt, set()).add(question_id)
        return {number: frozenset(marked) for number, marked in flags.items()}

    def _checked(self, table: str, row: tuple, check: Callable[[tuple], Any]) -> Any:
        """`check(row)`'s value; a StoreError naming the table and row if a value does not fit."""
        try:
            return check(row)
        except _Unfit as unfit:
            raise StoreError("corrupt", self.path, msg.store_row(table, row[0], str(unfit), unfit.key)) from None

    def _read(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, params)
        except sqlite3.Error as exc:
            raise _database_error(exc, self.path) from None

    def _write_all(self, statements: list[tuple[str, tuple]]) -> None:
        """Several statements in one transaction: all of them are kept, or none."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                for sql, params in statements:
                    self._db.execute(sql, params)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError("write_failed", self.path, msg.sqlite_error(exc)) from None

    def _write(self, sql: str, params: tuple) -> None:
        try:
            self._db.execute(sql, params)  # autocommit: one statement, one transaction
        except sqlite3.Error as exc:
            raise StoreError("write_failed", self.path, msg.sqlite_error(exc)) from None


# --- opening ----------------------------------------------------------------------------------------

def _make_folder(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # exist_ok covers a folder; this is a file where the folder should be
        raise StoreError("unavailable", path, msg.store_folder_is_file(folder)) from None
    except OSError as exc:
        raise StoreError("unavailable", path, msg.os_error(exc)) from None


def _existing_store(path: Path) -> bool:
    """True if there is a store file at `path`, False if there is none; StoreError if what is there
    cannot be a store (an empty file too: SQLite would quietly start it afresh)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return False
    except IsADirectoryError:
        raise StoreError("unavailable", path, msg.STORE_NOT_A_FILE) from None
    except OSError as exc:
        raise StoreError("unavailable", path, msg.os_error(exc)) from None
    if not head:
        raise StoreError("corrupt", path, msg.STORE_EMPTY)
    if head != SQLITE_MAGIC:
        raise StoreError("corrupt", path, msg.STORE_NOT_SQLITE)
    return True


def _refuse_if_read_only(path: Path) -> None:
    """Progress that cannot be saved must not look as if it were: the file, and the folder (where
    SQLite keeps its WAL beside the file), must be writable."""
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        raise StoreError("unavailable", path, msg.STORE_READ_ONLY)


def _create(path: Path) -> None:
    """Make a new, migrated store beside `path` and link it into place, so no other instance ever
    sees a half-made (empty) store under the store's name. If another instance made one first,
    theirs is kept."""
    aside = path.with_name(f".{path.name}.{os.getpid()}-{os.urandom(4).hex()}.nieuw")
    try:
        db = sqlite3.connect(aside, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode = WAL")
            _migrate(db, path)
        finally:
            db.close()  # the last connection: SQLite folds the WAL into the file
        _link(aside, path)
    except sqlite3.Error as exc:
        raise StoreError("unavailable", path, msg.sqlite_error(exc)) from None
    except OSError as exc:
        raise StoreError("unavailable", path, msg.os_error(exc)) from None
    finally:
        _remove_aside(aside)


_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS}


def _link(aside: Path, path: Path) -> None:
    try:
        os.link(aside, path)  # fails if `path` exists: nothing is ever replaced
    except FileExistsError:
        return
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS or path.exists():
            raise
        os.rename(aside, path)  # a file system without hard links


def _remove_aside(aside: Path) -> None:
    for leftover in (aside, aside.with_name(aside.name + "-wal"), aside.with_name(aside.name + "-shm")):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            pass


def _database_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """A database error while opening or reading: damage, or a file that cannot be used now."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    damaged = name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or (
        isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)
    )
    return StoreError("corrupt" if damaged else "unavailable", path, msg.sqlite_error(exc))


#: The tables a store of each schema version has.
_TABLES = {
    1: {"schema_version", "progress", "events"},
    2: {"settings"},
    4: {"scan_takes"},
    5: {"refresh_cards", "refresh_reviews"},
    6: {"attempt_flags"},
    7: {"xapi_queue"},
}


def _inspect(db: sqlite3.Connection, path: Path) -> int:
    """The store's schema version; refuses a damaged store, another program's database, a schema
    version that is not ours, or a store from a newer leermodules."""
    check = db.execute("PRAGMA quick_check").fetchall()
    if check != [("ok",)]:
        raise StoreError("corrupt", path, msg.STORE_CHECK_FAILED)
    application = db.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if application not in (0, APPLICATION_ID) or (application == 0 and tables - {"sqlite_sequence"}):
        raise StoreError("foreign", path)
    if not tables - {"sqlite_sequence"}:
        return 0  # a new store, not migrated yet
    if "schema_version" not in tables:
        raise StoreError("corrupt", path, msg.store_table_missing("schema_version"))
    rows = db.execute("SELECT version FROM schema_version").fetchall()
    version = rows[0][0] if len(rows) == 1 else None
    if not isinstance(version, int) or version < 0:
        raise StoreError("foreign", path, msg.store_bad_value("schema_version", "int"))
    if version > SCHEMA_VERSION:
        raise StoreError("too_new", path, f"schema {version} > {SCHEMA_VERSION}")
    for since, needed in _TABLES.items():
        missing = sorted(needed - tables) if version >= since else []
        if missing:
            raise StoreError("corrupt", path, msg.store_table_missing(missing[0]))
    return version


def _check_rows(db: sqlite3.Connection, path: Path, version: int) -> None:
    """Check every row the app reads, in one pass (the store is small), so a damaged one is
    reported before the app starts instead of in the middle of a session."""
    summary = "status, done, best, summary_version" if version >= 3 else "NULL, NULL, NULL, NULL"
    reads: list[tuple[str, str, Callable[[tuple], Any]]] = []
    if version >= 1:
        reads.append(("progress", f"SELECT rowid, module_id, state, focus, revision, updated_at, {summary} FROM progress", _progress_row))
    if version >= 2:
        reads.append(("settings", "SELECT rowid, key, value FROM settings", _setting_row))
    if version >= 4:
        reads.append(("scan_takes", f"SELECT {_SCAN_COLUMNS} FROM scan_takes", _scan_row))
    if version >= 5:
        reads.append(("refresh_cards", f"SELECT {_CARD_COLUMNS} FROM refresh_cards", _card_row))
        reads.append(("refresh_reviews", f"SELECT {_REVIEW_COLUMNS} FROM refresh_reviews", _review_row))
    if version >= 6:
        reads.append(("attempt_flags", f"SELECT {_FLAG_COLUMNS} FROM attempt_flags", _flag_row))
    for table, sql, check in reads:
        for row in db.execute(sql):
            try:
                check(row)
            except _Unfit as unfit:
                raise StoreError("corrupt", path, msg.store_row(table, row[0], str(unfit), unfit.key)) from None


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


# --- checking what was read ---------------------------------------------------------------------------
# Every value read from the store goes through these: a value that does not fit is reported as a
# damaged store (table, row, which value), never passed on to fail somewhere in the app.

_PROGRESS_COLUMNS = "rowid, module_id, state, focus, revision, updated_at, status, done, best, summary_version"
_EVENT_COLUMNS = "id, at, module_id, module_version, kind, location, question_id, attempt, response"
_SCAN_COLUMNS = "id, taken_at, scan_id, scan_version, top, levels, ratings"
_CARD_COLUMNS = "rowid, module_id, question_id, due, card"
_REVIEW_COLUMNS = "id, at, module_id, module_version, question_id, rating, response, review"
_FLAG_COLUMNS = "rowid, module_id, attempt, question_id"
_QUEUE_COLUMNS = "seq, id, at, statement"

#: engine.progress.Status values (not imported: opening the store does not load the course model).
STATUSES = frozenset({"not_started", "incomplete", "passed", "failed", "completed"})
MAX_SCALE_TOP = 10  # engine.results.ScanRecord.top


class _Unfit(Exception):
    """A stored value that does not fit; the message (Dutch) says which and what it should be."""

    def __init__(self, what: str, key: str | None = None):
        super().__init__(what)
        self.key = key


def _text(value: Any, name: str, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise _Unfit(msg.store_bad_value(name, "text"))
    return value


def _int(value: Any, name: str, low: int | None = None, high: int | None = None, *, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Unfit(msg.store_bad_value(name, "int"))
    if (low is not None and value < low) or (high is not None and value > high):
        raise _Unfit(msg.store_out_of_range(name, low, high))
    return value


def _number(value: Any, name: str, low: float | None = None, high: float | None = None, *, optional: bool = False) -> float | None:
    if value is None and optional:
        return None
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        raise _Unfit(msg.store_bad_value(name, "number"))
    if (low is not None and value < low) or (high is not None and value > high):
        raise _Unfit(msg.store_out_of_range(name, low, high))
    return value


def _json(value: Any, name: str) -> Any:
    if not isinstance(value, str):
        raise _Unfit(msg.store_bad_value(name, "json"))
    try:
        return json.loads(value, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise _Unfit(msg.store_bad_value(name, "json")) from None


def _no_constant(word: str) -> Any:
    raise ValueError(word)  # NaN and Infinity are not JSON, and never written by the store


def _object(value: Any, name: str) -> dict:
    if not isinstance(value, dict):
        raise _Unfit(msg.store_bad_value(name, "object"))
    return value


def _list(value: Any, name: str) -> list:
    if not isinstance(value, list):
        raise _Unfit(msg.store_bad_value(name, "list"))
    return value


def _field(data: dict, key: str, name: str) -> Any:
    if key not in data:
        raise _Unfit(msg.store_bad_value(f"{name}.{key}", "present"))
    return data[key]


def _state(value: Any, module_id: str) -> str:
    """The progress JSON (engine.codec's readable form) if its shape is right."""
    data = _object(_json(value, "state"), "state")
    if _field(data, "module", "state") != module_id:
        raise _Unfit(msg.store_other_module(data["module"]))
    _text(_field(data, "version", "state"), "state.version")
    _text(_field(data, "location", "state"), "state.location", optional=True)
    for i, page in enumerate(_list(_field(data, "pages_done", "state"), "state.pages_done")):
        _text(page, f"state.pages_done[{i}]")
    _object(_field(data, "practice", "state"), "state.practice")
    for i, attempt in enumerate(_list(_field(data, "attempts", "state"), "state.attempts")):
        name = f"state.attempts[{i}]"
        _object(attempt, name)
        _int(_field(attempt, "number", name), f"{name}.number", 1)
        _int(_field(attempt, "seed", name), f"{name}.seed")
        for j, question in enumerate(_list(_field(attempt, "questions", name), f"{name}.questions")):
            _text(question, f"{name}.questions[{j}]")
        _object(_field(attempt, "answers", name), f"{name}.answers")
        _int(_field(attempt, "position", name), f"{name}.position", 0)
        _number(_field(attempt, "score", name), f"{name}.score", 0, 100, optional=True)
    return value


def _progress_row(row: tuple) -> dict[str, Any]:
    """rowid, module_id, state, focus, revision, updated_at, status, done, best, summary_version."""
    _, module_id, state, focus, revision, updated_at, status, done, best, summary_version = row
    module_id = _text(module_id, "module_id")
    try:
        _state(state, module_id)  # type: ignore[arg-type]
        _text(focus, "focus", optional=True)
        _int(revision, "revision", 0)
        _number(updated_at, "updated_at")
        if status is not None:
            if status not in STATUSES:
                raise _Unfit(msg.store_bad_value("status", "status"))
            _number(done, "done", 0, 1)
            _number(best, "best", 0, 100, optional=True)
            _text(summary_version, "summary_version")
    except _Unfit as unfit:
        raise _Unfit(str(unfit), f"module {module_id}") from None
    return {"module_id": module_id, "state": state, "focus": focus, "summary": (summary_version, status, done, best)}


def _setting_row(row: tuple) -> str:
    """rowid, key, value: the value."""
    key = _text(row[1], "key")
    try:
        return _text(row[2], "value")  # type: ignore[return-value]
    except _Unfit as unfit:
        raise _Unfit(str(unfit), f"instelling {key}") from None


def _scan_row(row: tuple) -> StoredScanTake:
    """id, taken_at, scan_id, scan_version, top, levels, ratings."""
    _, taken_at, scan_id, scan_version, top, levels, ratings = row
    taken_at = _text(taken_at, "taken_at")
    try:
        datetime.fromisoformat(taken_at)  # type: ignore[arg-type]
    except ValueError:
        raise _Unfit(msg.store_bad_value("taken_at", "date")) from None
    scan_id = _text(scan_id, "scan_id")
    _text(scan_version, "scan_version")
    top = _int(top, "top", 1, MAX_SCALE_TOP)
    level_map = _object(_json(levels, "levels"), "levels")
    for theme, level in level_map.items():
        _number(level, f"levels.{theme}", 0, top, optional=True)
    rating_map = _object(_json(ratings, "ratings"), "ratings")
    for statement, rating in rating_map.items():
        _int(rating, f"ratings.{statement}", 0, top)
    return StoredScanTake(taken_at, scan_id, scan_version, top, level_map, rating_map)  # type: ignore[arg-type]


def _event_row(row: tuple) -> StoredEvent:
    """id, at, module_id, module_version, kind, location, question_id, attempt, response."""
    event_id, at, module_id, module_version, kind, location, question_id, attempt, response = row
    return StoredEvent(
        _int(event_id, "id"),  # type: ignore[arg-type]
        _number(at, "at"),  # type: ignore[arg-type]
        _text(module_id, "module_id"),  # type: ignore[arg-type]
        _text(module_version, "module_version"),  # type: ignore[arg-type]
        _text(kind, "kind"),  # type: ignore[arg-type]
        _text(location, "location", optional=True),
        _text(question_id, "question_id", optional=True),
        _int(attempt, "attempt", 1, optional=True),
        None if response is None else _json(response, "response"),
    )


def _iso_date(value: Any, name: str, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise _Unfit(msg.store_bad_value(name, "date"))
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise _Unfit(msg.store_bad_value(name, "date")) from None


def _card_row(row: tuple) -> StoredCard:
    """rowid, module_id, question_id, due, card: the card's shape as `fsrs.Card.to_dict()` writes it."""
    _, module_id, question_id, due, card = row
    module_id = _text(module_id, "module_id")
    try:
        question_id = _text(question_id, "question_id")
        due = _number(due, "due")
        data = _object(_json(card, "card"), "card")
        _int(_field(data, "card_id", "card"), "card.card_id")
        _int(_field(data, "state", "card"), "card.state", 1, 3)
        _int(data.get("step"), "card.step", 0, optional=True)
        _number(data.get("stability"), "card.stability", 0, optional=True)
        _number(data.get("difficulty"), "card.difficulty", 0, 10, optional=True)
        _iso_date(_field(data, "due", "card"), "card.due")
        _iso_date(data.get("last_review"), "card.last_review", optional=True)
    except _Unfit as unfit:
        raise _Unfit(str(unfit), f"module {module_id}") from None
    return StoredCard(module_id, question_id, due, data)  # type: ignore[arg-type]


def _review_row(row: tuple) -> StoredReview:
    """id, at, module_id, module_version, question_id, rating, response, review."""
    review_id, at, module_id, module_version, question_id, rating, response, review = row
    module_id = _text(module_id, "module_id")
    try:
        stored = StoredReview(
            _int(review_id, "id"),  # type: ignore[arg-type]
            _number(at, "at"),  # type: ignore[arg-type]
            module_id,  # type: ignore[arg-type]
            _text(module_version, "module_version"),  # type: ignore[arg-type]
            _text(question_id, "question_id"),  # type: ignore[arg-type]
            _int(rating, "rating", 1, 4),  # type: ignore[arg-type]
            None if response is None else _json(response, "response"),
            _object(_json(review, "review"), "review"),
        )
    except _Unfit as unfit:
        raise _Unfit(str(unfit), f"module {module_id}") from None
    return stored


def _flag_row(row: tuple) -> tuple[int, str]:
    """rowid, module_id, attempt, question_id: the attempt's number and the flagged question."""
    module_id = _text(row[1], "module_id")
    try:
        return _int(row[2], "attempt", 1), _text(row[3], "question_id")  # type: ignore[return-value]
    except _Unfit as unfit:
        raise _Unfit(str(unfit), f"module {module_id}") from None


def _write_flags(db: sqlite3.Connection, module_id: str, before: Progress, after: Progress) -> None:
    """Keep ``attempt_flags`` as `after` has them, for each attempt whose flags changed."""
    had = {a.number: a.flagged for a in before.attempts}
    for attempt in after.attempts:
        if attempt.flagged == had.get(attempt.number, frozenset()):
            continue
        db.execute("DELETE FROM attempt_flags WHERE module_id = ? AND attempt = ?", (module_id, attempt.number))
        db.executemany(
            "INSERT INTO attempt_flags (module_id, attempt, question_id) VALUES (?, ?, ?)",
            [(module_id, attempt.number, question_id) for question_id in sorted(attempt.flagged)],
        )


def _queue_row(row: tuple) -> QueuedStatement:
    """seq, id, at, statement: a queued xAPI statement whose id matches its row."""
    seq, statement_id, at, statement = row
    statement_id = _text(statement_id, "id")
    data = _object(_json(statement, "statement"), "statement")
    if data.get("id") != statement_id:
        raise _Unfit(msg.store_bad_value("statement.id", "text"), f"statement {statement_id}")
    return QueuedStatement(_int(seq, "seq", 1), statement_id, _number(at, "at"), data)  # type: ignore[arg-type]
