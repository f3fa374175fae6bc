"""The stamps a store has issued, remembered outside its database (`stamps.json`, next to the key slots).

A restored backup rewinds the database's last stamp. With the PC clock behind that stamp (a flat CMOS battery)
the store would count on from it and issue again stamps it had already given to other edits, which every other
store would take for the versions they already hold (convergence F6). This file survives a restore (backups
never contain it, and a restore leaves it where it is), so the restored store starts above it.

It holds a reservation, not the exact last stamp: a stamp later than every one issued so far, moved on only
when a stamp reaches it, so the file is written once every few minutes of editing, not on every save. It is
authenticated with a key derived from the store's data key, so a hand-edited file cannot push a store's stamps
into the future; one that does not verify is ignored (and rewritten at the next save).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path

from desktop_app.store.atomic import write_atomic

FILE_NAME = "stamps.json"
FORMAT = "ahtc-stamps/1"
# How far ahead of the stamp that reached the reservation the next one is made. After a restore, stamps start
# at most this far ahead of the PC clock, less than the "clock behind" warning's tolerance (10 minutes).
RESERVE_MS = 5 * 60 * 1000


def _mac(data_key: bytes, station: str, reserved: str) -> str:
    key = hashlib.sha256(b"ahtc-stamps/1\x00" + data_key).digest()
    return hmac.new(key, f"{FORMAT}|{station}|{reserved}".encode(), hashlib.sha256).hexdigest()


def read_reserved(data_dir: Path, data_key: bytes, station: str) -> str | None:
    """The reserved stamp, if the file is there and was written with this data key for this station."""
    if not data_key:
        return None
    try:
        content = json.loads((Path(data_dir) / FILE_NAME).read_bytes())
        reserved, mac = str(content["reserved"]), str(content["mac"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if content.get("format") != FORMAT or content.get("station") != station:
        return None
    if not hmac.compare_digest(mac, _mac(data_key, station, reserved)):
        return None
    return reserved


def write_reserved(data_dir: Path, data_key: bytes, station: str, reserved: str) -> None:
    content = {"format": FORMAT, "station": station, "reserved": reserved, "mac": _mac(data_key, station, reserved)}
    write_atomic(Path(data_dir) / FILE_NAME, json.dumps(content, indent=1).encode())
