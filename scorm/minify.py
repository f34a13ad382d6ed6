"""Make the player's own JS and CSS smaller for packages, without changing what they do.

Conservative by design, because it only ever sees our hand-written files: comments go, runs of
whitespace shrink, and strings and regular expression literals are copied untouched. A newline
inside a run of whitespace is kept as one newline, so automatic semicolon insertion sees the same
line breaks as before, except where a statement visibly ends (after ';', '{', ',', and after
'}' unless the next line could continue the expression).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w$]")
# after these, a '/' starts a regular expression literal rather than a division
_REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^") | {""}
_REGEX_KEYWORDS = ("return", "typeof", "case", "in", "of", "void", "delete", "throw")


def minify_js(source: str) -> str:
    out: list[str] = []
    i, n = 0, len(source)
    pending_space = ""  # "", " " or "\n": whitespace seen since the last token

    def last_char() -> str:
        return out[-1][-1] if out else ""

    def emit(token: str) -> None:
        nonlocal pending_space
        if pending_space:
            prev = last_char()
            if pending_space == "\n" and out and _newline_matters(prev, token[0]):
                out.append("\n")
            elif prev and (
                (_WORD.match(prev) and _WORD.match(token[0])) or (prev in "+-" and token[0] == prev)
            ):
                out.append(" ")
        pending_space = ""
        out.append(token)

    while i < n:
        c = source[i]
        if c in " \t\r\n":
            j = i
            while j < n and source[j] in " \t\r\n":
                j += 1
            pending_space = "\n" if ("\n" in source[i:j] or pending_space == "\n") else " "
            i = j
        elif source.startswith("//", i):
            j = source.find("\n", i)
            i = n if j < 0 else j
        elif source.startswith("/*", i):
            j = source.find("*/", i + 2)
            if j < 0:
                raise ValueError("unclosed comment in player script")
            i = j + 2
            pending_space = pending_space or " "
        elif c in "\"'`":
            j = i + 1
            while j < n and source[j] != c:
                j += 2 if source[j] == "\\" else 1
            emit(source[i : j + 1])
            i = j + 1
        elif c == "/" and _starts_regex(out):
            j, in_class = i + 1, False
            while j < n:
                ch = source[j]
                if ch == "\\":
                    j += 2
                    continue
                if ch == "[":
                    in_class = True
                elif ch == "]":
                    in_class = False
                elif ch == "/" and not in_class:
                    break
                j += 1
            j += 1
            while j < n and source[j].isalpha():  # flags
                j += 1
            emit(source[i:j])
            i = j
        elif _WORD.match(c):
            j = i
            while j < n and _WORD.match(source[j]):
                j += 1
            emit(source[i:j])
            i = j
        else:
            emit(c)
            i += 1
    return "".join(out).strip() + "\n"


def _newline_matters(prev: str, nxt: str) -> bool:
    """A line break can go where no statement can end or continue across it differently."""
    if prev in ";{," or nxt in "},;)":
        return False
    if prev == "}":
        return nxt in "([+-/`'\""
    return True


def _starts_regex(out: list[str]) -> bool:
    text = "".join(out[-3:]).rstrip()
    if not text:
        return True
    if text[-1] in _REGEX_BEFORE:
        return True
    return any(text.endswith(word) and (len(text) == len(word) or not _WORD.match(text[-len(word) - 1])) for word in _REGEX_KEYWORDS)


def minify_css(source: str) -> str:
    text = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*([{};,>])\s*", r"\1", text)
    text = re.sub(r":\s+", ":", text)
    text = text.replace(";}", "}")
    return text.strip() + "\n"
