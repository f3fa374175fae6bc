"""Key slots: who can open the store, kept in a small file beside the database (`keyslots.json`).

Format `ahtc-keyslots/2`. Each user has a key pair of their own: X25519 (the data key is sealed to it) and
Ed25519 (to sign what the user grants). The private halves are wrapped under a key that Argon2id derives
from the user's passphrase; the public halves sit in the slot. The store's data key is sealed to every
user's public key and to every recovery public key, so changing the data key (a re-key) re-seals it to
everyone without anyone's passphrase. Recovery slots keep their recipient's public key for the same reason.

The whole file carries an HMAC keyed from the data key, checked at every unlock: a slot removed, added or
edited by someone without the data key is found. User names appear only as salted hashes; roles live
inside the encrypted database. The file names the station code (printed on every bundle anyway) and whether
the store is a demo, so `ahtc demo` and `ahtc restore` can say what they would touch before any unlock.

Files in the older format `ahtc-keyslots/1` (one AES-GCM envelope per passphrase) still open: each user's
slot is converted the next time that user signs in (`convert_user`). A re-key cannot re-seal a slot that
was never converted, so it drops it; the SHO then sets a new passphrase for that user.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import zxcvbn
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.errors import StoreDamaged, ValidationError, WrongPassphrase
from desktop_app.store.atomic import write_atomic

FORMAT = "ahtc-keyslots/2"
LEGACY_FORMAT = "ahtc-keyslots/1"
DATA_KEY_BYTES = 32
MIN_PASSPHRASE_LENGTH = 10
# zxcvbn's score: 3 is "safely unguessable: moderate protection from an offline slow-hash scenario".
MIN_PASSPHRASE_SCORE = 3
# What a station PC at 0.5 s per guess and a stolen slot file give an attacker: see docs/security.md.
CALIBRATION_TARGET_S = 0.5

_DAMAGED = "the key-slot file is damaged; restore it from a backup or ask the district for recovery"
_TAMPERED = (
    "the key-slot file was changed outside the app (a slot removed, added or edited); restore keyslots.json "
    "from a backup, or ask the district for recovery"
)


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Calibrated at `init` to at least 0.5 s on the PC; stored with every slot."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 1

    def to_json(self) -> dict[str, int]:
        return {"time_cost": self.time_cost, "memory_kib": self.memory_kib, "parallelism": self.parallelism}

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> KdfParams:
        """Read back, refusing a cost no real slot has (a tampered file could otherwise hang the unlock)."""
        params = cls(int(doc["time_cost"]), int(doc["memory_kib"]), int(doc["parallelism"]))
        if not params.within_bounds():
            raise StoreDamaged("the key-slot file asks for an impossible passphrase cost; " + _TAMPERED)
        return params

    def within_bounds(self) -> bool:
        return (
            KDF_LIMITS[0].time_cost <= self.time_cost <= KDF_LIMITS[1].time_cost
            and KDF_LIMITS[0].memory_kib <= self.memory_kib <= KDF_LIMITS[1].memory_kib
            and KDF_LIMITS[0].parallelism <= self.parallelism <= KDF_LIMITS[1].parallelism
        )


DEFAULT_KDF = KdfParams()
# The cheapest cost the tests use, and the dearest a 2-core office PC could still pay in a few seconds.
KDF_LIMITS = (KdfParams(1, 8192, 1), KdfParams(64, 1024 * 1024, 8))


@dataclass(frozen=True)
class StoreLabel:
    """What the slot file says about its store before any unlock (authenticated by the MAC after one)."""

    station_code: str
    kind: str = "station"
    demo: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"station_code": self.station_code, "kind": self.kind, "demo": self.demo}


@dataclass(frozen=True)
class UserKeys:
    """A user's own key pair, available while that user is signed in."""

    enc: X25519PrivateKey
    sign: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> UserKeys:
        return cls(X25519PrivateKey.generate(), Ed25519PrivateKey.generate())

    @property
    def enc_public(self) -> bytes:
        return self.enc.public_key().public_bytes_raw()

    @property
    def sign_public(self) -> bytes:
        return self.sign.public_key().public_bytes_raw()


@dataclass(frozen=True)
class Unlocked:
    """What a passphrase opened: the data key, and the user's keys (None for a slot not yet converted)."""

    data_key: bytes
    keys: UserKeys | None


@dataclass(frozen=True)
class RekeyResult:
    """A re-key's new slots, and the slots it could not carry over (tags of users; fingerprints of recovery)."""

    slots: KeySlots
    dropped_users: tuple[str, ...]
    dropped_recovery: tuple[str, ...]


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


