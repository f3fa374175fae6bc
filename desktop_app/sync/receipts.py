"""The district's receipt: its signature over a station's audit-chain head and acknowledged sequence.

The station keeps it; afterwards neither side can quietly rewrite history: the district cannot deny what
it acknowledged, and a station whose audit chain no longer reaches the countersigned head has been altered.
The message starts with its own label, so the signing key's signature over it can never pass for a
bundle manifest (docs/bundle-format.md §4).
"""

from __future__ import annotations

import base64
from typing import Any

from cryptography.exceptions import InvalidSignature

from desktop_app.sync.bundle_manifest import canonical_json
from desktop_app.sync.keys import Identity, PublicKeys

RECEIPT_LABEL = b"ahtc-receipt/1\x00"
RECEIPT_FIELDS = ("district", "station", "store_id", "audit_seq", "audit_hash", "acked_seq", "signed_at")
# Version 2 also covers the station's role grants as the district holds them (up to a serial, and their hash).
RECEIPT_LABEL_V2 = b"ahtc-receipt/2\x00"
RECEIPT_FIELDS_V2 = (*RECEIPT_FIELDS, "version", "grants_serial", "grants_hash")


def receipt_message(receipt: dict[str, Any]) -> bytes:
    if receipt.get("version") == 2:
        return RECEIPT_LABEL_V2 + canonical_json({name: receipt[name] for name in RECEIPT_FIELDS_V2})
    return RECEIPT_LABEL + canonical_json({name: receipt[name] for name in RECEIPT_FIELDS})


def sign_receipt(identity: Identity, **fields: Any) -> dict[str, Any]:
    receipt = {name: fields[name] for name in RECEIPT_FIELDS_V2 if name != "version"} | {"version": 2}
    receipt["signature"] = base64.b64encode(identity.signing_key.sign(receipt_message(receipt))).decode("ascii")
    return receipt


def receipt_is_valid(receipt: dict[str, Any], district_keys: PublicKeys) -> bool:
    try:
        signature = base64.b64decode(str(receipt["signature"]), validate=True)
        district_keys.signing_key().verify(signature, receipt_message(receipt))
    except (KeyError, TypeError, ValueError, InvalidSignature):
        return False
    return True
