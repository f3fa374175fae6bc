"""District side: apply a station's bundle, then answer it with a `district-return` bundle.

The district keys what it has received by (station, store_id): a restored station has a new store id and
a rewound sequence, so its marks start again at zero and it is asked for everything (anchors B6.3).
The acknowledgement is the highest seq up to which every range has arrived; holes are reported as gaps.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop_app import __version__
from desktop_app.errors import BundleRejected
from desktop_app.models.changelog import ChangeLogEntry, Conflict
from desktop_app.models.persons import Person
from desktop_app.models.sync_state import BundleSent, DistrictNotice, StationMark, SyncPeer
from desktop_app.services import audit
from desktop_app.services.clock_bounds import too_late_floor
from desktop_app.services.context import Context
from desktop_app.services.purge import retention_days
from desktop_app.services.registry import reference_registers, register_models
from desktop_app.store.migrations_runner import head_revision
from desktop_app.sync.anchor_payload import receipt_row, receipts_entry
from desktop_app.sync.apply import apply_entries, check_entries, refuse_future, same_content
from desktop_app.sync.bundle import OpenedBundle, bundle_file_name, bundle_sha256, save_bundle, write_bundle
from desktop_app.sync.digest import bucket_of, held_digest
from desktop_app.sync.export import DISTRICT_RETURN, DispatchSlip, entry_json, with_added_columns
from desktop_app.sync.peers import find_peer, load_identity, peer_keys, refuse_if_revoked, station_info
from desktop_app.sync.receipts import sign_receipt
from desktop_app.sync.received import ImportResult, ReturnBundle, received_row, slip_for
from desktop_app.sync.refusals import record_refusal
from desktop_app.sync.rotation import announcements, take_new_keys
from desktop_app.sync.station_anchor import check_bundle, receipt_grants, split_anchor
from desktop_app.sync.tls import district_certificate

MAX_NOTICES = 50


def merge_range(ranges: list[list[int]], seq_from: int, seq_to: int) -> list[list[int]]:
    """Add [seq_from, seq_to] to sorted, merged ranges (adjacent ranges join: [1,5]+[6,9] = [1,9])."""
    if seq_to < seq_from:
        return [list(r) for r in ranges]
    merged: list[list[int]] = []
    for start, end in sorted([*([r[0], r[1]] for r in ranges), [seq_from, seq_to]]):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def acked_and_gaps(ranges: list[list[int]]) -> tuple[int, list[list[int]]]:
    """Highest contiguous seq from 1, and the holes below the highest seq received."""
    acked = ranges[0][1] if ranges and ranges[0][0] <= 1 else 0
    gaps: list[list[int]] = []
    expected = 1
    for start, end in ranges:
        if start > expected:
            gaps.append([expected, start - 1])
        expected = max(expected, end + 1)
    return acked, gaps


def apply_station_bundle(ctx: Context, opened: OpenedBundle) -> ImportResult:
    """Apply a station's bundle in one transaction; a refusal for what the sender tried is kept (sync/refusals.py)."""
    try:
        return _apply_station_bundle(ctx, opened)
    except BundleRejected as refusal:
        record_refusal(ctx, opened, refusal)
        raise


