"""Key slots (LUKS-style): the store's data key wrapped once per user and once for the district's recovery key.

The file sits beside the database and holds nothing readable: usernames appear only as salted hashes,
roles live inside the encrypted database, and every slot is an AES-256-GCM envelope whose key comes
from Argon2id (passphrase slots) or from X25519 with the district's recovery key (recovery slots).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.errors import StoreDamaged, ValidationError, WrongPassphrase
from desktop_app.store.atomic import write_atomic

FORMAT = "ahtc-keyslots/1"
DATA_KEY_BYTES = 32
MIN_PASSPHRASE_LENGTH = 10


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default costs about 0.3 s and 64 MiB on a 2-core office PC (see docs/security.md)."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 1

    def to_json(self) -> dict[str, int]:
        return {"time_cost": self.time_cost, "memory_kib": self.memory_kib, "parallelism": self.parallelism}


DEFAULT_KDF = KdfParams()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _recovery_wrap_key(shared: bytes, ephemeral_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_public, info=b"ahtc-keyslot/1 recovery").derive(
        shared
    )


def recovery_fingerprint(public_key: bytes) -> str:
    return hashlib.sha256(public_key).hexdigest()[:32]


class KeySlots:
    """The slot file in memory. Change it through methods, then `save()`; nothing touches disk before."""

    def __init__(self, salt: bytes, slots: list[dict[str, Any]]) -> None:
        self._salt = salt
        self._slots = slots

    @classmethod
    def new(cls) -> KeySlots:
        return cls(os.urandom(16), [])

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        return cls.load_bytes(path.read_bytes())

    @classmethod
    def load_bytes(cls, raw: bytes) -> KeySlots:
        try:
            doc = json.loads(raw)
            if doc.get("format") != FORMAT:
                raise StoreDamaged("the key-slot file is not an AHTC key-slot file")
            return cls(_unb64(doc["salt"]), list(doc["slots"]))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StoreDamaged(
                "the key-slot file is damaged; restore it from a backup or ask the district for recovery"
            ) from exc

    def save(self, path: Path) -> None:
        doc = {"format": FORMAT, "salt": _b64(self._salt), "slots": self._slots}
        write_atomic(path, json.dumps(doc, indent=1).encode("utf-8"))

    def _tag(self, username: str) -> str:
        return hashlib.sha256(self._salt + username.strip().lower().encode("utf-8")).hexdigest()

    @staticmethod
    def _aad(kind: str, tag: str) -> bytes:
        return f"{FORMAT}|{kind}|{tag}".encode()

    def has_user(self, username: str) -> bool:
        tag = self._tag(username)
        return any(slot.get("tag") == tag for slot in self._slots)

    def user_count(self) -> int:
        return sum(1 for slot in self._slots if slot["kind"] == "passphrase")

    def set_passphrase(self, username: str, passphrase: str, data_key: bytes, params: KdfParams = DEFAULT_KDF) -> None:
        """Add the user's slot, or replace it (a passphrase change or an SHO's reset)."""
        check_passphrase_strength(passphrase)
        tag = self._tag(username)
        salt, nonce = os.urandom(16), os.urandom(12)
        wrapped = AESGCM(_derive(passphrase, salt, params)).encrypt(nonce, data_key, self._aad("passphrase", tag))
        slot = {
            "kind": "passphrase",
            "tag": tag,
            "kdf": {"name": "argon2id", "salt": _b64(salt), **params.to_json()},
            "nonce": _b64(nonce),
            "wrapped": _b64(wrapped),
        }
        self._slots = [s for s in self._slots if s.get("tag") != tag] + [slot]

    def remove_user(self, username: str) -> None:
        tag = self._tag(username)
        self._slots = [s for s in self._slots if s.get("tag") != tag]

    def unlock(self, username: str, passphrase: str) -> bytes:
        tag = self._tag(username)
        slot = next((s for s in self._slots if s.get("tag") == tag), None)
        if slot is None:
            raise WrongPassphrase("wrong user name or passphrase")
        kdf = slot["kdf"]
        params = KdfParams(kdf["time_cost"], kdf["memory_kib"], kdf["parallelism"])
        key = _derive(passphrase, _unb64(kdf["salt"]), params)
        try:
            return AESGCM(key).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), self._aad("passphrase", tag))
        except InvalidTag:
            raise WrongPassphrase("wrong user name or passphrase") from None

    def set_recovery(self, district_public: bytes, data_key: bytes) -> str:
        """Wrap the data key to the district's X25519 recovery key; returns that key's fingerprint."""
        fingerprint = recovery_fingerprint(district_public)
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = ephemeral.public_key().public_bytes_raw()
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(district_public))
        nonce = os.urandom(12)
        wrapped = AESGCM(_recovery_wrap_key(shared, ephemeral_public)).encrypt(
            nonce, data_key, self._aad("recovery", fingerprint)
        )
        slot = {
            "kind": "recovery",
            "tag": fingerprint,
            "ephemeral_public": _b64(ephemeral_public),
            "nonce": _b64(nonce),
            "wrapped": _b64(wrapped),
        }
        self._slots = [s for s in self._slots if s.get("tag") != fingerprint] + [slot]
        return fingerprint

    def unlock_with_recovery(self, district_private: X25519PrivateKey) -> bytes:
        fingerprint = recovery_fingerprint(district_private.public_key().public_bytes_raw())
        slot = next((s for s in self._slots if s["kind"] == "recovery" and s["tag"] == fingerprint), None)
        if slot is None:
            raise WrongPassphrase("this store has no recovery slot for that district key")
        ephemeral_public = _unb64(slot["ephemeral_public"])
        shared = district_private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        try:
            return AESGCM(_recovery_wrap_key(shared, ephemeral_public)).decrypt(
                _unb64(slot["nonce"]), _unb64(slot["wrapped"]), self._aad("recovery", fingerprint)
            )
        except InvalidTag:
            raise StoreDamaged("the recovery slot is damaged") from None

    def recovery_fingerprints(self) -> list[str]:
        return [s["tag"] for s in self._slots if s["kind"] == "recovery"]

    def remove_recovery(self, fingerprint: str) -> bool:
        """Drop the recovery slot with this tag (as `recovery_fingerprints` lists it); False if there is none."""
        kept = [s for s in self._slots if not (s["kind"] == "recovery" and s["tag"] == fingerprint)]
        removed = len(kept) < len(self._slots)
        self._slots = kept
        return removed


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            {"passphrase": f"use at least {MIN_PASSPHRASE_LENGTH} characters (a few words are easiest to remember)"}
        )
