"""The seal of an FIR-support summary: content hash, station signature, QR payload, and verification.

The hash is SHA-256 over a canonical JSON of the content exactly as printed (after masking for the
audience). The station signs `case_id|sha256` with its Ed25519 key. The PDF carries the canonical
JSON as an embedded file and the QR payload `AHTC-FIR/1|case_id|sha256|signature_b64url` both in
the document metadata and as a QR code on the last page, so a paper copy can be checked with a
phone and a PDF copy with `verify_summary()`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop_app.reports.fir_summary_data import SCHEMA, FirSummaryData

PAYLOAD_PREFIX = "AHTC-FIR/1"
CONTENT_FILE_NAME = "ahtc-fir-summary.json"
METADATA_PAYLOAD_KEY = "/AHTCSeal"
METADATA_SHA_KEY = "/AHTCContentSHA256"

Signer = Callable[[bytes], bytes]


# ---------------------------------------------------------------------------------------------
# Hash, signature, payload
# ---------------------------------------------------------------------------------------------


def canonical_json(content: Mapping[str, Any]) -> bytes:
    """Sorted keys, no insignificant whitespace, UTF-8 (Urdu kept as text, not \\u escapes)."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def content_bytes(data: FirSummaryData, layout: str) -> bytes:
    """The canonical JSON of `data` as it will be printed (the caller has already masked it), with
    the renderer's layout version, so a verifier knows whether it can re-render the same pages."""
    return canonical_json({**data.to_content_dict(), "layout": layout})


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def signed_message(case_id: str, sha256: str) -> bytes:
    """What the station signs: the case id and the content hash, so a signature fits one case only."""
    return f"{case_id}|{sha256}".encode()


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class SealPayload:
    case_id: str
    sha256: str
    signature: bytes  # empty when the summary was printed unsigned

    def encode(self) -> str:
        return f"{PAYLOAD_PREFIX}|{self.case_id}|{self.sha256}|{b64url(self.signature)}"


class PayloadInvalid(ValueError):
    """A QR/metadata payload that is not `AHTC-FIR/1|case_id|sha256|signature`."""


def parse_payload(text: str) -> SealPayload:
    parts = text.strip().split("|")
    if len(parts) != 4 or parts[0] != PAYLOAD_PREFIX:
        raise PayloadInvalid(f"not an {PAYLOAD_PREFIX} payload")
    _, case_id, sha, sig = parts
    if not case_id:
        raise PayloadInvalid("payload has no case id")
    if not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise PayloadInvalid("payload hash is not a SHA-256 hex digest")
    try:
        signature = b64url_decode(sig) if sig else b""
    except (binascii.Error, ValueError) as exc:
        raise PayloadInvalid("payload signature is not base64url") from exc
    return SealPayload(case_id=case_id, sha256=sha, signature=signature)


def make_seal(data: FirSummaryData, signer: Signer | None, layout: str) -> tuple[bytes, SealPayload]:
    """Canonical content and its payload; `data` must already be the masked copy being printed."""
    content = content_bytes(data, layout)
    sha = sha256_hex(content)
    signature = signer(signed_message(data.case_id, sha)) if signer else b""
    return content, SealPayload(case_id=data.case_id, sha256=sha, signature=signature)


def ed25519_signer(private_key: Ed25519PrivateKey | bytes) -> Signer:
    """A signer over the station's Ed25519 key (an object, or its 32 raw private bytes)."""
    key = Ed25519PrivateKey.from_private_bytes(private_key) if isinstance(private_key, bytes) else private_key
    return key.sign


# ---------------------------------------------------------------------------------------------
# Keys a summary may be checked with
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SealKey:
    """A station's public signing key as a verifier knows it (its own, or from the district's key list)."""

    station_code: str
    public_key: bytes  # raw 32-byte Ed25519
    label: str = ""  # e.g. "current key", "key replaced on 03/05/2026"
    replaced_at: dt.datetime | None = None  # a summary printed after this was not signed with this key
    revoked_at: dt.datetime | None = None  # the key was lost or stolen: nothing signed with it is trusted


