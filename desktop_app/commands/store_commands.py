"""Subcommands for the installation itself: init, demo, users, verify, backup, restore."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from desktop_app.commands import backup_commands
from desktop_app.commands.common import (
    UsageError,
    data_dir,
    new_passphrase,
    open_context,
    passphrase,
    say,
    username,
)
from desktop_app.reports import law_sections
from desktop_app.services import accounts, demo, maintenance
from desktop_app.services.setup import init_store
from desktop_app.store.faults import restore_advice


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = commands.add_parser("init", help="create a new encrypted station store")
    init.add_argument("--station-code", required=True)
    init.add_argument("--station-name", required=True)
    init.add_argument("--district", required=True)
    init.add_argument(
        "--district-code",
        help="the district's code, e.g. MBD (default: the part of the station code before the first '-')",
    )
    init.add_argument("--admin", required=True, help="user name of the SHO who will manage this store")
    init.add_argument("--admin-name", help="the SHO's name as shown on screen")
    init.set_defaults(func=cmd_init)

    demo_cmd = commands.add_parser("demo", help="a store filled with realistic synthetic data, for trying the app")
    demo_cmd.add_argument("--records", type=int, default=demo.DEFAULT_RECORDS, help="roughly how many records")
    demo_cmd.add_argument("--seed", type=int, default=2026)
    demo_cmd.set_defaults(func=cmd_demo)

    user = commands.add_parser("user", help="accounts and roles").add_subparsers(dest="user_command", required=True)
    add = user.add_parser("add", help="add an account (SHO only)")
    add.add_argument("new_user")
    add.add_argument("--name", required=True, help="the officer's name as shown on screen")
    add.add_argument("--role", required=True, choices=["officer", "sho", "district_analyst", "viewer"])
    add.set_defaults(func=cmd_user_add)
    passwd = user.add_parser("passwd", help="change your passphrase, or (SHO) reset another user's")
    passwd.add_argument("target", nargs="?", help="another user's name (SHO reset)")
    passwd.set_defaults(func=cmd_user_passwd)
    lst = user.add_parser("list", help="list accounts (SHO only)")
    lst.set_defaults(func=cmd_user_list)
    disable = user.add_parser("disable", help="disable an account; its passphrase stops opening the store")
    disable.add_argument("target")
    disable.set_defaults(func=cmd_user_disable)

    verify = commands.add_parser("verify", help="integrity check, encrypted-page check and audit-chain check")
    verify.set_defaults(func=cmd_verify)
    backup = commands.add_parser("backup", help="write a backup file (still encrypted)")
    backup.add_argument("--out", required=True, type=Path)
    backup.set_defaults(func=cmd_backup)
    restore = commands.add_parser("restore", help="replace this store with a backup (SHO only)")
    restore.add_argument("backup_file", type=Path)
    restore.add_argument(
        "--other-station",
        metavar="CODE",
        help="the backup is of another station (its code): replace this folder's store with it anyway",
    )
    restore.add_argument(
        "--confirm-users",
        action="store_true",
        help="go ahead although the replaced store cannot be checked for accounts disabled since the backup",
    )
    restore.set_defaults(func=cmd_restore)
    # Registered from here so the command list in cli.py stays as it is.
    backup_commands.register(commands)


def district_code_for(station_code: str, given: str | None) -> str:
    """The district code given, or the one a station code like MBD-PHALIA starts with: enrolment needs one."""
    if given and given.strip():
        return given.strip()
    prefix, dash, _rest = station_code.strip().partition("-")
    if dash and prefix:
        return prefix
    raise UsageError("give the district's code with --district-code (e.g. MBD): enrolment with the district needs it")


def cmd_init(args: argparse.Namespace) -> None:
    district_code = district_code_for(args.station_code, args.district_code)
    ctx = init_store(
        data_dir(args),
        station_code=args.station_code,
        station_name=args.station_name,
        district=args.district,
        district_code=district_code,
        admin=args.admin,
        admin_name=args.admin_name,
        passphrase=passphrase("New passphrase for the SHO: ", confirm=True),
    )
    say(
        f"Created the store for {ctx.station.station_name} ({ctx.station.station_code}, district {district_code}) "
        f"in {ctx.store.paths.data_dir}"
    )
    say(
        f"Sign in as {ctx.actor.username}. Keep the passphrase safe: without it, or the district's recovery key, "
        "the data cannot be opened."
    )


def cmd_demo(args: argparse.Namespace) -> None:
    folder = data_dir(args)
    created = demo.ensure_demo_store(
        folder,
        os.environ.get("AHTC_PASSPHRASE") or demo.DEMO_PASSPHRASE,
        os.environ.get("AHTC_USER") or getattr(args, "user", None) or demo.DEMO_USER,
    )
    if demo.already_filled(created):
        say(f"The demo store in {folder} already has its synthetic records; nothing was added.")
        if not os.environ.get("AHTC_PASSPHRASE"):
            say(f"Sign in as '{demo.DEMO_USER}' with the passphrase '{demo.DEMO_PASSPHRASE}' (demo data only).")
        created.store.close()
        return
    summary = demo.fill(created, records=args.records, seed=args.seed, confirm_sections=confirm_top_sections())
    say(
        f"Demo store in {folder}: {summary.total} synthetic records "
        + ", ".join(f"{n} {reg}" for reg, n in summary.counts.items())
    )
    if not os.environ.get("AHTC_PASSPHRASE"):
        say(f"Sign in as '{demo.DEMO_USER}' with the passphrase '{demo.DEMO_PASSPHRASE}' (demo data only).")


def confirm_top_sections(limit: int = 3) -> Callable[[str, list[str]], list[str]]:
    """What a careful officer does with the suggestions for a demo case: keep the top verified ones."""
    catalogue = law_sections.load_catalogue()

    def confirm(category: str, facts: list[str]) -> list[str]:
        profile = law_sections.CaseProfile.of(category, facts)
        suggestions = law_sections.suggest_sections(catalogue, profile, include_unverified=False)
        return [s.section.id for s in suggestions[:limit]]

    return confirm


def cmd_user_add(args: argparse.Namespace) -> None:
    ctx = open_context(args)
    info = accounts.add_user(
        ctx,
        args.new_user,
        args.name,
        args.role,
        new_passphrase("AHTC_NEW_PASSPHRASE", f"Passphrase for {args.new_user}: "),
    )
    say(f"Added {info.username} ({info.role}).")


def cmd_user_passwd(args: argparse.Namespace) -> None:
    ctx = open_context(args)
    new = new_passphrase("AHTC_NEW_PASSPHRASE", "New passphrase: ")
    if args.target and args.target.strip().lower() != ctx.actor.username:
        report = accounts.reset_passphrase(ctx, args.target, new)
        say(f"Passphrase of {args.target} reset. Ask them to change it at their next sign-in.")
    else:
        report = accounts.change_own_passphrase(ctx, passphrase(), new)
        say("Passphrase changed.")
    say_rekey(report)


def cmd_user_list(args: argparse.Namespace) -> None:
    for user in accounts.list_users(open_context(args)):
        say(f"{user.username}\t{user.role}\t{'active' if user.active else 'disabled'}\t{user.display_name}")


def cmd_user_disable(args: argparse.Namespace) -> None:
    report = accounts.disable_user(open_context(args), args.target)
    say(f"Disabled {args.target}.")
    say_rekey(report)


def say_rekey(report: accounts.RekeyReport) -> None:
    say(
        "The register now has a new key: a copy of it or of keyslots.json made before this opens only the data "
        "as it was then."
    )
    if report.lost_access:
        say(
            "These accounts had not signed in since the update and can no longer sign in; give each a new "
            "passphrase with 'ahtc user passwd NAME': " + ", ".join(report.lost_access)
        )
    if report.lost_recovery:
        say(f"{len(report.lost_recovery)} old district recovery slot(s) were dropped; enrol again to add one.")


def cmd_verify(args: argparse.Namespace) -> None:
    report = maintenance.verify_store(open_context(args))
    if report.ok:
        say(
            f"OK: database intact, every encrypted page authentic, audit chain of {report.chain.entries} entries "
            f"unbroken (head {report.chain.head_hash[:16]})."
        )
        return
    problems = report.problems()
    for problem in problems:
        print(f"ahtc verify: {problem}", file=sys.stderr)
    raise maintenance.IntegrityProblem(f"{len(problems)} problem(s) above. " + restore_advice(data_dir(args)))


def cmd_backup(args: argparse.Namespace) -> None:
    ctx = open_context(args)
    out: Path = args.out
    if out.is_dir():
        # `--out E:/` names the stick: the file gets the station's name and today's date inside it.
        out = out / f"ahtc-{ctx.station.station_code}-{ctx.clock.now():%Y-%m-%d-%H%M}.ahtcbak"
    info = maintenance.backup_store(ctx, out)
    say(f"Backup written to {out} ({info.database_bytes:,} bytes, SHA-256 {info.database_sha256[:16]}…).")


def cmd_restore(args: argparse.Namespace) -> None:
    report = maintenance.restore(
        args.backup_file,
        data_dir(args),
        username(args),
        passphrase(),
        other_station=args.other_station,
        confirm_users=args.confirm_users,
    )
    say(f"Restored {report.backup_station} from {args.backup_file}.")
    if report.set_aside is not None:
        replaced = report.replaced_station or "a store this passphrase could not open"
        say(f"The store it replaced ({replaced}) is kept in {report.set_aside}.")
    say("The store now has a new store id; the next sync tells the district to expect a re-send.")
    if report.disabled_again:
        say("Disabled again, as they were before the restore: " + ", ".join(report.disabled_again))
    if report.came_back:
        say("These accounts can sign in again, as at the backup: " + ", ".join(report.came_back))
    if report.rekey is not None:
        say_rekey(report.rekey)
