"""The headless `ahtc` command line over the same services as the GUI (DESIGN.md §7).

Exit code 0 on success; otherwise one line on stderr saying what is wrong and what to do, and a code that
says what kind of failure it was.
"""

from __future__ import annotations

import argparse
import importlib
import io
import logging
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from desktop_app import __version__
from desktop_app.commands import common
from desktop_app.commands.self_test import SelfTestAction
from desktop_app.errors import (
    AhtcError,
    BundleRejected,
    ConfirmationNeeded,
    FileProblem,
    InputDamaged,
    NotFound,
    PermissionDenied,
    StoreDamaged,
    StoreNotFound,
    TooManyAttempts,
    ValidationError,
    WrongPassphrase,
)
from desktop_app.store.faults import database_fault, file_fault, is_database_error

# Every command, the module in desktop_app/commands that defines it, and its one-line help. Only the module of the
# command being run is imported: `ahtc --help` and each command start without loading pandas, reportlab or the
# modules of the other commands (bench/bench_startup.py). tests/cli/test_startup.py checks this table against
# the modules' own parsers, so a new command added to a module without a line here fails there.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("store_commands", "create a new encrypted station store"),
    "demo": ("store_commands", "a store filled with realistic synthetic data, for trying the app"),
    "user": ("store_commands", "accounts and roles"),
    "verify": ("store_commands", "integrity check, encrypted-page check and audit-chain check"),
    "backup": ("store_commands", "write a backup file (still encrypted)"),
    "restore": ("store_commands", "replace this store with a backup (SHO only)"),
    "auto-backup": ("store_commands", "automatic backups: status, schedule, run now"),
    "report": ("report_commands", "reports for the district vigilance committee"),
    "export": ("report_commands", "export one register to CSV or XLSX (pseudonymised by default)"),
    "case": ("case_commands", "cases: list them, see the law sections suggested for one"),
    "fir-summary": ("case_commands", "print a case's FIR-support summary to a signed PDF"),
    "verify-summary": ("case_commands", "check the seal of an FIR-support summary PDF"),
    "enrol-request": ("sync_commands", "station: write the enrolment request for the district"),
    "enrol-complete": (
        "sync_commands",
        "station: take the district's enrolment answer once its fingerprint is confirmed",
    ),
    "recovery": ("sync_commands", "station: the recovery key slots of this store"),
    "recover": ("sync_commands", "open a station store with the district recovery key and set a new SHO passphrase"),
    "rotate-keys": ("sync_commands", "new sync keys for this installation (station or district)"),
    "export-bundle": ("sync_commands", "write the next sync bundle (changes not yet acknowledged)"),
    "sync": ("sync_commands", "station: send the changes to the district server over the network and apply its answer"),
    "import-bundle": ("sync_commands", "apply bundles (district: stations' bundles; station: returns)"),
    "conflicts": ("sync_commands", "versions that lost a merge: list, compare, review, bring back"),
    "district": ("sync_commands", "the district installation and server"),
    "repair-clock": (
        "clock_commands",
        "SHO: re-stamp this store's records stamped while the PC's clock was far ahead (correct the date first)",
    ),
    "purge": (
        "purge_commands",
        "SHO: remove personal fields from every earlier version of records deleted before the retention period",
    ),
}

EXIT_CODES: list[tuple[type[BaseException], int]] = [
    (common.UsageError, 2),
    (WrongPassphrase, 3),
    (TooManyAttempts, 3),
    (ValidationError, 4),
    (PermissionDenied, 5),
    (BundleRejected, 6),
    (StoreNotFound, 7),
    (NotFound, 8),
    (ConfirmationNeeded, 9),
    (FileProblem, 10),
    (StoreDamaged, 11),
    (InputDamaged, 11),
    (AhtcError, 1),
]
# Errors of modules the CLI must not import just to start (the HTTP client brings httpx): told by class name.
EXIT_CODES_BY_NAME = {"DistrictRefused": 6, "DistrictUnreachable": 12}
# README.md lists these; tests/cli/test_faults_cli.py checks the list there matches this one.


def exit_code(exc: AhtcError) -> int:
    for kind in type(exc).__mro__:
        if kind.__name__ in EXIT_CODES_BY_NAME:
            return EXIT_CODES_BY_NAME[kind.__name__]
    return next(c for kind, c in EXIT_CODES if isinstance(exc, kind))


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser for `command` (its module's parsers only), or, without one, for the list of commands."""
    parser = argparse.ArgumentParser(prog="ahtc", description="AHTC Register: the station's encrypted case register")
    parser.add_argument("--version", action="version", version=f"ahtc {__version__}")
    parser.add_argument(
        "--self-test", action=SelfTestAction, nargs="?", metavar="KEEP_FOLDER", help="check this installation works"
    )
    parser.add_argument("--data-dir", help="the installation folder (default: AHTC_DATA_DIR or the user's data folder)")
    parser.add_argument("--user", help="your user name (default: AHTC_USER)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = COMMANDS.get(command or "")
    if chosen is None:
        # `ahtc --help`, or an unknown command: the list of commands, from the table, importing none of them.
        for name, (_module, text) in COMMANDS.items():
            commands.add_parser(name, help=text)
        return parser
    command_module(chosen[0]).register(commands)
    return parser


def command_module(name: str) -> ModuleType:
    return importlib.import_module(f"desktop_app.commands.{name}")


def command_in(argv: Sequence[str]) -> str | None:
    """The command word in `argv`, skipping the global options before it (and their values)."""
    takes_value = {"--data-dir", "--user"}
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in takes_value:
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def utf8_output() -> None:
    """Print UTF-8 into pipes and files: Urdu names would crash a Windows code page such as cp1252."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and (stream.encoding or "").lower().replace("-", "") != "utf8":
            stream.reconfigure(encoding="utf-8")


def quiet_libraries() -> None:
    """Libraries' own warnings (pypdf's "EOF marker not found" on a damaged PDF) stay off the console: the
    command says in one line what is wrong; their wording would only add noise an officer cannot act on."""
    for name in ("pypdf",):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()
    quiet_libraries()
    words = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(command_in(words)).parse_args(words)
    try:
        try:
            args.func(args)
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):
                raise
            # A file-system fault no command foresaw: still its true diagnosis, not a traceback.
            raise file_fault(exc) from None
        except Exception as exc:
            if not is_database_error(exc):
                raise
            raise database_fault(exc, common.data_dir(args)) from None
    except AhtcError as exc:
        code = exit_code(exc)
        print(f"ahtc {args.command}: {exc.user_message()}", file=sys.stderr)
        return code
    except BrokenPipeError:
        # Output piped into `head` or a closed pager: the reader has what it wanted; stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(f"ahtc {args.command}: stopped; nothing half-written was kept", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("AHTC_DEBUG"):
            raise
        # A fault we did not foresee: one line, never a traceback (which could carry field values). The type
        # names where to look; AHTC_DEBUG=1 shows the traceback to whoever investigates.
        print(
            f"ahtc {args.command}: unexpected error ({exc.__class__.__name__}); any change in progress was not "
            "kept. Run 'ahtc verify', and report this with the command you ran (AHTC_DEBUG=1 shows details)",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
