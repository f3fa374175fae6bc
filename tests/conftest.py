"""Shared fixtures: real SQLCipher stores in temporary folders, a fake clock, and a signed-in context.

Stores here use a cheap Argon2id cost so the suite stays quick; the production cost is exercised by
tests/store/test_keyslots.py and measured in bench/.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.services.clock import FakeClock
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.services.setup import init_store, unlock
from desktop_app.store.keyslots import KdfParams

FAST_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 3, 1, 5, 0, tzinfo=dt.UTC))


@pytest.fixture
def station_dir(tmp_path: Path) -> Path:
    return tmp_path / "station"


def build_template(folder: Path, make: Callable[..., Context], **settings: Any) -> Path:
    """Initialise a store once per session (migrations take time); tests copy the folder."""
    context = make(
        folder,
        passphrase=PASSPHRASE,
        clock=FakeClock(dt.datetime(2026, 3, 1, 4, 0, tzinfo=dt.UTC)),
        kdf=FAST_KDF,
        **settings,
    )
    context.store.checkpoint()
    context.store.close()
    return folder


@pytest.fixture(scope="session")
def station_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(
        tmp_path_factory.mktemp("template") / "station",
        init_store,
        station_code="MBD-PHALIA",
        station_name="Phalia City",
        district="Mandi Bahauddin",
        district_code="MBD",
        admin="sho.phalia",
        admin_name="SHO Phalia",
    )


@pytest.fixture
def ctx(station_template: Path, station_dir: Path, clock: FakeClock) -> Iterator[Context]:
    """A fresh station store (Phalia City, Mandi Bahauddin) signed in as its SHO."""
    shutil.copytree(station_template, station_dir)
    context = unlock(station_dir, "sho.phalia", PASSPHRASE, clock)
    yield context
    context.store.close()


@pytest.fixture
def records(ctx: Context) -> Records:
    return Records(ctx)
