"""TLS for the district server, and the station's pin on the district's certificate.

The district's certificate may be self-signed: trust comes from the enrolment answer (signed with the district's
keys, whose fingerprint the officers compared by phone), which carries the certificate, and from every return
bundle after it (signed the same way). A station then trusts that one certificate and nothing else for the
district's address — not the system's certificate authorities — as Syncthing does with its device certificates.
"""

from __future__ import annotations

import hashlib
import ssl
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy.orm import Session

from desktop_app.errors import AhtcError
from desktop_app.models.station import StationInfo
from desktop_app.models.sync_state import SyncPeer
from desktop_app.services import audit
from desktop_app.services.context import Context

MAX_CERTIFICATE_BYTES = 16 * 2**10


class CertificateError(AhtcError):
    """A certificate file that cannot be used; the message says why."""


def certificate_pem(path: Path) -> str:
    """The one certificate in `path` (PEM), checked to parse; CertificateError otherwise."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise CertificateError(f"cannot read the certificate {path}: {exc.strerror}") from None
    return normalised_pem(raw, str(path))


def normalised_pem(raw: bytes | str, where: str = "the certificate") -> str:
    data = raw.encode("ascii", "replace") if isinstance(raw, str) else raw
    if len(data) > MAX_CERTIFICATE_BYTES:
        raise CertificateError(f"{where} is too large to be one certificate")
    try:
        certificate = x509.load_pem_x509_certificate(data)
    except ValueError:
        raise CertificateError(f"{where} is not a PEM certificate") from None
    return certificate.public_bytes(Encoding.PEM).decode("ascii")


def certificate_fingerprint(pem: str) -> str:
    """SHA-256 of the certificate (DER), as the officer compares it: 16 groups of 4 hex digits."""
    der = x509.load_pem_x509_certificate(pem.encode("ascii")).public_bytes(Encoding.DER)
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def der_fingerprint(der: bytes) -> str:
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def pinned_context(pem: str) -> ssl.SSLContext:
    """A client context that accepts exactly this certificate, whatever name or address the server is reached by."""
    context = ssl.create_default_context(cadata=pem)
    context.check_hostname = False  # stations reach the district by an address the certificate need not name
    context.verify_mode = ssl.CERT_REQUIRED
    context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN  # the pinned certificate itself is the trust anchor
    return context


def district_certificate(session: Session) -> str | None:
    """District: the certificate its sync server shows, if it serves TLS."""
    info = session.get(StationInfo, 1)
    return None if info is None else info.tls_certificate


def use_certificate(ctx: Context, pem: str) -> bool:
    """District: record the certificate its server shows, to send to stations; True if it changed (audited)."""
    pem = normalised_pem(pem)
    with ctx.store.transaction() as session:
        info = session.get(StationInfo, 1)
        assert info is not None
        if info.tls_certificate == pem:
            return False
        info.tls_certificate = pem
        audit.append_many(session, ctx, [("tls-certificate", None, None, certificate_fingerprint(pem))])
    return True


def take_pin(session: Session, ctx: Context, peer: SyncPeer, pem: object) -> list[str]:
    """Station: pin the district certificate sent in a signed answer or return bundle; notes for the SHO."""
    if not isinstance(pem, str):
        return []
    pem = normalised_pem(pem, "the district's certificate")
    if peer.tls_certificate == pem:
        return []
    first = peer.tls_certificate is None
    peer.tls_certificate = pem
    fingerprint = certificate_fingerprint(pem)
    audit.append_many(session, ctx, [("tls-pin", None, None, f"{peer.code} {fingerprint}")])
    what = "" if first else " (it replaces the one before)"
    return [f"the district server's certificate {fingerprint} is now the only one accepted for it{what}"]
