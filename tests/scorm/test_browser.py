"""The packages in a real browser (Debian's chromium, driven by Playwright), with scorm-again as
the LMS: for every shipped module in both SCORM versions, a learner who answers everything right
passes with 100%, one who answers everything wrong fails, one who stops halfway finds everything
back on relaunch; scorm-again reports no error; every answered assessment question is an
interaction with values the version's data model allows. axe-core checks the pages (WCAG 2.1 A
and AA). No request leaves the package."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
import zipfile
from pathlib import Path

import pytest

from engine.codec import decode
from engine.draw import display_order, draw_questions
from engine.progress import ASSESSMENT, Status, attempt_result, status
from scorm import FORMATS, export_module
from scorm_driver import Learner, right, wrong
from scorm_interactions import check_interactions
from scorm_support import BROWSER, CHROMIUM, NODE_MODULES, SHIPPED

VERSIONS = ["scorm12", "scorm2004"]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RUNTIME = {"scorm12": "scorm12.min.js", "scorm2004": "scorm2004.min.js"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A local web server on 127.0.0.1 serving one folder per package."""
    root = tmp_path_factory.mktemp("site")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() or not (NODE_MODULES / "scorm-again").is_dir():
        yield None  # the needs_browser fixture skips (or fails under CI) with the reason
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def install(site, shipped, version: str) -> str:
    """Export the module, unpack it beside a stand-in LMS page; return the page's address."""
    root, base = site
    folder = root / f"{shipped.id}-{version}"
    if not folder.exists():
        package = export_module(shipped.module, shipped.path, FORMATS[version], root / "zips")
        folder.mkdir()
        with zipfile.ZipFile(package) as archive:
            archive.extractall(folder / "sco")
        shutil.copy(BROWSER / "lms.html", folder / "lms.html")
        shutil.copy(BROWSER / "lms.js", folder / "lms.js")
        shutil.copy(NODE_MODULES / "scorm-again" / "dist" / RUNTIME[version], folder / "runtime.js")
    return f"{base}/{shipped.id}-{version}/lms.html?v={version}"


class Session:
    """One launch of a package in the stand-in LMS."""

    def __init__(self, browser, url: str, stored: dict | None = None, launch: dict | None = None, width: int = 1000):
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.set_default_timeout(5000)
        self.outside: list[str] = []
        self.console_errors: list[str] = []
        origin = url.split("/", 3)[:3]
        allowed = "/".join(origin)
        self.page.route("**/*", self._route(allowed))
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        script = ""
        if stored is not None:
            script += f"window.__stored = {json.dumps(stored)};"
        if launch:
            script += f"window.__launch = {json.dumps(launch)};"
        if script:
            self.page.add_init_script(script)
        self.page.goto(url)
        self.frame = self.page.frame_locator("iframe")
        self.page.wait_for_function("document.querySelector('iframe') && document.querySelector('iframe').contentWindow.LM && document.querySelector('iframe').contentWindow.LM.state")
        self.sco = self.page.frames[1]

    def _route(self, allowed: str):
        def handle(route):
            url = route.request.url
            if url.startswith(allowed) or url.startswith("about:") or url.startswith("data:"):
                route.continue_()
            else:
                self.outside.append(url)
                route.abort()

        return handle

    def lms(self, expression: str):
        return self.page.evaluate(f"window.__lms.{expression}")

    def cmi(self) -> dict:
        return json.loads(self.page.evaluate("window.__lms.cmi()"))["cmi"]

    def stop(self) -> dict:
        """The learner closes the module: the frame unloads; return the data as the LMS kept it."""
        self.page.evaluate("document.querySelector('iframe').src = 'about:blank'")
        self.page.wait_for_function("window.__lms.finished")
        return json.loads(self.lms("final"))["cmi"]

    def close(self) -> None:
        self.page.close()


