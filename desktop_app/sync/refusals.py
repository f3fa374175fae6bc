"""The district's record of authentic bundles refused for what their sender tried, listed per station.

A bundle that fails a format or signature check says nothing about its sender (anyone can damage a file).
One that is correctly signed but carries stamps from the far future (check "clock") or changes to another
station's records (check "owner") says the sending station's clock is wrong or its data was tampered with:
the district keeps each such refusal so `district status` and the Stations screen name the station.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import BundleRejected
from desktop_app.models.sync_state import SyncRefusal
from desktop_app.services import audit
from desktop_app.services.context import Context
from desktop_app.sync.bundle import OpenedBundle

KEPT_CHECKS = ("clock", "owner")


def record_refusal(ctx: Context, opened: OpenedBundle, refusal: BundleRejected) -> None:
    """Keep a refusal of an authentic bundle (no-op for checks that say nothing about the sender)."""
    if refusal.check not in KEPT_CHECKS:
        return
    manifest = opened.manifest
    with ctx.store.transaction() as session:
        known = session.scalar(
            select(SyncRefusal.id).where(SyncRefusal.sha256 == opened.sha256, SyncRefusal.check == refusal.check)
        )
        if known is not None:
            return  # the same file again: one attempt, not two
        session.add(
            SyncRefusal(
                sender=manifest["sender"],
                check=refusal.check,
                bundle_no=manifest["bundle_no"],
                sha256=opened.sha256,
                detail=refusal.detail,
                at=ctx.clock.now(),
            )
        )
        audit.append_many(
            session,
            ctx,
            [("sync-refused", None, None, f"{manifest['sender']} bundle {manifest['bundle_no']}: {refusal.check}")],
        )


def refusals_by_station(session: Session) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for sender, check in session.execute(select(SyncRefusal.sender, SyncRefusal.check)):
        counts.setdefault(sender, Counter())[check] += 1
    return counts


def latest_refusal(session: Session, station: str) -> SyncRefusal | None:
    return session.scalar(
        select(SyncRefusal).where(SyncRefusal.sender == station).order_by(SyncRefusal.id.desc()).limit(1)
    )
