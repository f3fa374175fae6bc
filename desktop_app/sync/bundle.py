"""Writing and strictly reading sync bundles (`ahtc-bundle/2`, see docs/bundle-format.md).

A bundle is a ZIP of `manifest.json` (signed by the sender), `manifest.sig` and `payload.enc` (a header line
with the per-register counts, the time of writing and `extra`, then the change-log entries, one a line;
compressed, then encrypted to the recipient). `read_bundle` returns nothing
until every check has passed, and otherwise raises BundleRejected naming the first check that failed.
No database here: the services layer decides what to do with the entries.
"""

from __future__ import annotations

import base64
import hashlib
import re
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature

from desktop_app.errors import BundleRejected
from desktop_app.store.atomic import write_atomic
from desktop_app.sync.bundle_crypto import ALGORITHM, SealBroken, SealedPayload, open_sealed, seal
from desktop_app.sync.bundle_manifest import (
    FORMAT,
    KINDS,
    MAX_HEADER_BYTES,
    associated_data,
    canonical_json,
    encryption_context,
    header_problem,
    parse_manifest,
    strict_json_loads,
)
from desktop_app.sync.bundle_zip import read_stored_zip, write_stored_zip
from desktop_app.sync.keys import Identity, Keyring, PublicKeys, key_fingerprint

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
PAYLOAD_NAME = "payload.enc"
SIGNATURE_BYTES = 64
MAX_MANIFEST_BYTES = 64 * 2**10  # routing fields and up to four key-change statements: a few KiB at most
DEFAULT_MAX_BUNDLE_BYTES = 200 * 2**20
DEFAULT_MAX_PAYLOAD_BYTES = 256 * 2**20
# One change-log entry as JSON: far above any real row (the longest text fields are a few thousand characters).
MAX_ENTRY_BYTES = 4 * 2**20
# Each entry also counts this much against the unpack cap: a line of a few bytes still becomes a dict of
# hundreds, so millions of tiny entries must not fit under a cap meant for their text.
_ENTRY_OBJECT_BYTES = 512
_INFLATE_STEP = 2**20  # inflate at most this much at a time, so the cap is checked before memory is spent
FILE_SUFFIX = ".ahtc-bundle"

_ASK_AGAIN = "Ask the sender to export the bundle again; if it happens again, report it to district IT."


@dataclass(frozen=True)
class OpenedBundle:
    """A bundle that passed every check: authentic, addressed to us, decrypted and well formed."""

    manifest: dict[str, Any]
    entries: list[dict[str, Any]]
    sha256: str  # of the whole file: the next bundle's `prev_sha256`, and the dispatch-slip number
    sender_keys: PublicKeys


def bundle_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_bundle(
    *,
    kind: str,
    sender_code: str,
    recipient_code: str,
    bundle_no: int,
    seq_from: int,
    seq_to: int,
    prev_bundle_sha256: str | None,
    store_id: str,
    app_version: str,
    schema_version: str,
    created_at: str,
    entries: list[dict[str, Any]],
    extra: dict[str, Any] | None,
    sender: Identity,
    recipient_enc_public: bytes,
) -> bytes:
    """The bytes of a signed, encrypted bundle.

    Raises ValueError if any argument would make a bundle that `read_bundle` refuses, so a bad bundle
    is caught at export, not at the district (TypeError if a header argument is not even JSON).
    """
    extra = dict(extra or {})
    # Key-change statements stay readable: a signature made with new keys is checked before decryption.
    key_change = extra.pop("key_change", [])
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "kind": kind,
        "sender": sender_code,
        "recipient": recipient_code,
        "bundle_no": bundle_no,
        "seq_from": seq_from,
        "seq_to": seq_to,
        "prev_sha256": prev_bundle_sha256,
        "store_id": store_id,
        "app_version": app_version,
        "schema_version": schema_version,
        "entries": len(entries),
        "key_change": key_change,
    }
    header = _checked_header({"counts": _count_tables(entries), "created_at": created_at, "extra": extra})
    sealed = seal(
        _encode_payload(header, entries),
        recipient_enc_public,
        context=encryption_context(manifest),
        aad=associated_data(manifest),
    )
    manifest["payload_sha256"] = hashlib.sha256(sealed.ciphertext).hexdigest()
    manifest["encryption"] = {
        "alg": ALGORITHM,
        "ephemeral_public": base64.b64encode(sealed.ephemeral_public).decode("ascii"),
        "recipient_key": key_fingerprint(recipient_enc_public),
    }
    raw = _checked_manifest_bytes(manifest)
    return write_stored_zip(
        [(MANIFEST_NAME, raw), (SIGNATURE_NAME, sender.signing_key.sign(raw)), (PAYLOAD_NAME, sealed.ciphertext)]
    )


