"""The bundle manifest: its canonical bytes (what is signed), its fields, and the strict parser.

`ahtc-bundle/2` keeps in the clear only what routing and the checks before decryption need: who sends which
sequence range to whom, the number of entries (to bound the work of opening it) and any key-change statements
(to check a signature made with new keys). What a bundle holds per register, when exactly it was written and
everything else (`extra`) travel in the encrypted payload's header (`parse_header`).

The writer runs `parse_manifest` on what it is about to sign, so we never write a manifest we would refuse.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from desktop_app.errors import BundleRejected
from desktop_app.sync.bundle_crypto import ALGORITHM
from desktop_app.sync.keys import FINGERPRINT_PATTERN, KEY_BYTES, MAX_KEY_CHANGES

FORMAT = "ahtc-bundle/2"
# Earlier formats, refused by name: their manifests showed per-register counts and exact times to anyone.
EARLIER_FORMATS = ("ahtc-bundle/1",)
MAX_HEADER_BYTES = 4 * 2**20  # room for acknowledgement digests in `extra`; a normal header is ~1 KiB
KINDS = ("station-changes", "district-return")
# The fields that say who sends which changes to whom; they bind the payload to its manifest.
KEY_BINDING_FIELDS = ("format", "kind", "sender", "recipient", "bundle_no")
AAD_FIELDS = (*KEY_BINDING_FIELDS, "seq_from", "seq_to", "store_id")

_ASK_AGAIN = "Ask the sender to export the bundle again; if it happens again, report it to district IT."


def canonical_json(value: object) -> bytes:
    """The one byte encoding we sign and hash: sorted keys, no spaces, UTF-8, no NaN."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def strict_json_loads(raw: bytes) -> Any:
    """JSON as `canonical_json` writes it: UTF-8, no NaN or infinities (which our writer refuses)."""
    return json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant, parse_float=_finite_float)


def encryption_context(manifest: dict[str, Any]) -> bytes:
    return canonical_json({name: manifest[name] for name in KEY_BINDING_FIELDS})


def associated_data(manifest: dict[str, Any]) -> bytes:
    return canonical_json({name: manifest[name] for name in AAD_FIELDS})


def parse_manifest(raw: bytes) -> dict[str, Any]:
    """The manifest as a dict, or BundleRejected("manifest" | "format")."""
    manifest = _load_json_object(raw)
    _check_format(manifest)
    problem = manifest_problem(manifest)
    if problem is not None:
        raise _bad_manifest(f"is not valid: {problem}")
    # One encoding only: a manifest that means the same but is spelt differently (spaces, key order,
    # duplicate keys) was not written by us, and must not get a second chance at the signature.
    if not _is_canonical(manifest, raw):
        raise _bad_manifest("is not in canonical form")
    return manifest


def manifest_problem(manifest: dict[str, Any]) -> str | None:
    """A short sentence naming the first thing wrong with `manifest`, or None if it is well formed."""
    for name, is_valid in _FIELDS.items():
        if name not in manifest:
            return f"field {name!r} is missing"
        if not is_valid(manifest[name]):
            return f"field {name!r} has a wrong value"
    unknown = sorted(set(manifest) - set(_FIELDS))
    if unknown:
        return f"unknown field {unknown[0][:40]!a}"
    if manifest["format"] != FORMAT or manifest["kind"] not in KINDS:
        return "unknown format or kind"
    if manifest["sender"] == manifest["recipient"]:
        return "sender and recipient are the same"
    return None


def header_problem(header: object) -> str | None:
    """What is wrong with the payload header (counts, created_at, extra), or None."""
    if not isinstance(header, dict) or set(header) != set(_HEADER_FIELDS):
        return "its header does not have the expected fields"
    for name, is_valid in _HEADER_FIELDS.items():
        if not is_valid(header[name]):
            return f"its header field {name!r} has a wrong value"
    return None


def _load_json_object(raw: bytes) -> dict[str, Any]:
    try:
        value = strict_json_loads(raw)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _bad_manifest("is damaged") from exc
    if not isinstance(value, dict):
        raise _bad_manifest("is not a JSON object")
    return value


