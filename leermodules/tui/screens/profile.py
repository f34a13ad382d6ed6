"""The profile from the ontwikkelscan: per theme a bar with the level as a number and as the
scale's word (never colour alone), and the growth since the take before."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from engine.scan import ThemeScore
from leermodules.tui import strings as s
from leermodules.tui.scan_session import ScanSession, growth_of, level_word, profile_of, scale_of
from leermodules.tui.screens.base import BaseScreen
from leermodules.tui.widgets.keybar import KeyBar

BAR_WIDTH = 10


def bar(share: float | None, width: int = BAR_WIDTH) -> str:
    filled = 0 if share is None else min(width, max(0, int(share * width + 0.5)))
    return s.BAR_FULL * filled + s.BAR_EMPTY * (width - filled)


def score_line(score: ThemeScore, scale: list[str]) -> str:
    """'██████░░░░ 2,4 van 4 · ik doe het met hulp', or an empty bar and 'niet ingevuld'."""
    if score.level is None:
        return f"{bar(None)} {s.PROFILE_NOT_RATED}"
    word = level_word(scale, score.level)
    return f"{bar(score.share)} {s.level_of(score.level, score.top)}" + (f" · {word}" if word else "")


def growth_lines(series: list[tuple[str, float]]) -> list[str]:
    """The change since the take before (and the whole course when there were more)."""
    if len(series) < 2:
        return []
    (before_date, before), (_, now) = series[-2], series[-1]
    lines = [s.growth_line(before, s.short_date(before_date), now)]
    if len(series) > 2:
        lines.append(s.growth_history([level for _, level in series]))
    return lines


class ProfileScreen(BaseScreen):
    BINDINGS = [Binding("e", "export", s.KEY_EXPORT, id="profile.export")]

    def __init__(self, session: ScanSession) -> None:
        super().__init__()
        self.session = session

    def compose(self):
        yield Header()
        with VerticalScroll(id="profile"):
            yield Static(id="profile-heading")
            yield Static(id="profile-themes")
            yield Static(Text(s.PROFILE_FOOTER, style="italic"), id="profile-footer")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = s.PROFILE_TITLE
        self.sub_title = self.session.module.title
        self.fill()
        self.query_one("#profile").focus()

    def fill(self) -> None:
        scan = self.session.module
        takes = self.session.takes()
        heading = self.query_one("#profile-heading", Static)
        themes = self.query_one("#profile-themes", Static)
        if not takes:
            heading.update(Text(s.PROFILE_NONE))
            themes.display = False
            return
        latest = takes[-1]
        first_scale = scale_of(scan, scan.themes[0].id) if scan.themes else []
        text = Text(s.profile_heading(s.short_date(latest.taken_at), len(takes)), style="bold")
        if first_scale:
            text.append(f"\n{s.profile_scale(first_scale)}")
        heading.update(text)
        series = growth_of(takes)
        body = Text()
        for number, score in enumerate(profile_of(scan, latest).themes):
            if number:
                body.append("\n\n")
            body.append(score.title, style="bold")
            body.append(f"\n  {score_line(score, scale_of(scan, score.theme))}")
            if score.level is not None:
                for line in growth_lines(series.get(score.theme, [])):
                    body.append(f"\n  {line}")
        themes.update(body)
        themes.display = True

    def action_export(self) -> None:
        self.app.show_export()
