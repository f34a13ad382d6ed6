"""The app is killed with SIGKILL halfway through a module; after a restart every answer and the
position are still there. The app runs in a real terminal (tmux) in its own process."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from tui_paths import FIXTURES

from engine.loader import load_module
from engine.store import ProgressStore
from leermodules.locations import STORE_FILE

ROOT = Path(__file__).resolve().parents[2]
MODULE = FIXTURES / "hervatten.yaml"


def require_tmux() -> str:
    tmux = shutil.which("tmux")
    if tmux is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tmux is required for the SIGKILL test under CI")
        pytest.skip("tmux is not installed; it runs the app in a real terminal for this test")
    return tmux


class Terminal:
    """One app process in a detached tmux pane of 80x24, on a private tmux server."""

    def __init__(self, tmux: str, data_dir: Path):
        self.tmux = tmux
        self.socket = f"leermodules-test-{uuid.uuid4().hex[:8]}"
        self.data_dir = data_dir

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([self.tmux, "-L", self.socket, *args], capture_output=True, text=True, check=True)

    def start(self) -> None:
        command = (
            f"cd {ROOT} && exec env PYTHONPATH={ROOT} {sys.executable} -m leermodules "
            f"--data-dir {self.data_dir} run {MODULE}"
        )
        self.run("new-session", "-d", "-s", "app", "-x", "80", "-y", "24", command)
        self.run("set-option", "-t", "app", "remain-on-exit", "on")

    def pid(self) -> int:
        return int(self.run("display-message", "-p", "-t", "app", "#{pane_pid}").stdout.strip())

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "app").stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", "app", key)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", "app", "-l", text)

    def wait_for(self, *texts: str, timeout: float = 20, any_of: bool = False) -> str:
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if (any if any_of else all)(t in shown for t in texts):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"never saw {texts!r}; the screen shows:\n{shown}")
            time.sleep(0.1)

    def kill_server(self) -> None:
        subprocess.run([self.tmux, "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(tmp_path):
    term = Terminal(require_tmux(), tmp_path / "data")
    yield term
    term.kill_server()


def kill(terminal: Terminal) -> None:
    pid = terminal.pid()
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
        time.sleep(0.05)
    terminal.kill_server()


def stored(tmp_path):
    store = ProgressStore.open(tmp_path / "data" / STORE_FILE)
    try:
        return store.load(load_module(MODULE))
    finally:
        store.close()


def test_sigkill_loses_no_answer_and_no_position(terminal, tmp_path):
    module = load_module(MODULE)

    # 1. answer both practice questions, then kill the app on the page
    terminal.start()
    terminal.wait_for("Hervatten na een storing")
    terminal.keys("Enter")  # open the module
    terminal.wait_for("Inhoud", "1. Begin")
    terminal.keys("Enter")  # open the first page
    terminal.wait_for("Oefenvraag 1 van 2")
    terminal.keys("1", "Enter")  # the first question has focus: its first option, whatever it is
    terminal.wait_for("✓ Goed", "✗ Niet goed", any_of=True)
    terminal.keys("Tab")  # on to the next question
    terminal.wait_for("f2 Tip")  # the key bar of a text field: focus has moved (Textual moves it after a refresh)
    terminal.type("Amsterdam")
    terminal.keys("Enter")
    terminal.wait_for("Goed.")
    kill(terminal)

    progress = stored(tmp_path)
    assert set(progress.practice) == {"kleur", "hoofdstad"}
    assert progress.practice["hoofdstad"] == "Amsterdam"
    assert progress.location == "begin"

    # 2. the app opens on that page, at the question last answered, with the answers shown
    terminal.start()
    shown = terminal.wait_for("Pagina 1 van 1", "Wat is de hoofdstad van Nederland?", "Amsterdam")
    assert "Goed." in shown
    terminal.keys("n")  # page done: on to the assessment
    terminal.wait_for("Druk op enter om te beginnen.")
    terminal.keys("Enter")
    terminal.wait_for("Vraag 1 van 3", "Beantwoord: 0 van 3")
    terminal.keys("1", "Enter")
    terminal.wait_for("Antwoord bewaard")
    terminal.keys("n")
    terminal.wait_for("Vraag 2 van 3", "Beantwoord: 1 van 3")
    kill(terminal)

    progress = stored(tmp_path)
    assert set(progress.practice) == {"kleur", "hoofdstad"}
    assert progress.pages_done == {"begin"}
    attempt = progress.current_attempt
    assert attempt is not None
    assert len(attempt.answers) == 1 and attempt.position == 1
    first_question = attempt.questions[0]

    # 3. the app opens the assessment at the second question; the first keeps its answer
    terminal.start()
    shown = terminal.wait_for("Vraag 2 van 3", "Beantwoord: 1 van 3")
    assert module.question(attempt.questions[1]).prompt[:30] in shown
    terminal.keys("p")
    shown = terminal.wait_for("Vraag 1 van 3")
    assert module.question(first_question).prompt[:30] in shown
    assert "(•) 1." in shown  # the answer given before the kill is still chosen

    # 4. a question marked in the toets overview stays marked after a kill
    terminal.keys("o")
    terminal.wait_for("Overzicht van de toets", "gemarkeerd: 0")
    terminal.keys("m")  # the overview opens on the question you are at: the first
    terminal.wait_for("⚑ gemarkeerd", "gemarkeerd: 1")
    kill(terminal)

    attempt = stored(tmp_path).current_attempt
    assert attempt is not None and attempt.flagged == {first_question}
    assert len(attempt.answers) == 1

    terminal.start()
    terminal.wait_for("Vraag 1 van 3", "Gemarkeerd om nog naar te kijken")
    terminal.keys("o")
    shown = terminal.wait_for("Overzicht van de toets", "gemarkeerd: 1")
    assert "⚑ gemarkeerd" in shown


def test_sigkill_keeps_a_refresh_answer(terminal, tmp_path):
    """Opfrissen: an answered refresh question and its next day survive kill -9."""
    from datetime import datetime, timedelta

    from engine import refresh
    from leermodules.tui.session import ModuleSession

    module = load_module(MODULE)
    store = ProgressStore.open(tmp_path / "data" / STORE_FILE)
    session = ModuleSession(module, store, lambda: 3)
    attempt = session.start_attempt()
    for question_id in attempt.questions:
        session.answer_attempt(question_id, {"een": 0, "twee": False, "drie": 0}[question_id])
    session.submit()
    passed_at = datetime.now().astimezone() - timedelta(days=30)  # long enough ago that all are due
    store.schedule_refresh(refresh.first_cards(module, session.progress, passed_at))
    store.close()

    terminal.start()
    terminal.wait_for("3 vragen om op te frissen")
    terminal.keys("Enter")  # the refresh line has the cursor
    terminal.wait_for("Opfrisvraag uit: Hervatten na een storing")
    terminal.keys("1", "Enter")
    terminal.wait_for("Deze vraag komt")
    kill(terminal)

    store = ProgressStore.open(tmp_path / "data" / STORE_FILE)
    try:
        (review,) = store.refresh_reviews("hervatten")
        now = datetime.now().astimezone().timestamp()
        assert store.refresh_due_count(now) == 2
        (card,) = [c for c in store.refresh_cards("hervatten") if c.question_id == review.question_id]
        assert card.due > now
    finally:
        store.close()

    terminal.start()
    terminal.wait_for("2 vragen om op te frissen")