def _apply_station_bundle(ctx: Context, opened: OpenedBundle) -> ImportResult:
    manifest = opened.manifest
    station = manifest["sender"]
    entries, anchor = split_anchor(opened.entries)
    changes = check_entries(entries, owner=station)
    notes: list[str] = []
    with ctx.store.transaction() as session:
        now = ctx.clock.now()
        refuse_future(changes, too_late_floor(session, now), now)
        peer = find_peer(session, station, "station")
        assert peer is not None  # read_bundle only returns bundles from enrolled senders
        mark = session.get(StationMark, (station, manifest["store_id"]))
        if mark is None:
            if peer.store_id not in (None, manifest["store_id"]) or _has_other_epoch(session, station, manifest):
                notes.append(
                    f"{station} has a new store id (restored from a backup or reinstalled): everything it holds "
                    "is asked for again"
                )
            mark = StationMark(
                station_code=station,
                store_id=manifest["store_id"],
                ranges=[],
                acked_seq=0,
                last_bundle_no=0,
                audit_seq=0,
            )
            session.add(mark)
        notes.extend(_chain_notes(mark, manifest))
        notes.extend(take_new_keys(session, ctx, opened))
        report = apply_entries(session, changes, now=now)
        mark.ranges = merge_range(list(mark.ranges), manifest["seq_from"], manifest["seq_to"])
        mark.acked_seq, gaps = acked_and_gaps(mark.ranges)
        if manifest["bundle_no"] >= mark.last_bundle_no:
            mark.last_bundle_no, mark.last_sha256 = manifest["bundle_no"], opened.sha256
            head = manifest["extra"].get("audit_head")
            if isinstance(head, dict) and type(head.get("seq")) is int and isinstance(head.get("hash"), str):
                mark.audit_seq, mark.audit_hash = head["seq"], head["hash"][:64]
        mark.last_received_at = now
        peer.store_id = manifest["store_id"]
        # Roles, authors and the audit chain against what the district holds (flagged, never refused).
        notes.extend(check_bundle(session, ctx, opened, anchor, changes))
        summary = report.to_json() | {"acked_seq": mark.acked_seq, "gaps": gaps, "notes": notes}
        session.add(received_row(ctx, opened, "applied", summary))
        audit.append_many(
            session,
            ctx,
            [
                (
                    "sync-import",
                    None,
                    None,
                    f"{station} bundle {manifest['bundle_no']} seq {manifest['seq_from']}-{manifest['seq_to']}: "
                    f"{summary['created']} created, {summary['updated']} updated, {summary['deleted']} deleted, "
                    f"{summary['conflicts']} conflicts",
                )
            ],
        )
    return ImportResult(
        slip_for(opened),
        "applied",
        summary,
        frozenset(c.table for c in changes),
        frozenset(report.changed_ids),
        opened,
    )


def _has_other_epoch(session: Session, station: str, manifest: dict[str, Any]) -> bool:
    return (
        session.scalar(
            select(StationMark.store_id)
            .where(StationMark.station_code == station, StationMark.store_id != manifest["store_id"])
            .limit(1)
        )
        is not None
    )


def _chain_notes(mark: StationMark, manifest: dict[str, Any]) -> list[str]:
    number = manifest["bundle_no"]
    if number > mark.last_bundle_no + 1 and mark.last_bundle_no:
        first, last = mark.last_bundle_no + 1, number - 1
        missing = f"bundle {first}" if first == last else f"bundles {first}–{last}"
        return [f"{missing} from {manifest['sender']} did not arrive here (later bundles repeat their changes)"]
    if number == mark.last_bundle_no + 1 and mark.last_sha256 and manifest["prev_sha256"] != mark.last_sha256:
        return [f"bundle {number} does not follow the bundle {mark.last_bundle_no} received here (chain differs)"]
    return []


# --- the answer ------------------------------------------------------------------------------------------------


