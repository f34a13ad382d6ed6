"""Learners for the LRS tests: each with their own progress store and config folder, working
through the shipped modules the way the app does (`ModuleSession`, `ScanSession`)."""

from __future__ import annotations

import contextlib
import io
import os
import random
from collections.abc import Iterator
from pathlib import Path

from engine.grading import correct_response
from engine.store import ProgressStore
from leermodules import cli, locations
from leermodules.commands.results import shipped_modules
from leermodules.tui.scan_session import ScanSession
from leermodules.tui.session import ModuleSession
from tests.lrs.ralph import PASSWORD, USER

MODULES = {m.id: m for m in shipped_modules()}
COURSES = sorted(m for m in MODULES if MODULES[m].kind == "course")
SCAN = next(m for m in MODULES.values() if m.kind == "scan")


class Learner:
    def __init__(self, folder: Path, name: str):
        self.name = name
        self.data_dir = folder / "data"
        self.config_dir = folder / "config"

    @property
    def env(self) -> dict[str, str]:
        return {
            locations.ENV_DATA_DIR: str(self.data_dir),
            "LEERMODULES_CONFIG_DIR": str(self.config_dir),
            "LEERMODULES_LRS_GEBRUIKER": USER,
            "LEERMODULES_LRS_WACHTWOORD": PASSWORD,
        }

    @contextlib.contextmanager
    def store(self) -> Iterator[ProgressStore]:
        opened = ProgressStore.open(locations.store_path(self.data_dir))
        try:
            yield opened
        finally:
            opened.close()

    def run(self, *args: str) -> tuple[int, str, str]:
        """`leermodules ARGS` in this process, in this learner's folders: exit code, stdout, stderr."""
        out, err = io.StringIO(), io.StringIO()
        saved = {k: os.environ.get(k) for k in self.env}
        os.environ.update(self.env)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = cli.main(list(args))
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        return code, out.getvalue(), err.getvalue()

    def work(self, seed: int, *, modules: int = 2) -> None:
        """Some of everything: pages read, practice answers, a toets passed or failed, a scan take."""
        rng = random.Random(seed)
        with self.store() as store:
            for module_id in rng.sample(COURSES, modules):
                module = MODULES[module_id]
                session = ModuleSession(module, store, seeds=lambda: seed)
                for page in module.pages[: rng.randint(1, len(module.pages))]:
                    session.visit(page.id)
                    session.complete_page(page.id)
                    for question in page.questions[:1]:
                        answer = correct_response(question)
                        if answer is not None:
                            session.answer_practice(question.id, answer)
                if module.assessment is not None and rng.random() < 0.8:
                    attempt = session.start_attempt()
                    if rng.random() < 0.6:  # answer it well: passed; otherwise hand in empty: failed
                        for question_id in attempt.questions:
                            answer = correct_response(module.question(question_id))
                            if answer is not None:
                                session.answer_attempt(question_id, answer)
                    session.submit()
            scan = ScanSession(SCAN, store)
            for statement in scan.statements:
                scan.answer_practice(statement.id, rng.randint(0, len(statement.scale) - 1))
            scan.finish(f"2026-11-{10 + seed % 15:02d}T09:00:00")
