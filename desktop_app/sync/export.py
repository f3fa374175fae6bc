"""Station side: the next `station-changes` bundle — every local change the district has not acknowledged.

The acknowledgement only moves when a return bundle arrives, never here, so exporting twice sends the same
changes twice, which the district's importer takes as a no-op (DESIGN.md §6).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app import __version__
from desktop_app.errors import AhtcError
from desktop_app.models.changelog import ChangeLogEntry
from desktop_app.models.sync_state import BundleSent, DistrictAck, SyncPeer
from desktop_app.services import audit, permissions
from desktop_app.services.clock_bounds import allowed_skew, plain_span, plain_time, stamp_time, too_late_floor
from desktop_app.services.context import Context
from desktop_app.services.hlc import CLOCK_BEHIND_TOLERANCE_MS
from desktop_app.services.records import json_state
from desktop_app.services.registry import register_models
from desktop_app.store.faults import output_folder
from desktop_app.store.migrations_runner import head_revision
from desktop_app.sync.anchor_payload import anchor_entry, grants_unreceipted
from desktop_app.sync.bundle import bundle_file_name, bundle_sha256, save_bundle, write_bundle
from desktop_app.sync.digest import acknowledged_rows, bucket_of
from desktop_app.sync.peers import district_peer, load_identity, peer_keys, station_info
from desktop_app.sync.rotation import announcements

STATION_CHANGES = "station-changes"
DISTRICT_RETURN = "district-return"


class NotEnrolled(AhtcError):
    """Sync needs the enrolment exchange first."""


class WriteNotVerified(AhtcError):
    """The bundle read back from the drive differs from what was written."""


@dataclass(frozen=True)
class DispatchSlip:
    """What the officer copies into the paper dispatch register, for a bundle sent or received."""

    kind: str
    sender: str
    recipient: str
    bundle_no: int
    seq_from: int
    seq_to: int
    counts: dict[str, int]
    sha256: str
    created_at: str
    file: Path | None = None

    @property
    def changes(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        counts = ", ".join(f"{name} {n}" for name, n in sorted(self.counts.items())) or "none"
        out = [
            f"Bundle no. {self.bundle_no} ({self.kind}) from {self.sender} to {self.recipient}",
            f"  range: seq {self.seq_from}–{self.seq_to}; {self.changes} entries: {counts}",
            f"  created: {self.created_at}",
            f"  SHA-256: {self.sha256}",
        ]
        if self.file is not None:
            out.append(f"  file: {self.file}")
        return out


@dataclass(frozen=True)
class ExportedBundle:
    data: bytes
    slip: DispatchSlip
    # The district asked for these buckets again and this bundle carries them; given back if it never leaves.
    resent_buckets: tuple[str, ...] = ()


def acknowledgement(session: Session, district_code: str, store_id: str) -> DistrictAck:
    """This epoch's acknowledgement row; after a restore (new store id) it starts again from zero."""
    ack = session.get(DistrictAck, district_code)
    if ack is None:
        ack = DistrictAck(
            district_code=district_code,
            store_id=store_id,
            acked_seq=0,
            return_no=0,
            reference_seq=0,
            resend_buckets=[],
            resent_digests={},
        )
        session.add(ack)
    elif ack.store_id != store_id:
        # A restored store rewound its sequence: the old acknowledgement means nothing any more.
        ack.store_id, ack.acked_seq, ack.resend_buckets, ack.resent_digests = store_id, 0, [], {}
        ack.recover_buckets = None
    session.flush()
    return ack


