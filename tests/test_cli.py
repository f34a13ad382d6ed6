"""The `leermodules` command as a trainer uses it: exit codes, messages, files written."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine.loader import load_module

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "content" / "kennismaken" / "module.yaml"


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env_path = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "leermodules", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=120,  # a command that waits on a pipe fails the test instead of hanging it
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
    )


def no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


def test_validate_a_good_module(tmp_path):
    result = cli("validate", str(EXAMPLE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1 module gecontroleerd: in orde.\n"
    assert result.stderr == ""


def test_validate_reports_every_error_located_and_exits_1(tmp_path):
    bad = tmp_path / "kapot.yaml"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace("    title: Welkom\n", "    titel: Welkom\n").replace("pass_mark: 60", "pass_mark: 160"), encoding="utf-8")
    result = cli("validate", "kapot.yaml", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "kapot.yaml:19:5: onbekende sleutel 'titel'; bedoelde je 'title'?" in lines
    assert any(line.startswith("kapot.yaml:") and "slaaggrens 160 ligt niet tussen 0 en 100" in line for line in lines)
    assert result.stdout == "1 module gecontroleerd: 1 module met fouten (2 fouten).\n"
    no_traceback(result)


def test_validate_a_folder_checks_every_module_and_duplicate_ids(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "module.yaml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("validate", str(tmp_path))
    assert result.returncode == 1
    assert "module-id 'kennismaken' wordt ook gebruikt door" in result.stderr
    assert result.stdout.startswith("2 modules gecontroleerd: 1 module met fouten")


def test_strict_turns_warnings_into_errors(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "            feedback: Klopt. Er gaat niets verloren, ook niet als je stopt.\n", ""
    )
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    relaxed = cli("validate", "m.yaml", cwd=tmp_path)
    assert relaxed.returncode == 0
    assert "waarschuwing: antwoord zonder feedback" in relaxed.stderr
    assert relaxed.stdout == "1 module gecontroleerd: in orde, 1 waarschuwing.\n"
    strict = cli("validate", "--strict", "m.yaml", cwd=tmp_path)
    assert strict.returncode == 1


@pytest.mark.parametrize(
    "args, message",
    [
        (["validate", "bestaat-niet.yaml"], "leermodules: pad 'bestaat-niet.yaml' bestaat niet\n"),
        (["validate", "."], "leermodules: geen modulebestanden (.yaml) gevonden in '.'\n"),
    ],
)
def test_usage_errors_exit_2(tmp_path, args, message):
    result = cli(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == message


def test_unknown_command_and_option_exit_2_in_dutch():
    result = cli("valideer")
    assert result.returncode == 2
    assert "ongeldige keuze: 'valideer'" in result.stderr
    result = cli("validate", "--bogus")
    assert result.returncode == 2 and "onbekende argumenten: --bogus" in result.stderr


def test_help_and_version():
    result = cli("--help")
    assert result.returncode == 0
    assert "gebruik: leermodules" in result.stdout and "validate" in result.stdout and "export" in result.stdout
    for command in ("validate", "schema", "new", "run", "export"):
        sub = cli(command, "--help")
        assert sub.returncode == 0 and "opties:" in sub.stdout, command
    version = cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("leermodules ")


def test_schema_prints_json_schema_and_writes_a_file(tmp_path):
    result = cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert cli("schema", "--out", "s.json", cwd=tmp_path).returncode == 0
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == schema
    unwritable = cli("schema", "--out", str(tmp_path / "geen-map" / "s.json"))
    assert unwritable.returncode == 1 and "bestaat niet" in unwritable.stderr, unwritable.stderr
    assert "No such file" not in unwritable.stderr
    no_traceback(unwritable)
    again = cli("schema", "--out", "s.json", cwd=tmp_path)  # regenerating replaces the file
    assert again.returncode == 0


def test_new_makes_a_valid_module_showing_every_kind(tmp_path):
    result = cli("new", "signalen-lvb", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "signalen-lvb" / "module.yaml"
    assert "leermodules validate signalen-lvb" in result.stdout
    check = cli("validate", "signalen-lvb", cwd=tmp_path)
    assert check.returncode == 0 and check.stderr == "", check.stderr
    module = load_module(path)
    assert module.id == "signalen-lvb"
    assert {q.kind for q in module.all_questions()} == {
        "single", "multiple", "true_false", "order", "match", "text", "scenario", "likert", "reflection"
    }
    again = cli("new", "signalen-lvb", cwd=tmp_path)
    assert again.returncode == 2 and "bestaat al" in again.stderr


def test_new_links_the_module_to_a_schema_beside_it_for_the_editor(tmp_path):
    result = cli("new", "signalen-lvb", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    first = (tmp_path / "signalen-lvb" / "module.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../module.schema.json"
    schema = tmp_path / "module.schema.json"  # where that line points
    assert schema.read_text(encoding="utf-8") == cli("schema").stdout
    assert f"{schema.name}" in result.stdout
    # an outdated schema of ours is brought up to date; someone else's file is left alone
    schema.write_text('{"$id": "https://leermodules.invalid/module.schema.json"}', encoding="utf-8")
    assert cli("new", "tweede", cwd=tmp_path).returncode == 0
    assert schema.read_text(encoding="utf-8") == cli("schema").stdout
    schema.write_text("{}", encoding="utf-8")
    third = cli("new", "derde", cwd=tmp_path)
    assert third.returncode == 0 and "module.schema.json" not in third.stdout
    assert schema.read_text(encoding="utf-8") == "{}"


def test_new_refuses_a_bad_id_and_suggests_one(tmp_path):
    result = cli("new", "Signalen LVB", cwd=tmp_path)
    assert result.returncode == 2
    assert "bijvoorbeeld 'signalen-lvb'" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_new_refuses_a_missing_target_folder(tmp_path):
    result = cli("new", "x", "--dir", "bestaat-niet", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "leermodules: map 'bestaat-niet' bestaat niet; maak die eerst of kies een andere met --dir\n"
    assert list(tmp_path.iterdir()) == []


def test_a_pipe_or_device_given_as_a_module_is_refused_without_reading_it(tmp_path):
    os.mkfifo(tmp_path / "module.yaml")  # reading would wait for a writer forever
    for command in (("validate",), ("export", "--out", "uit")):
        result = cli(*command, "module.yaml", cwd=tmp_path)
        no_traceback(result)
        assert result.returncode == 2
        assert "'module.yaml' is geen gewoon bestand of map" in result.stderr
    result = cli("validate", "/dev/zero", cwd=tmp_path)
    assert result.returncode == 2 and "geen gewoon bestand" in result.stderr


def test_new_says_in_dutch_why_a_folder_cannot_be_made(tmp_path):
    # /proc takes no new folders; the reason comes in Dutch, and it is not a usage error.
    result = cli("new", "x", "--dir", "/proc", cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 1
    assert "kan '/proc/x" in result.stderr and "No such file" not in result.stderr
    assert "bestaat niet" in result.stderr


# --- validate --format json / github: for other programs and for GitHub Actions


def _module_with_an_error_and_a_warning(tmp_path: Path) -> None:
    """m.yaml has an error (so it is not checked further); w.yaml (id 'w') only a warning."""
    text = EXAMPLE.read_text(encoding="utf-8")
    (tmp_path / "m.yaml").write_text(text.replace("    title: Welkom\n", "    titel: Welkom\n"), encoding="utf-8")
    warned = text.replace("            feedback: Klopt. Er gaat niets verloren, ook niet als je stopt.\n", "")
    (tmp_path / "w.yaml").write_text(warned.replace("id: kennismaken", "id: w"), encoding="utf-8")


def test_validate_json_has_the_documented_shape(tmp_path):
    _module_with_an_error_and_a_warning(tmp_path)
    result = cli("validate", "--format", "json", "m.yaml", "w.yaml", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr == ""
    report = json.loads(result.stdout)
    assert set(report) == {"modules", "errors", "warnings"}
    assert (report["errors"], report["warnings"]) == (1, 1)
    bad, warned = report["modules"]
    assert bad == {
        "path": "m.yaml",
        "id": None,
        "ok": False,
        "problems": [{"line": 19, "column": 5, "severity": "error", "message": "onbekende sleutel 'titel'", "hint": "bedoelde je 'title'?"}],
    }
    assert (warned["path"], warned["id"], warned["ok"]) == ("w.yaml", "w", True)
    (warning,) = warned["problems"]
    assert warning["severity"] == "warning" and warning["message"].startswith("antwoord zonder feedback")
    assert set(warning) == {"line", "column", "severity", "message", "hint"}


def test_validate_json_with_strict_marks_a_module_with_warnings_not_ok(tmp_path):
    (tmp_path / "m.yaml").write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("            feedback: Klopt. Er gaat niets verloren, ook niet als je stopt.\n", ""),
        encoding="utf-8",
    )
    relaxed = json.loads(cli("validate", "--format", "json", "m.yaml", cwd=tmp_path).stdout)
    strict = cli("validate", "--strict", "--format", "json", "m.yaml", cwd=tmp_path)
    assert relaxed["modules"][0]["ok"] is True and relaxed["modules"][0]["id"] == "kennismaken"
    assert strict.returncode == 1 and json.loads(strict.stdout)["modules"][0]["ok"] is False


def test_validate_github_prints_annotations_github_shows_at_the_line(tmp_path):
    _module_with_an_error_and_a_warning(tmp_path)
    result = cli("validate", "--format", "github", "m.yaml", "w.yaml", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert "::error file=m.yaml,line=19,col=5::onbekende sleutel 'titel'; bedoelde je 'title'?" in lines
    assert any(line.startswith("::warning file=w.yaml,line=") and "antwoord zonder feedback" in line for line in lines)
    assert lines[-1] == "2 modules gecontroleerd: 1 module met fouten (1 fout), 1 waarschuwing."


def test_github_annotations_escape_what_github_would_read_as_syntax():
    from engine.diagnostics import Problem
    from leermodules.commands.validate import github_annotation

    problem = Problem("map,1/a:b%.yaml", 3, 4, "100% fout\nregel 2\r", "zo: zo, zo", "warning")
    assert github_annotation(problem) == "::warning file=map%2C1/a%3Ab%25.yaml,line=3,col=4::100%25 fout%0Aregel 2%0D; zo: zo, zo"


def test_validate_default_format_is_still_text(tmp_path):
    _module_with_an_error_and_a_warning(tmp_path)
    default = cli("validate", "m.yaml", "w.yaml", cwd=tmp_path)
    assert default.stdout == cli("validate", "--format", "text", "m.yaml", "w.yaml", cwd=tmp_path).stdout
    assert "m.yaml:19:5: onbekende sleutel 'titel'; bedoelde je 'title'?" in default.stderr.splitlines()
    wrong = cli("validate", "--format", "xml", "m.yaml", cwd=tmp_path)
    assert wrong.returncode == 2 and "ongeldige keuze: 'xml'" in wrong.stderr


def test_the_summary_lines_quoted_in_the_authors_guide_are_real_ones():
    from leermodules.strings import validate_summary

    guide = (ROOT / "docs" / "auteurshandleiding.md").read_text(encoding="utf-8")
    quoted = re.findall(r"`(\d+ modules? gecontroleerd: [^`]+)`", guide)
    assert len(quoted) >= 3
    real = {
        validate_summary(files, valid, errors, warnings)
        for files in range(1, 4)
        for valid in range(files + 1)
        for errors in range(0 if valid == files else 1, 4)
        for warnings in range(3)
    }
    assert [q for q in quoted if q not in real] == []
