"""`team --lrs URL --groep NAAM`: the same teamschouw as from the members' results files."""

from __future__ import annotations

import pytest

from leermodules.commands import team as team_command
from tests.lrs.learners import Learner

NAMES = ["Ahmed", "Bram", "Fleur", "Sanne"]


def test_the_teamschouw_from_the_lrs_equals_the_one_from_results_files(tmp_path, ralph, monkeypatch):
    files = []
    for seed, name in enumerate(NAMES):
        learner = Learner(tmp_path / name, name)
        learner.work(seed, modules=2 + seed % 3)
        assert learner.run("lrs", "koppel", ralph.endpoint, "--naam", name, "--groep", "wijkteam-noord", "--ook-eerder")[0] == 0
        assert learner.run("lrs", "verstuur")[0] == 0
        out = tmp_path / f"{name}.json"
        assert learner.run("results", "export", "--out", str(out), "--name", name)[0] == 0
        files.append(str(out))
    other = Learner(tmp_path / "zuid", "Zoë")  # another team in the same LRS
    other.work(9)
    assert other.run("lrs", "koppel", ralph.endpoint, "--naam", "Zoë", "--groep", "wijkteam-zuid", "--ook-eerder")[0] == 0
    assert other.run("lrs", "verstuur")[0] == 0

    code, from_files, err = other.run("team", *files)
    assert code == 0, err
    monkeypatch.setattr(team_command, "PAGE", 7)  # small pages: the query follows the LRS's `more` links
    code, from_lrs, err = other.run("team", "--lrs", ralph.endpoint, "--groep", "wijkteam-noord")
    assert code == 0, err
    assert from_lrs == from_files
    assert "Teamschouw van 4 collega's" in from_lrs and "Zoë" not in from_lrs


def test_a_group_nobody_linked_with_is_told(tmp_path, ralph):
    learner = Learner(tmp_path / "sanne", "Sanne")
    code, out, err = learner.run("team", "--lrs", ralph.endpoint, "--groep", "bestaat-niet")
    assert code == 1 and "niets van groep 'bestaat-niet'" in err and out == ""


NOWHERE = "http://127.0.0.1:9/xAPI/"


@pytest.mark.parametrize("args", [["--lrs", NOWHERE], ["a.json", "--lrs", NOWHERE, "--groep", "x"], []])
def test_team_needs_files_or_an_lrs_with_a_group(tmp_path, args):
    code, _, err = Learner(tmp_path, "x").run("team", *args)
    assert code == 2 and "--groep" in err
