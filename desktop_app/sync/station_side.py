"""Station side: apply the district's `district-return` bundle.

It moves the acknowledgement (so the next export starts after it), keeps the district's receipt, takes the
district's reference data and notices — never over a local change the district has not acknowledged yet —
and compares the district's digest of our rows with ours, marking differing buckets for re-sending.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import BundleRejected
from desktop_app.models.changelog import ChangeLogEntry, Conflict
from desktop_app.models.sync_state import DistrictAck, DistrictNotice
from desktop_app.services import audit
from desktop_app.services.clock_bounds import plain_time, stamp_time, too_late_floor
from desktop_app.services.context import Context
from desktop_app.services.purge import take_retention
from desktop_app.services.registry import reference_registers, register_models
from desktop_app.sync.anchor_payload import RECEIPTS_TABLE, keep_receipts
from desktop_app.sync.apply import IncomingChange, apply_entries, check_entries, split_future
from desktop_app.sync.bundle import OpenedBundle
from desktop_app.sync.conflicts import AT_THE_DISTRICT
from desktop_app.sync.digest import acknowledged_digest, differing_buckets
from desktop_app.sync.export import acknowledgement
from desktop_app.sync.peers import find_peer, station_info
from desktop_app.sync.receipts import receipt_is_valid
from desktop_app.sync.received import ImportResult, received_row, slip_for
from desktop_app.sync.rotation import take_new_keys
from desktop_app.sync.tls import CertificateError, take_pin

# Past this difference between the district's clock and ours, the officer is told to check the PC's date.
CLOCK_SKEW_WARNING_S = 10 * 60


def apply_return_bundle(ctx: Context, opened: OpenedBundle) -> ImportResult:
    manifest = opened.manifest
    extra = manifest["extra"]
    ack_in, receipt = extra.get("ack"), extra.get("receipt")
    if not isinstance(ack_in, dict) or not isinstance(receipt, dict):
        raise BundleRejected("payload", "The return bundle carries no acknowledgement. Nothing was imported.")
    if not receipt_is_valid(receipt, opened.sender_keys) or receipt.get("station") != ctx.station.station_code:
        raise BundleRejected(
            "receipt",
            "The district's receipt in this return bundle does not verify. Nothing was imported; report it to "
            "district IT.",
        )
    recovery = [e for e in opened.entries if e.get("recovery") is True]
    registers = [e for e in opened.entries if e["table"] in reference_registers() and e.get("recovery") is not True]
    known = {*reference_registers(), "notices", "sync_digest", "conflicts", RECEIPTS_TABLE}
    unknown = sorted({e["table"] for e in opened.entries if e.get("recovery") is not True} - known)
    if unknown:
        raise BundleRejected(
            "payload",
            f"The return bundle carries data this version cannot take ({unknown[0][:40]}). Nothing was "
            "imported; ask district IT to update AHTC Register on this computer.",
        )
    changes = check_entries(registers, registers=reference_registers())
    # Our own rows handed back after a restore: they must all be ours (checked like a station's bundle).
    recovered_changes = check_entries(recovery, owner=ctx.station.station_code)
    notes: list[str] = []
    with ctx.store.transaction() as session:
        now = ctx.clock.now()
        changes, recovered_changes, not_taken = _acceptable(session, ctx, now, changes, recovered_changes, notes)
        info = station_info(session)
        ack = acknowledgement(session, manifest["sender"], info.store_id)
        newer = manifest["store_id"] != ack.return_store_id or manifest["bundle_no"] > ack.return_no
        current_epoch = ack_in.get("store_id") == info.store_id
        acked = ack_in.get("acked_seq")
        if newer and current_epoch and type(acked) is int:
            if acked < ack.acked_seq:
                notes.append(
                    f"the district holds our changes only up to seq {acked} (we had {ack.acked_seq}): "
                    "the next export sends the rest again"
                )
            ack.acked_seq = acked
        elif not current_epoch:
            notes.append(
                "this return answers a bundle from before this store was restored; its acknowledgement is ignored"
            )
        elif not newer:
            notes.append("an older return than one already applied: its acknowledgement is ignored")
        for gap in ack_in.get("gaps", []) if current_epoch else []:
            notes.append(f"the district is missing seq {gap[0]}–{gap[1]}; the next export sends them again")
        protected = _unacknowledged_rows(session, ack.acked_seq)
        report = apply_entries(session, changes, now=now, protected=protected, foreign="skip", follow=True)
        recovered = apply_entries(
            session, recovered_changes, now=now, protected=protected, source="recovered", foreign="skip"
        )
        if report.refused or recovered.refused:
            notes.append(
                f"{sum((report.refused + recovered.refused).values())} record(s) in this return would have changed "
                "a record that belongs to another station; they were not taken. Report it to district IT."
            )
        report.refused.update(not_taken)
        recovered_count = len(recovered.changed_ids)
        if recovered_count:
            notes.append(
                f"{recovered_count} record(s) of this station that this computer no longer had (restored from an "
                "older backup, or reinstalled) came back from the district"
            )
        notices = _take_notices(session, opened.entries, now)
        conflicts_in = _take_conflicts(session, ctx.station.station_code, opened.entries, now)
        if conflicts_in:
            notes.append(
                f"{conflicts_in} earlier version(s) of this station's records lost a merge at the district: "
                "review them under Conflicts"
            )
        if not report.held_back:
            _move_reference_position(ack, manifest)
        if newer:
            ack.return_store_id, ack.return_no = manifest["store_id"], manifest["bundle_no"]
            ack.last_return_at = now
            ack.district_time_skew_s = _skew(extra.get("district_time"), now)
            take_retention(session, extra.get("retention_days"))
            if current_epoch:
                notes.extend(_plan_resend(session, ack, opened.entries))
        notes.extend(take_new_keys(session, ctx, opened))
        district = find_peer(session, manifest["sender"], "district")
        if district is not None and "tls_certificate" in extra:
            try:
                notes.extend(take_pin(session, ctx, district, extra["tls_certificate"]))
            except CertificateError:
                notes.append("the district sent a server certificate this version cannot read; it was not pinned")
        if ack.district_time_skew_s is not None and abs(ack.district_time_skew_s) > CLOCK_SKEW_WARNING_S:
            notes.append(
                f"this PC's clock differs from the district's by {abs(ack.district_time_skew_s) // 60} minutes: "
                "check the date and time"
            )
        # Every receipt the district signed for us is kept, this one and the earlier ones it hands back.
        keep_receipts(
            session,
            ctx.station.station_code,
            [*opened.entries, {"table": RECEIPTS_TABLE, "receipts": [receipt]}],
            opened.sender_keys,
            opened.sha256,
            now,
        )
        # Conflicts filed and rows held back while merging recovered rows count in the report like any other.
        report.conflicts.update(recovered.conflicts)
        report.held_back.update(recovered.held_back)
        summary = report.to_json() | {
            "acked_seq": ack.acked_seq,
            "notices": notices,
            "recovered": recovered_count,
            "notes": notes,
        }
        session.add(received_row(ctx, opened, "applied", summary))
        audit.append_many(
            session,
            ctx,
            [
                (
                    "sync-return",
                    None,
                    None,
                    f"from {manifest['sender']} bundle {manifest['bundle_no']}: ack {ack.acked_seq}",
                )
            ],
        )
    return ImportResult(
        slip_for(opened),
        "applied",
        summary,
        frozenset(c.table for c in [*changes, *recovered_changes]),
        frozenset(report.changed_ids | recovered.changed_ids),
        opened,
    )


def _move_reference_position(ack: DistrictAck, manifest: dict[str, Any]) -> None:
    """Take the return's reference position if its window starts at or below the one this store holds.

    A return answers the position its bundle named: one written before this store was restored named a later
    position than the restored store holds, and one from before a district restore counts in another epoch of
    the district's log. Taking either would skip reference rows this store never got (convergence F1, F2).
    """
    extra = manifest["extra"]
    top, start = extra.get("reference_seq"), extra.get("reference_from", manifest["seq_from"] - 1)
    if type(top) is not int or type(start) is not int:
        return
    same_epoch = ack.reference_store_id == manifest["store_id"]
    held = ack.reference_seq if same_epoch else 0
    if start > held:
        return
    ack.reference_seq = max(held, top) if same_epoch else top
    ack.reference_store_id = manifest["store_id"]


def _acceptable(
    session: Session,
    ctx: Context,
    now: dt.datetime,
    changes: list[IncomingChange],
    recovered: list[IncomingChange],
    notes: list[str],
) -> tuple[list[IncomingChange], list[IncomingChange], Counter[str]]:
    """Drop what a station never takes from its district, with a note for each kind dropped; returns what is
    left to apply and the count dropped per register.

    A stamp from the far future would become this store's clock for good (security review finding 1); a
    reference row that claims to be this station's own was not written here (finding 2). The district refuses
    both on intake, so they arrive only from a district that took them before it did.
    """
    floor = too_late_floor(session, now)
    changes, late = split_future(changes, floor)
    recovered, late_own = split_future(recovered, floor)
    own = [c for c in changes if c.state.get("station_code") == ctx.station.station_code]
    changes = [c for c in changes if c.state.get("station_code") != ctx.station.station_code]
    if late or late_own:
        latest = stamp_time(max(c.hlc for c in [*late, *late_own]))
        notes.append(
            f"{len(late) + len(late_own)} record(s) in this return are stamped as late as {plain_time(latest)}, "
            "too far ahead of this PC's clock; they were not taken. Check this PC's date and time, and tell "
            "district IT (the station that wrote them must run 'ahtc repair-clock')."
        )
    if own:
        notes.append(
            f"{len(own)} record(s) in this return claim to be this station's own but were not written here; they "
            "were not taken. Report it to district IT."
        )
    return changes, recovered, Counter(change.table for change in [*late, *late_own, *own])


def _unacknowledged_rows(session: Session, acked_seq: int) -> frozenset[str]:
    log = ChangeLogEntry.__table__
    return frozenset(
        session.scalars(select(log.c.row_id).where(log.c.source == "local", log.c.seq > acked_seq).distinct())
    )


def _take_notices(session: Session, entries: list[dict[str, Any]], now: dt.datetime) -> int:
    taken = 0
    for entry in entries:
        if entry["table"] != "notices":
            continue
        try:
            notice_id, title, body = str(entry["id"])[:36], str(entry["title"])[:200], str(entry["body"])
            issued_at = dt.datetime.fromisoformat(str(entry["issued_at"]))
            issued_by = str(entry["issued_by"])[:32]
        except (KeyError, ValueError):
            continue
        if session.get(DistrictNotice, notice_id) is None:
            session.add(
                DistrictNotice(
                    id=notice_id, issued_by=issued_by, title=title, body=body, issued_at=issued_at, received_at=now
                )
            )
            taken += 1
    return taken


def _take_conflicts(session: Session, own_code: str, entries: list[dict[str, Any]], now: dt.datetime) -> int:
    """Record the district's conflicts on our rows that this store does not know; returns how many were new."""
    taken = 0
    for entry in entries:
        if entry["table"] != "conflicts":
            continue
        register, row_id, lost_hlc = entry.get("register"), entry.get("row_id"), entry.get("lost_hlc")
        state, kept_hlc, reason = entry.get("lost_state"), entry.get("kept_hlc"), entry.get("reason")
        if (
            register not in register_models()
            or not all(isinstance(v, str) for v in (row_id, lost_hlc, kept_hlc, reason))
            or not isinstance(state, dict)
            or state.get("station_code") != own_code
            or state.get("id") != row_id
        ):
            continue  # not ours or not well formed: a conflict record is advice, never worth refusing the bundle
        log = ChangeLogEntry.__table__
        known = session.scalar(
            select(log.c.seq).where(log.c.row_id == row_id, log.c.hlc == lost_hlc).limit(1)
        ) or session.scalar(select(Conflict.id).where(Conflict.row_id == row_id, Conflict.lost_hlc == lost_hlc))
        if known:
            continue
        session.add(
            Conflict(
                table_name=register,
                row_id=row_id,
                kept_hlc=kept_hlc,
                lost_hlc=lost_hlc,
                lost_origin=own_code,
                lost_state=state,
                reason=f"{AT_THE_DISTRICT}{reason}"[:200],
                detected_at=now,
            )
        )
        taken += 1
    return taken