# ---------------------------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------------------------

DAMAGED = "The file is damaged: it is not a complete, readable PDF; ask the station for another copy of the summary."
LOOKS_DIFFERENT = "does not look like the page the station printed"
# Rendering is compared at 72 dots per inch; a dot whose grey level moves by more than this counts as changed.
# The re-drawing is exact, so a genuine page differs in no dot at all; the margin only absorbs rounding.
PIXEL_SCALE = 1.0
PIXEL_TOLERANCE = 24
# Parts of a PDF's catalogue a summary may carry besides what the renderer writes: the embedded content.
_ALLOWED_EXTRA_CATALOG_KEYS = frozenset({"/Names"})
_IGNORED_STREAM_KEYS = frozenset({"/Length", "/Filter", "/DecodeParms"})


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    case_id: str | None
    sha256: str | None
    reasons: tuple[str, ...]  # empty when ok; one plain sentence per failed check
    signature_checked: bool = False
    pages_compared: bool = False  # the pages were re-drawn from the sealed content and compared
    signed_by: str = ""  # which key verified the signature, e.g. "MBD-PHALIA (current key)"
    station_code: str = ""


def verify_summary(pdf_path: Path | str, keys: bytes | Sequence[SealKey] | None) -> VerifyResult:
    """Check a summary PDF against its seal. `keys`: the station's raw Ed25519 public key, the keys of a
    district's key list, or None (the signature is then not checked).

    The seal covers the content (embedded JSON, hash, station signature). The pages are then re-drawn from that
    content and must be the same pages: the same drawing instructions, fonts and pictures object by object, and
    the same picture when both are rendered to dots. So text hidden under a white box, a picture of another
    amount, a damaged font or an added annotation is refused, not only a changed text layer. Any damage to the
    file is reported in one sentence, never as an error trace.
    """
    try:
        data = Path(pdf_path).read_bytes()
    except OSError as exc:
        return VerifyResult(False, None, None, (f"The file cannot be read: {exc.strerror or exc}.",))
    if data.lstrip()[:5] != b"%PDF-":
        return VerifyResult(False, None, None, ("The file is not a PDF.",))
    try:
        return _verify(data, keys)
    except Exception:  # a damaged PDF makes the parsers fail anywhere; the officer needs one sentence
        return VerifyResult(False, None, None, (DAMAGED,))


def _verify(data: bytes, keys: bytes | Sequence[SealKey] | None) -> VerifyResult:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    metadata: Mapping[str, Any] = reader.metadata or {}
    raw_payload = metadata.get(METADATA_PAYLOAD_KEY)
    if not raw_payload:
        return VerifyResult(False, None, None, ("The PDF carries no AHTC seal: it is not a sealed summary.",))
    try:
        payload = parse_payload(str(raw_payload))
    except PayloadInvalid as exc:
        return VerifyResult(False, None, None, (f"The seal in the PDF cannot be read ({exc}).",))

    reasons: list[str] = []
    content_raw = _attachment(reader, CONTENT_FILE_NAME)
    content: Mapping[str, Any] | None = None
    if content_raw is None:
        reasons.append("The sealed content is missing from the PDF.")
    elif sha256_hex(content_raw) != payload.sha256:
        reasons.append("The sealed content was changed after sealing (its SHA-256 does not match the seal).")
    else:
        content = _load_content(content_raw, payload, reasons)
    station = str(content.get("station_code", "")) if content else ""

    signature_checked, signed_by = False, ""
    if keys is not None:
        signature_checked = True
        found, problems = _signature_problems(payload, keys, station, content)
        signed_by = found
        reasons.extend(problems)

    pages_compared = False
    if content is not None:
        pages_compared, differences = _compare_with_rerendering(content, payload, reader, data)
        reasons.extend(differences)
    return VerifyResult(
        ok=not reasons,
        case_id=payload.case_id,
        sha256=payload.sha256,
        reasons=tuple(reasons),
        signature_checked=signature_checked,
        pages_compared=pages_compared,
        signed_by=signed_by,
        station_code=station,
    )