def kept_by_lms(cmi: dict, version: str) -> dict:
    """What an LMS hands back on relaunch after a suspended session."""
    if version == "scorm12":
        core = cmi["core"]
        return {
            "suspend_data": cmi["suspend_data"],
            "core": {"lesson_location": core["lesson_location"], "lesson_status": core["lesson_status"], "score": core["score"]},
        }
    return {
        "suspend_data": cmi["suspend_data"],
        "location": cmi["location"],
        "completion_status": cmi["completion_status"],
        "success_status": cmi["success_status"],
        "score": cmi["score"],
    }


def lms_outcome(cmi: dict, version: str) -> tuple[str, float | None]:
    if version == "scorm12":
        raw = cmi["core"]["score"]["raw"]
        return cmi["core"]["lesson_status"], float(raw) if raw != "" else None
    raw = cmi["score"]["raw"]
    return cmi["success_status"], float(raw) if raw != "" else None


def assert_clean(session: Session) -> None:
    assert session.lms("errors") == [], "scorm-again reported API errors"
    problems = [m for m in session.lms("messages") if m[0] in ("4", "ERROR", "3", "WARN")]
    assert problems == [], problems
    assert session.outside == [], "requests left the package"
    assert session.console_errors == []


def interactions_of(cmi: dict) -> list[dict]:
    found = cmi.get("interactions") or {}
    items = found.get("childArray") if isinstance(found, dict) and "childArray" in found else found
    if isinstance(items, dict):
        return [items[k] for k in sorted(items, key=int)]
    return list(items or [])


