"""`leermodules lrs koppel URL | status | ontkoppel | verstuur`: the learner's link to an LRS.

Sending is opt-in: the store always queues the learner's xAPI statements (on their own computer),
and only after `koppel` are they sent, by the app in the background or by `verstuur`. `koppel`
checks the credentials with the LRS before it keeps anything; an LRS that cannot be reached now
is linked anyway (the app sends once it can). Credentials come from --gebruiker or
LEERMODULES_LRS_GEBRUIKER and from LEERMODULES_LRS_WACHTWOORD or a getpass prompt, and are kept
in the OS user config folder (`leermodules.lrs.config`), never in the progress store.
"""

from __future__ import annotations

import getpass
import os
import sys
import time
from datetime import datetime
from urllib.parse import urlsplit

from leermodules import locations
from leermodules import strings as s
from leermodules.cli import UsageError
from leermodules.lrs import config
from leermodules.lrs.client import LrsClient, LrsError
from leermodules.terminal import printable

ENV_USER = "LEERMODULES_LRS_GEBRUIKER"
ENV_PASSWORD = "LEERMODULES_LRS_WACHTWOORD"


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(s.LRS_BAD_URL.format(url=url))
    return config.normalise_endpoint(url)


def credentials(user: str | None) -> tuple[str, str]:
    """The LRS user name and password: from the option or environment, else asked in the terminal."""
    interactive = sys.stdin.isatty()
    user = (user or os.environ.get(ENV_USER, "")).strip()
    if not user and interactive:
        user = input(s.LRS_USER_PROMPT).strip()
    if not user:
        raise UsageError(s.LRS_NO_USER)
    password = os.environ.get(ENV_PASSWORD, "")
    if not password and interactive:
        password = getpass.getpass(s.LRS_PASSWORD_PROMPT.format(user=user))
    if not password:
        raise UsageError(s.LRS_NO_PASSWORD)
    return user, password


def _who(link: config.LrsLink) -> str:
    return link.email or (f"{link.name} ({link.account})" if link.name else link.account)


def run_koppel(
    url: str,
    *,
    user: str | None,
    name: str | None,
    email: str | None,
    group: str | None,
    responses: bool,
    earlier: bool,
    account: str | None,
) -> int:
    endpoint = check_url(url)
    if email is not None and ("@" not in email or email.strip() != email or len(email) > 254):
        raise UsageError(s.LRS_BAD_EMAIL.format(email=email))
    username, password = credentials(user)
    try:
        previous = config.load()
    except config.ConfigError:
        previous = None  # a damaged link is replaced by this one
    link = config.LrsLink(
        endpoint=endpoint,
        username=username,
        password=password,
        account=(account or "").strip() or (previous.account if previous else config.new_account()),
        name=(name or "").strip() or None,
        email=email or None,
        group=(group or "").strip() or None,
        responses=responses,
        since=None if earlier else time.time(),
    )
    offline: LrsError | None = None
    try:
        LrsClient(endpoint, username, password, timeout=15.0).about()
    except LrsError as exc:
        if exc.kind == "auth":
            print(f"leermodules: {printable(s.LRS_AUTH_REFUSED.format(detail=exc.detail))}", file=sys.stderr)
            return 1
        if exc.kind == "rejected":
            print(f"leermodules: {printable(s.LRS_REFUSED.format(detail=exc.detail))}", file=sys.stderr)
            return 1
        offline = exc
    try:
        path = config.save(link)
    except config.ConfigError as exc:
        print(f"leermodules: {printable(str(exc))}", file=sys.stderr)
        return 1
    print(printable(s.LRS_LINKED.format(endpoint=endpoint, who=_who(link))))
    print(printable(s.LRS_SHARES.format(what=", ".join(shared(link)))))
    print(printable(s.LRS_CONFIG_AT.format(path=path)))
    if offline is not None:
        print(printable(s.LRS_OFFLINE_AT_KOPPEL.format(detail=offline.detail)), file=sys.stderr)
    return 0


def shared(link: config.LrsLink) -> list[str]:
    """What the learner chose to send, in words."""
    what = [s.LRS_SHARE_ALWAYS]
    if link.responses:
        what.append(s.LRS_SHARE_RESPONSES)
    if link.name:
        what.append(s.LRS_SHARE_NAME.format(name=link.name))
    if link.group:
        what.append(s.LRS_SHARE_GROUP.format(group=link.group))
    what.append(s.LRS_SHARE_FROM_NOW if link.since is not None else s.LRS_SHARE_EARLIER)
    return what