def _hkdf(secret: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def _legacy_recovery_wrap_key(shared: bytes, ephemeral_public: bytes) -> bytes:
    return _hkdf(shared, ephemeral_public, b"ahtc-keyslot/1 recovery")


def _seal(recipient_public: bytes, secret: bytes, aad: bytes) -> dict[str, str]:
    """Seal `secret` to an X25519 public key: ephemeral X25519, HKDF-SHA256, AES-256-GCM."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    key = _hkdf(shared, ephemeral_public + recipient_public, b"ahtc-keyslots/2 seal")
    nonce = os.urandom(12)
    return {
        "ephemeral": _b64(ephemeral_public),
        "nonce": _b64(nonce),
        "sealed": _b64(AESGCM(key).encrypt(nonce, secret, aad)),
    }


def _open_sealed(private: X25519PrivateKey, box: dict[str, str], aad: bytes) -> bytes:
    ephemeral_public = _unb64(box["ephemeral"])
    shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    key = _hkdf(shared, ephemeral_public + private.public_key().public_bytes_raw(), b"ahtc-keyslots/2 seal")
    return AESGCM(key).decrypt(_unb64(box["nonce"]), _unb64(box["sealed"]), aad)


def _mac_key(data_key: bytes) -> bytes:
    return _hkdf(data_key, b"", b"ahtc-keyslots/2 file mac")


def recovery_fingerprint(public_key: bytes) -> str:
    return hashlib.sha256(public_key).hexdigest()[:32]


class KeySlots:
    """The slot file in memory. Change it through methods, then `save()`; nothing touches disk before.

    Saving needs the MAC key, which comes from the data key: `bind(data_key)` after an unlock (the unlocking
    methods and the methods that take a data key bind it themselves).
    """

    def __init__(
        self,
        salt: bytes,
        slots: list[dict[str, Any]],
        *,
        epoch: int = 0,
        label: StoreLabel | None = None,
        default_kdf: KdfParams = DEFAULT_KDF,
        mac: str | None = None,
        legacy: bool = False,
    ) -> None:
        self._salt = salt
        self._slots = slots
        self.epoch = epoch
        self.label = label
        self.default_kdf = default_kdf
        self._mac = mac
        self._mac_key: bytes | None = None
        # True while the file on disk is still in the old format (no MAC to check yet).
        self.legacy = legacy

    # -- reading and writing the file ----------------------------------------------------------------------

    @classmethod
    def new(cls, label: StoreLabel | None = None, default_kdf: KdfParams = DEFAULT_KDF) -> KeySlots:
        return cls(os.urandom(16), [], label=label, default_kdf=default_kdf)

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        return cls.load_bytes(path.read_bytes())

    @classmethod
    def load_bytes(cls, raw: bytes) -> KeySlots:
        try:
            doc = json.loads(raw)
            if not isinstance(doc, dict) or doc.get("format") not in (FORMAT, LEGACY_FORMAT):
                raise StoreDamaged("the key-slot file is not an AHTC key-slot file")
            salt, slots = _unb64(doc["salt"]), list(doc["slots"])
            if not all(isinstance(s, dict) and isinstance(s.get("kind"), str) for s in slots):
                raise ValueError("a slot is not an object with a kind")
            if doc["format"] == LEGACY_FORMAT:
                return cls(salt, [_from_legacy(s) for s in slots], legacy=True)
            label = doc.get("store")
            return cls(
                salt,
                slots,
                epoch=int(doc["epoch"]),
                label=StoreLabel(str(label["station_code"]), str(label["kind"]), bool(label["demo"]))
                if label
                else None,
                default_kdf=KdfParams.from_json(doc["kdf"]),
                mac=str(doc["mac"]),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StoreDamaged(_DAMAGED) from exc

    def _document(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "salt": _b64(self._salt),
            "epoch": self.epoch,
            "store": self.label.to_json() if self.label else None,
            "kdf": self.default_kdf.to_json(),
            "slots": self._slots,
        }

    @staticmethod
    def _canonical(doc: dict[str, Any]) -> bytes:
        return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")

    def bind(self, data_key: bytes) -> None:
        """Remember the MAC key of this data key, so `save()` can authenticate the file."""
        self._mac_key = _mac_key(data_key)

    def verify(self, data_key: bytes) -> None:
        """Check the whole file against the data key it opened; a legacy file has nothing to check yet."""
        if self.legacy:
            self.bind(data_key)
            return
        expected = hmac.new(_mac_key(data_key), self._canonical(self._document()), hashlib.sha256).hexdigest()
        if self._mac is None or not hmac.compare_digest(expected, self._mac):
            raise StoreDamaged(_TAMPERED)
        self.bind(data_key)

    def to_bytes(self) -> bytes:
        if self._mac_key is None:
            raise ValueError("the key slots are not bound to a data key; unlock first")
        doc = self._document()
        doc["mac"] = hmac.new(self._mac_key, self._canonical(doc), hashlib.sha256).hexdigest()
        return json.dumps(doc, indent=1).encode("utf-8")

    def save(self, path: Path) -> None:
        write_atomic(path, self.to_bytes())
        self.legacy = False

    # -- users ---------------------------------------------------------------------------------------------

    def _tag(self, username: str) -> str:
        return hashlib.sha256(self._salt + username.strip().lower().encode("utf-8")).hexdigest()

    @staticmethod
    def _aad(kind: str, tag: str) -> bytes:
        return f"{FORMAT}|{kind}|{tag}".encode()

    def _find(self, tag: str) -> dict[str, Any] | None:
        return next((s for s in self._slots if s.get("tag") == tag and s["kind"] in ("user", "legacy")), None)

    def has_user(self, username: str) -> bool:
        return self._find(self._tag(username)) is not None

    def user_count(self) -> int:
        return sum(1 for slot in self._slots if slot["kind"] in ("user", "legacy"))

    def is_legacy_user(self, username: str) -> bool:
        slot = self._find(self._tag(username))
        return slot is not None and slot["kind"] == "legacy"

    def legacy_users(self, usernames: Iterable[str]) -> list[str]:
        """Which of these users still have a slot in the old format (they lose it at the next re-key)."""
        return [name for name in usernames if self.is_legacy_user(name)]

    def set_passphrase(
        self,
        username: str,
        passphrase: str,
        data_key: bytes,
        params: KdfParams | None = None,
        avoid: Iterable[str] = (),
    ) -> UserKeys:
        """Give the user a new key pair under this passphrase (a new user, a passphrase change, a reset)."""
        check_passphrase_strength(passphrase, [username, *avoid, *([self.label.station_code] if self.label else [])])
        return self._new_user_slot(username, passphrase, data_key, params or self.default_kdf)

    def convert_user(self, username: str, passphrase: str, data_key: bytes) -> UserKeys:
        """Turn a user's old-format slot into a key-pair slot (at that user's first sign-in after the upgrade).

        The passphrase is not checked for strength here: the user chose it under the old rules and has just
        proved it; the next change must meet the new ones.
        """
        slot = self._find(self._tag(username))
        params = KdfParams.from_json(slot["kdf"]) if slot is not None else self.default_kdf
        return self._new_user_slot(username, passphrase, data_key, params)

    def _new_user_slot(self, username: str, passphrase: str, data_key: bytes, params: KdfParams) -> UserKeys:
        tag = self._tag(username)
        keys = UserKeys.generate()
        salt, nonce = os.urandom(16), os.urandom(12)
        private = keys.enc.private_bytes_raw() + keys.sign.private_bytes_raw()
        aad = self._user_aad(tag, keys.enc_public, keys.sign_public)
        slot = {
            "kind": "user",
            "tag": tag,
            "kdf": {"name": "argon2id", "salt": _b64(salt), **params.to_json()},
            "enc_public": _b64(keys.enc_public),
            "sign_public": _b64(keys.sign_public),
            "nonce": _b64(nonce),
            "private": _b64(AESGCM(_derive(passphrase, salt, params)).encrypt(nonce, private, aad)),
            "data_key": _seal(keys.enc_public, data_key, self._aad("user", tag)),
        }
        self._slots = [s for s in self._slots if s.get("tag") != tag] + [slot]
        self.bind(data_key)
        return keys

    def _user_aad(self, tag: str, enc_public: bytes, sign_public: bytes) -> bytes:
        # The public keys are bound to the wrapped private keys: swapping them in the file breaks the unlock.
        return self._aad("user-private", tag) + b"|" + enc_public + sign_public

    def remove_user(self, username: str) -> None:
        tag = self._tag(username)
        self._slots = [s for s in self._slots if s.get("tag") != tag]

    def unlock(self, username: str, passphrase: str) -> Unlocked:
        """Open the user's slot. An unknown user costs the same Argon2id run as a wrong passphrase."""
        tag = self._tag(username)
        slot = self._find(tag)
        if slot is None:
            _derive(passphrase, os.urandom(16), self._dummy_cost())
            raise WrongPassphrase("wrong user name or passphrase")
        try:
            kdf = slot["kdf"]
            params = KdfParams.from_json(kdf)
            salt, nonce = _unb64(kdf["salt"]), _unb64(slot["nonce"])
        except (KeyError, ValueError, TypeError) as exc:
            raise StoreDamaged(_DAMAGED) from exc
        key = _derive(passphrase, salt, params)
        try:
            if slot["kind"] == "legacy":
                aad = f"{LEGACY_FORMAT}|passphrase|{tag}".encode()
                return Unlocked(AESGCM(key).decrypt(nonce, _unb64(slot["wrapped"]), aad), None)
            enc_public, sign_public = _unb64(slot["enc_public"]), _unb64(slot["sign_public"])
            private = AESGCM(key).decrypt(nonce, _unb64(slot["private"]), self._user_aad(tag, enc_public, sign_public))
        except InvalidTag:
            raise WrongPassphrase("wrong user name or passphrase") from None
        keys = UserKeys(
            X25519PrivateKey.from_private_bytes(private[:32]), Ed25519PrivateKey.from_private_bytes(private[32:])
        )
        if keys.enc_public != enc_public or keys.sign_public != sign_public:
            raise StoreDamaged(_TAMPERED)
        try:
            data_key = _open_sealed(keys.enc, slot["data_key"], self._aad("user", tag))
        except (InvalidTag, KeyError, ValueError) as exc:
            raise StoreDamaged(_TAMPERED) from exc
        return Unlocked(data_key, keys)

    def _dummy_cost(self) -> KdfParams:
        # The cost a real slot makes a guesser wait (the first user's), so no answer comes back sooner.
        costs = [s["kdf"] for s in self._slots if s["kind"] in ("user", "legacy")]
        try:
            return KdfParams.from_json(costs[0]) if costs else self.default_kdf
        except (KeyError, ValueError, TypeError):
            return self.default_kdf

    def public_keys(self, username: str) -> tuple[bytes, bytes] | None:
        """(X25519, Ed25519) public keys of a user's slot; None for no slot or one not yet converted."""
        slot = self._find(self._tag(username))
        if slot is None or slot["kind"] != "user":
            return None
        return _unb64(slot["enc_public"]), _unb64(slot["sign_public"])

    # -- recovery ------------------------------------------------------------------------------------------

    def set_recovery(self, public_key: bytes, data_key: bytes) -> str:
        """Seal the data key to a recovery X25519 public key; returns that key's fingerprint."""
        fingerprint = recovery_fingerprint(public_key)
        slot = {
            "kind": "recovery",
            "tag": fingerprint,
            "public": _b64(public_key),
            "data_key": _seal(public_key, data_key, self._aad("recovery", fingerprint)),
        }
        self._slots = [s for s in self._slots if s.get("tag") != fingerprint] + [slot]
        self.bind(data_key)
        return fingerprint

    def unlock_with_recovery(self, private: X25519PrivateKey) -> bytes:
        fingerprint = recovery_fingerprint(private.public_key().public_bytes_raw())
        slot = next((s for s in self._slots if s["kind"] == "recovery" and s["tag"] == fingerprint), None)
        if slot is None:
            raise WrongPassphrase("this store has no recovery slot for that district key")
        try:
            if "public" not in slot:
                return self._open_legacy_recovery(private, slot, fingerprint)
            return _open_sealed(private, slot["data_key"], self._aad("recovery", fingerprint))
        except (InvalidTag, KeyError, ValueError):
            raise StoreDamaged("the recovery slot is damaged") from None

    @staticmethod
    def _open_legacy_recovery(private: X25519PrivateKey, slot: dict[str, Any], fingerprint: str) -> bytes:
        ephemeral_public = _unb64(slot["ephemeral_public"])
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        return AESGCM(_legacy_recovery_wrap_key(shared, ephemeral_public)).decrypt(
            _unb64(slot["nonce"]), _unb64(slot["wrapped"]), f"{LEGACY_FORMAT}|recovery|{fingerprint}".encode()
        )

    def recovery_fingerprints(self) -> list[str]:
        return [s["tag"] for s in self._slots if s["kind"] == "recovery"]

    def remove_recovery(self, fingerprint: str) -> bool:
        """Drop the recovery slot with this tag (as `recovery_fingerprints` lists it); False if there is none."""
        kept = [s for s in self._slots if not (s["kind"] == "recovery" and s["tag"] == fingerprint)]
        removed = len(kept) < len(self._slots)
        self._slots = kept
        return removed

    def recovery_without_public_key(self) -> list[str]:
        """Recovery slots from the old format, which do not name their key (a re-key cannot carry them)."""
        return [s["tag"] for s in self._slots if s["kind"] == "recovery" and "public" not in s]

    # -- re-key --------------------------------------------------------------------------------------------

    def rekeyed(self, new_data_key: bytes) -> RekeyResult:
        """The same users and recovery keys, with a new data key sealed to each; the epoch moves on.

        Slots that name no public key (old-format users who have not signed in since the upgrade, old-format
        recovery slots) cannot be re-sealed and are left out: they would only open the old data key.
        """
        kept: list[dict[str, Any]] = []
        dropped_users: list[str] = []
        dropped_recovery: list[str] = []
        for slot in self._slots:
            if slot["kind"] == "user":
                box = _seal(_unb64(slot["enc_public"]), new_data_key, self._aad("user", slot["tag"]))
                kept.append({**slot, "data_key": box})
            elif slot["kind"] == "recovery" and "public" in slot:
                box = _seal(_unb64(slot["public"]), new_data_key, self._aad("recovery", slot["tag"]))
                kept.append({**slot, "data_key": box})
            elif slot["kind"] == "recovery":
                dropped_recovery.append(slot["tag"])
            else:
                dropped_users.append(slot["tag"])
        fresh = KeySlots(self._salt, kept, epoch=self.epoch + 1, label=self.label, default_kdf=self.default_kdf)
        fresh.bind(new_data_key)
        return RekeyResult(fresh, tuple(dropped_users), tuple(dropped_recovery))

    def copy(self) -> KeySlots:
        twin = KeySlots(
            self._salt,
            [dict(s) for s in self._slots],
            epoch=self.epoch,
            label=self.label,
            default_kdf=self.default_kdf,
            mac=self._mac,
            legacy=self.legacy,
        )
        twin._mac_key = self._mac_key
        return twin


