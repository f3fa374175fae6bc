"""Guessing passphrases, and tampering with the key-slot file (E1, findings 12, 18b, 20).

The attackers: someone at the station PC trying passphrases at the sign-in; someone with the slot file who
edits it (removes a colleague's slot, raises the Argon2 cost until the unlock hangs); someone probing which
user names have an account by timing the answer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from argon2 import low_level
from sqlalchemy import select

from desktop_app.errors import AhtcError, StoreDamaged, ValidationError, WrongPassphrase
from desktop_app.models import AuditEntry
from desktop_app.services import accounts
from desktop_app.services.clock import FakeClock
from desktop_app.services.context import Context
from desktop_app.services.setup import unlock
from tests.conftest import FAST_KDF, PASSPHRASE

WEAK = ["aaaaaaaaaa", "1234567890", "password12", "Pakistan@1", "phalia city 1"]


@pytest.mark.parametrize("weak", WEAK)
def test_a_weak_passphrase_is_refused_with_the_reason(ctx: Context, weak: str) -> None:
    with pytest.raises(ValidationError) as refused:
        accounts.add_user(ctx, "asi.akram", "ASI Akram", "officer", weak, FAST_KDF)
    assert refused.value.field == "passphrase"
    assert "guess" in refused.value.message


def wrong_tries(station_dir: Path, clock: FakeClock, count: int) -> None:
    for _ in range(count):
        with pytest.raises(WrongPassphrase):
            unlock(station_dir, "sho.phalia", "not the passphrase at all", clock)


def test_the_wait_after_wrong_passphrases_grows(ctx: Context, station_dir: Path, clock: FakeClock) -> None:
    ctx.store.close()
    wrong_tries(station_dir, clock, 3)
    with pytest.raises(AhtcError, match=r"wait (\d+) seconds") as first:
        unlock(station_dir, "sho.phalia", PASSPHRASE, clock)  # even the right passphrase waits its turn
    first_wait = int(first.value.args[0].split("wait ")[1].split()[0])
    clock.advance(seconds=first_wait)
    wrong_tries(station_dir, clock, 1)
    with pytest.raises(AhtcError, match=r"wait (\d+) seconds") as second:
        unlock(station_dir, "sho.phalia", PASSPHRASE, clock)
    second_wait = int(second.value.args[0].split("wait ")[1].split()[0])
    assert second_wait > first_wait


def test_failed_sign_ins_are_reported_and_audited_after_the_next_success(
    ctx: Context, station_dir: Path, clock: FakeClock
) -> None:
    ctx.store.close()
    wrong_tries(station_dir, clock, 2)
    clock.advance(minutes=5)
    signed_in = unlock(station_dir, "sho.phalia", PASSPHRASE, clock)
    assert len(signed_in.failed_unlocks) == 2
    with signed_in.store.session() as session:
        details = list(session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "unlock-failures")))
    assert len(details) == 1 and details[0].startswith("2 failed")
    signed_in.store.close()
    again = unlock(station_dir, "sho.phalia", PASSPHRASE, clock)
    assert again.failed_unlocks == ()  # reported once, then the count starts again
    again.store.close()


def user_tag(doc: dict, username: str) -> str:
    import base64

    return hashlib.sha256(base64.b64decode(doc["salt"]) + username.encode()).hexdigest()


def test_removing_a_colleagues_slot_is_detected_at_the_next_unlock(ctx: Context, station_dir: Path) -> None:
    accounts.add_user(ctx, "asi.akram", "ASI Akram", "officer", "officer pass 2026", FAST_KDF)
    ctx.store.close()
    path = station_dir / "keyslots.json"
    doc = json.loads(path.read_text())
    officer = user_tag(doc, "asi.akram")
    doc["slots"] = [slot for slot in doc["slots"] if slot.get("tag") != officer]
    path.write_text(json.dumps(doc))
    with pytest.raises(StoreDamaged, match="key-slot file"):
        unlock(station_dir, "sho.phalia", PASSPHRASE).store.close()


def test_an_absurd_argon2_cost_in_the_slot_file_is_refused_not_run(ctx: Context, station_dir: Path) -> None:
    ctx.store.close()
    path = station_dir / "keyslots.json"
    doc = json.loads(path.read_text())
    mine = user_tag(doc, "sho.phalia")
    for slot in doc["slots"]:
        if slot.get("tag") == mine:
            slot["kdf"]["memory_kib"] = 2**31
    path.write_text(json.dumps(doc))
    with pytest.raises(StoreDamaged):
        unlock(station_dir, "sho.phalia", PASSPHRASE).store.close()


def test_an_unknown_user_name_costs_the_same_argon2_run_as_a_wrong_passphrase(
    ctx: Context, station_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx.store.close()
    runs: list[tuple[int, int, int]] = []
    real = low_level.hash_secret_raw

    def counted(**kwargs):  # type: ignore[no-untyped-def]
        runs.append((kwargs["time_cost"], kwargs["memory_cost"], kwargs["parallelism"]))
        return real(**kwargs)

    monkeypatch.setattr("desktop_app.store.keyslots.hash_secret_raw", counted)
    with pytest.raises(WrongPassphrase):
        unlock(station_dir, "sho.phalia", "not the passphrase at all")
    wrong_passphrase_runs = list(runs)
    runs.clear()
    with pytest.raises(WrongPassphrase):
        unlock(station_dir, "nobody.here", "not the passphrase at all")
    assert runs == wrong_passphrase_runs == [(FAST_KDF.time_cost, FAST_KDF.memory_kib, FAST_KDF.parallelism)]


def test_failures_file_holds_no_user_name(ctx: Context, station_dir: Path, clock: FakeClock) -> None:
    ctx.store.close()
    wrong_tries(station_dir, clock, 1)
    for path in station_dir.iterdir():
        if path.is_file():
            assert b"sho.phalia" not in path.read_bytes(), path.name
    assert clock.now() > dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