def _is_canonical(manifest: dict[str, Any], raw: bytes) -> bool:
    try:
        return canonical_json(manifest) == raw
    except (ValueError, RecursionError):  # e.g. a lone surrogate escape ("\\ud800") has no UTF-8 form
        return False


def _bad_manifest(problem: str) -> BundleRejected:
    return BundleRejected("manifest", f"The bundle's description (manifest.json) {problem}. {_ASK_AGAIN}")


def _check_format(manifest: dict[str, Any]) -> None:
    # Checked before the other fields: a newer format may have other fields, and "update the app"
    # is the useful message then, not "field missing".
    fmt, kind = manifest.get("format"), manifest.get("kind")
    if not isinstance(fmt, str) or not isinstance(kind, str):
        raise _bad_manifest("does not name its format")
    if fmt in EARLIER_FORMATS:
        raise BundleRejected(
            "format",
            f"This bundle was written by an earlier version of AHTC Register (format {fmt}), which this version no "
            "longer reads: its description showed what it held to anyone who saw the file. Nothing was imported "
            "and nothing is lost: ask the sender to update AHTC Register and export again (every change the "
            "district has not acknowledged is sent again).",
        )
    if fmt != FORMAT or kind not in KINDS:
        raise BundleRejected(
            "format",
            f"This bundle is of format {fmt[:40]!a}, kind {kind[:40]!a}, which this version of AHTC "
            f"Register cannot read (it reads {FORMAT}: {', '.join(KINDS)}). Ask district IT to update AHTC "
            f"Register on this computer, then import the bundle again.",
        )


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed in a bundle")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("number out of range")
    return value


def _is_text(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 64 and value.isprintable()


def _is_count(value: object) -> bool:
    return type(value) is int and value >= 0  # not bool, which is an int in Python


def _is_sha256(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[0-9a-f]{64}", value) is not None


def _is_optional_sha256(value: object) -> bool:
    return value is None or _is_sha256(value)


def _is_utc_time(value: object) -> bool:
    if not isinstance(value, str) or len(value) > 40:
        return False
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return False
    offset = moment.utcoffset()
    return offset is not None and not offset


def _is_counts(value: object) -> bool:
    return isinstance(value, dict) and all(_is_text(name) and _is_count(n) and n > 0 for name, n in value.items())


def _is_public_key(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return len(base64.b64decode(value.encode("ascii"), validate=True)) == KEY_BYTES
    except (binascii.Error, UnicodeEncodeError):
        return False


def _is_encryption(value: object) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == {"alg", "ephemeral_public", "recipient_key"}
        and value["alg"] == ALGORITHM
        and _is_public_key(value["ephemeral_public"])
        and isinstance(value["recipient_key"], str)
        and re.fullmatch(FINGERPRINT_PATTERN, value["recipient_key"]) is not None
    )


def _is_object(value: object) -> bool:
    return isinstance(value, dict)


def _is_key_changes(value: object) -> bool:
    # Each statement is checked where it is used (sync/keys.py); here only its shape, and a small bound.
    return isinstance(value, list) and len(value) <= MAX_KEY_CHANGES and all(isinstance(item, dict) for item in value)


_FIELDS: dict[str, Callable[[object], bool]] = {
    "format": _is_text,
    "kind": _is_text,
    "sender": _is_text,
    "recipient": _is_text,
    "bundle_no": _is_count,
    "seq_from": _is_count,
    "seq_to": _is_count,
    "prev_sha256": _is_optional_sha256,
    "store_id": _is_text,
    "app_version": _is_text,
    "schema_version": _is_text,
    "entries": _is_count,
    "key_change": _is_key_changes,
    "payload_sha256": _is_sha256,
    "encryption": _is_encryption,
}

_HEADER_FIELDS: dict[str, Callable[[object], bool]] = {
    "counts": _is_counts,
    "created_at": _is_utc_time,
    "extra": _is_object,
}