def _compare_with_rerendering(
    content: Mapping[str, Any], payload: SealPayload, reader: Any, original: bytes
) -> tuple[bool, list[str]]:
    from pypdf import PdfReader

    from desktop_app.reports import fir_pdf
    from desktop_app.reports.fir_summary_data import from_content_dict

    if content.get("layout") != fir_pdf.LAYOUT_VERSION:
        return False, [
            f"This summary was printed by another version of the AHTC Register ({content.get('layout')}), so its "
            "pages cannot be checked against the seal here: ask the station for a new copy."
        ]
    try:
        data = from_content_dict(content)
    except (KeyError, TypeError, ValueError) as exc:
        return False, [f"The sealed content cannot be read back ({exc})."]
    expected_pdf = fir_pdf.render_pages(data, payload)
    expected = PdfReader(io.BytesIO(expected_pdf))
    if len(expected.pages) != len(reader.pages):
        return True, [
            f"The sealed content prints on {len(expected.pages)} pages, this PDF has {len(reader.pages)} "
            "(pages added or removed)."
        ]
    problems = _catalog_problems(reader, expected)
    drawn = _rendered_differences(original, expected_pdf, len(expected.pages))
    for number, (got, want) in enumerate(zip(reader.pages, expected.pages, strict=True), start=1):
        dots = drawn[number - 1]
        if dots:
            problems.append(
                f"Page {number} {LOOKS_DIFFERENT}: about {dots:,} of its dots differ from the sealed content "
                "(something was drawn over it, covered or changed)."
            )
        elif not _same(got, want, skip=frozenset({"/Parent"})):
            problems.append(
                f"Page {number} {LOOKS_DIFFERENT}: its drawing, fonts or pictures differ from the sealed content."
            )
    return True, problems


def _catalog_problems(reader: Any, expected: Any) -> list[str]:
    catalog = reader.trailer["/Root"].get_object()
    extra = set(catalog.keys()) - set(expected.trailer["/Root"].get_object().keys()) - _ALLOWED_EXTRA_CATALOG_KEYS
    names = catalog.get("/Names")
    if names is not None:
        extra |= {f"/Names {key}" for key in names.get_object() if key != "/EmbeddedFiles"}
    if not extra:
        return []
    return [
        "The PDF carries parts the station does not print, which a viewer may show or run "
        f"({', '.join(sorted(extra))})."
    ]


def _rendered_differences(original: bytes, expected: bytes, pages: int) -> list[int]:
    """For each page, how many dots of the original differ from the re-drawn page, both rendered by pdfium."""
    import pypdfium2 as pdfium

    mine, theirs = pdfium.PdfDocument(original), pdfium.PdfDocument(expected)
    try:
        counts = []
        for index in range(pages):
            got = _grey(mine[index], PIXEL_SCALE)
            want = _grey(theirs[index], PIXEL_SCALE)
            if got.size != want.size:
                counts.append(max(got.size[0] * got.size[1], 1))
                continue
            counts.append(_count_changed(got.tobytes(), want.tobytes()))
        return counts
    finally:
        mine.close()
        theirs.close()


def _grey(page: Any, scale: float) -> Any:
    return page.render(scale=scale, may_draw_forms=True, draw_annots=True).to_pil().convert("L")


def _count_changed(a: bytes, b: bytes) -> int:
    import numpy as np

    left = np.frombuffer(a, dtype=np.uint8).astype(np.int16)
    right = np.frombuffer(b, dtype=np.uint8).astype(np.int16)
    return int(np.count_nonzero(np.abs(left - right) > PIXEL_TOLERANCE))


