"""The headless `ahtc` command line over the same services as the GUI (DESIGN.md §7).

Exit code 0 on success; otherwise one line on stderr saying what is wrong and what to do, and a code that
says what kind of failure it was.
"""

from __future__ import annotations

import argparse
import io
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
    NotFound,
    PermissionDenied,
    StoreNotFound,
    TooManyAttempts,
    ValidationError,
    WrongPassphrase,
)

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
    (AhtcError, 1),
]


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


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except AhtcError as exc:
        code = next(c for kind, c in EXIT_CODES if isinstance(exc, kind))
        print(f"ahtc {args.command}: {exc.user_message()}", file=sys.stderr)
        return code
    except BrokenPipeError:
        # Output piped into `head` or a closed pager: the reader has what it wanted; stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(f"ahtc {args.command}: stopped; nothing half-written was kept", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
