"""Case numbers people can say aloud: AHTC/<station code>/<year>/<serial>, e.g. AHTC/MBD-PHALIA/2026/014.

A station numbers its own cases, offline: the station code makes numbers of different stations different, and the
serial counts per station and year. A number is given once and never again, even to a later case after this
one is deleted, and even after the store is restored from a backup that does not know the latest cases:

- the serial is one more than the highest this store holds for the station and year (tombstones included: a
  deleted case keeps its number, see `RegisterSpec.kept_on_delete`), and
- one more than the high-water mark kept in `case-numbers.json` beside the store. A restore replaces the
  database and its key slots only (store/backup.py), so this file keeps the serials the backup never saw.

The file holds only station codes, years and counts (nothing about anyone) and is written before the case's
transaction commits: a crash between the two leaves a gap in the serials, never a number given twice. A restore
on another PC has no such file; the district's copy of the lost cases comes back with its first answer, and a
number that was given twice meanwhile is kept apart on import (sync/apply.py) rather than refused.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from desktop_app.models.station import StationInfo
from desktop_app.services.clock import local_today
from desktop_app.store.atomic import write_atomic

if TYPE_CHECKING:
    from desktop_app.services.records import WriteTx
    from desktop_app.services.registry import State

log = logging.getLogger(__name__)

PREFIX = "AHTC"
FIELD = "case_number"
HIGH_WATER_FILE = "case-numbers.json"
# AHTC/<station>/<year>/<serial>, the serial at least three digits; a clash kept apart on import adds "-<id part>".
PATTERN = re.compile(r"^AHTC/(?P<station>[^/]+)/(?P<year>\d{4})/(?P<serial>\d{3,})(?:-[0-9a-f]{1,8})?$")


def format_number(station_code: str, year: int, serial: int) -> str:
    return f"{PREFIX}/{station_code}/{year:04d}/{serial:03d}"


def parse_number(number: str | None) -> tuple[str, int, int] | None:
    """(station code, year, serial) of a case number, or None for anything else."""
    match = PATTERN.match(number or "")
    if match is None:
        return None
    return match["station"], int(match["year"]), int(match["serial"])


def high_water_path(data_dir: Path) -> Path:
    return Path(data_dir) / HIGH_WATER_FILE


def read_high_water(data_dir: Path | None) -> dict[str, int]:
    """Highest serial given per "<station>/<year>"; an unreadable file counts as empty (the store still knows)."""
    if data_dir is None:
        return {}
    try:
        raw = json.loads(high_water_path(data_dir).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        log.warning("the case-number high-water file could not be read; numbering from the store alone")
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): v for k, v in raw.items() if type(v) is int and v >= 0}


def _write_high_water(data_dir: Path, marks: dict[str, int]) -> None:
    write_atomic(high_water_path(data_dir), json.dumps(marks, sort_keys=True, indent=1).encode("utf-8"))


def highest_in_store(session: Session, table: Table, station_code: str, year: int) -> int:
    """The highest serial among this station's numbers of `year` in the table, deleted cases included."""
    prefix = f"{PREFIX}/{station_code}/{year:04d}/"
    numbers = session.scalars(
        select(table.c[FIELD]).where(table.c.station_code == station_code, table.c[FIELD].like(prefix + "%"))
    )
    top = 0
    for number in numbers:
        parsed = parse_number(number)
        if parsed is not None and parsed[0] == station_code and parsed[1] == year:
            top = max(top, parsed[2])
    return top


def assign_numbers(tx: WriteTx, table: Table, cleans: Sequence[State]) -> list[State]:
    """The rows with their case numbers, inside the creating transaction (RegisterSpec.assign)."""
    session, ctx = tx.session, tx.ctx
    station = ctx.station.station_code
    year = local_today(ctx.clock).year
    # Take the store's write lock before reading the highest serial, so two programs on one PC (the app and
    # the command line) cannot both read 13 and both give 14.
    session.execute(update(StationInfo).where(StationInfo.id == 1).values(id=StationInfo.id))
    data_dir = _data_dir(ctx.store)
    marks = read_high_water(data_dir)
    key = f"{station}/{year:04d}"
    serial = max(highest_in_store(session, table, station, year), marks.get(key, 0))
    out: list[State] = []
    for clean in cleans:
        serial += 1
        out.append({**clean, FIELD: format_number(station, year, serial)})
    if data_dir is not None and out:
        _write_high_water(data_dir, {**marks, key: serial})
    return out


def _data_dir(store: Any) -> Path | None:
    paths = getattr(store, "paths", None)
    return getattr(paths, "data_dir", None)


def clash_suffix(number: str, record_id: str) -> str:
    """The number a case is kept under on import when another case of the same station already holds it."""
    return f"{number}-{record_id.replace('-', '')[:8]}"