def build_station_bundle(
    ctx: Context, *, allow_empty: bool = False, deliver: Callable[[ExportedBundle], None] | None = None
) -> ExportedBundle | None:
    """Sign and encrypt the next bundle and record it as sent; None when there is nothing to send.

    `allow_empty` makes a bundle without changes (the HTTP sync uses one to ask for the district's answer).
    `deliver` runs before the bundle is recorded as sent: when it fails (a full or write-protected stick), the
    bundle number is not used up, so the district never waits for a bundle that was never written.
    """
    permissions.require(ctx, permissions.SYNC)
    if ctx.station.is_district:
        raise NotEnrolled("a district store does not export station bundles; it answers them")
    with ctx.store.transaction() as session:
        district = _enrolled_district(session)
        info = station_info(session)
        ack = acknowledgement(session, district.code, info.store_id)
        entries = _entries_after(session, ack.acked_seq)
        resent = _resend_entries(session, ack) if ack.resend_buckets else []
        pending_grants = grants_unreceipted(session, ctx.station.station_code, info.store_id)
        if not entries and not resent and not allow_empty and not pending_grants:
            return None
        log = ChangeLogEntry.__table__
        seq_to = max(int(session.scalar(select(func.max(log.c.seq))) or 0), ack.acked_seq)
        last = session.scalar(
            select(BundleSent)
            .where(BundleSent.recipient == district.code, BundleSent.store_id == info.store_id)
            .order_by(BundleSent.bundle_no.desc())
            .limit(1)
        )
        bundle_no = 1 if last is None else last.bundle_no + 1
        head = audit.append_many(
            session,
            ctx,
            [("sync-export", None, None, f"bundle {bundle_no} to {district.code}: {len(entries)} changes")],
        )
        created_at = ctx.clock.now().astimezone(dt.UTC).isoformat()
        # Grants, users and the audit since the last receipt, for the district's checks (sync/station_anchor.py).
        changes = [*resent, *entries]
        payload = [*changes, anchor_entry(session, ctx.station.station_code, info.store_id)]
        data = write_bundle(
            kind=STATION_CHANGES,
            sender_code=ctx.station.station_code,
            recipient_code=district.code,
            bundle_no=bundle_no,
            seq_from=ack.acked_seq + 1,
            seq_to=seq_to,
            prev_bundle_sha256=None if last is None else last.sha256,
            store_id=info.store_id,
            app_version=__version__,
            schema_version=head_revision(),
            created_at=created_at,
            entries=payload,
            extra={
                "audit_head": {"seq": head[0], "hash": head[1]},
                "reference_seq": ack.reference_seq,
                # The district epoch that position counts in: after a district restore it sends everything again.
                "reference_store_id": ack.reference_store_id,
                "resent": len(resent),
                # Nothing from this store acknowledged yet (first sync, or the first after a restore or a
                # reinstall): ask the district to hand back the rows of ours it holds, so nothing stays lost.
                # Later, the buckets where the district's digest says it holds rows we lack (a bundle written
                # before a restore that arrived after it) are asked for again, whatever was acknowledged.
                "recover": ack.acked_seq == 0 or bool(ack.recover_buckets),
                **({"recover_buckets": list(ack.recover_buckets)} if ack.acked_seq and ack.recover_buckets else {}),
                # This version takes the district's conflicts on our rows (an older one would refuse them).
                "takes_conflicts": True,
                **announcements(session, ctx.clock.now()),
            },
            sender=load_identity(session),
            recipient_enc_public=peer_keys(district).enc,
        )
        counts = _counts(changes)  # the slip counts record changes, not the anchor entry
        sha = bundle_sha256(data)
        session.add(
            BundleSent(
                kind=STATION_CHANGES,
                recipient=district.code,
                store_id=info.store_id,
                bundle_no=bundle_no,
                seq_from=ack.acked_seq + 1,
                seq_to=seq_to,
                changes=len(changes),
                counts=counts,
                sha256=sha,
                created_at=ctx.clock.now(),
                created_by=ctx.actor.username,
            )
        )
        resent_buckets = tuple(ack.resend_buckets) if resent else ()
        if resent:
            ack.resend_buckets = []
        slip = DispatchSlip(
            STATION_CHANGES,
            ctx.station.station_code,
            district.code,
            bundle_no,
            ack.acked_seq + 1,
            seq_to,
            counts,
            sha,
            created_at,
        )
        exported = ExportedBundle(data, slip, resent_buckets)
        if deliver is not None:
            deliver(exported)
        return exported


