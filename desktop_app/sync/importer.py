"""`import-bundle`: open a bundle strictly, then hand it to the district or the station side.

Order (DESIGN.md §6): every check of `read_bundle` (size, ZIP, manifest, recipient, known sender, signature,
payload hash, decryption, payload), then the kind for our role, then the schema version (a newer one is
held, unapplied), then every entry's row — all before the database is written. Applying is one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from desktop_app.errors import AhtcError, BundleRejected
from desktop_app.models.sync_state import BundleReceived
from desktop_app.services import audit, permissions
from desktop_app.services.context import Context
from desktop_app.store.migrations_runner import head_revision
from desktop_app.sync.anchor_payload import ANCHOR_TABLE
from desktop_app.sync.bundle import DEFAULT_MAX_BUNDLE_BYTES, OpenedBundle, read_bundle
from desktop_app.sync.export import DISTRICT_RETURN, STATION_CHANGES, DispatchSlip
from desktop_app.sync.peers import key_lookup, load_identity
from desktop_app.sync.rotation import keyring


class BundleHeld(AhtcError):
    """An authentic bundle from a newer version of the app: kept unapplied until this one is updated."""


@dataclass
class ImportResult:
    slip: DispatchSlip
    status: str  # applied | duplicate
    report: dict[str, Any]
    changed_registers: frozenset[str] = frozenset()
    changed_ids: frozenset[str] = frozenset()
    opened: OpenedBundle | None = field(default=None, repr=False)

    def lines(self) -> list[str]:
        out = self.slip.lines()
        out.extend(report_lines(self.report))
        if self.status == "duplicate":
            out.append("  already imported earlier: nothing changed")
        return out


def report_lines(report: dict[str, Any]) -> list[str]:
    """The import report in plain words, as printed and as shown to the SHO."""
    names = (
        "created",
        "updated",
        "deleted",
        "undeleted",
        "conflicts",
        "unchanged",
        "held_back",
        "recovered",
        "refused",
        "purged",
    )
    summary = ", ".join(f"{report.get(name, 0)} {name.replace('_', ' ')}" for name in names if report.get(name))
    out = [f"  result: {summary or 'no changes'}"]
    for register, counts in sorted(report.get("per_register", {}).items()):
        out.append(f"    {register}: " + ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items()))
    if "acked_seq" in report:
        out.append(f"  acknowledged up to seq {report['acked_seq']}")
    for gap in report.get("gaps", []):
        out.append(f"  GAP: changes seq {gap[0]}–{gap[1]} have not arrived; the station will send them again")
    out.extend(f"  note: {note}" for note in report.get("notes", []))
    return out


def open_bundle(ctx: Context, data: bytes, *, max_bundle_bytes: int = DEFAULT_MAX_BUNDLE_BYTES) -> OpenedBundle:
    """Every check that needs no write; raises BundleRejected naming the check that failed."""
    permissions.require(ctx, permissions.SYNC)
    sender_kind = "station" if ctx.station.is_district else "district"
    with ctx.store.session() as session:
        identity = load_identity(session)
        keys = key_lookup(session, sender_kind)
        ring = keyring(session, ctx.clock.now())
    opened = read_bundle(
        data,
        my_code=ctx.station.station_code,
        my_identity=identity,
        sender_keys=keys.get,
        max_bundle_bytes=max_bundle_bytes,
        keyring=ring,
    )
    expected = STATION_CHANGES if ctx.station.is_district else DISTRICT_RETURN
    if opened.manifest["kind"] != expected:
        raise BundleRejected(
            "kind",
            f"This is a {opened.manifest['kind']} bundle, but this installation only imports {expected} bundles. "
            "Nothing was imported.",
        )
    return opened


def is_newer_schema(theirs: str, ours: str) -> bool:
    """Revisions are numbered ('0003'); anything we cannot compare counts as newer, to be safe."""
    if theirs == ours:
        return False
    if theirs.isdigit() and ours.isdigit():
        return int(theirs) > int(ours)
    return True


def hold_if_newer(ctx: Context, opened: OpenedBundle) -> None:
    """Record a bundle from a newer schema as held, and stop with a clear message."""
    manifest = opened.manifest
    ours = head_revision()
    if not is_newer_schema(manifest["schema_version"], ours):
        return
    with ctx.store.transaction() as session:
        if session.scalar(select(BundleReceived.id).where(BundleReceived.sha256 == opened.sha256)) is None:
            session.add(received_row(ctx, opened, "held", {"notes": ["newer schema: held unapplied"]}))
            audit.append_many(
                session,
                ctx,
                [("sync-hold", None, None, f"{manifest['sender']} bundle {manifest['bundle_no']}")],
            )
    raise BundleHeld(
        f"bundle no. {manifest['bundle_no']} from {manifest['sender']} was written by a newer version of AHTC Register "
        f"(data schema {manifest['schema_version']}, this one has {ours}). It is authentic and kept unapplied: "
        "ask district IT to update AHTC Register on this computer, then import the same file again."
    )


def received_row(ctx: Context, opened: OpenedBundle, status: str, report: dict[str, Any]) -> BundleReceived:
    manifest = opened.manifest
    return BundleReceived(
        sha256=opened.sha256,
        kind=manifest["kind"],
        sender=manifest["sender"],
        sender_store_id=manifest["store_id"],
        bundle_no=manifest["bundle_no"],
        seq_from=manifest["seq_from"],
        seq_to=manifest["seq_to"],
        schema_version=manifest["schema_version"],
        status=status,
        report=report,
        received_at=ctx.clock.now(),
        received_by=ctx.actor.username,
    )


def slip_for(opened: OpenedBundle) -> DispatchSlip:
    manifest = opened.manifest
    return DispatchSlip(
        manifest["kind"],
        manifest["sender"],
        manifest["recipient"],
        manifest["bundle_no"],
        manifest["seq_from"],
        manifest["seq_to"],
        # Record changes only: the anchor entry (grants, users, audit tail) is not a change to the registers.
        {table: n for table, n in dict(manifest["counts"]).items() if table != ANCHOR_TABLE},
        opened.sha256,
        manifest["created_at"],
    )


def previous_import(ctx: Context, opened: OpenedBundle) -> BundleReceived | None:
    with ctx.store.session() as session:
        return session.scalar(
            select(BundleReceived).where(BundleReceived.sha256 == opened.sha256, BundleReceived.status == "applied")
        )


def import_bundle(ctx: Context, data: bytes, *, max_bundle_bytes: int = DEFAULT_MAX_BUNDLE_BYTES) -> ImportResult:
    """Verify, then apply one bundle (district: a station's changes; station: the district's return)."""
    opened = open_bundle(ctx, data, max_bundle_bytes=max_bundle_bytes)
    hold_if_newer(ctx, opened)
    earlier = previous_import(ctx, opened)
    if earlier is not None:
        return ImportResult(slip_for(opened), "duplicate", dict(earlier.report), opened=opened)
    if ctx.station.is_district:
        from desktop_app.sync.district_side import apply_station_bundle

        return apply_station_bundle(ctx, opened)
    from desktop_app.sync.station_side import apply_return_bundle

    return apply_return_bundle(ctx, opened)


def utc_now_text(ctx: Context) -> str:
    return ctx.clock.now().astimezone(dt.UTC).isoformat()
