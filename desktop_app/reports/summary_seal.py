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
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop_app.reports.fir_summary_data import (
    AUDIENCE_LABELS,
    SCHEMA,
    FirSummaryData,
    format_cnic,
    printed_people,
    section_label,
)

PAYLOAD_PREFIX = "AHTC-FIR/1"
CONTENT_FILE_NAME = "ahtc-fir-summary.json"
METADATA_PAYLOAD_KEY = "/AHTCSeal"
METADATA_SHA_KEY = "/AHTCContentSHA256"

Signer = Callable[[bytes], bytes]

_PAGE_MARK = re.compile(r"Page\s*(\d+)\s*of\s*(\d+)")


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
# What the page must still show
# ---------------------------------------------------------------------------------------------


def key_values(content: Mapping[str, Any]) -> list[str]:
    """The values that must appear in a sealed PDF's visible text, as the renderer prints them."""
    values = [str(content["case_id"]), str(content["police_station"]), AUDIENCE_LABELS[content["audience"]]]
    values.append(f"Copy No. {content['copy_number']}")
    for key in ("complainant", "informant", "accused", "victims", "witnesses"):
        for person in printed_people(content, key):
            values.append(person["name"])
            if person.get("name_urdu"):
                values.append(person["name_urdu"])
            number = person.get("cnic") or person.get("id_number")
            if number:
                values.append(format_cnic(number))
    values.extend(section_label(s["act_short"], s["section"]) for s in content.get("sections", ()))
    return [v for v in values if v.strip()]


def _checkable(value: str) -> str:
    """The part of a value that text extraction gives back in typed order.

    Urdu is drawn as shaped glyphs with an invisible typed copy placed by visual position, so extractors may
    return its letters elsewhere on the line; an Urdu value is checked by its Latin part (a record reference),
    and its letters by the page-by-page comparison with the re-rendered sealed content.
    """
    squashed = _squash(value)
    if not any("\u0600" <= ch <= "\u06ff" for ch in squashed):
        return squashed
    return "".join(ch for ch in squashed if ch.isascii() and not unicodedata.category(ch).startswith("P"))


def _squash(text: str) -> str:
    # Line wrapping turns spaces into line breaks (or nothing) in extracted text; compare without any.
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    case_id: str | None
    sha256: str | None
    reasons: tuple[str, ...]  # empty when ok; one plain sentence per failed check
    signature_checked: bool = False
    pages_compared: bool = False  # the pages were re-rendered from the sealed content and compared


def verify_summary(pdf_path: Path | str, public_key_bytes: bytes | None) -> VerifyResult:
    """Check a summary PDF: payload present, embedded content matches its hash, the station's
    signature (when a 32-byte Ed25519 public key is given), that the visible pages show the content's
    key values and every 'Page x of y', and - when this version of the app drew the same layout -
    that the text of every page equals the text of the pages re-rendered from the sealed content."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    reasons: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(Path(pdf_path).read_bytes()))
        metadata: Mapping[str, Any] = reader.metadata or {}
    except (OSError, PdfReadError, ValueError) as exc:
        return VerifyResult(False, None, None, (f"not a readable PDF: {exc}",))

    raw_payload = metadata.get(METADATA_PAYLOAD_KEY)
    if not raw_payload:
        return VerifyResult(False, None, None, ("no AHTC seal payload in the PDF metadata",))
    try:
        payload = parse_payload(str(raw_payload))
    except PayloadInvalid as exc:
        return VerifyResult(False, None, None, (f"seal payload unreadable: {exc}",))

    content_raw = _attachment(reader, CONTENT_FILE_NAME)
    content: Mapping[str, Any] | None = None
    if content_raw is None:
        reasons.append(f"embedded content {CONTENT_FILE_NAME} is missing")
    elif sha256_hex(content_raw) != payload.sha256:
        reasons.append("embedded content does not match the sealed SHA-256 (content changed)")
    else:
        content = _load_content(content_raw, payload, reasons)

    signature_checked = False
    if public_key_bytes is not None:
        signature_checked = True
        reasons.extend(_signature_problems(payload, public_key_bytes))

    texts = [page.extract_text() or "" for page in reader.pages]
    reasons.extend(_page_numbering_problems(texts))
    pages_compared = False
    if content is not None:
        visible = _squash("\n".join(texts))
        loose_visible = "".join(ch for ch in visible if not unicodedata.category(ch).startswith("P"))
        missing = [
            v
            for v in key_values(content)
            if _checkable(v) not in (visible if _checkable(v) == _squash(v) else loose_visible)
        ]
        reasons.extend(f"visible text no longer shows {v!r}" for v in missing)
        pages_compared, differences = _compare_with_rerendering(content, payload, texts)
        reasons.extend(differences)

    return VerifyResult(
        ok=not reasons,
        case_id=payload.case_id,
        sha256=payload.sha256,
        reasons=tuple(reasons),
        signature_checked=signature_checked,
        pages_compared=pages_compared,
    )


def _comparable(text: str) -> str:
    # Shaped Urdu glyphs extract as private-use characters numbered in the order a process first met
    # them, so they differ between the printing and the verifying process; the invisible logical
    # Urdu text (compared) carries the same words.
    return "".join(ch for ch in _squash(text) if not "\ue000" <= ch <= "\uf8ff")


def _compare_with_rerendering(
    content: Mapping[str, Any], payload: SealPayload, texts: list[str]
) -> tuple[bool, list[str]]:
    from pypdf import PdfReader

    from desktop_app.reports import fir_pdf
    from desktop_app.reports.fir_summary_data import from_content_dict

    if content.get("layout") != fir_pdf.LAYOUT_VERSION:
        return False, []  # printed by another version of the layout: only the key values are checked
    try:
        data = from_content_dict(content)
    except (KeyError, TypeError, ValueError) as exc:
        return False, [f"embedded content cannot be read back: {exc}"]
    expected_pdf = fir_pdf.render_pages(data, payload)
    expected = [page.extract_text() or "" for page in PdfReader(io.BytesIO(expected_pdf)).pages]
    if len(expected) != len(texts):
        return True, [f"the sealed content prints on {len(expected)} pages, this PDF has {len(texts)}"]
    return True, [
        f"page {number} does not show the sealed content (text changed)"
        for number, (want, got) in enumerate(zip(expected, texts, strict=True), start=1)
        if _comparable(want) != _comparable(got)
    ]


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
        reasons.append("embedded content is not JSON")
        return None
    if not isinstance(content, dict) or content.get("schema") != SCHEMA:
        reasons.append(f"embedded content is not {SCHEMA}")
        return None
    if content.get("case_id") != payload.case_id:
        reasons.append("embedded content belongs to another case than the seal")
        return None
    return content


def _signature_problems(payload: SealPayload, public_key_bytes: bytes) -> Iterable[str]:
    if not payload.signature:
        return ["summary is not signed"]
    try:
        key = Ed25519PublicKey.from_public_bytes(public_key_bytes)
    except ValueError:
        return ["the public key given is not a 32-byte Ed25519 key"]
    try:
        key.verify(payload.signature, signed_message(payload.case_id, payload.sha256))
    except InvalidSignature:
        return ["station signature is not valid for this key (forged, altered, or another station's)"]
    return []


def _page_numbering_problems(texts: list[str]) -> list[str]:
    problems = []
    for index, text in enumerate(texts, start=1):
        marks = {(int(a), int(b)) for a, b in _PAGE_MARK.findall(text)}
        if (index, len(texts)) not in marks:
            problems.append(f"page {index} does not read 'Page {index} of {len(texts)}' (pages added or removed)")
    return problems
