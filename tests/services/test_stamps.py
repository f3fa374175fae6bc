"""The stamp reservation beside the key slots (store/stamp_mark.py): a restore never re-issues a stamp, and a
hand-edited reservation cannot push a store's stamps anywhere."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from desktop_app.services import stamps
from desktop_app.services.clock import FakeClock
from desktop_app.services.clock_repair import repair_clock
from desktop_app.services.context import Context
from desktop_app.services.hlc import Hlc, wall_ms_of
from desktop_app.services.maintenance import backup_store, restore_store
from desktop_app.services.records import Records
from desktop_app.store import stamp_mark
from tests.conftest import PASSPHRASE


def _last(ctx: Context) -> Hlc:
    return Hlc.parse(Records(ctx).get("persons", _person(ctx))["hlc"])


def _person(ctx: Context) -> str:
    return Records(ctx).list("persons")[0]["id"]


def test_every_stamp_issued_stays_below_the_reservation(ctx: Context, clock: FakeClock) -> None:
    records = Records(ctx)
    person = records.create("persons", {"name": "Tariq Mehmood", "role": "agent"}).first_id
    clock.advance(hours=-3)  # the clock falls back: stamps count on from the last one
    for status in ("warned", "fir_registered", "arrested"):
        records.update("persons", person, {"status": status})
        reserved = stamps.reserved(ctx)
        assert reserved is not None and Hlc.parse(records.get("persons", person)["hlc"]) < reserved
    written = json.loads((ctx.store.paths.data_dir / stamp_mark.FILE_NAME).read_text())
    assert set(written) == {"format", "station", "reserved", "mac"}  # a stamp, nothing of the records


def test_a_hand_edited_reservation_is_ignored_by_a_restore(ctx: Context, clock: FakeClock, tmp_path: Path) -> None:
    Records(ctx).create("persons", {"name": "Tariq Mehmood", "role": "agent"})
    backup_store(ctx, tmp_path / "station.ahtcbak")
    folder = ctx.store.paths.data_dir
    far = Hlc(wall_ms_of(clock.now() + dt.timedelta(days=400)), 0, ctx.station.station_code).encode()
    content = json.loads((folder / stamp_mark.FILE_NAME).read_text())
    (folder / stamp_mark.FILE_NAME).write_text(json.dumps({**content, "reserved": far}))
    ctx.store.close()

    restored = restore_store(tmp_path / "station.ahtcbak", folder, "sho.phalia", PASSPHRASE, clock)

    Records(restored).update("persons", _person(restored), {"status": "warned"})
    assert _last(restored).wall_ms < wall_ms_of(clock.now() + dt.timedelta(hours=1))
    restored.store.close()


def test_repairing_the_clock_restarts_the_reservation(ctx: Context, clock: FakeClock) -> None:
    clock.advance(days=3)  # the PC's date was far ahead
    Records(ctx).create("persons", {"name": "Tariq Mehmood", "role": "agent"})
    clock.advance(days=-3)  # corrected

    repair_clock(ctx)

    reserved = stamps.reserved(ctx)
    assert reserved is not None and reserved.wall_ms < wall_ms_of(clock.now() + dt.timedelta(hours=1))
