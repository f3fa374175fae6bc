"""`ahtc repair-clock`: put right a store whose clock was pushed into the future (docs/operations.md)."""

from __future__ import annotations

import argparse

from desktop_app.commands.common import open_context, say
from desktop_app.services.clock_repair import repair_clock


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    repair = commands.add_parser(
        "repair-clock",
        help="SHO: re-stamp this store's records stamped while the PC's clock was far ahead (correct the date first)",
    )
    repair.add_argument("--dry-run", action="store_true", help="say what would change; change nothing")
    repair.set_defaults(func=cmd_repair_clock)


def cmd_repair_clock(args: argparse.Namespace) -> None:
    result = repair_clock(open_context(args), dry_run=args.dry_run)
    for line in result.lines():
        say(line)
    if args.dry_run:
        say("Dry run: nothing was changed.")
