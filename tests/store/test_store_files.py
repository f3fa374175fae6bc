"""What lies on disk: no plaintext anywhere, and a wrong key never reads the database."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desktop_app.errors import StoreDamaged, StoreExists, StoreNotFound
from desktop_app.services import demo
from desktop_app.services.context import Context
from desktop_app.services.records import ListQuery, Records
from desktop_app.store.store import Store
from tests.conftest import PASSPHRASE


def test_store_files_hold_no_plaintext(ctx: Context, station_dir: Path) -> None:
    demo.fill(ctx, records=300, seed=7)
    names = [p["name"] for p in Records(ctx).list("persons", ListQuery(limit=40))]
    assert len(names) == 40
    files = [p for p in station_dir.iterdir() if p.is_file()]
    assert {p.name for p in files} >= {"ahtc.db", "keyslots.json"}
    for path in files:
        data = path.read_bytes()
        assert b"SQLite format 3" not in data, path.name
        for name in names:
            assert name.encode("utf-8") not in data, (path.name, name)
        assert b"sho.phalia" not in data, path.name


def test_wrong_data_key_cannot_read_the_database(ctx: Context, station_dir: Path) -> None:
    ctx.store.close()
    with pytest.raises(StoreDamaged, match="key-slot file was changed"):
        Store.open_with_key(station_dir, os.urandom(32))  # the slot file's MAC is checked first


def test_a_database_from_another_store_is_named_as_such(ctx: Context, station_dir: Path, tmp_path: Path) -> None:
    ctx.store.close()
    other = tmp_path / "other"
    shutil.copytree(station_dir, other)
    (other / "ahtc.db").write_bytes(b"\0" * 4096 * 4)
    with pytest.raises(StoreDamaged, match="cannot be read with this key"):
        Store.open(other, "sho.phalia", PASSPHRASE)


def test_opening_an_empty_folder_says_there_is_no_store(tmp_path: Path) -> None:
    with pytest.raises(StoreNotFound, match="ahtc init"):
        Store.open(tmp_path, "sho", "whatever passphrase")


def test_create_refuses_to_overwrite_an_existing_store(ctx: Context, station_dir: Path) -> None:
    with pytest.raises(StoreExists):
        Store.create(station_dir)
