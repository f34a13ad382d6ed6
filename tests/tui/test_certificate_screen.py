"""The certificate from the app: `c` on a passed module asks the name once, writes the page where
the learner says, and keeps the name; a module not passed offers no `c`."""

from __future__ import annotations

from tui_paths import FIXTURES

from leermodules.tui.screens.certificate import CertificateScreen
from leermodules.tui.screens.module import ModuleScreen
from leermodules.tui.screens.results import ResultsScreen
from leermodules.tui.session import ModuleSession

SIZE = (80, 24)
HERVATTEN = FIXTURES / "hervatten.yaml"


def take_toets(app, answers: dict) -> None:
    session: ModuleSession = app.session("hervatten")
    attempt = session.start_attempt()
    for question_id in attempt.questions:
        session.answer_attempt(question_id, answers[question_id])
    session.submit()


def key_bar(app) -> str:
    return str(app.screen.query_one("KeyBar").render())


async def test_c_writes_the_certificate_and_keeps_the_name(app_for, store, tmp_path):
    app = app_for(HERVATTEN, resume=False)
    app.export_folder = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        take_toets(app, {"een": 0, "twee": False, "drie": 0})
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen) and "c Certificaat" in key_bar(app)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CertificateScreen)
        assert app.screen.focused.id == "cert-name"  # no name yet: asked first
        await pilot.press(*"Sanne <Jansen>", "enter")
        await pilot.pause()
        summary = str(app.screen.query_one("#certificate-summary").render())
        assert "Certificaat voor Sanne <Jansen>: Hervatten na een storing (versie 1.0.0)" in summary and "100%" in summary
        await pilot.press("enter")  # in the file field: write
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen)
        page = (tmp_path / "certificaat-hervatten.html").read_text(encoding="utf-8")
        assert '<p class="name">Sanne &lt;Jansen&gt;</p>' in page
        assert store.learner_name() == "Sanne <Jansen>"

        app.show_results(app.session("hervatten"))  # the results screen offers it too, the name filled in
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen) and "c Certificaat" in key_bar(app)
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.focused.id == "cert-path"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("j")  # the file exists: replace it
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


async def test_no_certificate_before_the_toets_is_passed(app_for, tmp_path):
    app = app_for(HERVATTEN, resume=False)
    app.export_folder = tmp_path
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        take_toets(app, {"een": 1, "twee": True, "drie": 1})
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen) and "Certificaat" not in key_bar(app)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ModuleScreen)
        assert not list(tmp_path.glob("*.html"))