def _same(a: Any, b: Any, *, skip: frozenset[str] = frozenset(), depth: int = 0) -> bool:
    """Two PDF objects are equal by value: dictionaries key by key, streams by their decoded bytes, whatever
    the object numbers or the compression."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    if depth > 40:  # summaries nest a few levels; anything deeper is not ours
        return False
    if isinstance(a, IndirectObject):
        a = a.get_object()
    if isinstance(b, IndirectObject):
        b = b.get_object()
    if isinstance(a, StreamObject) or isinstance(b, StreamObject):
        if not (isinstance(a, StreamObject) and isinstance(b, StreamObject)):
            return False
        if a.get_data() != b.get_data():
            return False
        return _same_dict(a, b, skip | _IGNORED_STREAM_KEYS, depth)
    if isinstance(a, DictionaryObject) or isinstance(b, DictionaryObject):
        return isinstance(a, DictionaryObject) and isinstance(b, DictionaryObject) and _same_dict(a, b, skip, depth)
    if isinstance(a, ArrayObject) or isinstance(b, ArrayObject):
        return (
            isinstance(a, ArrayObject)
            and isinstance(b, ArrayObject)
            and len(a) == len(b)
            and all(_same(x, y, depth=depth + 1) for x, y in zip(a, b, strict=True))
        )
    return bool(a == b)


def _same_dict(a: Any, b: Any, skip: frozenset[str], depth: int) -> bool:
    keys = set(a.keys()) - skip
    if keys != set(b.keys()) - skip:
        return False
    return all(_same(a[key], b[key], depth=depth + 1) for key in keys)


def _attachment(reader: Any, name: str) -> bytes | None:
    try:
        files = reader.attachments.get(name)
    except Exception:  # a damaged name tree reads as "no attachment", reported by the caller
        return None
    if not files:
        return None
    return bytes(files[0])


def _load_content(raw: bytes, payload: SealPayload, reasons: list[str]) -> Mapping[str, Any] | None:
    try:
        content = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        reasons.append("The sealed content is not readable JSON.")
        return None
    if not isinstance(content, dict) or content.get("schema") != SCHEMA:
        reasons.append(f"The sealed content is not an AHTC summary ({SCHEMA}).")
        return None
    if content.get("case_id") != payload.case_id:
        reasons.append("The sealed content belongs to another case than the seal.")
        return None
    return content


def _signature_problems(
    payload: SealPayload, keys: bytes | Sequence[SealKey], station: str, content: Mapping[str, Any] | None
) -> tuple[str, list[str]]:
    """(which key verified it, problems)."""
    if not payload.signature:
        return "", ["The summary is not signed by a station (printed UNSIGNED)."]
    candidates = [SealKey(station, keys, "this station's key")] if isinstance(keys, bytes) else list(keys)
    mine = [k for k in candidates if not station or k.station_code == station]
    if not mine:
        return "", [f"The key list holds no key of station {station}: its signature cannot be checked."]
    for key in mine:
        if not _signature_valid(payload, key.public_key):
            continue
        problems = []
        if key.revoked_at is not None:
            problems.append(
                f"The signature was made with a key of {key.station_code} that the district revoked on "
                f"{key.revoked_at:%d/%m/%Y} (a lost or stolen computer): it can no longer be trusted."
            )
        printed = _printed_at(content)
        if key.replaced_at is not None and (printed is None or printed > key.replaced_at):
            problems.append(
                f"The signature was made with a key {key.station_code} replaced on {key.replaced_at:%d/%m/%Y}, "
                "but the summary says it was printed later."
            )
        label = f"{key.station_code} ({key.label})" if key.label else key.station_code
        return label, problems
    if any(len(k.public_key) != 32 for k in mine):
        return "", ["The public key given is not a 32-byte Ed25519 key."]
    return "", ["The station signature is not valid for this station's key (forged, altered, or another station's)."]


def _signature_valid(payload: SealPayload, public_key: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            payload.signature, signed_message(payload.case_id, payload.sha256)
        )
    except (InvalidSignature, ValueError):
        return False
    return True


def _printed_at(content: Mapping[str, Any] | None) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(str((content or {})["printed_at"]))
    except (KeyError, ValueError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
