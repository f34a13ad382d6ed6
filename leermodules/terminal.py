"""Text from files (names, titles, paths) made safe to print on a terminal.

A results file or module file can hold control characters: ESC starts a sequence that can move
the cursor, recolour or retitle the terminal, or hide text; BEL, CR and backspace overwrite what
was printed; bidi overrides reorder it. Everything the CLI prints that comes from a file goes
through `printable` (or `one_line` for a single field in a table), which shows such characters as
a visible escape (`\\x1b`) instead of letting the terminal act on them.
"""

from __future__ import annotations

import re

# C0 except tab and newline, DEL, C1, line/paragraph separators, bidi embeddings/overrides/isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _shown(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every character a terminal would act on shown as an escape; lines and tabs stay."""
    return _UNSAFE.sub(_shown, text)


def one_line(text: str) -> str:
    """Like `printable`, and a newline or tab is shown as an escape too (for one field in a line)."""
    return _UNSAFE_IN_LINE.sub(_shown, text)
