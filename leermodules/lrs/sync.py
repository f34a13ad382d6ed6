"""The store's queue of xAPI statements to the learner's LRS.

`send_queued` sends what waits, in batches, oldest first: a batch is marked sent only after the LRS
stored it, in one transaction. Killed between the two, the batch is sent again next time and the
LRS keeps one copy (the ids are stable), so nothing is lost and nothing is stored twice. Offline,
the queue simply stays; the outcome of every run (when, what went wrong) is kept in the store's
settings for `leermodules lrs status`.

`BackgroundSync` does the same in a daemon thread for the terminal app, with its own connection to
the store: it never blocks the app, and waits longer after each failure (backoff, up to
`MAX_WAIT` seconds).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from engine.store import ProgressStore, StoreError
from engine.xapi import personalise
from leermodules.lrs.client import LrsClient, LrsError
from leermodules.lrs.config import LrsLink

BATCH = 500
LAST_ERROR_SETTING = "lrs.last_error"
LAST_SENT_SETTING = "lrs.last_sent"


@dataclass(frozen=True)
class SyncOutcome:
    sent: int
    waiting: int
    error: LrsError | None = None


def send_queued(store: ProgressStore, link: LrsLink, client: LrsClient | None = None, *, batch: int = BATCH) -> SyncOutcome:
    """Send every statement that waits; stop at the first failure (the rest waits for next time)."""
    client = client or LrsClient(link.endpoint, link.username, link.password)
    sharing = link.sharing
    sent = 0
    error: LrsError | None = None
    while True:
        pending = store.xapi_pending(batch, since=link.since)
        if not pending:
            break
        try:
            client.post([personalise(q.statement, sharing) for q in pending])
            stored = [q.id for q in pending]
        except LrsError as exc:
            if exc.kind != "rejected":
                error = exc
                break
            stored, error = _one_by_one(store, client, pending, sharing)  # find the one the LRS will not take
            if error is not None:
                break
        now = time.time()
        store.xapi_mark_sent(stored, now, note=(LAST_SENT_SETTING, str(now)))
        sent += len(stored)
    outcome = "" if error is None else f"{error.kind}: {error.detail}"
    if store.setting(LAST_ERROR_SETTING) != outcome:
        store.set_setting(LAST_ERROR_SETTING, outcome)
    waiting = store.xapi_counts(since=link.since)[0]
    return SyncOutcome(sent, waiting, error)


def _one_by_one(store: ProgressStore, client: LrsClient, pending, sharing) -> tuple[list[str], LrsError | None]:
    """Send a refused batch statement by statement: the ones the LRS takes are stored, the ones it
    refuses are kept aside with its reason (`lrs status` counts them); another failure stops."""
    stored: list[str] = []
    for queued in pending:
        try:
            client.post([personalise(queued.statement, sharing)])
        except LrsError as exc:
            if exc.kind != "rejected":
                return stored, exc
            store.xapi_mark_refused(queued.id, exc.detail)
            continue
        stored.append(queued.id)
    return stored, None


MIN_WAIT = 5.0
MAX_WAIT = 300.0
IDLE_WAIT = 20.0


def next_wait(failures: int) -> float:
    """Seconds to wait after `failures` failures in a row (0: all went well): doubling, capped, with
    a little jitter so a team's apps do not all retry at the same moment."""
    if failures == 0:
        return IDLE_WAIT
    return min(MAX_WAIT, MIN_WAIT * 2 ** (failures - 1)) * random.uniform(0.8, 1.2)


class BackgroundSync:
    """Sends the queue in a daemon thread until `stop()`; errors are kept, never raised."""

    def __init__(self, store_path: Path, link: LrsLink, *, on_outcome: Callable[[SyncOutcome], None] | None = None):
        self.store_path = store_path
        self.link = link
        self.on_outcome = on_outcome
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="leermodules-lrs-sync", daemon=True)
        self.last: SyncOutcome | None = None

    def start(self) -> BackgroundSync:
        self._thread.start()
        return self

    def poke(self) -> None:
        """Send soon (after new events), instead of at the next round."""
        self._wake.set()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        failures = 0
        client = LrsClient(self.link.endpoint, self.link.username, self.link.password, timeout=15.0)
        store: ProgressStore | None = None
        while not self._stop.is_set():
            try:
                store = store or ProgressStore.open(self.store_path)  # its own connection, for this thread
                outcome = send_queued(store, self.link, client)
            except StoreError as exc:  # the app reports a store it cannot use; here we only wait
                if store is not None:
                    store.close()
                    store = None
                outcome = SyncOutcome(0, 0, LrsError("server", exc.detail or exc.problem))
            self.last = outcome
            if self.on_outcome is not None:
                self.on_outcome(outcome)
            failures = failures + 1 if outcome.error is not None else 0
            self._wake.wait(next_wait(failures))
            self._wake.clear()
        if store is not None:
            store.close()


def start_background(store_path: Path) -> BackgroundSync | None:
    """The app's background sync, if the learner linked an LRS (a link that cannot be read: none)."""
    from leermodules.lrs import config

    try:
        link = config.load()
    except config.ConfigError:
        return None  # `leermodules lrs status` says what is wrong with it
    return BackgroundSync(store_path, link).start() if link is not None else None
