"""Property-based tests: whatever a trainer (or a broken editor) does to a module file, the loader
answers with located problems or a valid module, never with an exception.

Valid modules are mutated structurally (keys deleted, duplicated, retyped, renamed) and as text
(random text or bytes inserted, truncated, indentation changed, lines repeated or dropped).
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.loader import check_module

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "leermodules" / "templates" / "new_module.yaml"
SEEDS = {
    "corpus": (ROOT / "tests" / "corpus" / "valid" / "module.yaml").read_text(encoding="utf-8"),
    "kennismaken": (ROOT / "content" / "kennismaken" / "module.yaml").read_text(encoding="utf-8"),
    "scaffold": TEMPLATE.read_text(encoding="utf-8").replace("__ID__", "mijn-module").replace("__TITLE__", "Mijn module"),
}
LOCATED = re.compile(r"^[^\n]+:\d+:\d+: (waarschuwing: )?[^\n]+; [^\n]+$")
# LEERMODULES_FUZZ_EXAMPLES=5000 for a longer hunt; 200 keeps the suite quick.
FUZZ = settings(
    max_examples=int(os.environ.get("LEERMODULES_FUZZ_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# yaml.safe_dump can write everything these make; the loader must cope with all of it.
any_value = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.lists(st.text(max_size=8), max_size=3),
    st.dictionaries(st.text(max_size=6), st.integers(), max_size=3),
)


def assert_answered(path: Path) -> None:
    """The loader's contract: a valid module, or errors with a real place in the file."""
    result = check_module(path)  # must not raise
    raw = path.read_bytes()
    last_line = raw.count(b"\n") + 2
    for problem in result.problems:
        assert 1 <= problem.line <= last_line, problem
        assert problem.column >= 1, problem
        assert problem.message and problem.hint, problem
        assert LOCATED.match(str(problem)), str(problem)
    if result.module is None:
        assert any(p.severity == "error" for p in result.problems), "invalid but no error reported"
    else:
        assert not any(p.severity == "error" for p in result.problems)