@pytest.mark.parametrize("version", VERSIONS)
def test_all_right_passes_with_full_marks(needs_browser, browser, site, shipped_module, version):
    module = shipped_module.module
    session = Session(browser, install(site, shipped_module, version))
    learner = Learner(session.sco, module)
    learner.do_pages(right)
    asked = learner.attempt(right) if module.assessment else []
    cmi = session.stop()
    progress = decode(cmi["suspend_data"], module)
    lms_status, score = lms_outcome(cmi, version)
    if module.assessment:
        assert status(progress, module) is Status.PASSED
        assert progress.attempts[-1].score == 100
        assert (lms_status, score) == ("passed", 100.0)
        if version == "scorm2004":
            assert cmi["completion_status"] == "completed"
            assert float(cmi["score"]["scaled"]) == 1
        check_interactions(interactions_of(cmi), module, version, asked, attempt=1)
        # the questions asked, in the order asked, are the engine's draw for the attempt's seed
        assert asked == draw_questions(module.assessment, progress.attempts[-1].seed)
    else:
        assert status(progress, module) is Status.COMPLETED
        assert lms_status == "completed" if version == "scorm12" else cmi["completion_status"] == "completed"
    assert_clean(session)
    session.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_all_wrong_fails(needs_browser, browser, site, failable_module, version):
    shipped_module = failable_module
    module = shipped_module.module
    session = Session(browser, install(site, shipped_module, version))
    learner = Learner(session.sco, module)
    learner.do_pages(wrong)
    asked = learner.attempt(wrong)
    cmi = session.stop()
    progress = decode(cmi["suspend_data"], module)
    result = attempt_result(module, progress.attempts[-1])
    assert not result.passed
    lms_status, score = lms_outcome(cmi, version)
    assert lms_status == "failed"
    assert score == pytest.approx(result.percent)
    if version == "scorm2004":
        assert cmi["completion_status"] == "completed"  # done, though not passed
    check_interactions(interactions_of(cmi), module, version, asked, attempt=1)
    assert_clean(session)
    session.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_stopping_halfway_resumes_with_answers_kept(needs_browser, browser, site, shipped_module, version):
    module = shipped_module.module
    url = install(site, shipped_module, version)
    first = Session(browser, url)
    learner = Learner(first.sco, module)
    half = max(1, len(module.pages) // 2)
    if module.assessment:
        learner.do_pages(right)
        drawn = module.assessment.draw or len(module.assessment.questions)
        asked = learner.attempt(right, stop_after=max(1, drawn // 2))
    else:
        learner.do_pages(right, upto=half)
        asked = []
    where = first.sco.evaluate("document.querySelector('section.pagina:not([hidden])').id")
    kept = first.stop()
    assert kept["core"]["exit"] == "suspend" if version == "scorm12" else kept["exit"] == "suspend"
    assert_clean(first)
    first.close()

    again = Session(browser, url, stored=kept_by_lms(kept, version))
    sco = again.sco
    assert sco.evaluate("document.querySelector('section.pagina:not([hidden])').id") == where
    learner = Learner(sco, module)
    if module.assessment:
        # the question the learner was on is shown again, with the answer they gave
        current = learner.current_question()
        assert current.id == asked[-1]
        assert answer_shown(sco, current) == normalised(current, right(current))
        rest = learner.attempt(right)
        cmi = again.stop()
        progress = decode(cmi["suspend_data"], module)
        assert status(progress, module) is Status.PASSED and progress.attempts[-1].score == 100
        assert len(progress.attempts) == 1, "resuming must not start a new attempt"
        assert set(asked) | set(rest) == set(progress.attempts[-1].questions)
    else:
        for page in module.pages[:half]:
            for question in page.questions:
                assert answer_shown(sco, question) == normalised(question, right(question)), question.id
        cmi = again.stop()
        progress = decode(cmi["suspend_data"], module)
        assert {p.id for p in module.pages[:half]} <= progress.pages_done
    assert progress.location in ({p.id for p in module.pages} | {ASSESSMENT})
    assert_clean(again)
    again.close()


def normalised(question, response):
    return sorted(response) if question.kind == "multiple" else response


def answer_shown(frame, question):
    """The answer the page shows for `question`, read from the form as a learner sees it."""
    base = f"#v-{question.id}"
    kind = question.kind
    checked = frame.eval_on_selector_all(f"{base} fieldset input:checked", "els => els.map(e => e.value)")
    if kind in ("single", "likert"):
        return int(checked[0]) if checked else None
    if kind == "multiple":
        return sorted(int(v) for v in checked)
    if kind == "true_false":
        return checked[0] == "1" if checked else None
    if kind == "order":
        return frame.eval_on_selector_all(f"{base} .volgorde li", "els => els.map(e => +e.dataset.i)")
    if kind == "match":
        return frame.eval_on_selector_all(f"{base} select", "els => els.map(e => +e.value)")
    if kind in ("text", "reflection"):
        return frame.input_value(f"{base}-in")
    if kind == "scenario":
        return [int(v) for v in checked]
    raise AssertionError(kind)


# --- no tracking where the LMS says so -------------------------------------------------------

@pytest.mark.parametrize("version", VERSIONS)
def test_review_mode_stores_nothing(needs_browser, browser, site, version):
    shipped = next(s for s in SHIPPED if s.module.assessment)
    session = Session(browser, install(site, shipped, version), launch={"mode": "review"})
    assert "zonder dat je voortgang wordt bewaard" in session.sco.inner_text("#omgeving")
    Learner(session.sco, shipped.module).do_pages(right, upto=1)
    session.stop()
    sets = [c for c in session.lms("calls") if c[0] in ("LMSSetValue", "SetValue")]
    assert sets == []
    session.close()


# --- accessibility ---------------------------------------------------------------------------

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(frame) -> list[str]:
    if not frame.evaluate("typeof window.axe !== 'undefined'"):
        frame.add_script_tag(path=str(NODE_MODULES / "axe-core" / "axe.min.js"))
    result = frame.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', ')))",
        AXE_TAGS,
    )
    return result


