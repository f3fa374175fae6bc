"""What every subcommand shares: where the installation is, who is acting, and how errors are told."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

import platformdirs

from desktop_app.errors import AhtcError
from desktop_app.services.context import Context
from desktop_app.services.setup import unlock

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
    """A passphrase for a new account: its own variable first, so scripts can set two different ones."""
    from_env = os.environ.get(env_name)
    if from_env:
        return from_env
    return passphrase(prompt, confirm=True)


def open_context(args: argparse.Namespace) -> Context:
    return unlock(data_dir(args), username(args), passphrase())


class UsageError(AhtcError):
    """The command was called in a way it cannot work."""


def say(line: str = "") -> None:
    print(line, flush=True)