def build_return_bundle(ctx: Context, opened: OpenedBundle) -> ReturnBundle:
    """The `district-return` answer to a station bundle: acknowledgement, receipt, digest, reference data."""
    manifest = opened.manifest
    station = manifest["sender"]
    extra_in = manifest["extra"]
    asked_from = extra_in.get("reference_seq") if type(extra_in.get("reference_seq")) is int else 0
    with ctx.store.transaction() as session:
        identity = load_identity(session)
        peer = find_peer(session, station, "station")
        assert peer is not None
        refuse_if_revoked(peer)
        mark = session.get(StationMark, (station, manifest["store_id"]))
        assert mark is not None, "answer a bundle only after applying it"
        _acked, gaps = acked_and_gaps(list(mark.ranges))
        log = ChangeLogEntry.__table__
        top = int(session.scalar(select(func.max(log.c.seq))) or 0)
        own_store_id = station_info(session).store_id
        reference_from = reference_start(asked_from, extra_in.get("reference_store_id"), own_store_id, top)
        entries = reference_entries(session, station, reference_from, top)
        if extra_in.get("recover") is True:
            sent = {e.get("row_id"): (e.get("hlc"), e.get("state") or {}) for e in opened.entries}
            buckets = extra_in.get("recover_buckets")
            wanted = {str(b) for b in buckets} if isinstance(buckets, list) else None
            entries.extend(recovery_entries(session, station, sent, wanted))
        if extra_in.get("takes_conflicts") is True:
            entries.extend(conflict_entries(session, station))
        entries.extend(_notices(session, ctx))
        entries.append({"table": "sync_digest", "digest": held_digest(session, station)})
        now = ctx.clock.now().astimezone(dt.UTC).isoformat()
        retention = retention_days(session)
        grants_serial, grants_hash = receipt_grants(session, station)
        receipt = sign_receipt(
            identity,
            district=ctx.station.station_code,
            station=station,
            store_id=manifest["store_id"],
            audit_seq=mark.audit_seq,
            audit_hash=mark.audit_hash or "",
            acked_seq=mark.acked_seq,
            signed_at=now,
            grants_serial=grants_serial,
            grants_hash=grants_hash,
        )
        # The district keeps every receipt it signs, and hands the station all of them (sync/anchor_payload.py).
        session.add(receipt_row(receipt, opened.sha256, ctx.clock.now()))
        session.flush()
        entries.append(receipts_entry(session, ctx.station.station_code, station))
        last = session.scalar(
            select(BundleSent)
            .where(BundleSent.recipient == station, BundleSent.store_id == own_store_id)
            .order_by(BundleSent.bundle_no.desc())
            .limit(1)
        )
        number = 1 if last is None else last.bundle_no + 1
        seq_from = reference_from + 1
        data = write_bundle(
            kind=DISTRICT_RETURN,
            sender_code=ctx.station.station_code,
            recipient_code=station,
            bundle_no=number,
            seq_from=seq_from,
            seq_to=top,
            prev_bundle_sha256=None if last is None else last.sha256,
            store_id=own_store_id,
            app_version=__version__,
            schema_version=head_revision(),
            created_at=now,
            entries=entries,
            extra={
                "ack": {
                    "store_id": manifest["store_id"],
                    "acked_seq": mark.acked_seq,
                    "gaps": gaps,
                    "answers_bundle": manifest["bundle_no"],
                },
                "receipt": receipt,
                "reference_seq": top,
                # Where the reference window starts: the station moves its position to `reference_seq` only if
                # this is at or below the position it holds (an answer to a bundle from before a restore is not).
                "reference_from": reference_from,
                "district_time": now,
                # How long deleted records keep their history before the SHO may purge them (services/purge.py).
                **({"retention_days": retention} if retention is not None else {}),
                **announcements(session, ctx.clock.now()),
                # The certificate the station pins for this district's server (sync/tls.py).
                **({"tls_certificate": certificate} if (certificate := district_certificate(session)) else {}),
            },
            sender=identity,
            recipient_enc_public=peer_keys(peer).enc,
        )
        sha = bundle_sha256(data)
        counts: dict[str, int] = {}
        for entry in entries:
            counts[entry["table"]] = counts.get(entry["table"], 0) + 1
        # Only the latest answer to each station keeps its bytes: enough to answer any replay without writing.
        session.execute(
            update(BundleSent).where(BundleSent.recipient == station, BundleSent.data.is_not(None)).values(data=None)
        )
        session.add(
            BundleSent(
                kind=DISTRICT_RETURN,
                recipient=station,
                store_id=own_store_id,
                bundle_no=number,
                seq_from=seq_from,
                seq_to=top,
                changes=len(entries),
                counts=counts,
                sha256=sha,
                created_at=ctx.clock.now(),
                created_by=ctx.actor.username,
                answers_sha256=opened.sha256,
                data=data,
            )
        )
        audit.append_many(session, ctx, [("sync-return", None, None, f"to {station}: bundle {number}")])
    return ReturnBundle(
        data,
        DispatchSlip(DISTRICT_RETURN, ctx.station.station_code, station, number, seq_from, top, counts, sha, now),
    )