def give_back(ctx: Context, exported: ExportedBundle, why: str) -> None:
    """The bundle never reached the district (not written, not verified, refused, no answer): its number is used
    again by the next bundle, so the district sees no gap, and the changes it carried are simply sent again.

    Only the latest bundle can be given back; the audit log keeps that it was made and why it was dropped.
    """
    slip = exported.slip
    with ctx.store.transaction() as session:
        row = session.scalar(
            select(BundleSent).where(BundleSent.recipient == slip.recipient, BundleSent.sha256 == slip.sha256)
        )
        if row is None:
            return
        later = select(BundleSent.id).where(
            BundleSent.recipient == row.recipient,
            BundleSent.store_id == row.store_id,
            BundleSent.bundle_no > row.bundle_no,
        )
        if session.scalar(later.limit(1)) is not None:
            return
        session.delete(row)
        if exported.resent_buckets:
            ack = session.get(DistrictAck, slip.recipient)
            if ack is not None:
                ack.resend_buckets = sorted({*ack.resend_buckets, *exported.resent_buckets})
        audit.append_many(
            session,
            ctx,
            [("sync-export-dropped", None, None, f"bundle {slip.bundle_no} to {slip.recipient}: {why}")],
        )


def export_bundle(ctx: Context, out_dir: Path, *, allow_empty: bool = False) -> DispatchSlip | None:
    """Write the next bundle into `out_dir` atomically (temp file, fsync, rename) and read it back; None if there
    is nothing to send. A bundle that cannot be written or does not read back the same uses up no number."""
    out_dir = output_folder(out_dir)
    saved: list[Path] = []

    def save(exported: ExportedBundle) -> None:
        slip = exported.slip
        name = bundle_file_name(slip.kind, slip.sender, slip.recipient, slip.bundle_no)
        saved.append(save_bundle(exported.data, out_dir, name))
        if bundle_sha256(saved[-1].read_bytes()) != slip.sha256:
            raise WriteNotVerified(str(saved[-1]))

    try:
        exported = build_station_bundle(ctx, allow_empty=allow_empty, deliver=save)
    except BaseException:
        # Written but not recorded (not verified, or the store's own disk failed at commit): the file must not
        # travel, or the district would get two different bundles under one number.
        for path in saved:
            path.unlink(missing_ok=True)
        raise
    if exported is None:
        return None
    return dataclasses.replace(exported.slip, file=saved[0])


def _enrolled_district(session: Session) -> SyncPeer:
    district = district_peer(session)
    if district is None:
        raise NotEnrolled(
            "this station is not enrolled with its district yet: run 'ahtc enrol-request', take the file to the "
            "district, then run 'ahtc enrol-complete' with its answer"
        )
    return district


def entry_json(row: Any) -> dict[str, Any]:
    return {
        "table": row.table_name,
        "seq": row.seq,
        "row_id": row.row_id,
        "op": row.op,
        "hlc": row.hlc,
        "base_hlc": row.base_hlc,
        "state": row.state,
    }