def _from_legacy(slot: dict[str, Any]) -> dict[str, Any]:
    """An `ahtc-keyslots/1` slot as it sits in a format-2 file until it is converted."""
    if slot["kind"] == "passphrase":
        return {**slot, "kind": "legacy"}
    if slot["kind"] == "recovery":
        return dict(slot)
    raise ValueError(f"unknown slot kind {slot['kind']!r}")


def check_passphrase_strength(passphrase: str, avoid: Iterable[str] = ()) -> None:
    """Refuse a passphrase that is short or easy to guess (zxcvbn), saying why in plain words.

    `avoid` lists words an attacker would try first here: the user name, the station's code and name.
    """
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            {"passphrase": f"use at least {MIN_PASSPHRASE_LENGTH} characters (a few words are easiest to remember)"}
        )
    words = [w for text in avoid for w in [text, *text.replace(".", " ").replace("-", " ").split()] if w]
    result = zxcvbn.zxcvbn(passphrase[:100], user_inputs=words)
    if result["score"] >= MIN_PASSPHRASE_SCORE:
        return
    feedback = result["feedback"]
    reason = feedback.get("warning") or next(iter(feedback.get("suggestions") or []), "")
    raise ValidationError(
        {
            "passphrase": "this passphrase is too easy to guess"
            + (f" ({reason.rstrip('.')})" if reason else "")
            + "; use three or four ordinary words that do not belong together, not names, dates or the station's name"
        }
    )