def _load_link() -> config.LrsLink | None | int:
    try:
        return config.load()
    except config.ConfigError as exc:
        print(f"leermodules: {printable(str(exc))}", file=sys.stderr)
        return 1


def _open_store(data_dir: str | None, *, must_exist: bool):
    """The progress store, or an exit code after saying why there is none."""
    from engine.store import ProgressStore, StoreError
    from leermodules.tui import strings as ts

    folder = locations.data_dir(data_dir)
    path = locations.store_path(folder)
    if not path.is_file():
        if must_exist:
            print(f"leermodules: {s.LRS_NO_STORE.format(folder=folder)}", file=sys.stderr)
            return 1
        return None
    try:
        return ProgressStore.open(path)
    except StoreError as exc:
        print(ts.store_problem(exc), file=sys.stderr)
        return 1


def run_status(data_dir: str | None) -> int:
    from leermodules.lrs.sync import LAST_ERROR_SETTING, LAST_SENT_SETTING

    link = _load_link()
    if isinstance(link, int):
        return link
    store = _open_store(data_dir, must_exist=False)
    if isinstance(store, int):
        return store
    try:
        if link is None:
            print(s.LRS_NOT_LINKED)
            if store is not None:
                waiting, sent, _ = store.xapi_counts()
                print(s.LRS_STATUS_LOCAL.format(count=waiting + sent))
            return 0
        print(printable(s.LRS_STATUS_LINKED.format(endpoint=link.endpoint, who=_who(link), user=link.username)))
        print(printable(s.LRS_SHARES.format(what=", ".join(shared(link)))))
        if store is None:
            print(s.LRS_STATUS_COUNTS.format(waiting=0, sent=0))
            return 0
        waiting, sent, held = store.xapi_counts(since=link.since)
        print(s.LRS_STATUS_COUNTS.format(waiting=waiting, sent=sent))
        if held:
            print(s.LRS_STATUS_HELD.format(held=held))
        refused = store.xapi_refused()
        if refused:
            print(s.LRS_STATUS_REFUSED.format(refused=refused))
        last_sent = store.setting(LAST_SENT_SETTING)
        if last_sent:
            when = datetime.fromtimestamp(float(last_sent)).strftime("%d-%m-%Y %H:%M")
            print(s.LRS_STATUS_LAST_SENT.format(when=when))
        error = store.setting(LAST_ERROR_SETTING)
        if error:
            kind, _, detail = error.partition(": ")
            template = s.LRS_ERRORS.get(kind, "{detail}")
            print(printable(s.LRS_STATUS_LAST_ERROR.format(error=template.format(detail=detail))))
        elif error is not None:
            print(s.LRS_STATUS_NO_ERROR)
        return 0
    finally:
        if store is not None:
            store.close()


def run_ontkoppel() -> int:
    try:
        removed = config.remove()
    except config.ConfigError as exc:
        print(f"leermodules: {printable(str(exc))}", file=sys.stderr)
        return 1
    print(s.LRS_UNLINKED if removed else s.LRS_WAS_NOT_LINKED)
    return 0


def run_verstuur(data_dir: str | None) -> int:
    from engine.store import StoreError
    from leermodules.lrs.sync import send_queued
    from leermodules.tui import strings as ts

    link = _load_link()
    if isinstance(link, int):
        return link
    if link is None:
        print(f"leermodules: {s.LRS_NOT_LINKED}", file=sys.stderr)
        return 1
    store = _open_store(data_dir, must_exist=True)
    if isinstance(store, int):
        return store
    try:
        outcome = send_queued(store, link)
    except StoreError as exc:
        print(ts.store_problem(exc), file=sys.stderr)
        return 1
    finally:
        store.close()
    print(s.LRS_SENT.format(sent=outcome.sent, waiting=outcome.waiting))
    if outcome.error is not None:
        message = s.LRS_ERRORS[outcome.error.kind].format(detail=outcome.error.detail)
        print(f"leermodules: {printable(message)}", file=sys.stderr)
        return 1
    return 0