def with_added_columns(session: Session, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`entries`, where a version logged before a migration added a column (a case's number, revision 0010)
    carries the row's value of that column now: the side taking the version would otherwise store the row
    without it. Versions logged since have every column and pass as they are."""
    models = register_models()
    wanted: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for entry in entries:
        model = models.get(entry["table"])
        state = entry["state"]
        if model is None or not isinstance(state, dict):
            continue
        if set(model.__table__.c.keys()) - set(state):  # type: ignore[attr-defined]
            wanted.setdefault(entry["table"], {}).setdefault(entry["row_id"], []).append(entry)
    for table_name, by_id in wanted.items():
        table = models[table_name].__table__  # type: ignore[attr-defined]
        ids = sorted(by_id)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in session.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                now = json_state(dict(row))
                for entry in by_id[row["id"]]:
                    entry["state"] = {**{k: now[k] for k in now if k not in entry["state"]}, **entry["state"]}
    return entries


def _entries_after(session: Session, acked_seq: int) -> list[dict[str, Any]]:
    log = ChangeLogEntry.__table__
    stmt = select(log).where(log.c.source == "local", log.c.seq > acked_seq).order_by(log.c.seq)
    return with_added_columns(session, [entry_json(row) for row in session.execute(stmt)])


def _resend_entries(session: Session, ack: DistrictAck) -> list[dict[str, Any]]:
    """The acknowledged versions of the rows in the buckets where the district's copy differs from ours."""
    wanted = set(ack.resend_buckets)
    seqs = [
        seq for seq, table, _id, hlc in acknowledged_rows(session, ack.acked_seq) if bucket_of(table, hlc) in wanted
    ]
    log = ChangeLogEntry.__table__
    out: list[dict[str, Any]] = []
    for start in range(0, len(seqs), 500):
        chunk = seqs[start : start + 500]
        out.extend(entry_json(row) for row in session.execute(select(log).where(log.c.seq.in_(chunk))))
    return with_added_columns(session, sorted(out, key=lambda entry: int(entry["seq"])))


def _counts(entries: list[dict[str, Any]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry["table"]] = counts.get(entry["table"], 0) + 1
    return counts


@dataclass(frozen=True)
class ClockWarning:
    """Something wrong with this PC's clock, as facts; `text()` says it in English, the GUI in the UI language."""

    kind: str  # "behind": the clock reads earlier than the last change saved here
    #            "district": at the last sync it was far off the district's clock (`off` > 0: ahead)
    #            "ahead": changes waiting to be sent were stamped too far ahead of the clock now
    now: dt.datetime
    off: dt.timedelta = dt.timedelta(0)
    latest: dt.datetime | None = None  # "behind": the last change; "ahead": the latest stamp waiting
    count: int = 0  # "ahead": how many changes
    skew: dt.timedelta = dt.timedelta(0)  # the allowed skew

    def text(self) -> str:
        if self.kind == "behind":
            assert self.latest is not None
            return (
                f"This PC's clock reads {plain_time(self.now)}, {plain_span(self.off)} behind the last change saved "
                f"here ({plain_time(self.latest)}). The date is probably wrong (a flat CMOS battery resets it): "
                "correct the date and time before you go on."
            )
        if self.kind == "district":
            side = "ahead of" if self.off > dt.timedelta(0) else "behind"
            return (
                f"At the last sync this PC's clock was {plain_span(self.off)} {side} the district's. Correct the date "
                f"and time before exporting: the district refuses changes stamped more than {plain_span(self.skew)} "
                "ahead of its own clock."
            )
        assert self.latest is not None
        return (
            f"{self.count} change(s) waiting to be sent were stamped while this PC's clock was ahead (as late as "
            f"{plain_time(self.latest)}). The district refuses them as they are: the SHO should run 'ahtc "
            "repair-clock' to stamp them again, then export."
        )


def clock_warnings(ctx: Context) -> list[ClockWarning]:
    """What an officer should hear about this PC's clock before exporting (empty: nothing).

    The district refuses changes stamped more than a day ahead of its own clock, and a store's clock never runs
    backwards, so a wrong date costs a refused bundle or keeps the store's stamps in the future.
    """
    with ctx.store.session() as session:
        now = ctx.clock.now()
        skew = allowed_skew(session)
        info = station_info(session)
        warnings: list[ClockWarning] = []
        last = stamp_time(info.last_hlc) if info.last_hlc else None
        behind = last is not None and last - now > dt.timedelta(milliseconds=CLOCK_BEHIND_TOLERANCE_MS)
        if last is not None and behind:
            warnings.append(ClockWarning("behind", now, off=last - now, latest=last))
        ack = session.scalar(select(DistrictAck).limit(1))
        if ack is not None and ack.district_time_skew_s is not None:
            off = dt.timedelta(seconds=ack.district_time_skew_s)
            if abs(off) > skew:
                warnings.append(ClockWarning("district", now, off=off, skew=skew))
        acked = 0 if ack is None or ack.store_id != info.store_id else ack.acked_seq
        log = ChangeLogEntry.__table__
        late = select(func.count(), func.max(log.c.hlc)).where(
            log.c.source == "local", log.c.seq > acked, log.c.hlc >= too_late_floor(session, now)
        )
        count, latest = session.execute(late).one()
        if count and not behind:  # a clock behind its last stamp explains these: fix the date first
            warnings.append(ClockWarning("ahead", now, latest=stamp_time(latest), count=int(count), skew=skew))
        return warnings
