"""One module per command of the `leermodules` CLI."""
