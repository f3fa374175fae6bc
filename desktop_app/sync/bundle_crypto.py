"""Sealing a bundle's payload so that only the recipient installation can read it.

A fresh X25519 key pair per bundle agrees a secret with the recipient's enrolled X25519 key;
HKDF-SHA256 turns it into a ChaCha20-Poly1305 key and nonce bound to who sends what to whom. Anyone
may carry the file; a lost USB stick reveals nothing but the manifest.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

# ChaCha20-Poly1305 rather than AES-GCM: constant-time in software, so it is as safe on an old
# office PC without AES-NI as on the district server.
ALGORITHM = "X25519-HKDF-SHA256-ChaCha20Poly1305"
_INFO_LABEL = b"ahtc-bundle/1 payload key\x00"
_KEY_BYTES = 32
_NONCE_BYTES = 12


class SealBroken(Exception):
    """The payload cannot be opened with this key: wrong recipient, or altered ciphertext."""


@dataclass(frozen=True)
class SealedPayload:
    ciphertext: bytes
    ephemeral_public: bytes


def seal(plaintext: bytes, recipient_public: bytes, *, context: bytes, aad: bytes) -> SealedPayload:
    """Encrypt to `recipient_public`; `context` goes into the key derivation, `aad` into the AEAD."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key, nonce = _derive(shared, ephemeral_public, recipient_public, context)
    return SealedPayload(ChaCha20Poly1305(key).encrypt(nonce, plaintext, aad), ephemeral_public)


def open_sealed(sealed: SealedPayload, recipient: X25519PrivateKey, *, context: bytes, aad: bytes) -> bytes:
    """Inverse of `seal`; raises SealBroken for any failure, never returns unauthenticated bytes."""
    recipient_public = recipient.public_key().public_bytes_raw()
    try:
        # exchange() refuses low-order ephemeral keys (all-zero secret) with ValueError.
        shared = recipient.exchange(X25519PublicKey.from_public_bytes(sealed.ephemeral_public))
        key, nonce = _derive(shared, sealed.ephemeral_public, recipient_public, context)
        return ChaCha20Poly1305(key).decrypt(nonce, sealed.ciphertext, aad)
    except (InvalidTag, ValueError) as exc:
        raise SealBroken(str(exc) or type(exc).__name__) from exc


def _derive(shared: bytes, ephemeral_public: bytes, recipient_public: bytes, context: bytes) -> tuple[bytes, bytes]:
    # Both public keys in the salt bind the secret to this exact exchange; the key is used for one
    # message only, so deriving the nonce alongside it (rather than storing one) is safe.
    okm = HKDF(
        algorithm=hashes.SHA256(),
        length=_KEY_BYTES + _NONCE_BYTES,
        salt=ephemeral_public + recipient_public,
        info=_INFO_LABEL + context,
    ).derive(shared)
    return okm[:_KEY_BYTES], okm[_KEY_BYTES:]
