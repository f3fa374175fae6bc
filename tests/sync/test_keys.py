"""Sync keys: private-bytes round trip, public-key JSON, and fingerprints that never change."""

from __future__ import annotations

import base64
import re

import pytest

from desktop_app.sync.keys import FINGERPRINT_PATTERN, Identity, PublicKeys, key_fingerprint

# Fixed private keys, so the fingerprints below are pinned: if they ever change, every station's
# enrolment comparison by phone breaks, so this must be a deliberate, documented format change.
FIXED_PRIVATE = {
    "sign": base64.b64encode(bytes(range(32))).decode("ascii"),
    "enc": base64.b64encode(bytes(range(32, 64))).decode("ascii"),
}


def fixed_identity() -> Identity:
    return Identity.from_private_bytes(FIXED_PRIVATE)


def test_fixed_keys_have_their_documented_public_keys_and_fingerprints() -> None:
    public = fixed_identity().public()
    assert public.to_json() == {
        "sign": "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=",
        "enc": "NYBy1jZYgNGu6jKa35EhODhR7SGijjt16WXQ0s0WYlQ=",
    }
    assert public.fingerprint() == "XTFT-DJE7-OZJC-U7CL"
    assert key_fingerprint(public.enc) == "4JXO-E6VV-4WWN-QAWC"
    assert key_fingerprint(public.sign) == "ZZER-YMNG-52WY-PES3"


def test_fingerprints_are_four_groups_of_four_base32_characters() -> None:
    public = Identity.generate().public()
    assert re.fullmatch(FINGERPRINT_PATTERN, public.fingerprint())
    assert re.fullmatch(FINGERPRINT_PATTERN, key_fingerprint(public.enc))


def test_pair_fingerprint_changes_when_either_key_changes() -> None:
    one, other = Identity.generate().public(), Identity.generate().public()
    mixed_sign = PublicKeys(sign=other.sign, enc=one.enc)
    mixed_enc = PublicKeys(sign=one.sign, enc=other.enc)
    assert len({one.fingerprint(), mixed_sign.fingerprint(), mixed_enc.fingerprint()}) == 3


def test_pair_fingerprint_differs_from_single_key_fingerprints() -> None:
    public = fixed_identity().public()
    assert public.fingerprint() not in {key_fingerprint(public.sign), key_fingerprint(public.enc)}


def test_private_bytes_round_trip_keeps_the_same_keys() -> None:
    identity = Identity.generate()
    restored = Identity.from_private_bytes(identity.to_private_bytes())
    assert restored.to_private_bytes() == identity.to_private_bytes()
    assert restored.public() == identity.public()
    identity.public().signing_key().verify(restored.signing_key.sign(b"receipt"), b"receipt")


def test_private_bytes_are_base64_of_raw_32_byte_keys() -> None:
    stored = Identity.generate().to_private_bytes()
    assert set(stored) == {"sign", "enc"}
    assert all(len(base64.b64decode(value)) == 32 for value in stored.values())


@pytest.mark.parametrize(
    "bad",
    [
        {"sign": FIXED_PRIVATE["sign"]},
        {**FIXED_PRIVATE, "note": "x"},
        {**FIXED_PRIVATE, "enc": base64.b64encode(bytes(31)).decode()},
        {**FIXED_PRIVATE, "sign": "not base64!"},
        {**FIXED_PRIVATE, "sign": 12},
    ],
)
def test_damaged_private_bytes_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Identity.from_private_bytes(bad)


def test_public_keys_json_round_trip() -> None:
    public = Identity.generate().public()
    assert PublicKeys.from_json(public.to_json()) == public


@pytest.mark.parametrize(
    "bad",
    [
        {"sign": "AAAA"},
        {"sign": base64.b64encode(bytes(32)).decode(), "enc": base64.b64encode(bytes(33)).decode()},
        {"sign": base64.b64encode(bytes(32)).decode(), "enc": base64.b64encode(bytes(32)).decode(), "x": ""},
    ],
)
def test_damaged_public_keys_json_is_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        PublicKeys.from_json(bad)


def test_public_keys_must_be_raw_32_bytes() -> None:
    with pytest.raises(ValueError):
        PublicKeys(sign=bytes(31), enc=bytes(32))
    with pytest.raises(ValueError):
        key_fingerprint(bytes(33))


def test_identity_repr_shows_only_the_public_fingerprint() -> None:
    identity = fixed_identity()
    text = repr(identity)
    assert identity.public().fingerprint() in text
    assert FIXED_PRIVATE["sign"] not in text
    assert FIXED_PRIVATE["enc"] not in text