def bundle_file_name(kind: str, sender: str, recipient: str, bundle_no: int) -> str:
    """E.g. `LHR-07_to_LHR-DPO_station-changes_000042.ahtc-bundle`: sorts by sender, then number."""
    if kind not in KINDS:
        raise ValueError(f"unknown bundle kind {kind!r}")
    if type(bundle_no) is not int or bundle_no < 0:
        raise ValueError("bundle_no must be a non-negative integer")
    return f"{_file_safe(sender)}_to_{_file_safe(recipient)}_{kind}_{bundle_no:06d}{FILE_SUFFIX}"


def save_bundle(data: bytes, out_dir: Path, name: str) -> Path:
    """Write atomically, so a stick pulled out mid-write never holds a file that looks complete."""
    # Checked on every OS alike: a name that is safe on the Linux server must be safe on Windows.
    if name in {"", ".", ".."} or any(mark in name for mark in "/\\:"):
        raise ValueError(f"{name!r} is not a plain file name")
    path = Path(out_dir) / name
    write_atomic(path, data)
    return path


def read_bundle(
    data: bytes,
    *,
    my_code: str,
    my_identity: Identity,
    sender_keys: Callable[[str], PublicKeys | None],
    max_bundle_bytes: int = DEFAULT_MAX_BUNDLE_BYTES,
    max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES,
    keyring: Keyring | None = None,
    admit: Callable[[dict[str, Any]], None] | None = None,
) -> OpenedBundle:
    """Open a bundle addressed to `my_code`, or raise BundleRejected(check, detail) on the first failure.

    Checks, in order: size, zip, manifest/format, recipient, sender, signature, payload-hash,
    decryption, payload. Nothing is decrypted before the signature and hash hold. `keyring` (sync/keys.py)
    brings what a key rotation needs: keys the sender announced, keys it no longer uses, our earlier keys.
    `admit` sees the manifest as soon as its signature holds, before the costly steps, and may raise to stop.
    """
    _check_size(data, max_bundle_bytes)
    members = read_stored_zip(data, _layout(max_bundle_bytes))
    manifest = parse_manifest(members[MANIFEST_NAME])
    _check_recipient(manifest, my_code)
    keys = _enrolled_keys(manifest, sender_keys)
    keys = _check_signature(members[MANIFEST_NAME], members[SIGNATURE_NAME], keys, manifest, keyring)
    if admit is not None:
        admit(manifest)
    _check_payload_size(members[PAYLOAD_NAME], manifest, max_payload_bytes)
    _check_payload_hash(members[PAYLOAD_NAME], manifest)
    plaintext = _decrypt(members[PAYLOAD_NAME], manifest, my_identity, keyring)
    header, entries = _decode_payload(plaintext, manifest, max_payload_bytes)
    extra = {**header["extra"], **({"key_change": manifest["key_change"]} if manifest["key_change"] else {})}
    opened_manifest = {**manifest, "counts": header["counts"], "created_at": header["created_at"], "extra": extra}
    return OpenedBundle(manifest=opened_manifest, entries=entries, sha256=bundle_sha256(data), sender_keys=keys)


# --- writing -------------------------------------------------------------------------------------


def _count_tables(entries: list[dict[str, Any]]) -> dict[str, int]:
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("table"), str) or not entry["table"]:
            raise ValueError(f"change-log entry {number} has no 'table'")
    return dict(Counter(entry["table"] for entry in entries))


def _checked_header(header: dict[str, Any]) -> bytes:
    try:
        raw = canonical_json(header)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"bundle header cannot be written as JSON: {exc}") from exc
    problem = header_problem(header)
    if problem is not None:
        raise ValueError(f"bundle header is not valid: {problem}")
    if strict_json_loads(raw) != header:  # e.g. number keys, which come back as text
        raise ValueError("bundle header does not read back as written")
    if len(raw) > MAX_HEADER_BYTES:
        raise ValueError("bundle header is too large; keep `extra` small")
    return raw


def _encode_payload(header: bytes, entries: list[dict[str, Any]]) -> bytes:
    # JSON escapes control characters inside strings, so b"\n" only ever ends a line.
    try:
        lines = b"".join(canonical_json(entry) + b"\n" for entry in entries)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"a change-log entry cannot be written as JSON: {exc}") from exc
    return zlib.compress(header + b"\n" + lines, 6)


