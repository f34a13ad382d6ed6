"""Startup time and peak memory of `leermodules`, as ratios to a bare Textual app.

Each run starts a fresh Python process in a pseudo-terminal of 80x24 (a real Textual driver, not
headless) and measures:

- time: from just before the process is started until the first screen is ready (for leermodules:
  the home screen with every shipped module listed; for the bare app: its one widget shown);
- memory: the peak resident set size of the process (ru_maxrss from wait4).

Both apps are measured in the same run, interleaved, several times; the medians are compared.
The goal (issue 4) is at most 1.5x on both.

    python3 benchmarks/startup.py [--runs 7] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL = 1.5

# Both children end with the same pilot: wait until the first screen is ready, write the moment
# to READY_FILE, and exit. Imports happen inside the child, so they are part of what is measured.
READY = textwrap.dedent(
    """
    import os, time

    async def until_ready(pilot, ready):
        while not ready(pilot.app):
            await pilot.pause()
        await pilot.pause()
        with open(os.environ["READY_FILE"], "w") as f:
            f.write(repr(time.time()))
        pilot.app.exit()
    """
)

BARE = READY + textwrap.dedent(
    """
    from textual.app import App
    from textual.widgets import Static

    class Bare(App):
        def compose(self):
            yield Static("Hallo")

    async def pilot(p):
        await until_ready(p, lambda app: app.screen.query(Static))

    Bare().run(auto_pilot=pilot)
    """
)

LEERMODULES = READY + textwrap.dedent(
    """
    import sys
    from leermodules.tui import app as tui

    def ready(app):
        from leermodules.tui.screens.home import HomeScreen
        screen = app.screen
        return isinstance(screen, HomeScreen) and screen.query_one("#modules").option_count > 0

    original_run = tui.LeermodulesApp.run

    def run(self, *args, **kwargs):
        async def pilot(p):
            await until_ready(p, ready)
        return original_run(self, *args, auto_pilot=pilot, **kwargs)

    tui.LeermodulesApp.run = run
    from leermodules.cli import main
    sys.exit(main(["--data-dir", os.environ["DATA_DIR"]]))
    """
)


def measure(code: str, data_dir: str) -> tuple[float, int]:
    """Seconds from process start to ready, and peak RSS in KiB, of one child in a pty."""
    master, slave = pty.openpty()
    import fcntl
    import termios

    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    with tempfile.NamedTemporaryFile("r", suffix=".ready", delete=False) as ready_file:
        ready_path = ready_file.name
    env = {**os.environ, "READY_FILE": ready_path, "DATA_DIR": data_dir, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color"}
    start = time.time()
    process = subprocess.Popen([sys.executable, "-c", code], stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, close_fds=True)
    os.close(slave)
    output = bytearray()
    status = rusage = None
    while status is None:
        readable, _, _ = select.select([master], [], [], 0.05)
        if readable:
            try:
                output += os.read(master, 65536)
            except OSError:
                pass
        pid, status_code, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            status, rusage = status_code, usage
    os.close(master)
    process.returncode = os.waitstatus_to_exitcode(status)
    ready_text = Path(ready_path).read_text()
    os.unlink(ready_path)
    if process.returncode != 0 or not ready_text:
        raise SystemExit(f"child failed ({process.returncode}):\n{output.decode(errors='replace')[-2000:]}")
    return float(ready_text) - start, rusage.ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    results: dict[str, dict[str, list[float]]] = {"bare": {"time": [], "rss": []}, "leermodules": {"time": [], "rss": []}}
    with tempfile.TemporaryDirectory() as data_dir:
        measure(LEERMODULES, data_dir)  # warm the file cache and create the store once
        measure(BARE, data_dir)
        for _ in range(args.runs):
            for name, code in (("bare", BARE), ("leermodules", LEERMODULES)):
                seconds, rss = measure(code, data_dir)
                results[name]["time"].append(seconds)
                results[name]["rss"].append(rss)

    summary = {}
    for name, figures in results.items():
        summary[name] = {"time_s": statistics.median(figures["time"]), "rss_mib": statistics.median(figures["rss"]) / 1024}
    summary["ratio"] = {
        "time": summary["leermodules"]["time_s"] / summary["bare"]["time_s"],
        "rss": summary["leermodules"]["rss_mib"] / summary["bare"]["rss_mib"],
    }
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        for name in ("bare", "leermodules"):
            print(f"{name:12} start to ready {summary[name]['time_s'] * 1000:6.0f} ms   peak memory {summary[name]['rss_mib']:6.1f} MiB")
        ratio = summary["ratio"]
        verdict = "goal met" if max(ratio.values()) <= GOAL else f"goal ({GOAL}x) not met"
        print(f"{'ratio':12} time {ratio['time']:.2f}x   memory {ratio['rss']:.2f}x   ({verdict}; median of {args.runs} runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