def check_text(text: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "module.yaml"
        if isinstance(text, str):
            path.write_text(text, encoding="utf-8")
        else:
            path.write_bytes(text)
        assert_answered(path)


# --- structural mutations -----------------------------------------------------------------------

def containers(value: Any, path: tuple = ()) -> list[tuple]:
    """Paths of every mapping and list in `value`."""
    found = []
    if isinstance(value, (dict, list)):
        found.append(path)
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in items:
            found.extend(containers(child, (*path, key)))
    return found


def at(value: Any, path: tuple) -> Any:
    for part in path:
        value = value[part]
    return value


@FUZZ
@given(seed=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_structural_mutations_get_located_answers(seed, data):
    module = yaml.safe_load(SEEDS[seed])
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        target = at(module, data.draw(st.sampled_from(containers(module)), label="where"))
        if not target:
            continue
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        key = data.draw(st.sampled_from(keys), label="key")
        action = data.draw(st.sampled_from(["delete", "retype", "rename", "copy"]), label="action")
        if action == "delete":
            del target[key]
        elif action == "retype":
            target[key] = data.draw(any_value, label="value")
        elif action == "rename" and isinstance(target, dict):
            target[data.draw(st.text(min_size=1, max_size=12), label="name")] = target.pop(key)
        elif action == "copy" and isinstance(target, list):
            target.insert(key, target[key])
        elif action == "copy":
            target[f"{key}x"] = target[key]
    check_text(yaml.safe_dump(module, allow_unicode=True, sort_keys=False))


def duplicate_a_key(text: str, choice: int) -> str:
    """`text` with the `choice`-th 'key: value' line (modulo their number) written twice."""
    lines = text.split("\n")
    keyed = [i for i, line in enumerate(lines) if re.match(r"^\s*(- )?[a-z_]+:", line)]
    if not keyed:
        return text
    i = keyed[choice % len(keyed)]
    indent = re.match(r"^\s*(- )?", lines[i]).end()
    lines.insert(i + 1, " " * indent + lines[i][indent:])
    return "\n".join(lines)


# --- text mutations -------------------------------------------------------------------------------

@FUZZ
@given(seed=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_text_mutations_get_located_answers(seed, data):
    text = SEEDS[seed]
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        lines = text.split("\n")
        action = data.draw(
            st.sampled_from(["insert", "truncate", "indent", "tab", "repeat", "drop", "duplicate-key", "quote"]),
            label="action",
        )
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        if action == "insert":
            at_char = data.draw(st.integers(0, len(text)), label="position")
            text = text[:at_char] + data.draw(st.text(max_size=12), label="text") + text[at_char:]
        elif action == "truncate":
            text = text[: data.draw(st.integers(0, len(text)), label="length")]
        elif action == "indent":
            shift = data.draw(st.integers(-4, 4), label="shift")
            lines[i] = " " * shift + lines[i] if shift >= 0 else lines[i][-shift:]
            text = "\n".join(lines)
        elif action == "tab":
            lines[i] = "\t" + lines[i].lstrip(" ")
            text = "\n".join(lines)
        elif action == "repeat":
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        elif action == "drop":
            del lines[i]
            text = "\n".join(lines)
        elif action == "duplicate-key":
            text = duplicate_a_key(text, i)
        else:
            lines[i] = lines[i].replace(": ", ': "', 1)
            text = "\n".join(lines)
    check_text(text)


@FUZZ
@given(seed=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_random_bytes_get_located_answers(seed, data):
    raw = SEEDS[seed].encode("utf-8")
    at_byte = data.draw(st.integers(0, len(raw)), label="position")
    noise = data.draw(st.binary(min_size=1, max_size=16), label="bytes")
    check_text(raw[:at_byte] + noise + raw[at_byte:])


@FUZZ
@given(seed=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_a_renamed_key_is_reported_on_its_own_line(seed, data):
    lines = SEEDS[seed].split("\n")
    keyed = [i for i, line in enumerate(lines) if re.match(r"^\s*(- )?[a-z_]+:", line) and not line.lstrip().startswith("#")]
    i = data.draw(st.sampled_from(keyed), label="line")
    match = re.match(r"^(\s*(?:- )?)([a-z_]+):", lines[i])
    key = match.group(2)
    typo = data.draw(st.sampled_from([key + "x", key[:-1], key.upper(), "x" + key]), label="typo")
    lines[i] = match.group(1) + typo + lines[i][match.end(2) :]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "module.yaml"
        path.write_text("\n".join(lines), encoding="utf-8")
        result = check_module(path)
    assert result.module is None
    if key == "kind":  # without its kind a question is reported where it starts
        assert any(p.message == "de vraag heeft geen 'kind'" for p in result.problems)
    else:
        column = len(match.group(1)) + 1
        assert any(
            (p.line, p.column) == (i + 1, column) and p.message == f"onbekende sleutel '{typo}'" for p in result.problems
        ), result.problems


def test_the_command_never_prints_a_traceback(tmp_path):
    """A real `leermodules validate` process over a folder of randomly damaged modules."""
    rng = random.Random(20240611)
    for n in range(40):
        seed = SEEDS[sorted(SEEDS)[n % len(SEEDS)]].encode("utf-8")
        cut = rng.randrange(len(seed))
        damaged = seed[:cut] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8))) + seed[cut + rng.randrange(20) :]
        (tmp_path / f"m{n:02d}.yaml").write_bytes(damaged)
    result = subprocess.run(
        [sys.executable, "-m", "leermodules", "validate", str(tmp_path)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
    )
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode in (0, 1)
    assert result.stdout.startswith("40 modules gecontroleerd")
    for line in result.stderr.splitlines():
        assert LOCATED.match(line), line


@FUZZ
@given(seed=st.sampled_from(sorted(SEEDS)), data=st.data())
def test_one_wrong_value_gives_errors_on_its_own_line_and_nothing_else(seed, data):
    """No cascade: the checks that still run beside a type error must not report its consequences."""
    lines = SEEDS[seed].split("\n")
    scalar = re.compile(r"^(\s*(?:- )?)([a-z_]+): (?![|>])\S.*$")
    candidates = [i for i, line in enumerate(lines) if scalar.match(line)]
    i = data.draw(st.sampled_from(candidates), label="line")
    match = scalar.match(lines[i])
    lines[i] = f"{match.group(1)}{match.group(2)}: {{x: 1}}"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "module.yaml"
        path.write_text("\n".join(lines), encoding="utf-8")
        result = check_module(path)
    assert result.module is None
    assert result.problems
    assert [(p.line, p.severity) for p in result.problems] == [(i + 1, "error")] * len(result.problems), result.problems
