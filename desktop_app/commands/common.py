"""What every subcommand shares: where the installation is, who is acting, and how errors are told."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from desktop_app.errors import AhtcError

if TYPE_CHECKING:
    from desktop_app.services.context import Context

DEFAULT_DATA_DIR = Path(platformdirs.user_data_dir("AHTC Register", "Punjab Police"))


def data_dir(args: argparse.Namespace) -> Path:
    chosen = getattr(args, "data_dir", None) or os.environ.get("AHTC_DATA_DIR")
    return Path(chosen) if chosen else DEFAULT_DATA_DIR


def username(args: argparse.Namespace) -> str:
    chosen = getattr(args, "user", None) or os.environ.get("AHTC_USER")
    if chosen:
        return str(chosen)
    if sys.stdin.isatty():
        return input("User name: ").strip()
    raise UsageError("say who you are: --user NAME or the AHTC_USER variable")


def passphrase(prompt: str = "Passphrase: ", *, confirm: bool = False) -> str:
    """From AHTC_PASSPHRASE when not interactive (scripts, CI); otherwise asked without echo."""
    from_env = os.environ.get("AHTC_PASSPHRASE")
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise UsageError("no passphrase: set AHTC_PASSPHRASE or run in a terminal")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != first:
        raise UsageError("the two passphrases differ")
    return first


def new_passphrase(env_name: str, prompt: str) -> str:
    """A new passphrase (a new account, a change, a reset): from its own variable, or typed twice at a prompt.

    Never AHTC_PASSPHRASE: that is the signed-in user's own, and must not silently become someone else's.
    """
    from_env = os.environ.get(env_name)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise UsageError(f"no new passphrase: set {env_name} or run in a terminal to type it twice")
    first = getpass.getpass(prompt)
    if getpass.getpass("Again: ") != first:
        raise UsageError("the two passphrases differ; nothing was changed")
    return first


def open_context(args: argparse.Namespace) -> Context:
    # Imported here, not at the top: `ahtc --help` and a command's own --help start without SQLAlchemy.
    from desktop_app.services.setup import unlock

    ctx = unlock(data_dir(args), username(args), passphrase())
    if ctx.failed_unlocks:
        times = ", ".join(local_time(t) for t in ctx.failed_unlocks[-5:])
        print(
            f"Note: {len(ctx.failed_unlocks)} wrong passphrase(s) were typed on this computer since the last sign-in "
            f"(last at {times}). If that was not you or a colleague, tell the SHO.",
            file=sys.stderr,
        )
    for problem in ctx.integrity_problems:
        print(f"Warning: {problem}.", file=sys.stderr)
    return ctx


def local_time(moment: dt.datetime) -> str:
    from desktop_app.services.clock import PAKISTAN

    return moment.astimezone(PAKISTAN).strftime("%d/%m/%Y %H:%M")


class UsageError(AhtcError):
    """The command was called in a way it cannot work."""


def say(line: str = "") -> None:
    print(line, flush=True)
