"""An installation's long-term sync keys: Ed25519 to sign bundles, X25519 to receive them.

The private half lives only inside the encrypted store (`Identity.to_private_bytes`); the public half
travels in enrolment files (`PublicKeys.to_json`) and is compared by phone through `fingerprint()`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from desktop_app.errors import BundleRejected

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


def normalise_fingerprint(typed: str) -> str:
    """A fingerprint as someone typed it (any case, spaces or dashes anywhere) in the canonical form.

    Base32 has no 0, 1 or 8, so those can only be a misheard or mistyped O, I or B and are read as such.
    Raises ValueError when what is left is not 16 base32 characters.
    """
    letters = re.sub(r"[\s\-–—]", "", typed).upper().translate(str.maketrans("018", "OIB"))
    if not re.fullmatch(r"[A-Z2-7]{16}", letters):
        raise ValueError("a fingerprint is 16 letters and digits, e.g. ABCD-EFGH-IJKL-MN23")
    return "-".join(letters[start : start + 4] for start in range(0, 16, 4))


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


# --- key changes ---------------------------------------------------------------------------------------------

# Domain separation: a key-change statement can never pass for a manifest, a receipt or an enrolment file.
_KEY_CHANGE_LABEL = b"ahtc-key-change/1\x00"
# A peer that rotated more often than this without the other side hearing of it must enrol again.
MAX_KEY_CHANGES = 4


def key_change_statement(code: str, old: Identity, new: PublicKeys) -> dict[str, object]:
    """`code` moves from keys `old` to `new`: signed by the OLD signing key, which the other side trusts.

    Bundles are then signed with the new keys and carry this statement; the other side accepts the new keys
    only when the statement verifies with the keys it has enrolled and the bundle verifies with the new ones
    (which also proves the sender holds them). The old signing key is not needed after this.
    """
    body: dict[str, object] = {"code": code, "old": old.public().fingerprint(), "keys": new.to_json()}
    signature = old.signing_key.sign(_KEY_CHANGE_LABEL + _canonical(body))
    return {**body, "signature": _b64(signature)}


def verify_key_change(statement: object, code: str, current: PublicKeys) -> PublicKeys:
    """The new keys named by a statement from `code`, signed by its `current` keys; ValueError otherwise."""
    if not isinstance(statement, Mapping) or set(statement) != {"code", "old", "keys", "signature"}:
        raise ValueError("the key change has missing or unknown fields")
    if statement["code"] != code or statement["old"] != current.fingerprint():
        raise ValueError("the key change does not start from the keys enrolled here")
    keys_field = statement["keys"]
    if not isinstance(keys_field, Mapping):
        raise ValueError("the key change carries no keys")
    body = {name: statement[name] for name in ("code", "old", "keys")}
    try:
        signature = base64.b64decode(str(statement["signature"]), validate=True)
        current.signing_key().verify(signature, _KEY_CHANGE_LABEL + _canonical(body))
    except (binascii.Error, ValueError, InvalidSignature):
        raise ValueError("the key change is not signed by the keys enrolled here") from None
    return PublicKeys.from_json(keys_field)


def _canonical(value: object) -> bytes:
    # The same bytes as bundle_manifest.canonical_json, which imports this module (so it cannot be used here).
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


@dataclass(frozen=True, eq=False, repr=False)
class Keyring:
    """What reading a bundle needs besides the current keys, during and after a key rotation.

    `decryption`: our own earlier encryption keys, kept to read bundles that were already on their way.
    `replaced`: peers' public keys no longer accepted, by peer code, so that a bundle signed with one is refused
    by name (`retired-key`) instead of looking like a forgery.
    """

    decryption: tuple[X25519PrivateKey, ...] = ()
    replaced: Mapping[str, tuple[PublicKeys, ...]] = field(default_factory=dict)

    def decryption_key(self, recipient_fingerprint: str) -> X25519PrivateKey | None:
        for key in self.decryption:
            if key_fingerprint(key.public_key().public_bytes_raw()) == recipient_fingerprint:
                return key
        return None

    def signer(
        self, manifest: Mapping[str, object], message: bytes, signature: bytes, enrolled: PublicKeys
    ) -> PublicKeys | None:
        """The keys that made `signature` when the `enrolled` ones did not, or None for a bad signature.

        Accepted: new keys the sender announced with key-change statements (the manifest's `key_change`) that start
        from its enrolled keys. Refused by name (BundleRejected `retired-key`): keys the sender no longer uses.
        """
        sender = str(manifest["sender"])
        changed = _keys_after_changes(manifest, sender, enrolled)
        if changed is not None and _verifies(changed, message, signature):
            return changed
        for keys in self.replaced.get(sender, ()):
            if _verifies(keys, message, signature):
                raise BundleRejected(
                    "retired-key",
                    f"This bundle is signed with keys {keys.fingerprint()} that {sender} no longer uses (changed, "
                    "replaced by a new enrolment, or revoked). Nothing was imported. If it is an older bundle that "
                    f"was still on its way, nothing is lost: {sender} sends everything again with its new keys.",
                )
        return None


def _keys_after_changes(manifest: Mapping[str, object], sender: str, enrolled: PublicKeys) -> PublicKeys | None:
    statements = manifest.get("key_change")  # in the clear manifest: read before anything is decrypted
    if not isinstance(statements, list) or not statements or len(statements) > MAX_KEY_CHANGES:
        return None
    keys = enrolled
    for statement in statements:
        # Statements from keys older than the enrolled ones were taken before: they no longer verify; skip them.
        try:
            keys = verify_key_change(statement, sender, keys)
        except ValueError:
            continue
    return None if keys == enrolled else keys


def _verifies(keys: PublicKeys, message: bytes, signature: bytes) -> bool:
    try:
        keys.signing_key().verify(signature, message)
    except InvalidSignature:
        return False
    return True
