"""Key slots: each user's key pair under their passphrase, the data key sealed to every user and recovery key,
the whole file authenticated, old `ahtc-keyslots/1` files still opening, and re-keys that need no passphrase."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from pathlib import Path

import pytest
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.errors import StoreDamaged, ValidationError, WrongPassphrase
from desktop_app.store.keyslots import (
    DEFAULT_KDF,
    KdfParams,
    KeySlots,
    StoreLabel,
    calibrate_kdf,
    check_passphrase_strength,
)

FAST = KdfParams(1, 8192, 1)
KEY = os.urandom(32)


def slots_with(*users: tuple[str, str]) -> KeySlots:
    slots = KeySlots.new(StoreLabel("MBD-PHALIA"), FAST)
    for name, phrase in users:
        slots.set_passphrase(name, phrase, KEY, FAST)
    return slots


def test_each_user_unlocks_the_same_data_key_with_their_own_passphrase() -> None:
    slots = slots_with(("sho.phalia", "first passphrase"), ("asi.aslam", "second passphrase"))
    assert slots.unlock("sho.phalia", "first passphrase").data_key == KEY
    assert slots.unlock("ASI.Aslam ", "second passphrase").data_key == KEY


def test_each_user_has_a_key_pair_of_their_own() -> None:
    slots = slots_with(("sho.phalia", "first passphrase"), ("asi.aslam", "second passphrase"))
    sho = slots.unlock("sho.phalia", "first passphrase").keys
    officer = slots.unlock("asi.aslam", "second passphrase").keys
    assert sho is not None and officer is not None
    assert sho.sign_public != officer.sign_public
    assert slots.public_keys("sho.phalia") == (sho.enc_public, sho.sign_public)
    signature = sho.sign.sign(b"grant")
    sho.sign.public_key().verify(signature, b"grant")


def test_wrong_passphrase_and_unknown_user_give_the_same_refusal() -> None:
    slots = slots_with(("sho.phalia", "first passphrase"))
    with pytest.raises(WrongPassphrase, match="wrong user name or passphrase"):
        slots.unlock("sho.phalia", "not the passphrase")
    with pytest.raises(WrongPassphrase, match="wrong user name or passphrase"):
        slots.unlock("nobody", "first passphrase")


def test_changing_a_passphrase_retires_the_old_one_and_the_old_key_pair() -> None:
    slots = slots_with(("sho.phalia", "first passphrase"))
    before = slots.public_keys("sho.phalia")
    slots.set_passphrase("sho.phalia", "a brand new passphrase", KEY, FAST)
    assert slots.unlock("sho.phalia", "a brand new passphrase").data_key == KEY
    with pytest.raises(WrongPassphrase):
        slots.unlock("sho.phalia", "first passphrase")
    assert slots.user_count() == 1 and slots.public_keys("sho.phalia") != before


def test_removed_user_can_no_longer_unlock() -> None:
    slots = slots_with(("sho.phalia", "first passphrase"), ("asi.aslam", "second passphrase"))
    slots.remove_user("asi.aslam")
    with pytest.raises(WrongPassphrase):
        slots.unlock("asi.aslam", "second passphrase")


def test_rekey_seals_a_new_data_key_to_every_user_and_recovery_key_without_passphrases() -> None:
    district = X25519PrivateKey.generate()
    slots = slots_with(("sho.phalia", "first passphrase"), ("asi.aslam", "second passphrase"))
    slots.set_recovery(district.public_key().public_bytes_raw(), KEY)
    new_key = os.urandom(32)
    result = slots.rekeyed(new_key)
    assert result.dropped_users == () and result.dropped_recovery == ()
    assert result.slots.epoch == slots.epoch + 1
    assert result.slots.unlock("asi.aslam", "second passphrase").data_key == new_key
    assert result.slots.unlock_with_recovery(district) == new_key
    assert slots.unlock("asi.aslam", "second passphrase").data_key == KEY  # the old file still says the old key


def test_recovery_slot_opens_with_the_district_key_only() -> None:
    district = X25519PrivateKey.generate()
    slots = slots_with(("sho.phalia", "first passphrase"))
    fingerprint = slots.set_recovery(district.public_key().public_bytes_raw(), KEY)
    assert slots.recovery_fingerprints() == [fingerprint]
    assert slots.unlock_with_recovery(district) == KEY
    with pytest.raises(WrongPassphrase, match="no recovery slot"):
        slots.unlock_with_recovery(X25519PrivateKey.generate())


def test_slot_file_round_trips_and_names_no_user(tmp_path: Path) -> None:
    slots = slots_with(("sho.phalia", "first passphrase"))
    slots.save(tmp_path / "keyslots.json")
    raw = (tmp_path / "keyslots.json").read_text()
    assert "sho.phalia" not in raw and KEY.hex() not in raw
    loaded = KeySlots.load(tmp_path / "keyslots.json")
    loaded.verify(KEY)
    assert loaded.unlock("sho.phalia", "first passphrase").data_key == KEY
    assert loaded.label == StoreLabel("MBD-PHALIA") and loaded.default_kdf == FAST


def edited(tmp_path: Path, edit) -> KeySlots:  # type: ignore[no-untyped-def]
    slots = slots_with(("sho.phalia", "first passphrase"), ("asi.aslam", "second passphrase"))
    slots.save(tmp_path / "k.json")
    doc = json.loads((tmp_path / "k.json").read_text())
    edit(doc)
    return KeySlots.load_bytes(json.dumps(doc).encode())


@pytest.mark.parametrize(
    "edit",
    [
        lambda doc: doc["slots"].pop(),
        lambda doc: doc["store"].update(demo=True),
        lambda doc: doc["kdf"].update(time_cost=2),
        lambda doc: doc.update(epoch=doc["epoch"] + 1),
        lambda doc: doc["slots"].append(dict(doc["slots"][0], tag="0" * 64)),
    ],
    ids=["slot removed", "demo flag set", "default cost changed", "epoch changed", "slot added"],
)
def test_any_edit_to_the_file_fails_its_mac(tmp_path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(StoreDamaged, match="changed outside the app"):
        edited(tmp_path, edit).verify(KEY)


def test_a_swapped_public_key_is_refused(tmp_path: Path) -> None:
    other = base64.b64encode(X25519PrivateKey.generate().public_key().public_bytes_raw()).decode()

    def swap(doc: dict) -> None:  # type: ignore[type-arg]
        doc["slots"][1]["enc_public"] = other

    with pytest.raises(WrongPassphrase):
        edited(tmp_path, swap).unlock("asi.aslam", "second passphrase")


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": "other"}', b'{"format": "ahtc-keyslots/2"}'])
def test_damaged_slot_file_is_reported_as_damaged(content: bytes) -> None:
    with pytest.raises(StoreDamaged):
        KeySlots.load_bytes(content)


def test_tampered_wrapped_key_is_refused_not_misread(tmp_path: Path) -> None:
    def flip(doc: dict) -> None:  # type: ignore[type-arg]
        wrapped = doc["slots"][0]["private"]
        doc["slots"][0]["private"] = ("A" if wrapped[0] != "A" else "B") + wrapped[1:]

    with pytest.raises(WrongPassphrase):
        edited(tmp_path, flip).unlock("sho.phalia", "first passphrase")


@pytest.mark.parametrize("cost", [{"memory_kib": 2**31}, {"time_cost": 10_000}, {"parallelism": 0}, {"memory_kib": 16}])
def test_a_cost_outside_the_bounds_is_refused_before_argon2_runs(tmp_path: Path, cost: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(StoreDamaged, match="impossible passphrase cost"):
        edited(tmp_path, lambda doc: doc["slots"][0]["kdf"].update(cost)).unlock("sho.phalia", "first passphrase")


def test_short_passphrase_is_refused_with_a_reason() -> None:
    with pytest.raises(ValidationError) as caught:
        KeySlots.new().set_passphrase("sho.phalia", "short", KEY, FAST)
    assert caught.value.field == "passphrase" and "10 characters" in caught.value.message


def test_guessable_passphrase_is_refused_saying_why() -> None:
    with pytest.raises(ValidationError) as caught:
        check_passphrase_strength("password12")
    assert "too easy to guess" in caught.value.message and "common" in caught.value.message


def test_the_station_and_user_names_make_a_passphrase_weaker() -> None:
    check_passphrase_strength("phalia kiln 2026 ok")  # fine on its own ...
    with pytest.raises(ValidationError):
        check_passphrase_strength("phalia city 2026", ["MBD-PHALIA", "Phalia City", "sho.phalia"])


def test_default_cost_is_argon2id_64_mib_three_passes() -> None:
    assert KdfParams(time_cost=3, memory_kib=65536, parallelism=1) == DEFAULT_KDF
    slots = KeySlots.new()
    slots.set_passphrase("sho.phalia", "first passphrase", KEY, DEFAULT_KDF)  # the production cost, once
    assert slots.unlock("sho.phalia", "first passphrase").data_key == KEY


def test_calibration_adds_passes_until_the_target_time_is_reached() -> None:
    measured: list[KdfParams] = []

    def per_pass_50ms(params: KdfParams) -> float:
        measured.append(params)
        return 0.05 * params.time_cost * params.memory_kib / 65536

    params = calibrate_kdf(0.5, measure=per_pass_50ms)
    assert per_pass_50ms(params) >= 0.5 and params.memory_kib == 65536
    assert params.time_cost <= 12, "no more passes than needed (with a 10 % margin)"
    assert measured[0] == DEFAULT_KDF


def test_calibration_never_goes_below_the_default_cost() -> None:
    assert calibrate_kdf(0.5, measure=lambda _params: 2.0) == DEFAULT_KDF


def test_calibration_raises_memory_when_passes_run_out() -> None:
    params = calibrate_kdf(0.5, measure=lambda p: 0.001 * p.time_cost * p.memory_kib / 65536)
    assert params.time_cost == 64 and params.memory_kib > 65536


# -- the old format -------------------------------------------------------------------------------------------


def legacy_file(users: dict[str, str], district_public: bytes | None = None, key: bytes = KEY) -> bytes:
    """An `ahtc-keyslots/1` file as the previous release wrote it (its own code, copied here)."""
    salt = os.urandom(16)
    slots = []
    for name, phrase in users.items():
        tag = hashlib.sha256(salt + name.encode()).hexdigest()
        kdf_salt, nonce = os.urandom(16), os.urandom(12)
        derived = hash_secret_raw(phrase.encode(), kdf_salt, 1, 8192, 1, 32, Type.ID)
        wrapped = AESGCM(derived).encrypt(nonce, key, f"ahtc-keyslots/1|passphrase|{tag}".encode())
        slots.append(
            {
                "kind": "passphrase",
                "tag": tag,
                "kdf": {"name": "argon2id", "salt": base64.b64encode(kdf_salt).decode(), **FAST.to_json()},
                "nonce": base64.b64encode(nonce).decode(),
                "wrapped": base64.b64encode(wrapped).decode(),
            }
        )
    if district_public is not None:
        fingerprint = hashlib.sha256(district_public).hexdigest()[:32]
        ephemeral = X25519PrivateKey.generate()
        eph_pub = ephemeral.public_key().public_bytes_raw()
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(district_public))
        wrap = HKDF(algorithm=hashes.SHA256(), length=32, salt=eph_pub, info=b"ahtc-keyslot/1 recovery").derive(shared)
        nonce = os.urandom(12)
        sealed = AESGCM(wrap).encrypt(nonce, key, f"ahtc-keyslots/1|recovery|{fingerprint}".encode())
        slots.append(
            {
                "kind": "recovery",
                "tag": fingerprint,
                "ephemeral_public": base64.b64encode(eph_pub).decode(),
                "nonce": base64.b64encode(nonce).decode(),
                "wrapped": base64.b64encode(sealed).decode(),
            }
        )
    doc = {"format": "ahtc-keyslots/1", "salt": base64.b64encode(salt).decode(), "slots": slots}
    return json.dumps(doc).encode()


def test_an_old_format_file_still_opens_for_every_user_and_the_recovery_key() -> None:
    district = X25519PrivateKey.generate()
    slots = KeySlots.load_bytes(
        legacy_file({"sho.phalia": "first pass", "asi.aslam": "second pass"}, district.public_key().public_bytes_raw())
    )
    assert slots.legacy
    opened = slots.unlock("asi.aslam", "second pass")
    assert opened.data_key == KEY and opened.keys is None
    slots.verify(KEY)  # nothing to check yet: there was no MAC in the old format
    assert slots.unlock_with_recovery(district) == KEY


def test_converting_one_user_keeps_the_others_working_and_authenticates_the_file(tmp_path: Path) -> None:
    slots = KeySlots.load_bytes(legacy_file({"sho.phalia": "first pass", "asi.aslam": "second pass"}))
    keys = slots.convert_user("sho.phalia", "first pass", KEY)
    slots.save(tmp_path / "k.json")
    again = KeySlots.load(tmp_path / "k.json")
    again.verify(KEY)
    assert again.unlock("sho.phalia", "first pass").keys is not None
    assert again.public_keys("sho.phalia") == (keys.enc_public, keys.sign_public)
    assert again.unlock("asi.aslam", "second pass").data_key == KEY and again.is_legacy_user("asi.aslam")


def test_a_rekey_drops_what_it_cannot_reseal_and_says_so() -> None:
    district = X25519PrivateKey.generate()
    slots = KeySlots.load_bytes(
        legacy_file({"sho.phalia": "first pass", "asi.aslam": "second pass"}, district.public_key().public_bytes_raw())
    )
    slots.convert_user("sho.phalia", "first pass", KEY)
    result = slots.rekeyed(os.urandom(32))
    assert len(result.dropped_users) == 1 and len(result.dropped_recovery) == 1
    with pytest.raises(WrongPassphrase):
        result.slots.unlock("asi.aslam", "second pass")
    assert result.slots.unlock("sho.phalia", "first pass").keys is not None
