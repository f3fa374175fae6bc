"""Sync bundles: round trip, and every reader check triggered by real damaged or forged bytes."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.errors import BundleRejected
from desktop_app.sync.bundle import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    PAYLOAD_NAME,
    SIGNATURE_NAME,
    OpenedBundle,
    bundle_file_name,
    bundle_sha256,
    read_bundle,
    save_bundle,
    write_bundle,
)
from desktop_app.sync.bundle_crypto import seal
from desktop_app.sync.bundle_manifest import associated_data, canonical_json, encryption_context
from desktop_app.sync.bundle_zip import write_stored_zip
from desktop_app.sync.keys import Identity, PublicKeys, key_fingerprint

STATION_A, STATION_B, DISTRICT, OTHER_DISTRICT = "LHR-07", "LHR-12", "LHR-DPO", "KSR-DPO"
KEYS = {code: Identity.generate() for code in (STATION_A, STATION_B, DISTRICT, OTHER_DISTRICT)}
ENTRIES: list[dict[str, Any]] = [
    {
        "seq": 41,
        "table": "sites",
        "id": "0b6f2c1e-4d7a-4f0e-9a51-2f8f7a9c1d01",
        "hlc": "2024-05-01T09:58:00.000Z/0/LHR-07",
        "base_hlc": None,
        "row": {"kind": "brick_kiln", "name": "Rana Akram Bricks", "tehsil": "Raiwind", "gps": [31.25, 74.22]},
    },
    {
        "seq": 42,
        "table": "inspections",
        "id": "7a1d9e3b-0c55-4c2a-8d7e-5b9b4f0e6a02",
        "hlc": "2024-05-01T09:59:00.000Z/0/LHR-07",
        "base_hlc": None,
        "row": {"workers_total": 37, "peshgi": 21, "notes": "ٹھیکیدار نے\nرجسٹر دکھایا \u2028 end"},
    },
    {"seq": 43, "table": "sites", "id": "0b6f2c1e-4d7a-4f0e-9a51-2f8f7a9c1d01", "hlc": "x", "row": None},
]


_DROP = object()  # in `resign` changes: remove the field


def enrolled(code: str) -> PublicKeys | None:
    """The district's enrolment register: both stations; no other district."""
    return KEYS[code].public() if code in (STATION_A, STATION_B) else None


def make_bundle(
    *,
    sender_code: str = STATION_A,
    sender: Identity | None = None,
    recipient_code: str = DISTRICT,
    recipient_key: bytes | None = None,
    entries: list[dict[str, Any]] = ENTRIES,
    **overrides: Any,
) -> bytes:
    arguments: dict[str, Any] = {
        "kind": "station-changes",
        "bundle_no": 6,
        "seq_from": 41,
        "seq_to": 43,
        "prev_bundle_sha256": "ab" * 32,
        "store_id": "c3a8d5f2-60e1-4b7e-9f1a-0d2b6e4c8a13",
        "app_version": "0.1.0",
        "schema_version": "0002",
        "created_at": "2024-05-01T10:00:00+00:00",
        "extra": None,
    }
    arguments.update(overrides)
    return write_bundle(
        sender_code=sender_code,
        recipient_code=recipient_code,
        entries=entries,
        sender=sender or KEYS[sender_code],
        recipient_enc_public=recipient_key or KEYS[recipient_code].public().enc,
        **arguments,
    )


def open_at_district(data: bytes, **limits: int) -> OpenedBundle:
    return read_bundle(data, my_code=DISTRICT, my_identity=KEYS[DISTRICT], sender_keys=enrolled, **limits)


def refusal(data: bytes, **limits: int) -> BundleRejected:
    with pytest.raises(BundleRejected) as caught:
        open_at_district(data, **limits)
    return caught.value


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(data: bytes, **replace: bytes) -> bytes:
    """A well-formed bundle ZIP with some members swapped: what someone editing the file would make."""
    names = {"manifest": MANIFEST_NAME, "sig": SIGNATURE_NAME, "payload": PAYLOAD_NAME}
    members = members_of(data)
    for key, body in replace.items():
        members[names[key]] = body
    return write_stored_zip(list(members.items()))


