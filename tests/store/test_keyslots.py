"""Key slots: per-user passphrase envelopes and the district recovery envelope around one data key."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop_app.errors import StoreDamaged, ValidationError, WrongPassphrase
from desktop_app.store.keyslots import DEFAULT_KDF, KdfParams, KeySlots

FAST = KdfParams(1, 8192, 1)
KEY = os.urandom(32)


def slots_with(*users: tuple[str, str]) -> KeySlots:
    slots = KeySlots.new()
    for name, phrase in users:
        slots.set_passphrase(name, phrase, KEY, FAST)
    return slots


def test_each_user_unlocks_the_same_data_key_with_their_own_passphrase() -> None:
    slots = slots_with(("sho.phalia", "first passphrase"), ("asi.aslam", "second passphrase"))
    assert slots.unlock("sho.phalia", "first passphrase") == KEY
    assert slots.unlock("ASI.Aslam ", "second passphrase") == KEY


def test_wrong_passphrase_and_unknown_user_give_the_same_refusal() -> None:
    slots = slots_with(("sho.phalia", "first passphrase"))
    with pytest.raises(WrongPassphrase, match="wrong user name or passphrase"):
        slots.unlock("sho.phalia", "not the passphrase")
    with pytest.raises(WrongPassphrase, match="wrong user name or passphrase"):
        slots.unlock("nobody", "first passphrase")


def test_changing_a_passphrase_retires_the_old_one() -> None:
    slots = slots_with(("sho.phalia", "first passphrase"))
    slots.set_passphrase("sho.phalia", "a brand new passphrase", KEY, FAST)
    assert slots.unlock("sho.phalia", "a brand new passphrase") == KEY
    with pytest.raises(WrongPassphrase):
        slots.unlock("sho.phalia", "first passphrase")
    assert slots.user_count() == 1


def test_removed_user_can_no_longer_unlock() -> None:
    slots = slots_with(("sho.phalia", "first passphrase"), ("asi.aslam", "second passphrase"))
    slots.remove_user("asi.aslam")
    with pytest.raises(WrongPassphrase):
        slots.unlock("asi.aslam", "second passphrase")


def test_recovery_slot_opens_with_the_district_key_only() -> None:
    district = X25519PrivateKey.generate()
    slots = slots_with(("sho.phalia", "first passphrase"))
    slots.set_recovery(district.public_key().public_bytes_raw(), KEY)
    assert slots.unlock_with_recovery(district) == KEY
    with pytest.raises(WrongPassphrase, match="no recovery slot"):
        slots.unlock_with_recovery(X25519PrivateKey.generate())


def test_slot_file_round_trips_and_names_no_user(tmp_path: Path) -> None:
    slots = slots_with(("sho.phalia", "first passphrase"))
    slots.save(tmp_path / "keyslots.json")
    raw = (tmp_path / "keyslots.json").read_text()
    assert "sho.phalia" not in raw and KEY.hex() not in raw
    assert KeySlots.load(tmp_path / "keyslots.json").unlock("sho.phalia", "first passphrase") == KEY


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": "other"}', b'{"format": "ahtc-keyslots/1"}'])
def test_damaged_slot_file_is_reported_as_damaged(content: bytes) -> None:
    with pytest.raises(StoreDamaged):
        KeySlots.load_bytes(content)


def test_tampered_wrapped_key_is_refused_not_misread(tmp_path: Path) -> None:
    slots = slots_with(("sho.phalia", "first passphrase"))
    slots.save(tmp_path / "k.json")
    doc = json.loads((tmp_path / "k.json").read_text())
    wrapped = doc["slots"][0]["wrapped"]
    doc["slots"][0]["wrapped"] = ("A" if wrapped[0] != "A" else "B") + wrapped[1:]
    (tmp_path / "k.json").write_text(json.dumps(doc))
    with pytest.raises(WrongPassphrase):
        KeySlots.load(tmp_path / "k.json").unlock("sho.phalia", "first passphrase")


def test_short_passphrase_is_refused_with_a_reason() -> None:
    with pytest.raises(ValidationError) as caught:
        KeySlots.new().set_passphrase("sho.phalia", "short", KEY, FAST)
    assert caught.value.field == "passphrase"


def test_default_cost_is_argon2id_64_mib_three_passes() -> None:
    assert KdfParams(time_cost=3, memory_kib=65536, parallelism=1) == DEFAULT_KDF
    slots = KeySlots.new()
    slots.set_passphrase("sho.phalia", "first passphrase", KEY)  # the production cost, once
    assert slots.unlock("sho.phalia", "first passphrase") == KEY