def _plan_resend(session: Session, ack: DistrictAck, entries: list[dict[str, Any]]) -> list[str]:
    """Compare the district's digest with ours; mark differing buckets for the next export, once per state."""
    theirs = next((e.get("digest") for e in entries if e["table"] == "sync_digest"), None)
    if not isinstance(theirs, dict):
        return []
    differing = differing_buckets(acknowledged_digest(session, ack.acked_seq), theirs)
    tried = dict(ack.resent_digests or {})
    again = [key for key in differing if key not in tried or tried[key] != theirs.get(key)]
    ack.resend_buckets = again
    ack.resent_digests = {key: theirs.get(key) for key in differing}
    # Where the district holds rows of ours (or versions of them) this store lacks, ask for its versions: a bundle
    # written before a restore may have reached it after the restored store's first sync (convergence F3).
    recover = [key for key in differing if theirs.get(key) is not None]
    ack.recover_buckets = recover or None
    notes = []
    if again:
        notes.append(f"the district's copy differs in {len(again)} part(s); the next export sends them again")
    if recover:
        notes.append(
            f"the district holds {len(recover)} part(s) of this station's records in versions this store does not "
            "have (after restoring a backup, or a bundle that arrived late); the next export asks for them back"
        )
    return notes


def _skew(district_time: object, now: dt.datetime) -> int | None:
    try:
        moment = dt.datetime.fromisoformat(str(district_time))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return int((now - moment).total_seconds())
