"""Stamps are never issued twice, whatever a restore or the PC clock does (see store/stamp_mark.py)."""

from __future__ import annotations

from desktop_app.services.context import Context
from desktop_app.services.hlc import Hlc, wall_ms_of
from desktop_app.store import stamp_mark


def reserved(ctx: Context) -> Hlc | None:
    """The store's reservation: a stamp later than every one it has issued (None: no file it can trust)."""
    text = stamp_mark.read_reserved(ctx.store.paths.data_dir, ctx.store.data_key, ctx.station.station_code)
    return None if text is None else Hlc.parse(text)


def reserve(ctx: Context, issued: Hlc, *, again: bool = False) -> None:
    """Move the reservation past `issued` if it has reached it (`again`: start it afresh from `issued`)."""
    key = ctx.store.data_key
    if not key:
        return  # a server database: no key slots beside it, and its restores are the DBA's (docs/district-server.md)
    current = None if again else reserved(ctx)
    if current is not None and issued < current:
        return
    wall = max(issued.wall_ms, wall_ms_of(ctx.clock.now())) + stamp_mark.RESERVE_MS
    code = ctx.station.station_code
    stamp_mark.write_reserved(ctx.store.paths.data_dir, key, code, Hlc(wall, 0, code).encode())
