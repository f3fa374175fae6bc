"""`ahtc purge`: the SHO forgets the history of records deleted longer ago than the district's retention period."""

from __future__ import annotations

import argparse

from desktop_app.commands.common import open_context, say
from desktop_app.services.purge import purge_deleted


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    purge = commands.add_parser(
        "purge",
        help="SHO: remove personal fields from every earlier version of records deleted before the retention period",
    )
    purge.add_argument("--dry-run", action="store_true", help="say what would be purged; change nothing")
    purge.set_defaults(func=cmd_purge)


def cmd_purge(args: argparse.Namespace) -> None:
    report = purge_deleted(open_context(args), dry_run=args.dry_run)
    done = ", ".join(f"{name} {n}" for name, n in sorted(report.purged.items())) or "none"
    say(f"Deleted records purged: {done}.")
    say(f"Deleted records still inside the retention period ({report.retention_days} days): {report.waiting}.")
    if args.dry_run:
        say("Dry run: nothing was changed.")
    elif report.purged:
        say("The next sync tells the district, which purges its copies and passes it on to the other stations.")
