"""Every path the app uses, in one place. Nothing is created at import time.

The progress store lives in the user's data folder (platformdirs), unless `--data-dir` or the
environment variable `LEERMODULES_DATA_DIR` names another one (the option wins).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "leermodules"
ENV_DATA_DIR = "LEERMODULES_DATA_DIR"
STORE_FILE = "voortgang.sqlite3"
MODULE_INDEX_FILE = "modules-index.json"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder for the learner's progress: `override`, else the environment variable, else the
    platform's user data folder (for example ~/.local/share/leermodules on Linux)."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def store_path(folder: Path) -> Path:
    """The progress store inside a data folder."""
    return folder / STORE_FILE


def module_index_path(folder: Path) -> Path:
    """The catalog's index of module files (a cache; deleting it only makes one start slower)."""
    return folder / MODULE_INDEX_FILE
