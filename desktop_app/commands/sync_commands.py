"""Subcommands for sync: enrolment, bundles by USB stick, and the district server (DESIGN.md §6–§7)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop_app.commands.common import (
    UsageError,
    data_dir,
    new_passphrase,
    open_context,
    passphrase,
    say,
    username,
)
from desktop_app.errors import BundleRejected
from desktop_app.services.context import Context
from desktop_app.services.purge import set_retention
from desktop_app.store.faults import file_fault
from desktop_app.sync import conflicts, recovery, rotation, station_anchor
from desktop_app.sync import district as district_store
from desktop_app.sync.district_side import save_return_bundle
from desktop_app.sync.enrolment import (
    enrol_complete,
    enrol_request,
    enrol_station,
    own_fingerprint,
    read_answer,
    read_request,
)
from desktop_app.sync.export import clock_warnings, export_bundle
from desktop_app.sync.importer import BundleHeld, import_bundle, receive_station_bundle
from desktop_app.sync.received import ReturnBundle


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    request = commands.add_parser("enrol-request", help="station: write the enrolment request for the district")
    request.add_argument("--out", required=True, type=Path)
    request.set_defaults(func=cmd_enrol_request)
    complete = commands.add_parser(
        "enrol-complete", help="station: take the district's enrolment answer once its fingerprint is confirmed"
    )
    complete.add_argument("answer", type=Path)
    complete.add_argument(
        "--fingerprint", help="the district's fingerprint as the district reads it out (asked for when not given)"
    )
    complete.set_defaults(func=cmd_enrol_complete)

    slots = commands.add_parser("recovery", help="station: the recovery key slots of this store")
    slots_sub = slots.add_subparsers(dest="recovery_command", required=True, metavar="ACTION")
    slots_sub.add_parser("list", help="every recovery slot and whose key it is").set_defaults(func=cmd_recovery_list)
    remove = slots_sub.add_parser("remove", help="remove a recovery slot (by its fingerprint)")
    remove.add_argument("fingerprint")
    remove.set_defaults(func=cmd_recovery_remove)
    recover = commands.add_parser(
        "recover", help="open a station store with the district recovery key and set a new SHO passphrase"
    )
    recover.add_argument("--key-file", required=True, type=Path, help="the district's recovery key file")
    recover.set_defaults(func=cmd_recover)
    rotate = commands.add_parser("rotate-keys", help="new sync keys for this installation (station or district)")
    rotate.add_argument(
        "--keep-old-days",
        type=int,
        default=rotation.DEFAULT_KEEP_OLD_DAYS,
        help=f"how long the old keys still read bundles on their way (default {rotation.DEFAULT_KEEP_OLD_DAYS})",
    )
    rotate.add_argument("--retire-old", action="store_true", help="retire the old keys now instead of rotating")
    rotate.set_defaults(func=cmd_rotate_keys)

    export = commands.add_parser("export-bundle", help="write the next sync bundle (changes not yet acknowledged)")
    export.add_argument("--out", required=True, type=Path, help="folder to write into, e.g. the USB stick")
    export.set_defaults(func=cmd_export_bundle)
    net = commands.add_parser(
        "sync", help="station: send the changes to the district server over the network and apply its answer"
    )
    net.add_argument(
        "--url",
        help="the district server, e.g. http://192.168.1.10:8470 (default: the address set in the app's Settings)",
    )
    net.set_defaults(func=cmd_sync)
    imp = commands.add_parser("import-bundle", help="apply bundles (district: stations' bundles; station: returns)")
    imp.add_argument("bundles", nargs="+", type=Path)
    imp.add_argument("--return-out", type=Path, help="district: folder for the return bundles (default: outbox)")
    imp.set_defaults(func=cmd_import_bundle)

    conflict_parser = commands.add_parser(
        "conflicts", help="versions that lost a merge: list, compare, review, bring back"
    )
    conflict_sub = conflict_parser.add_subparsers(dest="conflicts_command", required=True, metavar="ACTION")
    lst = conflict_sub.add_parser("list", help="open conflicts, newest first (--all: reviewed ones too)")
    lst.add_argument("--all", action="store_true")
    lst.add_argument("--station", help="only versions that came from this station")
    lst.set_defaults(func=cmd_conflicts_list)
    show = conflict_sub.add_parser("show", help="both versions of the record, field by field")
    show.add_argument("number", type=int)
    show.set_defaults(func=cmd_conflicts_show)
    reviewed = conflict_sub.add_parser("reviewed", help="keep the record as it is; mark the conflict reviewed")
    reviewed.add_argument("number", type=int)
    reviewed.set_defaults(func=cmd_conflicts_reviewed)
    restore = conflict_sub.add_parser("restore", help="station: make the other version the record again")
    restore.add_argument("number", type=int)
    restore.set_defaults(func=cmd_conflicts_restore)

    district = commands.add_parser("district", help="the district installation and server")
    sub = district.add_subparsers(dest="district_command", required=True)
    init = sub.add_parser("init", help="create the district store")
    init.add_argument("--district-code", required=True)
    init.add_argument("--district", required=True, help="district name, e.g. 'Mandi Bahauddin'")
    init.add_argument("--admin", required=True, help="user name of the district in-charge")
    init.add_argument("--database-url", help="PostgreSQL instead of SQLCipher: postgresql+psycopg://...")
    init.add_argument(
        "--recovery-key-out",
        required=True,
        type=Path,
        help="new file for the district's recovery key (a USB stick to keep offline, not the data folder)",
    )
    init.set_defaults(func=cmd_district_init)
    key = sub.add_parser("recovery-key", help="make the district's recovery key (a district made before it existed)")
    key.add_argument("--out", required=True, type=Path, help="new file for the private key, kept offline")
    key.add_argument("--replace", action="store_true", help="replace an existing recovery key (lost or exposed)")
    key.set_defaults(func=cmd_district_recovery_key)
    enrol = sub.add_parser("enrol", help="enrol a station from its request file once its fingerprint is confirmed")
    enrol.add_argument("request", type=Path)
    enrol.add_argument("--out", required=True, type=Path)
    enrol.add_argument(
        "--fingerprint", help="the station's fingerprint as its SHO reads it out (asked for when not given)"
    )
    enrol.set_defaults(func=cmd_district_enrol)
    revoke = sub.add_parser("revoke", help="cut off a lost or stolen station: its bundles are refused from now on")
    revoke.add_argument("station", help="station code, e.g. MBD-PHALIA")
    revoke.add_argument("--reason", default="", help="for the record, e.g. 'laptop stolen' (nothing personal)")
    revoke.set_defaults(func=cmd_district_revoke)
    accept = sub.add_parser(
        "accept-grants",
        help="trust the roles a station's SHO signed after the fact (check them with him by phone first)",
    )
    accept.add_argument("station", help="station code, e.g. MBD-PHALIA")
    accept.set_defaults(func=cmd_district_accept_grants)
    serve = sub.add_parser("serve", help="run the district sync server (HTTP)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8470)
    serve.add_argument("--tls-cert", type=Path, help="the server's certificate (PEM); stations pin it")
    serve.add_argument("--tls-key", type=Path, help="the certificate's private key (PEM)")
    serve.set_defaults(func=cmd_district_serve)
    status = sub.add_parser("status", help="stations, last bundle, gaps and open conflicts")
    status.set_defaults(func=cmd_district_status)
    retention = sub.add_parser("retention", help="how long deleted records keep their history before a purge")
    retention.add_argument("--days", required=True, type=int)
    retention.set_defaults(func=cmd_district_retention)
    keys = sub.add_parser("keys", help="publish the stations' signing keys, to check FIR-support summaries anywhere")
    keys.add_argument("--out", required=True, type=Path, help="the key list to write, e.g. district-keys.json")
    keys.set_defaults(func=cmd_district_keys)
    notice = sub.add_parser("notice", help="issue a notice to every station (no personal data)")
    notice.add_argument("--title", required=True)
    notice.add_argument("--text", required=True)
    notice.set_defaults(func=cmd_district_notice)


def _open_any(args: argparse.Namespace) -> Context:
    """Station or district store (a district on PostgreSQL has no passphrase of its own)."""
    folder = data_dir(args)
    if district_store.server_url(folder) is not None:
        return district_store.open_district(folder, username(args), None)
    return open_context(args)


def _open_district(args: argparse.Namespace) -> Context:
    folder = data_dir(args)
    secret = None if district_store.server_url(folder) is not None else passphrase()
    return district_store.open_district(folder, username(args), secret)


def cmd_enrol_request(args: argparse.Namespace) -> None:
    ctx = open_context(args)
    result = enrol_request(ctx, args.out)
    say(f"Enrolment request for {ctx.station.station_code} written to {args.out}.")
    say(f"This station's key fingerprint: {result.own_fingerprint}")
    say("Take the file to the district AHTC and read this fingerprint to them by phone.")


def cmd_enrol_complete(args: argparse.Namespace) -> None:
    ctx = open_context(args)
    preview = read_answer(ctx, args.answer)
    typed = _fingerprint_read_out(
        args.fingerprint,
        [
            f"Answer from district {preview.district_code} ({preview.district_name}).",
            f"  This station's fingerprint:            {preview.station_fingerprint}",
            f"  The district's fingerprint in the file: {preview.district_fingerprint}",
            "Phone the district: read them this station's fingerprint, and ask them to read theirs.",
        ],
        "The district's fingerprint, as the district reads it out: ",
    )
    result = enrol_complete(ctx, args.answer, district_fingerprint=typed)
    say(f"Enrolled with district {result.peer_code} ({result.peer_name}).")
    say(f"District key fingerprint: {result.peer_fingerprint} (confirmed)")
    say(f"This station's key fingerprint: {result.own_fingerprint}")
    if result.replaced_fingerprint:
        say(f"The district's keys changed (previously {result.replaced_fingerprint}).")
    say(
        f"The district's recovery key ({result.recovery_fingerprint}) can now open this store if every passphrase "
        "is lost; it is kept offline at the district."
    )
    if result.removed_recovery_slots:
        say(f"Removed {result.removed_recovery_slots} other recovery slot(s): only this recovery key opens the store.")


def _fingerprint_read_out(given: str | None, shown: list[str], prompt: str) -> str:
    """The fingerprint the other side read out: from --fingerprint, or asked for after showing both."""
    if given:
        return str(given)
    if not sys.stdin.isatty():
        raise UsageError("give --fingerprint XXXX-XXXX-XXXX-XXXX as the other side reads it out by phone")
    for line in shown:
        say(line)
    return input(prompt)


def cmd_district_enrol(args: argparse.Namespace) -> None:
    ctx = _open_district(args)
    preview = read_request(ctx, args.request)
    typed = _fingerprint_read_out(
        args.fingerprint,
        [
            f"Request from station {preview.station_code} ({preview.station_name}).",
            f"  The station's fingerprint in the file: {preview.station_fingerprint}",
            f"  This district's fingerprint:           {preview.district_fingerprint}",
            "Phone the station's SHO: ask them to read their fingerprint, and read them the district's.",
        ],
        "The station's fingerprint, as its SHO reads it out: ",
    )
    result = enrol_station(ctx, args.request, args.out, station_fingerprint=typed)
    say(f"Enrolled station {result.peer_code} ({result.peer_name}); answer written to {args.out}.")
    say(f"Station key fingerprint: {result.peer_fingerprint} (confirmed)")
    say(f"District key fingerprint: {result.own_fingerprint} — the station types it in when it takes the answer.")
    say(f"District recovery key in the answer: {result.recovery_fingerprint}")
    if result.replaced_fingerprint:
        say(f"This replaces the station's earlier keys ({result.replaced_fingerprint}).")


def cmd_district_keys(args: argparse.Namespace) -> None:
    from desktop_app.sync.key_list import write_key_list

    written = write_key_list(_open_district(args), args.out)
    say(f"Wrote {args.out}: signing keys of {len({s.station_code for s in written.stations})} station(s).")
    say(f"Give it to the prosecutor's office; they compare this fingerprint once by phone: {written.fingerprint}")


def cmd_district_revoke(args: argparse.Namespace) -> None:
    status = district_store.revoke_station(_open_district(args), args.station, args.reason)
    say(f"Revoked {status.code} ({status.name}): its bundles are refused from now on and nothing is sent back to it.")
    say(f"Its keys {status.fingerprint} are never accepted again; it comes back only by enrolling with new keys.")


def cmd_district_accept_grants(args: argparse.Namespace) -> None:
    station = args.station.strip().upper()
    count = station_anchor.accept_grants(_open_district(args), station)
    if count == 0:
        say(f"{station} has no grants signed after the fact waiting: nothing to accept.")
        return
    say(f"{count} grant(s) of {station} accepted: its SHO's key is trusted from now on.")


def cmd_district_recovery_key(args: argparse.Namespace) -> None:
    ctx = _open_district(args)
    fingerprint = recovery.make_recovery_key(ctx, args.out, replace=args.replace)
    _say_recovery_key_written(args.out, fingerprint)
    say("Stations enrolled before have no slot for it yet: enrol each again (docs/sync.md, 'Recovery').")


def _say_recovery_key_written(path: Path, fingerprint: str) -> None:
    say(f"District recovery key {fingerprint} written to {path}.")
    say(recovery.KEEPING_ADVICE)


def cmd_recovery_list(args: argparse.Namespace) -> None:
    slots = recovery.recovery_slots(open_context(args))
    if not slots:
        say("This store has no recovery slot: enrol with the district to get one.")
    for slot in slots:
        mark = " (current)" if slot.current else ""
        say(f"{slot.fingerprint or slot.slot_id}{mark}\t{slot.what}")


def cmd_recovery_remove(args: argparse.Namespace) -> None:
    slot = recovery.remove_recovery_slot(open_context(args), args.fingerprint)
    say(f"Removed the recovery slot of {slot.fingerprint or slot.slot_id} ({slot.what.split(':')[0]}).")


def cmd_recover(args: argparse.Namespace) -> None:
    who = username(args)
    new = new_passphrase("AHTC_NEW_PASSPHRASE", f"New passphrase for {who}: ")
    ctx = recovery.recover_store(data_dir(args), args.key_file, who, new)
    _, fingerprint = recovery.read_recovery_key(args.key_file)
    ctx.store.close()
    say(f"Opened the store with the district recovery key {fingerprint}; {who} has a new passphrase.")
    say("Sign in with it now and give the other users new passphrases. The recovery is in the audit log.")
    say("Take the recovery key file away from this computer again.")


def cmd_rotate_keys(args: argparse.Namespace) -> None:
    ctx = _open_any(args)
    if args.retire_old:
        retired = rotation.retire_old_keys(ctx)
        say(f"Retired the old keys {', '.join(retired)}." if retired else "There are no old keys to retire.")
        return
    done = rotation.rotate_keys(ctx, keep_old_days=args.keep_old_days)
    say(f"New keys {done.new_fingerprint} (before: {done.old_fingerprint}).")
    if ctx.station.is_district:
        say(
            "Every return bundle tells the stations the new keys. Bundles still encrypted to the old keys are read "
            f"until {done.retire_after:%Y-%m-%d} ('ahtc rotate-keys --retire-old' ends that sooner); a station that "
            "has not synced by then must enrol again."
        )
    else:
        say(
            "The next bundle tells the district the new keys; once it answers, the old keys are kept "
            f"{done.keep_old_days} days for answers still on their way."
        )


def cmd_export_bundle(args: argparse.Namespace) -> None:
    ctx = open_context(args)
    for warning in clock_warnings(ctx):
        print(f"WARNING: {warning.text()}", file=sys.stderr)
    slip = export_bundle(ctx, args.out)
    if slip is None:
        say("Nothing to send: the district has acknowledged every change.")
        return
    say("Dispatch slip — copy into the dispatch register:")
    for line in slip.lines():
        say(line)


def cmd_sync(args: argparse.Namespace) -> None:
    from desktop_app.services.settings import load_settings
    from desktop_app.sync.client import sync_over_http

    ctx = open_context(args)
    if ctx.station.is_district:
        raise UsageError("a district does not sync to itself: stations sync to it ('ahtc district serve')")
    url = args.url or load_settings(ctx).district_url
    if not url:
        raise UsageError(
            "no district server address: give --url http://ADDRESS:8470, or the SHO sets it in the app's Settings"
        )
    if not url.startswith(("http://", "https://")):
        raise UsageError("the address starts with https:// (or http:// inside the district network)")
    for warning in clock_warnings(ctx):
        print(f"WARNING: {warning.text()}", file=sys.stderr)
    done = sync_over_http(ctx, url)
    say(f"Sent to {url}:")
    for line in done.sent.lines():
        say(line)
    say("The district's answer, applied here:")
    for line in done.received.lines():
        say(line)


def cmd_import_bundle(args: argparse.Namespace) -> None:
    ctx = _open_any(args)
    outbox = args.return_out or (data_dir(args) / "outbox")
    refused: list[BundleRejected | BundleHeld] = []
    for path in args.bundles:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise file_fault(exc, path, writing=False) from None
        answer: ReturnBundle | None = None
        try:
            if ctx.station.is_district:
                received = receive_station_bundle(ctx, data)
                result, answer = received.result, received.answer
            else:
                result = import_bundle(ctx, data)
        except BundleRejected as exc:
            say(f"{path}: REFUSED ({exc.check}): {exc.detail}")
            refused.append(exc)
            continue
        except BundleHeld as exc:
            say(f"{path}: HELD: {exc}")
            refused.append(exc)
            continue
        say(f"{path}:")
        for line in result.lines():
            say(line)
        if answer is not None:
            slip = save_return_bundle(answer, outbox)
            say("Return bundle for the station — dispatch slip:")
            for line in slip.lines():
                say(line)
    if refused:
        raise refused[0]


def cmd_district_init(args: argparse.Namespace) -> None:
    url = args.database_url or os.environ.get("AHTC_DATABASE_URL")
    ctx = district_store.init_district(
        data_dir(args),
        district_code=args.district_code,
        district=args.district,
        admin=args.admin,
        passphrase=None if url else passphrase("New passphrase for the district in-charge: ", confirm=True),
        recovery_key_out=args.recovery_key_out,
        database_url=url,
    )
    where = "PostgreSQL (protect that database: see docs/sync.md)" if url else str(ctx.store.paths.data_dir)
    say(f"Created the district store for {ctx.station.district} ({ctx.station.station_code}) in {where}.")
    say(f"District key fingerprint: {own_fingerprint(ctx)}")
    with ctx.store.session() as session:
        key = recovery.current_recovery_key(session)
    assert key is not None
    _say_recovery_key_written(args.recovery_key_out, key.fingerprint)


def cmd_district_serve(args: argparse.Namespace) -> None:
    from desktop_app.sync.server import TlsFiles, serve
    from desktop_app.sync.tls import certificate_fingerprint, certificate_pem

    if (args.tls_cert is None) != (args.tls_key is None):
        raise UsageError("give both --tls-cert and --tls-key, or neither")
    tls = TlsFiles(args.tls_cert, args.tls_key) if args.tls_cert is not None else None
    ctx = _open_district(args)
    scheme = "https" if tls else "http"
    say(f"District sync server for {ctx.station.station_code} on {scheme}://{args.host}:{args.port} (Ctrl+C stops it)")
    if tls is not None:
        say(f"Certificate {certificate_fingerprint(certificate_pem(tls.certificate))}: stations pin it with their next")
        say("return bundle or enrolment answer, and accept no other for this server.")
    else:
        say("Without --tls-cert the network sees which station syncs when; use TLS outside a closed network.")
    serve(ctx, host=args.host, port=args.port, tls=tls)


def cmd_conflicts_list(args: argparse.Namespace) -> None:
    rows = conflicts.list_conflicts(_open_any(args), open_only=not args.all, station=args.station)
    if not rows:
        say("No conflicts to review." if not args.all else "No conflicts.")
    for c in rows:
        state = f"reviewed by {c.resolved_by}" if c.resolved_at is not None else "open"
        record = c.title or c.row_id
        say(f"{c.id:>5}  {c.detected_at:%Y-%m-%d}  {c.table_name:<20} {record}  from {c.lost_origin}  {state}")
        say(f"       {c.reason}")


def cmd_conflicts_show(args: argparse.Namespace) -> None:
    detail = conflicts.conflict_detail(_open_any(args), args.number)
    c = detail.conflict
    say(f"Conflict {c.id}: {detail.register_label} {c.row_id} — {c.reason}")
    say(f"  in the register now: version {detail.current_hlc}{' (deleted)' if detail.now_deleted else ''}")
    deletion = " (a deletion)" if detail.other_deleted else ""
    say(f"  the other version:   version {c.lost_hlc} from {c.lost_origin}{deletion}")
    for d in detail.differences:
        say(f"  {d.field}: now {_shown(d.now)}  |  other {_shown(d.other)}")
    if not detail.differences and not (detail.now_deleted or detail.other_deleted):
        say("  the details are the same in both versions")
    if detail.not_restorable:
        say(f"  {detail.not_restorable}")
    else:
        say(f"  'ahtc conflicts restore {c.id}' makes the other version the record again")
    say(f"  'ahtc conflicts reviewed {c.id}' keeps the record as it is")


def _shown(value: object) -> str:
    return "(empty)" if value in (None, "", [], {}) else " ".join(str(value).split())


def cmd_conflicts_reviewed(args: argparse.Namespace) -> None:
    conflicts.mark_reviewed(_open_any(args), args.number)
    say(f"Conflict {args.number} marked reviewed; the record stays as it is.")


def cmd_conflicts_restore(args: argparse.Namespace) -> None:
    ctx = _open_any(args)
    detail = conflicts.conflict_detail(ctx, args.number)
    conflicts.restore_other_version(ctx, args.number, detail.current_hlc)
    say(
        f"The other version of {detail.register_label} {detail.conflict.row_id} is the record again; it goes to "
        "the district with the next sync."
    )


def cmd_district_status(args: argparse.Namespace) -> None:
    stations = district_store.district_status(_open_district(args))
    if not stations:
        say("No station is enrolled yet.")
    for station in stations:
        say(station.line())


def cmd_district_notice(args: argparse.Namespace) -> None:
    notice_id = district_store.add_notice(_open_district(args), args.title, args.text)
    say(f"Notice {notice_id} issued; it goes to every station with its next return bundle.")


def cmd_district_retention(args: argparse.Namespace) -> None:
    set_retention(_open_district(args), args.days)
    say(
        f"Deleted records now keep their history for {args.days} days; each station learns it at its next sync, "
        "and its SHO may then purge older ones ('ahtc purge')."
    )
