"""Receiving a bundle: open it strictly, then hand it to the district or the station side.

Order (DESIGN.md §6): every check of `read_bundle` (size, ZIP, manifest, recipient, known sender, signature,
then the caller's admission check, payload hash, decryption, payload), then the kind for our role, then the
schema version (a newer one is held, unapplied), then every entry's row — all before the database is written.
Applying is one transaction.

A district takes station bundles in through ONE function, `receive_station_bundle`, whoever calls it: the sync
server, the Stations screen and `ahtc import-bundle`. A check added to this pipeline holds for all three.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from desktop_app.errors import BundleRejected
from desktop_app.models.sync_state import BundleReceived
from desktop_app.services import audit, permissions
from desktop_app.services.context import Context
from desktop_app.store.migrations_runner import head_revision
from desktop_app.sync.bundle import (
    DEFAULT_MAX_BUNDLE_BYTES,
    DEFAULT_MAX_PAYLOAD_BYTES,
    OpenedBundle,
    bundle_sha256,
    read_bundle,
)
from desktop_app.sync.district_side import apply_station_bundle, build_return_bundle, stored_answer
from desktop_app.sync.export import DISTRICT_RETURN, STATION_CHANGES
from desktop_app.sync.peers import key_lookup, load_identity
from desktop_app.sync.received import (
    BundleHeld,
    ImportResult,
    StationBundleReceived,
    previous_import,
    received_row,
    slip_for,
    slip_from_manifest,
)
from desktop_app.sync.rotation import keyring
from desktop_app.sync.station_side import apply_return_bundle

# Called with the manifest once its signature holds, before anything costly (hash, decryption, inflation);
# raises to stop there. The sync server passes its per-station rate limit.
Admit = Callable[[dict[str, Any]], None]

__all__ = [
    "Admit",
    "BundleHeld",
    "ImportResult",
    "hold_if_newer",
    "import_bundle",
    "is_newer_schema",
    "open_bundle",
    "receive_station_bundle",
]


def open_bundle(
    ctx: Context,
    data: bytes,
    *,
    max_bundle_bytes: int = DEFAULT_MAX_BUNDLE_BYTES,
    max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES,
    admit: Admit | None = None,
) -> OpenedBundle:
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
        max_payload_bytes=max_payload_bytes,
        keyring=ring,
        admit=admit,
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


def receive_station_bundle(
    ctx: Context,
    data: bytes,
    *,
    admit: Admit | None = None,
    max_bundle_bytes: int = DEFAULT_MAX_BUNDLE_BYTES,
    max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES,
) -> StationBundleReceived:
    """District: verify, apply (or recognise as already applied) one station bundle, and answer it.

    Raises BundleRejected (a named check failed; nothing written but the refusal record), BundleHeld (newer
    schema, kept unapplied), or whatever `admit` raises.
    """
    if not ctx.station.is_district:
        raise BundleRejected("kind", "Only a district store takes station bundles. Nothing was imported.")
    sha = bundle_sha256(data)
    earlier = previous_import(ctx, sha)
    if earlier is not None:
        replayed = _answer_replay(ctx, data, sha, earlier.report, max_bundle_bytes)
        if replayed is not None:
            return replayed
        admit = None  # a replay is never counted against the station's rate
    result = _take_station_bundle(
        ctx, data, admit=admit, max_bundle_bytes=max_bundle_bytes, max_payload_bytes=max_payload_bytes
    )
    assert result.opened is not None
    return StationBundleReceived(result, build_return_bundle(ctx, result.opened))


class _Replay(Exception):
    """Raised from the admission hook: these exact bytes were applied here before, and the signature holds."""

    def __init__(self, manifest: dict[str, Any]) -> None:
        self.manifest = manifest
        super().__init__()


def _answer_replay(
    ctx: Context, data: bytes, sha: str, report: dict[str, Any], max_bundle_bytes: int
) -> StationBundleReceived | None:
    """A bundle applied before: checked up to its signature (a revoked or replaced sender is still refused),
    never decrypted again, and answered with the stored return bundle. Writes nothing, costs no rate."""

    def stop(manifest: dict[str, Any]) -> None:
        raise _Replay(manifest)

    try:
        open_bundle(ctx, data, max_bundle_bytes=max_bundle_bytes, admit=stop)
    except _Replay as replay:
        answer = stored_answer(ctx, replay.manifest["sender"], sha)
        if answer is None:
            return None
        slip = slip_from_manifest(replay.manifest, sha, report.get("slip", {}))
        return StationBundleReceived(ImportResult(slip, "duplicate", _without_slip(report)), answer)
    raise AssertionError("open_bundle returned without admitting")  # pragma: no cover


def import_bundle(ctx: Context, data: bytes, *, max_bundle_bytes: int = DEFAULT_MAX_BUNDLE_BYTES) -> ImportResult:
    """Verify, then apply one bundle (district: a station's changes, unanswered; station: the district's return)."""
    if ctx.station.is_district:
        return _take_station_bundle(ctx, data, admit=None, max_bundle_bytes=max_bundle_bytes)
    opened = open_bundle(ctx, data, max_bundle_bytes=max_bundle_bytes)
    hold_if_newer(ctx, opened)
    earlier = previous_import(ctx, opened.sha256)
    if earlier is not None:
        return ImportResult(slip_for(opened), "duplicate", _without_slip(earlier.report), opened=opened)
    return apply_return_bundle(ctx, opened)


def _without_slip(report: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in report.items() if name != "slip"}


def _take_station_bundle(
    ctx: Context,
    data: bytes,
    *,
    admit: Admit | None,
    max_bundle_bytes: int,
    max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES,
) -> ImportResult:
    opened = open_bundle(ctx, data, max_bundle_bytes=max_bundle_bytes, max_payload_bytes=max_payload_bytes, admit=admit)
    hold_if_newer(ctx, opened)
    earlier = previous_import(ctx, opened.sha256)
    if earlier is not None:
        return ImportResult(slip_for(opened), "duplicate", _without_slip(earlier.report), opened=opened)
    return apply_station_bundle(ctx, opened)
