"""The shipped Dutch modules, one folder each (`<id>/module.yaml` plus its media).

Packaged as data so that a plain `pip install` brings them along.
"""

from pathlib import Path


def folder() -> Path:
    """The folder holding the shipped modules, wherever this package was installed."""
    return Path(__file__).resolve().parent
