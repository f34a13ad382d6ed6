"""Module files the app's tests open (a module of its own: every test folder has a `conftest`,
so importing from `conftest` depends on which folder pytest collected first)."""

from __future__ import annotations

from pathlib import Path

import content

FIXTURES = Path(__file__).parent / "fixtures"
KENNISMAKEN = content.folder() / "kennismaken" / "module.yaml"