def stored_answer(ctx: Context, station: str, answers_sha256: str) -> ReturnBundle | None:
    """The return bundle already made for a station bundle received again, read without writing anything.

    The answer to that very bundle if its bytes are still kept, else the latest answer to the station (newer, so
    at least as useful to it); None when nothing is kept (a store from before answers were kept).
    """
    with ctx.store.session() as session:
        kept = select(BundleSent).where(BundleSent.recipient == station, BundleSent.data.is_not(None))
        row = session.scalar(kept.where(BundleSent.answers_sha256 == answers_sha256).limit(1)) or session.scalar(
            kept.order_by(BundleSent.id.desc()).limit(1)
        )
        if row is None or row.data is None:
            return None
        created = row.created_at.astimezone(dt.UTC).isoformat()
        slip = DispatchSlip(
            row.kind, ctx.station.station_code, station, row.bundle_no, row.seq_from, row.seq_to,
            dict(row.counts), row.sha256, created,
        )  # fmt: skip
        return ReturnBundle(bytes(row.data), slip)


def save_return_bundle(bundle: ReturnBundle, out_dir: Path) -> DispatchSlip:
    slip = bundle.slip
    out_dir.mkdir(parents=True, exist_ok=True)
    path = save_bundle(bundle.data, out_dir, bundle_file_name(slip.kind, slip.sender, slip.recipient, slip.bundle_no))
    return DispatchSlip(**{**slip.__dict__, "file": path})


def reference_start(asked: int, asked_epoch: object, own_store_id: str, top: int) -> int:
    """Where a station's reference window starts in this store's change log.

    Its position counts in one epoch of this store: after a restore of the district (a new store id) or when it
    names a position past the end of the log, it means nothing here, and every reference row is sent again.
    """
    if asked_epoch != own_store_id or asked < 0 or asked > top:
        return 0
    return asked


def reference_entries(session: Session, station: str, after: int, top: int) -> list[dict[str, Any]]:
    """Reference-register changes logged here since the station's mark, not its own.

    Persons travel only while watch-listed — and once more when taken off the list, so that a person wrongly
    flagged does not stay flagged at every other station: any person with a watch-listed version in the log
    counts.
    """
    log = ChangeLogEntry.__table__
    rows = list(
        session.execute(
            select(log)
            .where(
                log.c.seq > after,
                log.c.seq <= top,
                log.c.table_name.in_(reference_registers()),
                log.c.origin_station != station,
            )
            .order_by(log.c.seq)
        )
    )
    person_ids = sorted({row.row_id for row in rows if row.table_name == "persons"})
    watched: set[str] = set()
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start : start + 500]
        watched.update(session.scalars(select(Person.id).where(Person.id.in_(chunk), Person.watchlisted.is_(True))))
        unwatched = [person for person in chunk if person not in watched]
        watched.update(
            session.scalars(
                select(log.c.row_id)
                .where(
                    log.c.table_name == "persons",
                    log.c.row_id.in_(unwatched),
                    log.c.state["watchlisted"].as_boolean().is_(True),
                )
                .distinct()
            )
        )
    out = [entry_json(row) for row in rows if row.table_name != "persons" or row.row_id in watched]
    return with_added_columns(session, out)