def manifest_of(data: bytes) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads(members_of(data)[MANIFEST_NAME])
    return manifest


def resign(data: bytes, signer: Identity, changes: dict[str, Any], payload: bytes | None = None) -> bytes:
    """Change manifest fields and sign again with `signer`: what a holder of that key could forge."""
    manifest = {**manifest_of(data), **changes}
    manifest = {name: value for name, value in manifest.items() if value is not _DROP}
    return resign_raw(data, signer, canonical_json(manifest), payload)


def resign_raw(data: bytes, signer: Identity, raw_manifest: bytes, payload: bytes | None = None) -> bytes:
    members = members_of(data)
    return write_stored_zip(
        [
            (MANIFEST_NAME, raw_manifest),
            (SIGNATURE_NAME, signer.signing_key.sign(raw_manifest)),
            (PAYLOAD_NAME, members[PAYLOAD_NAME] if payload is None else payload),
        ]
    )


def with_plaintext(plaintext: bytes, changes: dict[str, Any] | None = None) -> bytes:
    """A correctly signed and encrypted bundle from station A whose decrypted payload is `plaintext`."""
    base = make_bundle()
    manifest = {**manifest_of(base), **(changes or {})}
    sealed = seal(
        plaintext,
        KEYS[DISTRICT].public().enc,
        context=encryption_context(manifest),
        aad=associated_data(manifest),
    )
    manifest["payload_sha256"] = hashlib.sha256(sealed.ciphertext).hexdigest()
    manifest["encryption"] = {
        **manifest["encryption"],
        "ephemeral_public": base64.b64encode(sealed.ephemeral_public).decode("ascii"),
    }
    return resign_raw(base, KEYS[STATION_A], canonical_json(manifest), sealed.ciphertext)


def member_data_offset(data: bytes, name: str) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    return info.header_offset + 30 + len(name.encode())


def central_header(data: bytes, name: str) -> int:
    """Offset of `name`'s central-directory header, found by walking the directory."""
    start = data.index(b"PK\x05\x06")
    position: int = struct.unpack_from("<I", data, start + 16)[0]
    while position < start:
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, position + 28)
        if data[position + 46 : position + 46 + name_length] == name.encode():
            return position
        position += 46 + name_length + extra_length + comment_length
    raise AssertionError(name)


def flip(data: bytes, position: int, mask: int = 0x01) -> bytes:
    return data[:position] + bytes([data[position] ^ mask]) + data[position + 1 :]


# --- round trip ----------------------------------------------------------------------------------


def test_round_trip_returns_the_entries_manifest_and_file_hash() -> None:
    data = make_bundle()
    opened = open_at_district(data)
    assert opened.entries == ENTRIES
    assert opened.sha256 == bundle_sha256(data) == hashlib.sha256(data).hexdigest()
    assert opened.sender_keys == KEYS[STATION_A].public()
    assert opened.manifest["counts"] == {"sites": 2, "inspections": 1}


