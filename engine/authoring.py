"""Authoring checks: what a trainer wrote that the apps would otherwise drop or hide without a word.

- raw HTML in a Markdown text (the renderers leave it out);
- an image in a Markdown text without a description (alt text);
- a `text` question whose `max_length` is shorter than an accepted answer;
- a `match` distractor that is also one of the right answers;
- `order`, `match` and `scenario` questions without any feedback (a warning);
- a language code that does not exist.

Two more need the other modules, so `engine.loader.check_paths` does them: a course's `theme` that
the ontwikkelscan does not have, and a `module.yaml` in a folder not named after its module.

Each check yields `checks.Finding`s; a finding inside a Markdown text carries the piece of text it
is about (`Finding.needle`) so the loader can point at its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from engine import messages as msg
from engine.checks import Finding, _question_paths
from engine.grading import normalize_text
from engine.media import markdown_html, markdown_texts
from engine.model import MatchQuestion, Module, OrderQuestion, ScenarioQuestion, TextQuestion

#: ISO 639-1: every two-letter language code.
LANGUAGE_CODES = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik "
    "io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml "
    "mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd "
    "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
    "vo wa wo xh yi yo za zh zu".split()
)

#: What cmark-gfm writes where it leaves raw HTML out (see `engine.media.MARKDOWN_OPTIONS`).
_OMITTED = "<!-- raw HTML omitted -->"
#: Raw HTML as a trainer writes it: a tag or a comment.
_HTML = re.compile(r"<!--|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_NO_ALT = re.compile(r'<img src="([^"]*)" alt="\s*"')
_EMPTY_ALT = re.compile(r"!\[\s*\]")


def authoring_findings(module: Module) -> Iterator[Finding]:
    yield from _markdown(module)
    for path, question in _question_paths(module):
        if isinstance(question, TextQuestion):
            yield from _text_length(path, question)
        elif isinstance(question, MatchQuestion):
            yield from _distractors(path, question)
        if isinstance(question, (OrderQuestion, MatchQuestion, ScenarioQuestion)) and not _has_feedback(question):
            yield Finding(path, *msg.question_without_feedback(), severity="warning")
    if module.language not in LANGUAGE_CODES:
        yield Finding(("language",), *msg.unknown_language(module.language, sorted(LANGUAGE_CODES)))


def _markdown(module: Module) -> Iterator[Finding]:
    for path, text in markdown_texts(module):
        if "<" not in text and "![" not in text:
            continue
        rendered = markdown_html(text)
        if _OMITTED in rendered:
            found = _HTML.search(text)
            piece = found.group() if found else "<"
            yield Finding(path, *msg.raw_html(piece), needle=piece)
        for source in _NO_ALT.findall(rendered):
            found = _EMPTY_ALT.search(text)
            yield Finding(path, *msg.image_without_alt(source), needle=found.group() if found else None)


def _text_length(path: tuple, question: TextQuestion) -> Iterator[Finding]:
    too_long = [a for a in question.accepted if len(normalize_text(a)) > question.max_length]
    if too_long and len(too_long) == len(question.accepted):
        yield Finding((*path, "max_length"), *msg.max_length_below_answers(question.max_length, min(map(len, too_long))))
    elif too_long:
        index = question.accepted.index(too_long[0])
        yield Finding((*path, "accepted", index), *msg.answer_longer_than_max(too_long[0], question.max_length), severity="warning")


def _distractors(path: tuple, question: MatchQuestion) -> Iterator[Finding]:
    right = {normalize_text(pair.right) for pair in question.pairs}
    for i, distractor in enumerate(question.distractors):
        if normalize_text(distractor) in right:
            yield Finding((*path, "distractors", i), *msg.distractor_is_answer(distractor))


def _has_feedback(question: OrderQuestion | MatchQuestion | ScenarioQuestion) -> bool:
    if question.explanation is not None:
        return True
    if isinstance(question, OrderQuestion):
        return any(item.feedback for item in question.items)
    if isinstance(question, MatchQuestion):
        return any(pair.feedback for pair in question.pairs)
    return any(choice.feedback for step in question.steps for choice in step.choices)
