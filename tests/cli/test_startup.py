"""The command line loads only what the command being run needs (timings are in bench/bench_startup.py)."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from desktop_app import cli

HEAVY = ("pandas", "reportlab", "openpyxl", "PySide6", "httpx", "fastapi", "sqlalchemy", "alembic", "cryptography")


def loaded_after(argv: list[str]) -> set[str]:
    """Which heavy libraries a fresh interpreter has imported once `ahtc ARGV` has parsed its arguments."""
    code = (
        "import contextlib, io, sys\n"
        "from desktop_app.cli import build_parser, command_in\n"
        f"argv = {argv!r}\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    build_parser(command_in(argv)).parse_args(argv)\n"
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_help_loads_no_heavy_library() -> None:
    assert loaded_after(["--help"]) == set()


@pytest.mark.parametrize("command", ["verify", "backup", "sync", "district", "init"])
def test_a_command_that_prints_no_report_loads_no_report_library(command: str) -> None:
    assert loaded_after([command, "--help"]).isdisjoint({"pandas", "reportlab", "openpyxl", "PySide6"})


def test_the_command_table_matches_the_modules_parsers() -> None:
    modules = {module for module, _help in cli.COMMANDS.values()}
    found: dict[str, tuple[str, str]] = {}
    for module in sorted(modules):
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        cli.command_module(module).register(sub)
        helps = {action.dest: action.help for action in sub._choices_actions}
        for name in sub.choices:
            found[name] = (module, str(helps[name]))
    assert found == cli.COMMANDS, "a command was added or changed in a module: update cli.COMMANDS to match"


def test_global_options_before_the_command_are_skipped() -> None:
    assert cli.command_in(["--data-dir", "D:/ahtc", "--user", "sho", "verify"]) == "verify"
    assert cli.command_in(["--data-dir=D:/x", "case", "list"]) == "case"
    assert cli.command_in(["--help"]) is None