@pytest.mark.parametrize("width", [375, 1200])
def test_pages_have_no_wcag_violations(needs_browser, browser, site, shipped_module, width):
    module = shipped_module.module
    session = Session(browser, install(site, shipped_module, "scorm12"), width=width)
    frame, learner = session.sco, Learner(session.sco, module)
    found: dict[str, list[str]] = {}
    for page in module.pages:
        for question in page.questions:
            learner.answer(question, wrong(question))  # feedback shown, including the right answer
        found[page.id] = axe_violations(frame)
        learner.next_page()
    if module.assessment:
        frame.click("#toets-begin")
        found["toets-vraag"] = axe_violations(frame)
        learner.attempt(right)
        found["toets-uitslag"] = axe_violations(frame)
    frame.click("#menuknop")
    found["menu"] = axe_violations(frame)
    assert {k: v for k, v in found.items() if v} == {}
    if width == 375:
        overflow = frame.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, "the page scrolls sideways on a 375px phone"
    session.close()


# --- an LMS that refuses, commits, orders -----------------------------------------------------

@pytest.mark.parametrize("version", VERSIONS)
def test_refused_calls_are_told_and_nothing_is_lost(needs_browser, browser, site, version):
    shipped = next(s for s in SHIPPED if any(p.questions for p in s.module.pages))
    module = shipped.module
    session = Session(browser, install(site, shipped, version))
    frame, learner = session.sco, Learner(session.sco, module)
    page_index, page = next((i, p) for i, p in enumerate(module.pages) if p.questions)
    for _ in range(page_index):
        learner.next_page()
    session.page.evaluate("window.__lms.refuse = true")
    question = page.questions[0]
    learner.answer(question, right(question))
    alert = frame.locator("#melding")
    alert.wait_for(state="visible")
    assert "niet aangenomen" in alert.inner_text() and "101" in alert.inner_text()
    session.page.evaluate("window.__lms.refuse = false")
    learner.next_page()  # the next step sends everything again
    alert.wait_for(state="hidden")
    cmi = session.stop()
    progress = decode(cmi["suspend_data"], module)
    assert progress.practice[question.id] == normalised(question, right(question))
    session.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_each_answer_is_committed_without_waiting_for_the_end(needs_browser, browser, site, version):
    shipped = next(s for s in SHIPPED if any(p.questions for p in s.module.pages))
    session = Session(browser, install(site, shipped, version))
    learner = Learner(session.sco, shipped.module)
    page_index, page = next((i, p) for i, p in enumerate(shipped.module.pages) if p.questions)
    for _ in range(page_index):
        learner.next_page()
    question = page.questions[0]
    learner.answer(question, right(question))
    index = [q.id for q in shipped.module.all_questions()].index(question.id)
    # a commit carrying the answer arrives on its own, while the module stays open
    session.page.wait_for_function(
        "i => window.__lms.commits.some(c => { const d = JSON.parse(c).cmi.suspend_data; return d && (JSON.parse(d).p || []).some(p => p[0] === i); })",
        arg=index,
    )
    assert not session.lms("finished")
    # hiding the page (switching tabs, locking a phone) commits at once
    before = len(session.lms("commits"))
    session.sco.evaluate("Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true}); document.dispatchEvent(new Event('visibilitychange'))")
    assert len(session.lms("commits")) == before + 1
    session.close()