def test_manifest_carries_the_design_fields() -> None:
    data = make_bundle(extra={"ack": {"highest_contiguous_seq": 40}})
    manifest = open_at_district(data).manifest
    assert manifest["format"] == "ahtc-bundle/2"
    # In the clear: routing only. Counts per register, the time and `extra` come from the encrypted header.
    assert set(manifest_of(data)) == {
        "format", "kind", "sender", "recipient", "bundle_no", "seq_from", "seq_to", "prev_sha256", "store_id",
        "app_version", "schema_version", "entries", "key_change", "payload_sha256", "encryption",
    }  # fmt: skip
    assert manifest_of(data)["entries"] == len(ENTRIES) and manifest["counts"] == {"sites": 2, "inspections": 1}
    assert (manifest["kind"], manifest["sender"], manifest["recipient"]) == ("station-changes", STATION_A, DISTRICT)
    assert (manifest["bundle_no"], manifest["seq_from"], manifest["seq_to"]) == (6, 41, 43)
    assert manifest["prev_sha256"] == "ab" * 32
    assert manifest["store_id"] == "c3a8d5f2-60e1-4b7e-9f1a-0d2b6e4c8a13"
    assert (manifest["app_version"], manifest["schema_version"]) == ("0.1.0", "0002")
    assert manifest["created_at"] == "2024-05-01T10:00:00+00:00"
    assert manifest["extra"] == {"ack": {"highest_contiguous_seq": 40}}
    assert manifest["encryption"]["alg"] == "X25519-HKDF-SHA256-ChaCha20Poly1305"
    assert manifest["encryption"]["recipient_key"] == key_fingerprint(KEYS[DISTRICT].public().enc)
    assert re.fullmatch(r"[0-9a-f]{64}", manifest["payload_sha256"])


def test_return_bundle_without_entries_round_trips() -> None:
    data = make_bundle(
        kind="district-return",
        sender_code=DISTRICT,
        recipient_code=STATION_A,
        entries=[],
        prev_bundle_sha256=None,
        extra={"ack_seq": 43, "receipt": "countersigned-head"},
    )
    opened = read_bundle(
        data,
        my_code=STATION_A,
        my_identity=KEYS[STATION_A],
        sender_keys=lambda code: KEYS[DISTRICT].public() if code == DISTRICT else None,
    )
    assert opened.entries == []
    assert opened.manifest["counts"] == {}
    assert opened.manifest["extra"]["ack_seq"] == 43


def test_bundle_is_a_plain_stored_zip_of_three_members() -> None:
    with zipfile.ZipFile(io.BytesIO(make_bundle())) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == [MANIFEST_NAME, SIGNATURE_NAME, PAYLOAD_NAME]
        assert {info.compress_type for info in archive.infolist()} == {zipfile.ZIP_STORED}
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_payload_is_unreadable_without_the_recipient_key() -> None:
    data = make_bundle(entries=[{"table": "persons", "name": "Rana Akram " * 50}])
    assert b"Rana" not in data
    with pytest.raises(zlib.error):
        zlib.decompress(members_of(data)[PAYLOAD_NAME])


def test_each_bundle_uses_a_fresh_ephemeral_key() -> None:
    first, second = manifest_of(make_bundle()), manifest_of(make_bundle())
    assert first["encryption"]["ephemeral_public"] != second["encryption"]["ephemeral_public"]


def test_bundle_file_name_sorts_by_sender_and_number_and_is_safe() -> None:
    assert bundle_file_name("station-changes", STATION_A, DISTRICT, 42) == (
        "LHR-07_to_LHR-DPO_station-changes_000042.ahtc-bundle"
    )
    assert "/" not in bundle_file_name("district-return", "../x", "a\\b", 1)
    with pytest.raises(ValueError):
        bundle_file_name("secrets", STATION_A, DISTRICT, 1)


def test_save_bundle_writes_the_exact_bytes_and_leaves_no_temp_file(tmp_path: Path) -> None:
    data = make_bundle()
    path = save_bundle(data, tmp_path, bundle_file_name("station-changes", STATION_A, DISTRICT, 6))
    assert path.read_bytes() == data
    assert [entry.name for entry in tmp_path.iterdir()] == [path.name]
    assert open_at_district(path.read_bytes()).entries == ENTRIES


@pytest.mark.parametrize("name", ["../up.ahtc-bundle", "sub/x.ahtc-bundle", "..\\up", "C:x", "", ".."])
def test_save_bundle_refuses_names_that_are_paths(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError):
        save_bundle(b"x", tmp_path, name)


