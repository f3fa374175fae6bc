"""An installation's long-term sync keys: Ed25519 to sign bundles, X25519 to receive them.

The private half lives only inside the encrypted store (`Identity.to_private_bytes`); the public half
travels in enrolment files (`PublicKeys.to_json`) and is compared by phone through `fingerprint()`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

KEY_BYTES = 32
# Fingerprints are read aloud over a phone line: 80 bits of SHA-256 in RFC 4648 base32 (A–Z, 2–7, so
# no 0/O or 1/I confusion), in four groups of four. 80 bits keeps a forged key pair out of reach
# (a second preimage costs about 2^80 hashes) while staying short enough to read out.
FINGERPRINT_PATTERN = r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){3}"
_FINGERPRINT_BYTES = 10
# Distinct labels, so a single-key fingerprint can never equal a key-pair fingerprint.
_PAIR_LABEL = b"ahtc-public-keys-fingerprint/1\x00"
_KEY_LABEL = b"ahtc-key-fingerprint/1\x00"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _raw_key(data: Mapping[str, object], name: str) -> bytes:
    """Decode one base64 key field, refusing anything that is not exactly 32 bytes."""
    text = data.get(name)
    if not isinstance(text, str):
        raise ValueError(f"key field {name!r} is missing or not text")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError(f"key field {name!r} is not valid base64") from exc
    if len(raw) != KEY_BYTES:
        raise ValueError(f"key field {name!r} must hold {KEY_BYTES} bytes, not {len(raw)}")
    return raw


def _exact_fields(data: Mapping[str, object], names: set[str]) -> None:
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"unexpected key fields: {', '.join(sorted(map(str, unknown)))}")


def _readable(digest: bytes) -> str:
    text = base64.b32encode(digest[:_FINGERPRINT_BYTES]).decode("ascii")
    return "-".join(text[start : start + 4] for start in range(0, len(text), 4))


def key_fingerprint(pub: bytes) -> str:
    """Fingerprint of one raw 32-byte public key, e.g. the recipient key named in a bundle manifest."""
    if not isinstance(pub, bytes) or len(pub) != KEY_BYTES:
        raise ValueError(f"a public key is {KEY_BYTES} raw bytes")
    return _readable(hashlib.sha256(_KEY_LABEL + pub).digest())


@dataclass(frozen=True)
class PublicKeys:
    """What another installation needs to check our signatures and encrypt bundles to us."""

    sign: bytes
    enc: bytes

    def __post_init__(self) -> None:
        for name, value in (("sign", self.sign), ("enc", self.enc)):
            if not isinstance(value, bytes) or len(value) != KEY_BYTES:
                raise ValueError(f"public key {name!r} must be {KEY_BYTES} raw bytes")
        # Loading proves the bytes are keys the library accepts, so a bad enrolment fails here,
        # not later in the middle of an import.
        Ed25519PublicKey.from_public_bytes(self.sign)
        X25519PublicKey.from_public_bytes(self.enc)

    def to_json(self) -> dict[str, str]:
        return {"sign": _b64(self.sign), "enc": _b64(self.enc)}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> PublicKeys:
        """Strict inverse of `to_json`; raises ValueError naming the bad field."""
        _exact_fields(data, {"sign", "enc"})
        return cls(sign=_raw_key(data, "sign"), enc=_raw_key(data, "enc"))

    def fingerprint(self) -> str:
        """`XXXX-XXXX-XXXX-XXXX`: SHA-256 over a label and both keys, first 10 bytes in base32."""
        return _readable(hashlib.sha256(_PAIR_LABEL + self.sign + self.enc).digest())

    def signing_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.sign)


@dataclass(frozen=True, eq=False, repr=False)
class Identity:
    """This installation's private keys. Never written anywhere but the encrypted store."""

    signing_key: Ed25519PrivateKey = field(repr=False)
    encryption_key: X25519PrivateKey = field(repr=False)

    @classmethod
    def generate(cls) -> Identity:
        # Keys come straight from the OS CSPRNG through the library; an injectable source of
        # randomness would only be a way to get them wrong.
        return cls(signing_key=Ed25519PrivateKey.generate(), encryption_key=X25519PrivateKey.generate())

    def to_private_bytes(self) -> dict[str, str]:
        return {
            "sign": _b64(self.signing_key.private_bytes_raw()),
            "enc": _b64(self.encryption_key.private_bytes_raw()),
        }

    @classmethod
    def from_private_bytes(cls, data: Mapping[str, object]) -> Identity:
        """Strict inverse of `to_private_bytes`; raises ValueError naming the bad field."""
        _exact_fields(data, {"sign", "enc"})
        return cls(
            signing_key=Ed25519PrivateKey.from_private_bytes(_raw_key(data, "sign")),
            encryption_key=X25519PrivateKey.from_private_bytes(_raw_key(data, "enc")),
        )

    def public(self) -> PublicKeys:
        return PublicKeys(
            sign=self.signing_key.public_key().public_bytes_raw(),
            enc=self.encryption_key.public_key().public_bytes_raw(),
        )

    def __repr__(self) -> str:
        # Only the public fingerprint: an Identity that reaches a log or a traceback leaks nothing.
        return f"Identity(fingerprint={self.public().fingerprint()!r})"