def test_practice_and_attempt_orders_are_the_engines(needs_browser, browser, site):
    shipped = next(s for s in SHIPPED if s.id == "kennismaken")
    module = shipped.module
    session = Session(browser, install(site, shipped, "scorm12"))
    frame, learner = session.sco, Learner(session.sco, module)
    index = {q.id: i for i, q in enumerate(module.all_questions())}

    def shown(question):
        selector = {"single": ".opties .optie", "multiple": ".opties .optie", "order": ".volgorde li"}.get(question.kind)
        if selector:
            return frame.eval_on_selector_all(f"#v-{question.id} {selector}", "els => els.map(e => +e.dataset.i)")
        if question.kind == "match":
            return frame.eval_on_selector_all(f"#v-{question.id}-0 option", "els => els.slice(1).map(e => +e.value)")
        return None

    for page in module.pages:
        for question in page.questions:
            if shown(question) is not None:
                assert shown(question) == display_order(question, 0, index[question.id]), question.id
        learner.next_page()
    frame.click("#toets-begin")
    seed = json.loads(session.cmi()["suspend_data"])["c"][0]
    for position, qid in enumerate(draw_questions(module.assessment, seed)):
        question = module.question(qid)
        assert learner.current_question().id == qid
        if shown(question) is not None:
            assert shown(question) == display_order(question, seed, position, module.assessment.shuffle), qid
        if position < len(draw_questions(module.assessment, seed)) - 1:
            frame.click("#vraag-volgende")
    session.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_without_credit_stores_nothing(needs_browser, browser, site, version):
    shipped = next(s for s in SHIPPED if s.module.assessment)
    session = Session(browser, install(site, shipped, version), launch={"credit": "no-credit"})
    Learner(session.sco, shipped.module).do_pages(right, upto=1)
    session.stop()
    assert [c for c in session.lms("calls") if c[0] in ("LMSSetValue", "SetValue")] == []
    session.close()


def test_html_preview_keeps_progress_in_the_browser(needs_browser, browser, tmp_path):
    from scorm_support import SHIPPED as modules

    shipped = next(s for s in modules if any(p.questions for p in s.module.pages))
    folder = export_module(shipped.module, shipped.path, FORMATS["html"], tmp_path)
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.set_default_timeout(5000)
    outside: list[str] = []
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else (outside.append(r.request.url), r.abort()))
    page.goto((folder / "index.html").as_uri())
    assert "Voorvertoning" in page.inner_text("#omgeving")
    learner = Learner(page.main_frame, shipped.module)
    page_index, with_questions = next((i, p) for i, p in enumerate(shipped.module.pages) if p.questions)
    for _ in range(page_index):
        learner.next_page()
    question = with_questions.questions[0]
    learner.answer(question, right(question))
    page.reload()
    assert page.evaluate("document.querySelector('section.pagina:not([hidden])').id") == f"p-{with_questions.id}"
    assert answer_shown(page.main_frame, question) == normalised(question, right(question))
    assert outside == []
    context.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_a_refused_start_is_told_and_progress_kept_in_the_browser(needs_browser, browser, site, version):
    shipped = next(s for s in SHIPPED if any(p.questions for p in s.module.pages))
    session = Session(browser, install(site, shipped, version), launch={"failInit": True})
    alert = session.sco.locator("#melding")
    assert alert.is_visible() and "geen verbinding met de leeromgeving" in alert.inner_text()
    learner = Learner(session.sco, shipped.module)
    learner.next_page()
    stored = session.sco.evaluate(f"localStorage.getItem('leermodules:{shipped.id}')")
    assert decode(stored, shipped.module).location == shipped.module.pages[1].id
    session.close()


# --- feedback after handing in: what the page shows is what is kept ---------------------------

CLEARING_MODULE = """\
id: wissen
title: Een antwoord weer wissen
summary: Een toets waarin je de feedback pas na het inleveren ziet.
version: 1.0.0
minutes: 5
pages:
  - id: start
    title: Start
    body: Hierna volgt de toets.
assessment:
  pass_mark: 50
  feedback: after_submit
  questions:
    - id: stad
      kind: text
      prompt: In welke stad staat de Domtoren?
      accepted: [Utrecht]
    - id: kleuren
      kind: multiple
      prompt: Welke kleuren heeft de Nederlandse vlag?
      options:
        - text: Rood
          correct: true
        - text: Wit
          correct: true
        - text: Groen
    - id: koppels
      kind: match
      prompt: Koppel de stad aan de provincie.
      pairs:
        - left: Zwolle
          right: Overijssel
        - left: Assen
          right: Drenthe
    - id: blijft
      kind: text
      prompt: Wat is de hoofdstad van Friesland?
      accepted: [Leeuwarden]
    - id: volgorde
      kind: order
      prompt: Zet de dagen in de goede volgorde.
      items:
        - text: Maandag
        - text: Dinsdag
        - text: Woensdag
"""


