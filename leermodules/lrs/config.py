"""The learner's link to an LRS: where, with which credentials, and what they chose to share.

Kept as JSON in the OS user config folder (platformdirs; `LEERMODULES_CONFIG_DIR` names another
folder), written in one step with file mode 0600. Never in the progress store, so never in a
results file or a copy of the store. Reading a file that cannot be used gives `ConfigError` (Dutch).
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from engine.xapi import Sharing
from leermodules import strings as s
from leermodules.strings import os_reason

APP_NAME = "leermodules"
ENV_CONFIG_DIR = "LEERMODULES_CONFIG_DIR"
CONFIG_FILE = "lrs.json"


class ConfigError(Exception):
    """The link file cannot be read or written; the message (Dutch) says why."""


@dataclass(frozen=True)
class LrsLink:
    endpoint: str  # the LRS's xAPI endpoint, e.g. https://lrs.academie.nl/xAPI/
    username: str
    password: str
    account: str  # the learner's pseudonym in the LRS
    name: str | None = None
    email: str | None = None
    group: str | None = None
    responses: bool = False
    since: float | None = None  # only statements queued from then on are sent; None: all of them

    @property
    def sharing(self) -> Sharing:
        return Sharing(self.endpoint, self.account, self.name, self.email, self.group, self.responses)


def new_account() -> str:
    """A random pseudonym: nothing about the learner can be read from it."""
    return "lm-" + secrets.token_hex(8)


def normalise_endpoint(url: str) -> str:
    url = url.strip()
    return url if url.endswith("/") else url + "/"


def config_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(ENV_CONFIG_DIR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def config_path(override: str | os.PathLike[str] | None = None) -> Path:
    return config_dir(override) / CONFIG_FILE


_FIELDS = {"endpoint": str, "username": str, "password": str, "account": str}


def load(path: Path | None = None) -> LrsLink | None:
    """The link, or None when the learner has not made one."""
    path = path or config_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else "geen UTF-8"
        raise ConfigError(s.LRS_CONFIG_UNREADABLE.format(path=path, reason=reason)) from None
    try:
        data: Any = json.loads(raw)
        if not isinstance(data, dict) or any(not isinstance(data.get(k), t) for k, t in _FIELDS.items()):
            raise ValueError
        link = LrsLink(
            endpoint=data["endpoint"],
            username=data["username"],
            password=data["password"],
            account=data["account"],
            name=_optional_text(data.get("name")),
            email=_optional_text(data.get("email")),
            group=_optional_text(data.get("group")),
            responses=data.get("responses") is True,
            since=_optional_number(data.get("since")),
        )
    except (ValueError, TypeError):
        raise ConfigError(s.LRS_CONFIG_DAMAGED.format(path=path)) from None
    return link


def _optional_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    raise ValueError


def _optional_number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise ValueError


def save(link: LrsLink, path: Path | None = None) -> Path:
    """Write the link in one step, readable by the learner only (0600)."""
    path = path or config_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".lrs-", suffix=".json", dir=path.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(asdict(link), handle, ensure_ascii=False, indent=2)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ConfigError(s.LRS_CONFIG_UNWRITABLE.format(path=path, reason=os_reason(exc))) from None
    return path


def remove(path: Path | None = None) -> bool:
    """Forget the link; False if there was none."""
    path = path or config_path()
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise ConfigError(s.LRS_CONFIG_UNWRITABLE.format(path=path, reason=os_reason(exc))) from None
    return True
