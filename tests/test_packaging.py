"""A plain (non-editable) install works from any folder and brings the shipped modules along; every
third-party import is a declared dependency, and constraints.txt pins each within its bounds."""

from __future__ import annotations

import ast
import importlib.metadata
import json
import os
import site
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

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
    # The venv borrows the dependencies installed for this test run (a .pth file listing our
    # site-packages, read after its own), so the test needs no network, but it gets its own copy
    # of leermodules from the wheel, which is what we check.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], check=True, capture_output=True, text=True
    ).stdout.strip()
    Path(purelib, "borrowed-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
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


# --- Declared dependencies -------------------------------------------------------------------

PRODUCT = ("leermodules", "engine", "scorm")
FIRST_PARTY = {*PRODUCT, "content"}


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _name(requirement: str) -> str:
    return canonicalize_name(Requirement(requirement).name)


def _third_party_imports() -> dict[str, str]:
    """Each top-level module the product imports from outside the standard library, with one place it is imported."""
    found: dict[str, str] = {}
    for package in PRODUCT:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in FIRST_PARTY:
                        found.setdefault(top, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_third_party_import_of_the_product_is_a_declared_dependency():
    declared = {_name(r) for r in _pyproject()["project"]["dependencies"]}
    distributions = importlib.metadata.packages_distributions()
    imports = _third_party_imports()
    assert "textual" in imports and "yaml" in imports  # the scan sees the product's imports
    undeclared = []
    for module, where in sorted(imports.items()):
        names = {canonicalize_name(d) for d in distributions.get(module, [module])}
        if not names & declared:
            undeclared.append(f"{where}: imports {module} ({', '.join(sorted(names))}), not in pyproject's dependencies")
    assert undeclared == []


def test_constraints_pin_every_dependency_within_the_declared_bounds():
    project = _pyproject()["project"]
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            requirement = Requirement(line)
            (spec,) = requirement.specifier
            assert spec.operator == "==", f"constraints.txt pins exact versions: {line}"
            pins[canonicalize_name(requirement.name)] = spec.version
    problems = []
    for text in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        if name not in pins:
            problems.append(f"{name} is not pinned in constraints.txt")
        elif not requirement.specifier.contains(pins[name], prereleases=True):
            problems.append(f"{name}=={pins[name]} in constraints.txt is outside {requirement.specifier} in pyproject.toml")
    assert problems == []