def calibrate_kdf(
    target_seconds: float = CALIBRATION_TARGET_S,
    measure: Callable[[KdfParams], float] | None = None,
) -> KdfParams:
    """An Argon2id cost that takes at least `target_seconds` on this PC (never below the default cost).

    Starts from the RFC 9106 second recommendation (64 MiB, 3 passes) and adds passes, then memory, until one
    derivation takes long enough; KeePassXC calibrates the same way.
    """
    measure = measure or _time_one_derivation
    params = DEFAULT_KDF
    for _ in range(12):
        took = measure(params)
        if took >= target_seconds:
            return params
        if params.time_cost < KDF_LIMITS[1].time_cost:
            passes = math.ceil(params.time_cost * target_seconds / max(took, 1e-3) * 1.1)
            params = KdfParams(min(KDF_LIMITS[1].time_cost, max(params.time_cost + 1, passes)), params.memory_kib, 1)
        elif params.memory_kib < KDF_LIMITS[1].memory_kib:
            params = KdfParams(params.time_cost, min(KDF_LIMITS[1].memory_kib, params.memory_kib * 2), 1)
        else:
            return params
    return params


def _time_one_derivation(params: KdfParams) -> float:
    started = time.perf_counter()
    _derive("calibration passphrase", os.urandom(16), params)
    return time.perf_counter() - started
