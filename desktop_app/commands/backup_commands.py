"""`ahtc auto-backup`: the automatic backups' status, schedule and a run now (services/auto_backup.py)."""

from __future__ import annotations

import argparse

from desktop_app.commands.common import local_time, open_context, say
from desktop_app.errors import AhtcError
from desktop_app.services import auto_backup
from desktop_app.services.settings import BACKUP_SCHEDULES, save_settings


class BackupNotEverywhere(AhtcError):
    """An automatic backup could not be written to one of its folders."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    auto = commands.add_parser("auto-backup", help="automatic backups: status, schedule, run now")
    sub = auto.add_subparsers(dest="auto_command", required=True, metavar="ACTION")
    sub.add_parser("status", help="the last good backup, where, and whether one is due").set_defaults(func=cmd_status)
    schedule = sub.add_parser("set", help="SHO: when, and the second folder (a USB drive or a second disk)")
    schedule.add_argument("--every", choices=BACKUP_SCHEDULES, help="daily (first sign-in of the day), weekly, off")
    where = schedule.add_mutually_exclusive_group()
    where.add_argument("--folder", help="also back up into this folder, e.g. E:\\AHTC-backups")
    where.add_argument("--no-folder", action="store_true", help="only into the data folder's backups\\auto")
    schedule.set_defaults(func=cmd_set)
    run = sub.add_parser("run", help="write, verify and rotate the automatic backup now")
    run.add_argument("--if-due", action="store_true", help="only if the schedule says one is due")
    run.set_defaults(func=cmd_run)


def cmd_status(args: argparse.Namespace) -> None:
    say_status(auto_backup.status(open_context(args)))


def say_status(status: auto_backup.BackupStatus) -> None:
    second = f" and {status.folder}" if status.folder else ""
    say(f"Schedule: {status.schedule}; folders: the data folder's backups/auto{second}")
    if status.last_good is None:
        say("Last good backup: none yet.")
    else:
        places = ", ".join(str(p) for p in status.last_good_places)
        say(f"Last good backup: {local_time(status.last_good)}, in {places}")
    say(f"Automatic backups kept: {status.kept}. " + ("A backup is due." if status.due else "None is due."))
    for problem in status.last_problems:
        say(f"Last run: {problem}")


def cmd_set(args: argparse.Namespace) -> None:
    ctx = open_context(args)
    changes: dict[str, object] = {}
    if args.every:
        changes["backup_schedule"] = args.every
    if args.folder is not None or args.no_folder:
        changes["backup_folder"] = None if args.no_folder else args.folder
    if changes:
        save_settings(ctx, **changes)
    say_status(auto_backup.status(ctx))


def cmd_run(args: argparse.Namespace) -> None:
    ctx = open_context(args)
    run = auto_backup.run_if_due(ctx) if args.if_due else auto_backup.run_now(ctx)
    if run is None:
        say("No backup is due.")
        return
    for destination in run.destinations:
        if destination.file is not None:
            say(f"Backup written and verified: {destination.file}")
    if run.removed:
        say(f"Older automatic backups removed by rotation: {len(run.removed)}")
    problems = [d.problem for d in run.destinations if d.problem]
    if problems:
        raise BackupNotEverywhere("; ".join(problems))
