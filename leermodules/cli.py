"""The `leermodules` command: parses arguments and hands each command to its own module.

Exit codes: 0 all is well, 1 invalid input (a module with errors), 2 usage error.
Commands import what they need when they run, so `leermodules validate` never loads Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from leermodules import strings as s

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command was called in a way that cannot work; the message says how to call it."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own messages, reworded with a pointer to help
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {s.USAGE_ERROR.format(message=message)}\n")


class _Version(argparse.Action):
    """--version, looking the version up only when asked (it costs start-up time otherwise)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        import leermodules

        print(f"leermodules {leermodules.__version__}")
        parser.exit(EXIT_OK)


def _translate(text: str) -> str:
    return s.ARGPARSE.get(text, text)


def build_parser() -> argparse.ArgumentParser:
    argparse._ = _translate  # type: ignore[attr-defined]  # argparse looks its words up through this name at call time
    parser = _Parser(prog="leermodules", description=s.CLI_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action=_Version, help=s.HELP_VERSION)
    parser.add_argument("--data-dir", metavar="MAP", help=s.HELP_DATA_DIR)
    sub = parser.add_subparsers(dest="command", metavar="COMMANDO", parser_class=_Parser)

    validate = sub.add_parser("validate", help=s.HELP_VALIDATE, description=s.DESC_VALIDATE)
    validate.add_argument("paths", nargs="*", metavar="PAD", help=s.HELP_PATHS)
    validate.add_argument("--strict", action="store_true", help=s.HELP_STRICT)
    validate.add_argument("--format", choices=("text", "json", "github"), default="text", help=s.HELP_VALIDATE_FORMAT)

    schema = sub.add_parser("schema", help=s.HELP_SCHEMA, description=s.DESC_SCHEMA)
    schema.add_argument("--out", metavar="BESTAND", help=s.HELP_SCHEMA_OUT)

    new = sub.add_parser("new", help=s.HELP_NEW, description=s.DESC_NEW)
    new.add_argument("id", metavar="ID", help=s.HELP_NEW_ID)
    new.add_argument("--dir", metavar="MAP", default=".", help=s.HELP_NEW_DIR)

    run = sub.add_parser("run", help=s.HELP_RUN, description=s.DESC_RUN)
    run.add_argument("paths", nargs="*", metavar="PAD", help=s.HELP_PATHS)

    export = sub.add_parser("export", help=s.HELP_EXPORT, description=s.DESC_EXPORT)
    export.add_argument("paths", nargs="*", metavar="PAD", help=s.HELP_PATHS)
    export.add_argument("--format", choices=("scorm12", "scorm2004", "html"), default="scorm12", help=s.HELP_EXPORT_FORMAT)
    export.add_argument("--out", metavar="MAP", default="export", help=s.HELP_EXPORT_OUT)
    team = sub.add_parser("team", help=s.HELP_TEAM, description=s.DESC_TEAM)
    team.add_argument("files", nargs="*", metavar="BESTAND", help=s.HELP_TEAM_FILES)
    team.add_argument("--html", metavar="BESTAND", help=s.HELP_TEAM_HTML)
    team.add_argument("--force", action="store_true", help=s.HELP_TEAM_FORCE)
    team.add_argument("--lrs", metavar="URL", help=s.HELP_TEAM_LRS)
    team.add_argument("--groep", metavar="NAAM", help=s.HELP_TEAM_GROUP)
    team.add_argument("--gebruiker", metavar="NAAM", help=s.HELP_LRS_USER)

    lrs = sub.add_parser("lrs", help=s.HELP_LRS, description=s.DESC_LRS)
    lrs_sub = lrs.add_subparsers(dest="lrs_command", metavar="COMMANDO", parser_class=_Parser, required=True)
    koppel = lrs_sub.add_parser("koppel", help=s.HELP_LRS_KOPPEL, description=s.HELP_LRS_KOPPEL)
    koppel.add_argument("url", metavar="URL", help=s.HELP_LRS_URL)
    koppel.add_argument("--gebruiker", metavar="NAAM", help=s.HELP_LRS_USER)
    koppel.add_argument("--naam", metavar="NAAM", help=s.HELP_LRS_NAME)
    koppel.add_argument("--email", metavar="ADRES", help=s.HELP_LRS_EMAIL)
    koppel.add_argument("--groep", metavar="NAAM", help=s.HELP_LRS_GROUP)
    koppel.add_argument("--met-antwoorden", action="store_true", help=s.HELP_LRS_RESPONSES)
    koppel.add_argument("--ook-eerder", action="store_true", help=s.HELP_LRS_EARLIER)
    koppel.add_argument("--code", metavar="CODE", help=s.HELP_LRS_ACCOUNT)
    lrs_sub.add_parser("status", help=s.HELP_LRS_STATUS, description=s.HELP_LRS_STATUS)
    lrs_sub.add_parser("ontkoppel", help=s.HELP_LRS_ONTKOPPEL, description=s.HELP_LRS_ONTKOPPEL)
    lrs_sub.add_parser("verstuur", help=s.HELP_LRS_VERSTUUR, description=s.HELP_LRS_VERSTUUR)

    certificate = sub.add_parser("certificaat", help=s.HELP_CERTIFICATE, description=s.DESC_CERTIFICATE)
    certificate.add_argument("module", metavar="MODULE", help=s.HELP_CERTIFICATE_MODULE)
    certificate.add_argument("--out", metavar="BESTAND", help=s.HELP_CERTIFICATE_OUT)
    certificate.add_argument("--name", metavar="NAAM", help=s.HELP_CERTIFICATE_NAME)
    certificate.add_argument("--force", action="store_true", help=s.HELP_CERTIFICATE_FORCE)

    results = sub.add_parser("results", help=s.HELP_RESULTS, description=s.DESC_RESULTS)
    results_sub = results.add_subparsers(dest="results_command", metavar="COMMANDO", parser_class=_Parser, required=True)
    results_export = results_sub.add_parser("export", help=s.HELP_RESULTS_EXPORT, description=s.DESC_RESULTS_EXPORT)
    results_export.add_argument("--out", metavar="BESTAND", required=True, help=s.HELP_RESULTS_OUT)
    results_export.add_argument("--name", metavar="NAAM", help=s.HELP_RESULTS_NAME)
    results_export.add_argument("--force", action="store_true", help=s.HELP_RESULTS_FORCE)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            from leermodules.commands.validate import run_validate

            return run_validate(args.paths, strict=args.strict, fmt=args.format)
        if args.command == "schema":
            from leermodules.commands.schema import run_schema

            return run_schema(args.out)
        if args.command == "new":
            from leermodules.commands.new import run_new

            return run_new(args.id, args.dir)
        if args.command == "team":
            from leermodules.commands.team import run_team

            return run_team(args.files, html=args.html, force=args.force, lrs=args.lrs, group=args.groep, user=args.gebruiker)
        if args.command == "lrs":
            from leermodules.commands import lrs as lrs_command

            if args.lrs_command == "koppel":
                return lrs_command.run_koppel(
                    args.url,
                    user=args.gebruiker,
                    name=args.naam,
                    email=args.email,
                    group=args.groep,
                    responses=args.met_antwoorden,
                    earlier=args.ook_eerder,
                    account=args.code,
                )
            if args.lrs_command == "status":
                return lrs_command.run_status(args.data_dir)
            if args.lrs_command == "ontkoppel":
                return lrs_command.run_ontkoppel()
            return lrs_command.run_verstuur(args.data_dir)
        if args.command == "results":
            from leermodules.commands.results import run_results_export

            return run_results_export(args.out, name=args.name, force=args.force, data_dir=args.data_dir)
        if args.command == "certificaat":
            from leermodules.commands.certificate import run_certificate

            return run_certificate(args.module, out=args.out, name=args.name, force=args.force, data_dir=args.data_dir)
        if args.command == "export":
            from leermodules.commands.export import run_export

            return run_export(args.paths, fmt=args.format, out=args.out)
        # `leermodules` without a command, and `leermodules run`: the learner's app
        from leermodules.commands.run import run_app

        return run_app(getattr(args, "paths", None) or [], data_dir=args.data_dir)
    except UsageError as exc:
        from leermodules.terminal import printable

        print(f"leermodules: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(s.INTERRUPTED, file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
