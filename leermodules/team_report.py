"""The teamschouw as a terminal table with bars, and as one self-contained HTML page with an SVG chart.

Both render an `engine.team.TeamProfile`; neither computes anything of its own beyond layout.
Names and titles come from colleagues' files: in the terminal table each shows its control
characters as escapes (`terminal.one_line`); in the HTML page jinja2 escapes every value (autoescape).
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader

from engine.messages import level_shown
from engine.team import TeamProfile
from leermodules import strings as s
from leermodules.terminal import one_line

BAR = "█"
MIDDLE = "▒"
EMPTY = "░"


def _level(value: float | None) -> str:
    """A level as colleagues rated it, 1..5 (stored as a position on the scale, 0..4)."""
    if value is None:
        return "–"
    return level_shown(value)


def _bar(count: int, total: int, width: int) -> str:
    filled = round(width * count / total) if total else 0
    return BAR * filled + EMPTY * (width - filled)


def _spread_bar(strong: int, growing: int, total: int, width: int) -> str:
    """Strong on the left, wanting to grow on the right, the rest in between."""
    if not total:
        return " " * width
    left = round(width * strong / total)
    right = round(width * growing / total)
    return BAR * left + MIDDLE * (width - left - right) + EMPTY * right


def render_text(team: TeamProfile, width: int = 80) -> str:
    lines = [s.TEAM_HEADING.format(count=len(team.members)), ""]
    title_width = max(20, width - 44)
    columns = f"{s.TEAM_COL_STRONG:>5} {s.TEAM_COL_GROWING:>6} {s.TEAM_COL_MEDIAN:>7}  {s.TEAM_COL_BAR}"
    lines.append(f"{s.TEAM_COL_THEME:<{title_width}} {columns}")
    for theme in team.themes:
        title = one_line(theme.title)
        title = title if len(title) <= title_width else title[: title_width - 1] + "…"
        bar = _spread_bar(theme.strong, theme.growing, theme.rated, 20)
        lines.append(f"{title:<{title_width}} {theme.strong:>5} {theme.growing:>6} {_level(theme.median):>7}  {bar}")
        if theme.flag:
            lines.append(f"{'':<{title_width}} ! {s.TEAM_FLAGS[theme.flag]}")
    lines += ["", s.TEAM_BAR_LEGEND.format(strong=BAR, middle=MIDDLE, growing=EMPTY), ""]
    if team.modules:
        lines.append(s.TEAM_MODULES_HEADING)
        name_width = max(len(one_line(m.title)) for m in team.modules)
        for module in team.modules:
            lines.append(
                f"  {one_line(module.title):<{name_width}}  {_bar(module.passed, module.members, 20)}  "
                + s.TEAM_PASSED.format(passed=module.passed, members=module.members)
            )
        lines.append("")
    lines.append(s.TEAM_PAIRS_HEADING)
    if not team.pairings:
        lines.append(f"  {s.TEAM_NO_PAIRS}")
    current = None
    for pair in team.pairings:
        if pair.theme != current:
            current = pair.theme
            lines.append(f"  {one_line(pair.title)}")
        lines.append(
            "    "
            + s.TEAM_PAIR.format(
                helper=one_line(pair.helper),
                helper_level=_level(pair.helper_level),
                learner=one_line(pair.learner),
                learner_level=_level(pair.learner_level),
            )
        )
    return "\n".join(lines) + "\n"


def render_html(team: TeamProfile, generated: str) -> str:
    env = Environment(loader=PackageLoader("leermodules", "templates"), autoescape=True)
    env.filters["level"] = _level
    template = env.get_template("team.html.j2")
    row = 34
    return template.render(team=team, s=s, generated=generated, row=row, chart_height=row * len(team.themes) + 40)