def recovery_entries(
    session: Session, station: str, just_sent: dict[Any, Any], buckets: set[str] | None = None
) -> list[dict[str, Any]]:
    """The latest version of every row of `station` held here (in `buckets`, if named), except those it has just
    sent in that version; each names the versions held here that it descends from (`known`).

    A station asks for them while nothing of its store is acknowledged: after restoring an older backup or
    reinstalling, the rows it lost come back from the district instead of staying lost (anchors B6.3). Later it
    asks for the digest buckets where the district holds rows it lacks. `known` lets it tell a version it held
    that the district's descends from (taken as is) from an edit of its own that is concurrent (a conflict).
    """
    log = ChangeLogEntry.__table__
    latest = (
        select(func.max(log.c.seq).label("seq"))
        .where(log.c.origin_station == station, log.c.table_name.in_(list(register_models())))
        .group_by(log.c.table_name, log.c.row_id)
        .subquery()
    )
    rows = [
        row
        for row in session.execute(select(log).join(latest, log.c.seq == latest.c.seq).order_by(log.c.seq))
        if not _just_sent(just_sent.get(row.row_id), row.hlc, row.state)
        and (buckets is None or bucket_of(row.table_name, row.hlc) in buckets)
    ]
    chains = _ancestors(session, {row.row_id: row.hlc for row in rows})
    out = [entry_json(row) | {"recovery": True, "known": chains.get(row.row_id, [])} for row in rows]
    return with_added_columns(session, out)


def _just_sent(sent: Any, hlc: str, state: dict[str, Any]) -> bool:
    """Whether the bundle being answered carried this very version (same stamp, same content)."""
    return isinstance(sent, tuple) and sent[0] == hlc and isinstance(sent[1], dict) and same_content(sent[1], state)


def _ancestors(session: Session, latest: dict[str, str]) -> dict[str, list[str]]:
    """For each row, the stamps its latest version here descends from, by the base-stamp chain of this log.

    Only true ancestors: a version that lost to a concurrent one is in the log too, but not in the chain.
    """
    log = ChangeLogEntry.__table__
    bases: dict[str, dict[str, str | None]] = {}
    ids = sorted(latest)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row_id, hlc, base in session.execute(
            select(log.c.row_id, log.c.hlc, log.c.base_hlc).where(log.c.row_id.in_(chunk))
        ):
            bases.setdefault(row_id, {})[hlc] = base
    chains: dict[str, list[str]] = {}
    for row_id, hlc in latest.items():
        chain: list[str] = []
        step = bases.get(row_id, {}).get(hlc)
        while step is not None and step in bases.get(row_id, {}) and step not in chain:
            chain.append(step)
            step = bases[row_id][step]
        chains[row_id] = chain
    return chains


def conflict_entries(session: Session, station: str) -> list[dict[str, Any]]:
    """Versions of `station`'s rows that lost a merge here and are not reviewed yet.

    They are that station's own edits (made, say, before it restored an older backup), so the station is
    where someone knows which version is right, and the only place that may bring one back.
    """
    open_here = select(Conflict).where(Conflict.lost_origin == station, Conflict.resolved_at.is_(None))
    return [
        {
            "table": "conflicts",
            "register": c.table_name,
            "row_id": c.row_id,
            "kept_hlc": c.kept_hlc,
            "lost_hlc": c.lost_hlc,
            "lost_state": c.lost_state,
            "reason": c.reason,
        }
        for c in session.scalars(open_here.order_by(Conflict.id))
    ]


def _notices(session: Session, ctx: Context) -> list[dict[str, Any]]:
    notices = session.scalars(
        select(DistrictNotice)
        .where(DistrictNotice.issued_by == ctx.station.station_code)
        .order_by(DistrictNotice.issued_at.desc())
        .limit(MAX_NOTICES)
    )
    return [
        {
            "table": "notices",
            "id": n.id,
            "title": n.title,
            "body": n.body,
            "issued_at": n.issued_at.astimezone(dt.UTC).isoformat(),
            "issued_by": n.issued_by,
        }
        for n in notices
    ]


def enrolled_stations(session: Session) -> list[SyncPeer]:
    return list(session.scalars(select(SyncPeer).where(SyncPeer.kind == "station").order_by(SyncPeer.code)))
