"""Build the player bundles shipped in scorm/player from its sources: `python3 -m scorm.build`.

The bundles are committed, so an export only copies them; `tests/scorm/test_packages.py` fails
when a source changed and the bundles were not rebuilt.
"""

from __future__ import annotations

from pathlib import Path

from scorm.render import CSS_BUNDLE, RUNTIMES, build_player_css, build_player_js, bundle_name

PLAYER = Path(__file__).resolve().parent / "player"


def bundles() -> dict[str, str]:
    out = {bundle_name(r): build_player_js(r) for r in RUNTIMES}
    out[CSS_BUNDLE] = build_player_css()
    return out


def main() -> None:
    for name, text in bundles().items():
        (PLAYER / name).write_text(text, encoding="utf-8")
        print(f"{name}: {len(text.encode())} bytes")


if __name__ == "__main__":
    main()
