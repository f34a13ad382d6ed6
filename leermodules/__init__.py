"""leermodules: the command line and the learner's terminal app."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("leermodules")
except PackageNotFoundError:  # running from a source checkout that was not installed
    __version__ = "0.0.0+onbekend"
