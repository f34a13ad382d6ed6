"""A plain (non-editable) install works from any folder and brings the shipped modules along."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("leermodules-*.whl")
    return found


def test_wheel_contains_the_packages_the_modules_and_the_templates(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "content/kennismaken/module.yaml" in names
    assert "leermodules/templates/new_module.yaml" in names
    for package in ("engine", "leermodules", "content"):
        assert f"{package}/__init__.py" in names
    shipped = {n.split("/")[1] for n in names if n.startswith("content/") and n.endswith("/module.yaml")}
    on_disk = {p.parent.name for p in (ROOT / "content").glob("*/module.yaml")}
    assert shipped == on_disk
    assert not any("tests/" in n or n.startswith("benchmarks/") for n in names)


def test_installed_command_validates_shipped_modules_from_an_empty_folder(wheel, tmp_path):
    # The venv borrows the dependencies already installed here, so the test needs no network,
    # but it gets its own copy of leermodules from the wheel, which is what we check.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--force-reinstall", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    empty = tmp_path / "leeg"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    command = env_dir / "bin" / "leermodules"

    where = subprocess.run([python, "-c", "import content, engine; print(content.folder())"], cwd=empty, capture_output=True, text=True, env=env)
    assert where.stdout.strip().startswith(str(env_dir)), "the venv must use its own installed copy"

    validate = subprocess.run([command, "validate"], cwd=empty, capture_output=True, text=True, env=env)
    assert validate.returncode == 0, validate.stderr
    assert validate.stdout.rstrip().endswith("in orde.")

    schema = subprocess.run([command, "schema"], cwd=empty, capture_output=True, text=True, env=env)
    assert schema.returncode == 0
    assert json.loads(schema.stdout)["title"] == "Leermodule"
