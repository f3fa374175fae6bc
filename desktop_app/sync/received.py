"""What receiving a bundle gives back, shared by the importer and both sides (district and station).

Kept apart from `importer.py` so that `district_side` and `station_side` can build their results without
importing the importer, which imports them (the cycle that used to need lazy imports).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from desktop_app.errors import AhtcError
from desktop_app.models.sync_state import BundleReceived
from desktop_app.services.context import Context
from desktop_app.sync.anchor_payload import ANCHOR_TABLE
from desktop_app.sync.bundle import OpenedBundle
from desktop_app.sync.export import DispatchSlip


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
        if self.status == "duplicate":
            # The report kept is the first import's: printing its counts again reads as if they were applied twice.
            out.append("  already imported: nothing changed")
            return out
        out.extend(report_lines(self.report))
        return out


@dataclass(frozen=True)
class ReturnBundle:
    """The district's `district-return` answer to one station bundle, as bytes and as a dispatch slip."""

    data: bytes
    slip: DispatchSlip


@dataclass(frozen=True)
class StationBundleReceived:
    """A station bundle taken in at the district (applied now, or earlier) and the answer for the station."""

    result: ImportResult
    answer: ReturnBundle


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
        # What the encrypted header said, kept so that a replay of these bytes gets its slip without decrypting.
        report={**report, "slip": {"counts": manifest["counts"], "created_at": manifest["created_at"]}},
        received_at=ctx.clock.now(),
        received_by=ctx.actor.username,
    )


def slip_for(opened: OpenedBundle) -> DispatchSlip:
    return slip_from_manifest(opened.manifest, opened.sha256)


def slip_from_manifest(manifest: dict[str, Any], sha256: str, header: dict[str, Any] | None = None) -> DispatchSlip:
    """The slip from an opened manifest, or from a clear one plus what was kept of its header (`header`)."""
    known = header if header is not None else manifest
    return DispatchSlip(
        manifest["kind"],
        manifest["sender"],
        manifest["recipient"],
        manifest["bundle_no"],
        manifest["seq_from"],
        manifest["seq_to"],
        # Record changes only: the anchor entry (grants, users, audit tail) is not a change to the registers.
        {table: n for table, n in dict(known.get("counts", {})).items() if table != ANCHOR_TABLE},
        sha256,
        str(known.get("created_at", "")),
    )


def previous_import(ctx: Context, sha256: str) -> BundleReceived | None:
    """The earlier import of exactly these bytes, if they were applied here before."""
    with ctx.store.session() as session:
        return session.scalar(
            select(BundleReceived).where(BundleReceived.sha256 == sha256, BundleReceived.status == "applied")
        )
