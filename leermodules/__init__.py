"""leermodules: the command line and the learner's terminal app."""


def __getattr__(name: str) -> str:
    # The version is looked up only when asked for: importlib.metadata costs a noticeable part
    # of the app's start-up.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("leermodules")
        except PackageNotFoundError:  # running from a source checkout that was not installed
            return "0.0.0+onbekend"
    raise AttributeError(name)