@pytest.mark.parametrize(
    "overrides",
    [
        {"kind": "station-secrets"},
        {"created_at": "2024-05-01T15:00:00+05:00"},
        {"created_at": "2024-05-01 10:00"},
        {"bundle_no": -1},
        {"seq_to": True},
        {"prev_bundle_sha256": "abc"},
        {"recipient_code": STATION_A},
        {"entries": [{"id": "no table"}]},
        {"entries": [{"table": "sites", "gps": float("nan")}]},
        {"extra": {"when": object()}},
        {"extra": {10: "a", 9: "b"}},
    ],
)
def test_writer_refuses_what_the_reader_would_refuse(overrides: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        make_bundle(**overrides)


# --- size ----------------------------------------------------------------------------------------


def test_empty_file_is_refused_by_size() -> None:
    assert refusal(b"").check == "size"


def test_file_over_the_limit_is_refused_by_size() -> None:
    data = make_bundle()
    assert refusal(data, max_bundle_bytes=len(data) - 1).check == "size"
    assert open_at_district(data, max_bundle_bytes=len(data)).entries == ENTRIES


# --- zip -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"hello", b"PK\x03\x04" + bytes(100), json.dumps({"a": 1}).encode()])
def test_not_a_zip_is_refused(data: bytes) -> None:
    assert refusal(data).check == "zip"


def test_every_truncation_is_refused_by_zip() -> None:
    data = make_bundle()
    for length in range(1, len(data)):
        assert refusal(data[:length]).check == "zip", length


def test_crc_error_is_refused_by_zip() -> None:
    data = make_bundle()
    rejected = refusal(flip(data, member_data_offset(data, PAYLOAD_NAME) + 3))
    assert rejected.check == "zip"
    assert "damaged" in rejected.detail


@pytest.mark.parametrize("name", ["../payload.enc", "/etc/passwd", "C:/Windows/x", "a/../../x", "..\\evil"])
def test_path_traversal_member_is_refused(name: str) -> None:
    data = write_stored_zip([*members_of(make_bundle()).items(), (name, b"x")])
    rejected = refusal(data)
    assert rejected.check == "zip"
    assert "outside" in rejected.detail


def test_duplicate_member_names_are_refused() -> None:
    members = list(members_of(make_bundle()).items())
    rejected = refusal(write_stored_zip([*members, members[0]]))
    assert (rejected.check, "2 times" in rejected.detail) == ("zip", True)


def test_extra_unexpected_member_is_refused() -> None:
    rejected = refusal(write_stored_zip([*members_of(make_bundle()).items(), ("notes.txt", b"hi")]))
    assert (rejected.check, "unexpected" in rejected.detail) == ("zip", True)


def test_zip_listing_thousands_of_members_is_refused_before_parsing_them() -> None:
    members = [*members_of(make_bundle()).items(), *((f"filler{n}", b"") for n in range(5000))]
    rejected = refusal(write_stored_zip(members))
    assert (rejected.check, "5,003 files" in rejected.detail) == ("zip", True)


def test_missing_member_is_refused() -> None:
    members = members_of(make_bundle())
    del members[SIGNATURE_NAME]
    assert refusal(write_stored_zip(list(members.items()))).check == "zip"


def test_oversized_manifest_member_is_refused() -> None:
    assert refusal(rezip(make_bundle(), manifest=b" " * (MAX_MANIFEST_BYTES + 1))).check == "zip"


def test_oversized_signature_member_is_refused() -> None:
    data = make_bundle()
    assert refusal(rezip(data, sig=members_of(data)[SIGNATURE_NAME] + b"\0")).check == "zip"


def test_payload_member_declaring_a_huge_size_is_refused_before_reading() -> None:
    data = bytearray(make_bundle())
    position = central_header(bytes(data), PAYLOAD_NAME)
    struct.pack_into("<II", data, position + 20, 0x7FFF0000, 0x7FFF0000)  # compressed, uncompressed
    rejected = refusal(bytes(data))
    assert (rejected.check, "claims" in rejected.detail) == ("zip", True)


def _deflated_bomb(expanded: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in members_of(make_bundle()).items():
            if name == PAYLOAD_NAME:
                archive.writestr(name, bytes(expanded), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
            else:
                archive.writestr(name, body)
    return buffer.getvalue()


def test_zip_bomb_by_compression_ratio_is_refused() -> None:
    bomb = _deflated_bomb(64 * 2**20)
    assert len(bomb) < 200 * 2**10
    rejected = refusal(bomb)
    assert (rejected.check, "ZIP bomb" in rejected.detail) == ("zip", True)


def test_zip_bomb_whose_headers_lie_about_its_size_is_refused() -> None:
    bomb = bytearray(_deflated_bomb(16 * 2**20))
    position = central_header(bytes(bomb), PAYLOAD_NAME)
    compressed = struct.unpack_from("<I", bomb, position + 20)[0]
    struct.pack_into("<I", bomb, position + 24, compressed)  # claims it does not expand at all
    assert refusal(bytes(bomb), max_bundle_bytes=2**20).check == "zip"


def test_zip_compressed_members_are_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, body in members_of(make_bundle()).items():
            archive.writestr(name, body)
    assert refusal(buffer.getvalue()).check == "zip"


def test_same_members_rezipped_by_another_tool_are_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in members_of(make_bundle()).items():
            archive.writestr(name, body)
    rejected = refusal(buffer.getvalue())
    assert (rejected.check, "structure" in rejected.detail) == ("zip", True)


def test_members_in_another_order_are_refused() -> None:
    members = list(members_of(make_bundle()).items())
    assert refusal(write_stored_zip(members[::-1])).check == "zip"


@pytest.mark.parametrize("wrap", [lambda d: b"MZ" + d, lambda d: d + b"\0", lambda d: d[:-2] + b"\x03\0abc"])
def test_bytes_added_around_the_zip_are_refused(wrap: Callable[[bytes], bytes]) -> None:
    assert refusal(wrap(make_bundle())).check == "zip"


# --- manifest and format -------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b"\xff\xfe{}", b'{"format": NaN}', b"[" * 60_000])
def test_manifest_that_is_not_a_json_object_is_refused(raw: bytes) -> None:
    assert refusal(resign_raw(make_bundle(), KEYS[STATION_A], raw)).check == "manifest"


@pytest.mark.parametrize(
    "changes",
    [
        {"seq_to": _DROP},
        {"bundle_no": "6"},
        {"bundle_no": True},
        {"seq_from": -1},
        {"counts": {"sites": "2"}},
        {"payload_sha256": "AB" * 32},
        {"prev_sha256": 0},
        {"created_at": "yesterday"},
        {"sender": ""},
        {"sender": "LHR\n07"},
        {"encryption": {"alg": "rot13"}},
        {"extra": []},
        {"priority": "urgent"},
        {"recipient": STATION_A},
    ],
)
def test_manifest_with_missing_or_ill_typed_fields_is_refused(changes: dict[str, Any]) -> None:
    assert refusal(resign(make_bundle(), KEYS[STATION_A], changes)).check == "manifest"


def test_manifest_with_an_out_of_range_number_is_refused() -> None:
    data = make_bundle()
    raw = members_of(data)[MANIFEST_NAME].replace(b'"key_change":[]', b'"key_change":[{"big":1e400}]')
    assert refusal(resign_raw(data, KEYS[STATION_A], raw)).check == "manifest"


def test_manifest_not_in_canonical_form_is_refused_even_when_signed() -> None:
    data = make_bundle()
    spaced = json.dumps(manifest_of(data), sort_keys=True, indent=1, ensure_ascii=False).encode()
    rejected = refusal(resign_raw(data, KEYS[STATION_A], spaced))
    assert (rejected.check, "canonical" in rejected.detail) == ("manifest", True)


def test_manifest_with_a_lone_surrogate_escape_is_refused() -> None:
    data = make_bundle()
    raw = members_of(data)[MANIFEST_NAME].replace(b'"key_change":[]', b'"key_change":[{"note":"\\ud800"}]')
    assert refusal(resign_raw(data, KEYS[STATION_A], raw)).check == "manifest"


def test_manifest_with_duplicate_keys_is_refused() -> None:
    data = make_bundle()
    raw = members_of(data)[MANIFEST_NAME].replace(b'{"app_version"', b'{"bundle_no":1,"app_version"', 1)
    assert refusal(resign_raw(data, KEYS[STATION_A], raw)).check == "manifest"


@pytest.mark.parametrize("changes", [{"format": "ahtc-bundle/3"}, {"kind": "station-secrets"}])
def test_unknown_format_or_kind_is_refused_by_format(changes: dict[str, Any]) -> None:
    rejected = refusal(resign(make_bundle(), KEYS[STATION_A], changes))
    assert (rejected.check, "update" in rejected.detail) == ("format", True)


def test_newer_format_with_other_fields_is_still_reported_as_format() -> None:
    forged = resign(make_bundle(), KEYS[STATION_A], {"format": "ahtc-bundle/3", "seq_to": _DROP, "new": 1})
    assert refusal(forged).check == "format"


def test_a_bundle_of_the_earlier_format_is_refused_with_a_clear_reason() -> None:
    """What the release before ahtc-bundle/2 wrote: counts, time and extra in the clear manifest."""
    earlier = {
        **{k: v for k, v in manifest_of(make_bundle()).items() if k not in ("entries", "key_change")},
        "format": "ahtc-bundle/1",
        "counts": {"sites": 2, "inspections": 1},
        "created_at": "2024-05-01T10:00:00+00:00",
        "extra": {},
    }
    rejected = refusal(resign_raw(make_bundle(), KEYS[STATION_A], canonical_json(earlier)))
    assert rejected.check == "format"
    assert "earlier version" in rejected.detail and "nothing is lost" in rejected.detail


# --- recipient and sender ------------------------------------------------------------------------


def test_bundle_addressed_to_another_district_is_refused() -> None:
    data = make_bundle(recipient_code=OTHER_DISTRICT)
    rejected = refusal(data)
    assert (rejected.check, OTHER_DISTRICT in rejected.detail) == ("recipient", True)


def test_station_cannot_open_a_bundle_addressed_to_the_district() -> None:
    with pytest.raises(BundleRejected) as caught:
        read_bundle(make_bundle(), my_code=STATION_B, my_identity=KEYS[STATION_B], sender_keys=enrolled)
    assert caught.value.check == "recipient"


def test_unknown_sender_is_refused() -> None:
    data = make_bundle(sender_code=OTHER_DISTRICT, kind="district-return")
    rejected = refusal(data)
    assert (rejected.check, "not enrolled" in rejected.detail) == ("sender", True)


# --- signature -----------------------------------------------------------------------------------


def test_flipped_signature_byte_is_refused() -> None:
    data = make_bundle()
    signature = members_of(data)[SIGNATURE_NAME]
    assert refusal(rezip(data, sig=flip(signature, 10))).check == "signature"


def test_edited_manifest_without_resigning_is_refused() -> None:
    data = make_bundle()
    raw = members_of(data)[MANIFEST_NAME].replace(b'"seq_to":43', b'"seq_to":44')
    assert refusal(rezip(data, manifest=raw)).check == "signature"


def test_bundle_from_station_a_relabelled_as_station_b_is_refused() -> None:
    relabelled = rezip(
        make_bundle(),
        manifest=canonical_json({**manifest_of(make_bundle()), "sender": STATION_B}),
    )
    assert refusal(relabelled).check == "signature"


def test_station_a_cannot_forge_a_bundle_in_station_b_name() -> None:
    forged = resign(make_bundle(), KEYS[STATION_A], {"sender": STATION_B})
    assert refusal(forged).check == "signature"


def test_signature_from_a_re_enrolled_key_is_refused() -> None:
    data = make_bundle(sender=Identity.generate())
    assert refusal(data).check == "signature"


# --- payload hash and decryption -----------------------------------------------------------------


def test_flipped_payload_byte_is_refused_by_payload_hash() -> None:
    data = make_bundle()
    payload = members_of(data)[PAYLOAD_NAME]
    assert refusal(rezip(data, payload=flip(payload, 5))).check == "payload-hash"


def test_payload_swapped_from_another_bundle_is_refused_by_payload_hash() -> None:
    other_payload = members_of(make_bundle(entries=[{"table": "persons"}]))[PAYLOAD_NAME]
    assert refusal(rezip(make_bundle(), payload=other_payload)).check == "payload-hash"


def test_bundle_encrypted_to_an_old_district_key_is_refused_by_decryption() -> None:
    data = make_bundle(recipient_key=Identity.generate().public().enc)
    rejected = refusal(data)
    assert (rejected.check, "enrolment" in rejected.detail) == ("decryption", True)


def test_ciphertext_for_another_key_under_the_right_fingerprint_is_refused_by_decryption() -> None:
    wrong = make_bundle(recipient_key=KEYS[OTHER_DISTRICT].public().enc)
    right_fingerprint = manifest_of(make_bundle())["encryption"]["recipient_key"]
    forged = resign(
        wrong,
        KEYS[STATION_A],
        {"encryption": {**manifest_of(wrong)["encryption"], "recipient_key": right_fingerprint}},
    )
    assert refusal(forged).check == "decryption"


@pytest.mark.parametrize("changes", [{"seq_to": 99}, {"store_id": "restored-store"}, {"bundle_no": 7}])
def test_payload_is_bound_to_the_manifest_identifying_fields(changes: dict[str, Any]) -> None:
    # Even the sender cannot move a sealed payload under another range, store or bundle number.
    assert refusal(resign(make_bundle(), KEYS[STATION_A], changes)).check == "decryption"


# --- payload -------------------------------------------------------------------------------------


def _lines(entries: list[Any]) -> bytes:
    """The payload: a valid header for ENTRIES, then `entries`, one a line."""
    header = {"counts": {"sites": 2, "inspections": 1}, "created_at": "2024-05-01T10:00:00+00:00", "extra": {}}
    return canonical_json(header) + b"\n" + _entry_lines(entries)


def _entry_lines(entries: list[Any]) -> bytes:
    return b"".join(canonical_json(entry) + b"\n" for entry in entries)


@pytest.mark.parametrize(
    "plaintext",
    [
        b"plain text, not compressed",
        zlib.compress(_lines(ENTRIES))[:-6],
        zlib.compress(_lines(ENTRIES)) + b"junk",
        zlib.compress(_lines(ENTRIES)[:-1]),
        zlib.compress(_lines(ENTRIES[:2]) + b"{not json\n"),
        zlib.compress(_lines([*ENTRIES[:2], ["table", "sites"]])),
        zlib.compress(_lines([*ENTRIES[:2], {"id": "no table"}])),
        zlib.compress(_lines([*ENTRIES[:2], {"table": ""}])),
        zlib.compress(_lines(ENTRIES[:2]) + b"\xff\xfe\n"),
        zlib.compress(_lines(ENTRIES[:2]) + b'{"table":"sites","gps":NaN}\n'),
        zlib.compress(b""),
        zlib.compress(_lines(ENTRIES) + b"\n"),
    ],
)
def test_malformed_payload_is_refused(plaintext: bytes) -> None:
    rejected = refusal(with_plaintext(plaintext))
    assert (rejected.check, "district IT" in rejected.detail) == ("payload", True)


def test_forged_payload_helper_produces_an_acceptable_bundle_when_well_formed() -> None:
    assert open_at_district(with_plaintext(zlib.compress(_lines(ENTRIES)))).entries == ENTRIES


def test_counts_not_matching_the_manifest_are_refused() -> None:
    header = {"counts": {"sites": 1, "inspections": 2}, "created_at": "2024-05-01T10:00:00+00:00", "extra": {}}
    forged = with_plaintext(zlib.compress(canonical_json(header) + b"\n" + _entry_lines(ENTRIES)))
    assert refusal(forged).check == "payload"


def test_a_header_that_counts_otherwise_than_the_manifest_is_refused() -> None:
    forged = with_plaintext(zlib.compress(_lines(ENTRIES)), {"entries": 4})
    rejected = refusal(forged)
    assert (rejected.check, "different number" in rejected.detail) == ("payload", True)


def test_payload_over_the_uncompressed_cap_is_refused() -> None:
    data = make_bundle(entries=[{"table": "notes", "text": "peshgi " * 150_000}])
    assert len(data) < 64 * 2**10
    rejected = refusal(data, max_payload_bytes=2**20)
    assert (rejected.check, "unpacks" in rejected.detail) == ("payload", True)
    assert len(open_at_district(data, max_payload_bytes=2 * 2**20).entries) == 1


# --- order of checks -----------------------------------------------------------------------------


def test_recipient_is_checked_before_the_signature() -> None:
    forged = resign(make_bundle(), Identity.generate(), {"recipient": OTHER_DISTRICT})
    assert refusal(forged).check == "recipient"


def test_signature_is_checked_before_the_payload_hash() -> None:
    data = make_bundle()
    signature, payload = members_of(data)[SIGNATURE_NAME], members_of(data)[PAYLOAD_NAME]
    assert refusal(rezip(data, sig=flip(signature, 0), payload=flip(payload, 0))).check == "signature"


# --- every byte matters --------------------------------------------------------------------------

SMALL_BUNDLE = make_bundle(entries=ENTRIES[:2])


@pytest.mark.parametrize("mask", [0x01, 0x80, 0xFF])
def test_every_single_flipped_byte_in_the_file_is_refused(mask: int) -> None:
    for position in range(len(SMALL_BUNDLE)):
        with pytest.raises(BundleRejected):
            open_at_district(flip(SMALL_BUNDLE, position, mask))


@pytest.mark.parametrize(
    ("member", "key", "allowed"),
    [
        (MANIFEST_NAME, "manifest", {"manifest", "format", "recipient", "sender", "signature"}),
        (SIGNATURE_NAME, "sig", {"signature"}),
        (PAYLOAD_NAME, "payload", {"payload-hash"}),
    ],
)
def test_every_flipped_byte_of_a_member_in_a_well_formed_zip_is_refused(
    member: str, key: str, allowed: set[str]
) -> None:
    body = members_of(SMALL_BUNDLE)[member]
    for position in range(len(body)):
        with pytest.raises(BundleRejected) as caught:
            open_at_district(rezip(SMALL_BUNDLE, **{key: flip(body, position)}))
        assert caught.value.check in allowed, (position, caught.value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SMALL_BUNDLE) - 1), st.integers(1, 255)), min_size=1, max_size=8))
def test_any_corruption_is_refused_cleanly(corruptions: list[tuple[int, int]]) -> None:
    data = bytearray(SMALL_BUNDLE)
    for position, mask in corruptions:
        data[position] ^= mask
    if bytes(data) == SMALL_BUNDLE:
        return
    with pytest.raises(BundleRejected):
        open_at_district(bytes(data))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_are_refused_cleanly(data: bytes) -> None:
    with pytest.raises(BundleRejected):
        open_at_district(data)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_manifest_bytes_in_a_well_formed_zip_are_refused_cleanly(raw: bytes) -> None:
    with pytest.raises(BundleRejected):
        open_at_district(rezip(SMALL_BUNDLE, manifest=raw))