def _checked_manifest_bytes(manifest: dict[str, Any]) -> bytes:
    # Run the reader's own check on what we are about to sign: the writer never emits a bundle the
    # district would refuse at the manifest step.
    try:
        raw = canonical_json(manifest)
        parse_manifest(raw)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"bundle manifest cannot be written as JSON: {exc}") from exc
    except BundleRejected as exc:
        raise ValueError(exc.detail) from exc
    if len(raw) > MAX_MANIFEST_BYTES:
        raise ValueError("bundle manifest is too large")
    return raw


def _file_safe(code: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "-", code)[:64] or "-"


# --- reading, one function per check -------------------------------------------------------------


def _layout(max_bundle_bytes: int) -> dict[str, int]:
    return {MANIFEST_NAME: MAX_MANIFEST_BYTES, SIGNATURE_NAME: SIGNATURE_BYTES, PAYLOAD_NAME: max_bundle_bytes}


def _mib(size: int) -> str:
    return f"{size / 2**20:,.1f} MiB"


def _check_size(data: bytes, max_bundle_bytes: int) -> None:
    if not data:
        raise BundleRejected(
            "size",
            "The bundle file is empty: it was probably not copied completely. Copy it again from the "
            "sender's USB stick, or ask the sender to export it again.",
        )
    if len(data) > max_bundle_bytes:
        raise BundleRejected(
            "size",
            f"The bundle file is {_mib(len(data))}, more than the {_mib(max_bundle_bytes)} this installation "
            f"accepts. Check it is really an AHTC bundle; if it is, ask district IT to raise the limit.",
        )


def _check_recipient(manifest: dict[str, Any], my_code: str) -> None:
    # Codes in a parsed manifest are short printable text, so they are safe to show as they are.
    if manifest["recipient"] != my_code:
        raise BundleRejected(
            "recipient",
            f"This bundle is addressed to {manifest['recipient']}, not to this installation ({my_code}). "
            f"Nothing was imported. Hand it to {manifest['recipient']} instead.",
        )


def _enrolled_keys(manifest: dict[str, Any], sender_keys: Callable[[str], PublicKeys | None]) -> PublicKeys:
    keys = sender_keys(manifest["sender"])
    if keys is None:
        raise BundleRejected(
            "sender",
            f"This bundle says it comes from {manifest['sender']}, which is not enrolled with this "
            f"installation. Complete enrolment with {manifest['sender']} first (compare fingerprints "
            f"by phone), or report the file to district IT if that sender is unknown.",
        )
    return keys


def _check_signature(
    raw_manifest: bytes, signature: bytes, keys: PublicKeys, manifest: dict[str, Any], keyring: Keyring | None
) -> PublicKeys:
    """The keys that signed the manifest: the enrolled ones, or (with a keyring) ones they handed over to."""
    sender = manifest["sender"]
    try:
        keys.signing_key().verify(signature, raw_manifest)
        return keys
    except InvalidSignature:
        signer = keyring.signer(manifest, raw_manifest, signature, keys) if keyring is not None else None
        if signer is not None:
            return signer
        raise BundleRejected(
            "signature",
            f"The bundle is not signed by the enrolled key of {sender}: it was altered or damaged after "
            f"it was written, or made by someone else under that name. Nothing was imported. Ask "
            f"{sender} to export again; if it fails again, report it to district IT.",
        ) from None


def _check_payload_hash(payload: bytes, manifest: dict[str, Any]) -> None:
    if hashlib.sha256(payload).hexdigest() != manifest["payload_sha256"]:
        raise BundleRejected(
            "payload-hash",
            f"The bundle's data (payload.enc) does not match its signed description: it was damaged or "
            f"replaced after it was written. Nothing was imported. {_ASK_AGAIN}",
        )


def _decrypt(payload: bytes, manifest: dict[str, Any], my_identity: Identity, keyring: Keyring | None) -> bytes:
    encryption = manifest["encryption"]
    mine = key_fingerprint(my_identity.public().enc)
    key = my_identity.encryption_key if encryption["recipient_key"] == mine else None
    if key is None and keyring is not None:
        key = keyring.decryption_key(encryption["recipient_key"])
    if key is None:
        raise BundleRejected(
            "decryption",
            f"The bundle was encrypted for key {encryption['recipient_key']}, but this installation's key is "
            f"{mine}. The sender holds out-of-date enrolment details for this installation: repeat the "
            f"enrolment exchange with {manifest['sender']}, then ask them to export again.",
        )
    sealed = SealedPayload(payload, base64.b64decode(encryption["ephemeral_public"]))
    try:
        return open_sealed(
            sealed,
            key,
            context=encryption_context(manifest),
            aad=associated_data(manifest),
        )
    except SealBroken:
        raise BundleRejected(
            "decryption",
            f"The bundle's data could not be decrypted with this installation's key. Nothing was imported. "
            f"{_ASK_AGAIN}",
        ) from None


