"""The completion certificate: a printable HTML page with the learner's name, the module, its
version, the day the toets was passed, the best score and the study time; escaped; refused (nothing
written) for a module that was not passed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from engine.loader import load_module
from engine.store import ProgressStore
from leermodules import locations
from leermodules.certificate import NotPassed, certificate_for, render_html
from leermodules.cli import main
from leermodules.tui.session import ModuleSession

HERVATTEN = Path(__file__).parent / "tui" / "fixtures" / "hervatten.yaml"
RIGHT = {"een": 0, "twee": False, "drie": 0}
WRONG = {"een": 1, "twee": True, "drie": 1}


def take_toets(data: Path, answers: dict) -> ProgressStore:
    module = load_module(HERVATTEN)
    store = ProgressStore.open(locations.store_path(data))
    session = ModuleSession(module, store, lambda: 5)
    attempt = session.start_attempt()
    for question_id in attempt.questions:
        session.answer_attempt(question_id, answers[question_id])
    session.submit()
    return store


def test_the_page_names_the_learner_module_version_day_score_and_minutes_escaped(tmp_path):
    store = take_toets(tmp_path, RIGHT)
    certificate = certificate_for(store, load_module(HERVATTEN), "Sanne <b>de Vries</b> & co")
    page = render_html(certificate)
    store.close()
    assert certificate.passed_on == date.today() and certificate.score == 100.0
    assert "Sanne &lt;b&gt;de Vries&lt;/b&gt; &amp; co" in page and "<b>de Vries" not in page
    assert '<p class="module">Hervatten na een storing</p>' in page
    assert '<dd class="version">1.0.0</dd>' in page
    assert '<dd class="score">100% (50% nodig om te slagen)</dd>' in page
    assert '<dd class="minutes">5 minuten</dd>' in page
    months = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")
    today = date.today()
    assert f'<dd class="date">{today.day} {months[today.month - 1]} {today.year}</dd>' in page
    assert "@media print" in page and 'lang="nl"' in page


def test_a_module_not_passed_gets_no_certificate(tmp_path):
    store = take_toets(tmp_path, WRONG)
    with pytest.raises(NotPassed, match="nog niet gehaald"):
        certificate_for(store, load_module(HERVATTEN), "Sanne")
    store.close()


def test_the_command_writes_the_page_and_keeps_the_name_for_next_time(tmp_path, capsys):
    take_toets(tmp_path / "data", RIGHT).close()
    out = tmp_path / "certificaat.html"
    code = main(["--data-dir", str(tmp_path / "data"), "certificaat", str(HERVATTEN), "--out", str(out), "--name", "Sanne Jansen"])
    assert code == 0, capsys.readouterr().err
    assert "Certificaat voor Sanne Jansen" in capsys.readouterr().out
    assert '<p class="name">Sanne Jansen</p>' in out.read_text(encoding="utf-8")

    again = tmp_path / "opnieuw.html"
    assert main(["--data-dir", str(tmp_path / "data"), "certificaat", str(HERVATTEN), "--out", str(again)]) == 0
    assert '<p class="name">Sanne Jansen</p>' in again.read_text(encoding="utf-8")
    # an existing file is not replaced unless asked
    assert main(["--data-dir", str(tmp_path / "data"), "certificaat", str(HERVATTEN), "--out", str(again)]) == 1
    assert "bestaat al" in capsys.readouterr().err


def test_the_command_refuses_a_module_not_passed_and_writes_nothing(tmp_path, capsys):
    take_toets(tmp_path / "data", WRONG).close()
    out = tmp_path / "certificaat.html"
    code = main(["--data-dir", str(tmp_path / "data"), "certificaat", str(HERVATTEN), "--out", str(out), "--name", "Sanne"])
    err = capsys.readouterr().err
    assert code == 1 and not out.exists()
    assert "je hebt de toets van 'Hervatten na een storing' nog niet gehaald" in err


def test_the_command_asks_for_a_name_once_and_names_unknown_modules(tmp_path, capsys):
    take_toets(tmp_path / "data", RIGHT).close()
    out = tmp_path / "c.html"
    assert main(["--data-dir", str(tmp_path / "data"), "certificaat", str(HERVATTEN), "--out", str(out)]) == 2
    assert "--name" in capsys.readouterr().err and not out.exists()
    assert main(["--data-dir", str(tmp_path / "data"), "certificaat", "bestaat-niet", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "er is geen module 'bestaat-niet'" in err and "veiligheid" in err
