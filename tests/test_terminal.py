"""Text from files never drives the terminal: control characters are shown as escapes, not acted on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from leermodules.terminal import one_line, printable

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content" / "kennismaken" / "module.yaml"
UNSAFE = ["\x1b", "\x07", "\x08", "\r", "\x00", "\x7f", "\x85", "\x9b", "\u202a", "\u202e", "\u2066", "\u2069", "\u2028"]


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "leermodules", *args], cwd=cwd, capture_output=True, text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


@pytest.mark.parametrize("char", UNSAFE)
def test_every_character_a_terminal_acts_on_is_shown_as_an_escape(char):
    shown = printable(f"a{char}b")
    assert char not in shown and shown.startswith("a\\") and shown.endswith("b")


def test_ordinary_text_lines_and_tabs_stay_as_they_are():
    text = "Één collega's: café, 😀 en ümlaut\n\tvolgende regel"
    assert printable(text) == text
    assert one_line("a\nb\tc") == "a\\x0ab\\x09c"  # one field in a table stays on its line


def test_validate_shows_a_file_name_with_escape_sequences_harmlessly(tmp_path):
    name = "kapot\x1b]0;gehackt\x07\x1b[2J.yaml"
    (tmp_path / name).write_text(EXAMPLE.read_text(encoding="utf-8").replace("pass_mark: 60", "pass_mark: 160"), encoding="utf-8")
    result = cli("validate", name, cwd=tmp_path)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr + result.stdout and "\x07" not in result.stderr
    assert "kapot\\x1b]0;gehackt\\x07\\x1b[2J.yaml:" in result.stderr


def test_a_usage_message_echoing_what_was_typed_is_shown_harmlessly(tmp_path):
    result = cli("new", "a\x1b[2Jb", cwd=tmp_path)
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "'a\\x1b[2Jb' is geen geldige id" in result.stderr
