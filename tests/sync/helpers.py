"""Helpers for sync tests: carrying bundles through files, and snapshots of what a store holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop_app.models.changelog import ChangeLogEntry, Conflict
from desktop_app.services.context import Context
from desktop_app.services.registry import register_models
from desktop_app.sync.district_side import build_return_bundle, save_return_bundle
from desktop_app.sync.export import export_bundle
from desktop_app.sync.importer import ImportResult, import_bundle


def export_file(station: Context, usb: Path, *, allow_empty: bool = False) -> Path:
    slip = export_bundle(station, usb, allow_empty=allow_empty)
    assert slip is not None and slip.file is not None
    return slip.file


def district_import(district: Context, bundle: Path, returns: Path) -> tuple[ImportResult, Path]:
    result = import_bundle(district, bundle.read_bytes())
    assert result.opened is not None
    slip = save_return_bundle(build_return_bundle(district, result.opened), returns)
    assert slip.file is not None
    return result, slip.file


def round_trip(
    station: Context, district: Context, usb: Path, *, allow_empty: bool = False
) -> tuple[ImportResult, ImportResult]:
    """Station exports, district imports and answers, station applies the answer."""
    bundle = export_file(station, usb, allow_empty=allow_empty)
    result, answer = district_import(district, bundle, usb / "returns")
    return result, import_bundle(station, answer.read_bytes())


def register_rows(ctx: Context) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    with ctx.store.session() as session:
        for name, model in register_models().items():
            table = model.__table__  # type: ignore[attr-defined]
            out[name] = [dict(row) for row in session.execute(select(table).order_by(table.c.id)).mappings()]
    return out


def snapshot(ctx: Context) -> dict[str, Any]:
    """Registers, the change log (without times of writing) and the conflicts table."""
    with ctx.store.session() as session:
        log = [
            (e.table_name, e.row_id, e.op, e.hlc, e.base_hlc, e.origin_station, e.source, e.state)
            for e in session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.seq))
        ]
        conflicts = [
            (c.table_name, c.row_id, c.kept_hlc, c.lost_hlc, c.lost_origin, c.reason)
            for c in session.scalars(select(Conflict).order_by(Conflict.id))
        ]
    return {"rows": register_rows(ctx), "log": log, "conflicts": conflicts}


def make_conflict(enrolled: Any, backup: Path) -> str:
    """A person edited at the station, the station restored from an older backup and the person edited again
    without knowing: the district keeps the later edit and the earlier one as a conflict. Returns the person's id
    and leaves `enrolled.a` pointing at the restored station."""
    from desktop_app.services.maintenance import backup_store, restore_store
    from desktop_app.services.records import Records
    from tests.conftest import PASSPHRASE

    records = Records(enrolled.a)
    person = records.create("persons", {"name": "Tariq Mehmood", "role": "agent"}).first_id
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    backup_store(enrolled.a, backup)
    records.update("persons", person, {"status": "warned"})
    round_trip(enrolled.a, enrolled.district, enrolled.usb)
    folder = enrolled.a.store.paths.data_dir
    enrolled.a.store.close()
    enrolled.a = restore_store(backup, folder, "sho.phalia", PASSPHRASE, enrolled.a.clock)
    enrolled.a.clock.advance(hours=1)
    Records(enrolled.a).update("persons", person, {"status": "fir_registered"})
    import_bundle(enrolled.district, export_file(enrolled.a, enrolled.usb).read_bytes())
    return person