def payload_caps(manifest: dict[str, Any], max_payload_bytes: int) -> tuple[int, int]:
    """(encrypted, unpacked) size limits for this bundle's payload, from the number of entries it declares.

    The manifest is signed, so a station cannot claim more than it is willing to be seen claiming; and an entry
    is never larger than MAX_ENTRY_BYTES, so a bundle of N entries never needs more than N of them.
    """
    unpacked = min(max_payload_bytes, MAX_HEADER_BYTES + declared_entries(manifest) * MAX_ENTRY_BYTES)
    # zlib never grows data by more than ~0.03 % plus a few bytes; the AEAD adds a 16-byte tag.
    return unpacked + unpacked // 1000 + 1024, unpacked


def declared_entries(manifest: dict[str, Any]) -> int:
    return int(manifest["entries"])


def _check_payload_size(payload: bytes, manifest: dict[str, Any], max_payload_bytes: int) -> None:
    if len(payload) > payload_caps(manifest, max_payload_bytes)[0]:
        raise _bad_payload("the encrypted data is larger than the number of changes it declares can need")


def _decode_payload(
    plaintext: bytes, manifest: dict[str, Any], max_payload_bytes: int
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Inflate in steps, stopping at the cap; the header first, then each entry only while the counts allow it."""
    cap = payload_caps(manifest, max_payload_bytes)[1]
    total = declared_entries(manifest)
    header: dict[str, Any] | None = None
    counts: dict[str, int] = {}
    entries: list[dict[str, Any]] = []
    seen: Counter[str] = Counter()
    inflater = zlib.decompressobj()
    pending = bytearray()
    produced = 0
    data = plaintext
    while True:
        try:
            chunk = inflater.decompress(data, _INFLATE_STEP)
        except zlib.error:
            raise _bad_payload("the decrypted data is not valid compressed data") from None
        data = inflater.unconsumed_tail
        produced += len(chunk)
        if produced > cap:
            raise _too_large(cap)
        pending += chunk
        start = 0
        while (end := pending.find(b"\n", start)) >= 0:
            line = bytes(pending[start:end])
            start = end + 1
            if header is None:
                header = _parse_header(line, total)
                counts = header["counts"]
                continue
            if len(entries) == total:
                raise _bad_payload("it holds more changes than the manifest counts")
            entry = _parse_entry(line, len(entries) + 1)
            seen[entry["table"]] += 1
            if seen[entry["table"]] > counts.get(entry["table"], 0):
                raise _bad_payload("the number of changes per register does not match its header")
            entries.append(entry)
            produced += _ENTRY_OBJECT_BYTES
            if produced > cap:
                raise _too_large(cap)
        del pending[:start]
        if len(pending) > (MAX_ENTRY_BYTES if header is not None else MAX_HEADER_BYTES):
            raise _bad_payload(f"change-log entry {len(entries) + 1} is longer than any entry can be")
        if inflater.eof or (not chunk and not data):
            break
    if not inflater.eof or inflater.unused_data:
        raise _bad_payload("the compressed data is incomplete or has extra bytes")
    if pending or header is None:
        raise _bad_payload("the last change-log entry is cut short")
    if dict(seen) != counts:
        raise _bad_payload("the number of changes per register does not match its header")
    return header, entries


def _parse_header(line: bytes, total: int) -> dict[str, Any]:
    try:
        header = strict_json_loads(line)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _bad_payload("its header is not valid JSON") from None
    problem = header_problem(header)
    if problem is not None:
        raise _bad_payload(problem)
    if sum(header["counts"].values()) != total:
        raise _bad_payload("its header counts a different number of changes than the manifest")
    return dict(header)


def _too_large(cap: int) -> BundleRejected:
    return BundleRejected(
        "payload",
        f"The bundle unpacks to more than {_mib(cap)}, the most its declared changes can need or the limit of this "
        "installation. Ask the sender to export in smaller parts, or ask district IT to raise the limit.",
    )


def _parse_entry(line: bytes, number: int) -> dict[str, Any]:
    try:
        entry = strict_json_loads(line)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _bad_payload(f"change-log entry {number} is not valid JSON") from None
    if not isinstance(entry, dict) or not isinstance(entry.get("table"), str) or not entry["table"]:
        raise _bad_payload(f"change-log entry {number} does not name its register")
    return entry


def _bad_payload(problem: str) -> BundleRejected:
    return BundleRejected(
        "payload",
        f"The bundle is correctly signed but its contents are malformed ({problem}). Nothing was imported. "
        f"Report it to district IT, and ask the sender to export again.",
    )
