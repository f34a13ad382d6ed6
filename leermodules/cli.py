"""The `leermodules` command: parses arguments and hands each command to its own module.

Exit codes: 0 all is well, 1 invalid input (a module with errors), 2 usage error.
Commands import what they need when they run, so `leermodules validate` never loads Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from leermodules import __version__
from leermodules import strings as s

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command was called in a way that cannot work; the message says how to call it."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages, reworded with a pointer to help
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {s.USAGE_ERROR.format(message=message)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="leermodules", description=s.CLI_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"leermodules {__version__}", help=s.HELP_VERSION)
    sub = parser.add_subparsers(dest="command", metavar="COMMANDO", parser_class=_Parser)

    validate = sub.add_parser("validate", help=s.HELP_VALIDATE, description=s.DESC_VALIDATE)
    validate.add_argument("paths", nargs="*", metavar="PAD", help=s.HELP_PATHS)
    validate.add_argument("--strict", action="store_true", help=s.HELP_STRICT)

    schema = sub.add_parser("schema", help=s.HELP_SCHEMA, description=s.DESC_SCHEMA)
    schema.add_argument("--out", metavar="BESTAND", help=s.HELP_SCHEMA_OUT)

    new = sub.add_parser("new", help=s.HELP_NEW, description=s.DESC_NEW)
    new.add_argument("id", metavar="ID", help=s.HELP_NEW_ID)
    new.add_argument("--dir", metavar="MAP", default=".", help=s.HELP_NEW_DIR)

    run = sub.add_parser("run", help=s.HELP_RUN, description=s.DESC_RUN)
    run.add_argument("paths", nargs="*", metavar="PAD", help=s.HELP_PATHS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            from leermodules.commands.validate import run_validate

            return run_validate(args.paths, strict=args.strict)
        if args.command == "schema":
            from leermodules.commands.schema import run_schema

            return run_schema(args.out)
        if args.command == "new":
            from leermodules.commands.new import run_new

            return run_new(args.id, args.dir)
        # `leermodules` without a command, and `leermodules run`: the learner's app
        print(s.TUI_NOT_YET, file=sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        print(f"leermodules: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(s.INTERRUPTED, file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