def cleared(learner: Learner, question) -> None:
    """The learner takes their answer back: empties the box, unticks every box, unpicks every pair."""
    if question.kind == "text":
        learner.frame.fill(f"#v-{question.id}-in", "")
    elif question.kind == "multiple":
        for i in range(len(question.options)):
            learner.frame.set_checked(f"#v-{question.id}-{i}", False)
    elif question.kind == "match":
        for pair in range(len(question.pairs)):
            learner.frame.select_option(f"#v-{question.id}-{pair}", "-1")


@pytest.mark.parametrize("version", VERSIONS)
def test_a_cleared_answer_is_no_answer_any_more(needs_browser, browser, site, tmp_path, version):
    """With feedback after handing in, every change is kept as it is made; taking an answer back
    leaves the question unanswered, and an order shown just right can be kept with a button."""
    from engine.loader import load_module
    from scorm_support import Shipped

    (tmp_path / "wissen").mkdir()
    path = tmp_path / "wissen" / "module.yaml"
    path.write_text(CLEARING_MODULE, encoding="utf-8")
    shipped = Shipped(load_module(path), path)
    module = shipped.module
    url = install(site, shipped, version)

    first = Session(browser, url)
    sco = first.sco
    learner = Learner(sco, module)
    learner.do_pages(right)
    sco.click("#toets-begin")
    taken_back, kept_order = set(), None
    for position in range(len(module.assessment.questions)):
        question = learner.current_question()
        if question.kind == "order":
            # nothing moved: the order as shown is the answer once the learner keeps it
            kept_order = learner.order_now(question)
            button = sco.locator(f"#v-{question.id} .controleer")
            assert button.inner_text() == "Bewaar deze volgorde"
            button.click()
            assert sco.inner_text(f"#v-{question.id} .feedback") == "Je antwoord is bewaard."
        else:
            assert not sco.locator(f"#v-{question.id} .controleer").is_visible()
            learner.answer(question, right(question))
            if question.id != "blijft":
                cleared(learner, question)
                taken_back.add(question.id)
        if position < len(module.assessment.questions) - 1:
            sco.click("#vraag-volgende")
    kept = first.stop()
    attempt = decode(kept["suspend_data"], module).current_attempt
    assert dict(attempt.answers) == {"blijft": "Leeuwarden", "volgorde": kept_order}
    assert_clean(first)
    first.close()

    # relaunched: the cleared questions are empty, the kept answers are there; handing in says so
    again = Session(browser, url, stored=kept_by_lms(kept, version))
    sco = again.sco
    for question in module.assessment.questions:
        shown = answer_shown(sco, question)
        if question.id in taken_back:
            assert shown in ("", [], [-1] * len(getattr(question, "pairs", []))), question.id
        else:
            assert shown == {"blijft": "Leeuwarden", "volgorde": kept_order}[question.id]
    sco.click("#inleveren")  # with open questions, the first click only warns
    assert "3 vragen nog niet beantwoord" in sco.inner_text("#inleveren-let-op")
    sco.click("#inleveren")
    sco.wait_for_selector("#toets-uitslag:not([hidden])")
    cmi = again.stop()
    progress = decode(cmi["suspend_data"], module)
    assert dict(progress.attempts[-1].answers) == {"blijft": "Leeuwarden", "volgorde": kept_order}
    assert progress.attempts[-1].score == pytest.approx(attempt_result(module, progress.attempts[-1]).percent, abs=0.05)
    recorded = interactions_of(cmi)
    assert sorted(i["id"].rsplit("-p", 1)[0] for i in recorded) == ["blijft", "volgorde"]
    assert_clean(again)
    again.close()
