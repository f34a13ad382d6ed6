"""The player's files for one module: index.html from the model (jinja2, autoescaped), the JS
player assembled from its parts, and the stylesheet."""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from engine.grading import match_answers
from engine.messages import reviewed_text
from engine.model import Module
from scorm import markdown
from scorm.minify import minify_css, minify_js
from scorm.player_data import player_data, to_script_json

#: The JS parts in load order: the rules (shared with node tests), the runtime of the format,
#: the standalone preview (the fallback when no LMS answers), then the page.
CORE_JS = "core.js"
LMS_JS = "lms.js"
PREVIEW_JS = "preview.js"
UI_JS = "ui.js"
CSS = "player.css"
CSS_BUNDLE = "bundle.min.css"
RUNTIMES = ("scorm12.js", "scorm2004.js", None)

KIND_LABEL = {
    "single": "Kies één antwoord",
    "multiple": "Kies de goede antwoorden",
    "true_false": "Waar of niet waar?",
    "order": "Zet in de goede volgorde",
    "match": "Koppel de goede antwoorden",
    "text": "Typ je antwoord",
    "scenario": "Casus",
    "likert": "Hoe goed past dit bij jou?",
    "reflection": "Schrijf je antwoord op",
}
SUBMIT_LABEL = {kind: "Controleer" for kind in KIND_LABEL} | {
    "scenario": "Kies",
    "likert": "Bewaar",
    "reflection": "Bewaar",
}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("scorm", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        auto_reload=False,  # the templates are part of the package: no need to check their files each render
    )
    env.globals.update(
        md=markdown.block,
        md_inline=markdown.inline,
        md_is_one_paragraph=markdown.is_one_paragraph,
        match_answers=match_answers,
        kind_label=KIND_LABEL,
        submit_label=SUBMIT_LABEL,
        reviewed_text=reviewed_text,
    )
    return env


def render_index(module: Module) -> str:
    index = {q.id: i for i, q in enumerate(module.all_questions())}
    template = _environment().get_template("index.html.j2")
    return template.render(module=module, index=index, data_json=to_script_json(player_data(module)))


def clear_caches() -> None:
    """Forget what earlier exports in this process prepared (for measuring a cold export)."""
    markdown.clear_cache()
    player_js.cache_clear()
    player_css.cache_clear()


def player_file(name: str) -> str:
    return resources.files("scorm.player").joinpath(name).read_text(encoding="utf-8")


def bundle_name(runtime: str | None) -> str:
    return f"bundle-{runtime.removesuffix('.js') if runtime else 'preview'}.min.js"


def build_player_js(runtime: str | None) -> str:
    """The one script a package loads, from the sources: the rules, the shared LMS part, the
    runtime for `runtime` (a file in scorm/player, or None for the preview only), the preview
    fallback, and the page logic; minified."""
    parts = [CORE_JS, LMS_JS, *([runtime] if runtime else []), PREVIEW_JS, UI_JS]
    return minify_js("\n".join(player_file(p) for p in parts))


def build_player_css() -> str:
    return minify_css(player_file(CSS))


@cache
def player_js(runtime: str | None) -> str:
    """The bundled script for `runtime`, as built by `python3 -m scorm.build` (a test checks the
    bundles match the sources, so they cannot drift); read once for all modules of an export."""
    return player_file(bundle_name(runtime))


@lru_cache(maxsize=1)
def player_css() -> str:
    return player_file(CSS_BUNDLE)
