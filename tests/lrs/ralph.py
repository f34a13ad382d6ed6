"""A real LRS for the tests: Ralph (ralph-malph) on 127.0.0.1, a free port, its file-system backend
and one basic-auth user. Missing Ralph skips the test with the reason, and fails it under CI=true."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
USER = "academie"
PASSWORD = "geheim-voor-de-test"


def need_ralph() -> None:
    if importlib.util.find_spec("ralph") is None or importlib.util.find_spec("uvicorn") is None:
        reason = "Ralph is not installed (pip install -c constraints.txt '.[test]' installs ralph-malph[lrs])"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI=true: the test may not be skipped)")
        pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Ralph:
    """One Ralph server; `stop()` and `start()` again on the same port and data (the LRS goes offline
    and comes back with what it stored)."""

    def __init__(self, folder: Path):
        import bcrypt

        self.folder = folder
        self.data = folder / "data"
        self.data.mkdir(parents=True, exist_ok=True)
        self.auth = folder / "auth.json"
        hashed = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(4)).decode()
        users = [{"agent": {"mbox": "mailto:lrs@academie.example"}, "scopes": ["all"], "hash": hashed, "username": USER}]
        self.auth.write_text(json.dumps(users), encoding="utf-8")
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    @property
    def statements_file(self) -> Path:
        return self.data / "fs_lrs.jsonl"

    def stored(self) -> list[dict]:
        """What Ralph wrote to its file, one statement per line."""
        if not self.statements_file.exists():
            return []
        return [json.loads(line) for line in self.statements_file.read_text(encoding="utf-8").splitlines() if line.strip()]

    def start(self) -> Ralph:
        env = {
            **os.environ,
            "RALPH_AUTH_FILE": str(self.auth),
            "RALPH_APP_DIR": str(self.folder),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.data),
            "RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT": "1000",
        }
        log = (self.folder / "ralph.log").open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.lrs.ralph_server", str(self.port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Ralph stopped: {(self.folder / 'ralph.log').read_text(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=2):
                    return self
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        raise RuntimeError("Ralph did not come up within 60 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None
