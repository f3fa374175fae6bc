"""The headless `ahtc` command line over the same services as the GUI (DESIGN.md §7).

Exit code 0 on success; otherwise one line on stderr saying what is wrong and what to do, and a code that
says what kind of failure it was.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
from collections.abc import Sequence

from desktop_app import __version__
from desktop_app.commands import (
    case_commands,
    clock_commands,
    common,
    purge_commands,
    report_commands,
    store_commands,
    sync_commands,
)
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

COMMAND_MODULES = [store_commands, report_commands, case_commands, sync_commands, clock_commands, purge_commands]

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ahtc", description="AHTC Register: the station's encrypted case register")
    parser.add_argument("--version", action="version", version=f"ahtc {__version__}")
    parser.add_argument(
        "--self-test", action=SelfTestAction, nargs="?", metavar="KEEP_FOLDER", help="check this installation works"
    )
    parser.add_argument("--data-dir", help="the installation folder (default: AHTC_DATA_DIR or the user's data folder)")
    parser.add_argument("--user", help="your user name (default: AHTC_USER)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


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
    args = build_parser().parse_args(argv)
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
