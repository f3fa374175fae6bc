"""Sync fixtures: a district store and a second station, built with the real init path and enrolled.

`ctx` (tests/conftest.py) is station MBD-PHALIA; here come `district` (MBD) and `station_b` (MBD-MALAKWAL),
and `enrolled`, which runs the real enrolment exchange through files for both stations, each side confirming
the fingerprint the other would read out. The district's recovery key file is `district_recovery_key`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app.services.clock import FakeClock
from desktop_app.services.context import Context
from desktop_app.services.setup import init_store, unlock
from desktop_app.sync.district import init_district
from desktop_app.sync.enrolment import enrol_complete, enrol_request, enrol_station, own_fingerprint
from tests.conftest import PASSPHRASE, build_template


@pytest.fixture(scope="session")
def district_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("district-template")
    return build_template(
        folder / "district",
        init_district,
        district_code="MBD",
        district="Mandi Bahauddin",
        admin="dpo.mbd",
        recovery_key_out=folder / "recovery-key.json",
    )


@pytest.fixture
def district_recovery_key(district_template: Path) -> Path:
    """The private half of the template district's recovery key (kept offline, never in the store)."""
    return district_template.parent / "recovery-key.json"


@pytest.fixture(scope="session")
def station_b_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(
        tmp_path_factory.mktemp("station-b-template") / "station-b",
        init_store,
        station_code="MBD-MALAKWAL",
        station_name="Malakwal",
        district="Mandi Bahauddin",
        district_code="MBD",
        admin="sho.malakwal",
    )


@pytest.fixture
def district(district_template: Path, tmp_path: Path, clock: FakeClock) -> Iterator[Context]:
    folder = tmp_path / "district"
    shutil.copytree(district_template, folder)
    context = unlock(folder, "dpo.mbd", PASSPHRASE, clock)
    yield context
    context.store.close()


@pytest.fixture
def station_b(station_b_template: Path, tmp_path: Path, clock: FakeClock) -> Iterator[Context]:
    folder = tmp_path / "station-b"
    shutil.copytree(station_b_template, folder)
    context = unlock(folder, "sho.malakwal", PASSPHRASE, clock)
    yield context
    context.store.close()


def enrol(station: Context, district: Context, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    request = folder / f"{station.station.station_code}.enrol-request.json"
    answer = folder / f"{station.station.station_code}.enrol-answer.json"
    station_fingerprint = enrol_request(station, request).own_fingerprint  # read out by the station's SHO
    enrol_station(district, request, answer, station_fingerprint=station_fingerprint)
    enrol_complete(station, answer, district_fingerprint=own_fingerprint(district))  # read out by the district


@dataclass
class Sync:
    """Two stations and their district, enrolled; `usb` is the folder bundles are carried in."""

    a: Context
    b: Context
    district: Context
    usb: Path


@pytest.fixture
def enrolled(ctx: Context, station_b: Context, district: Context, tmp_path: Path) -> Sync:
    enrol(ctx, district, tmp_path / "enrolment")
    enrol(station_b, district, tmp_path / "enrolment")
    usb = tmp_path / "usb"
    usb.mkdir()
    return Sync(ctx, station_b, district, usb)
