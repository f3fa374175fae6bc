"""Role grants signed by an SHO's own key, and the check that the users table matches them.

Anyone holding a passphrase holds the data key and can edit the users table with SQL, so a role is only what a
valid chain of grants says it is. The chain starts at a root: the first SHO's grant to himself (at a station,
whose key the district learned at enrolment) and each later grant must be signed by the key of a user whose
grants so far make him an active SHO. A user may also sign a change of his own key that leaves his role alone
(a passphrase change gives him a new key pair). The same replay runs at unlock (services/setup.py) and at the
district (sync/station_anchor.py), which trusts only the root it knows.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.models.accounts import User
from desktop_app.models.enums import Role
from desktop_app.models.grants import RoleGrant
from desktop_app.services.context import Context

# Domain separation: a grant signature can never pass for a manifest, a receipt or an enrolment file.
GRANT_LABEL = b"ahtc-grant/1\x00"
GRANT_FIELDS = (
    "station",
    "serial",
    "user",
    "role",
    "active",
    "subject_public",
    "time",
    "signer",
    "signer_public",
    "after_the_fact",
)


def canonical_json(value: object) -> bytes:
    """Sorted keys, no spaces, UTF-8: the bytes signed (the same encoding as sync's manifests)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def grant_message(grant: dict[str, Any]) -> bytes:
    return GRANT_LABEL + canonical_json({name: grant.get(name) for name in GRANT_FIELDS})


def grant_json(row: RoleGrant) -> dict[str, Any]:
    return {
        "station": row.station_code,
        "serial": row.serial,
        "user": row.username,
        "role": row.role,
        "active": row.active,
        "subject_public": row.subject_public,
        "time": row.signed_at,
        "signer": row.signer,
        "signer_public": row.signer_public,
        "after_the_fact": row.after_the_fact,
        "signature": row.signature,
    }


def grant_row(grant: dict[str, Any]) -> RoleGrant:
    return RoleGrant(
        station_code=str(grant["station"]),
        serial=int(grant["serial"]),
        username=str(grant["user"]),
        role=str(grant["role"]),
        active=bool(grant["active"]),
        subject_public=grant.get("subject_public"),
        signed_at=str(grant["time"]),
        signer=str(grant["signer"]),
        signer_public=str(grant["signer_public"]),
        signature=str(grant["signature"]),
        after_the_fact=bool(grant.get("after_the_fact")),
    )


def signature_ok(grant: dict[str, Any]) -> bool:
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(str(grant["signer_public"]), validate=True))
        public.verify(base64.b64decode(str(grant["signature"]), validate=True), grant_message(grant))
    except (KeyError, TypeError, ValueError, InvalidSignature):
        return False
    return True


def grants_hash(grants: Iterable[dict[str, Any]]) -> str:
    """One hash over a station's grants (by serial), for the district's receipt: a grant removed or rewritten
    after the district countersigned them no longer gives the same hash."""
    digest = hashlib.sha256()
    for grant in sorted(grants, key=lambda g: int(g["serial"])):
        digest.update(canonical_json({**{name: grant.get(name) for name in GRANT_FIELDS}, "sig": grant["signature"]}))
    return digest.hexdigest()


# --- replaying a chain of grants -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Granted:
    role: str
    active: bool
    public: str | None


@dataclass
class Replay:
    """Who holds which role after the valid grants, and the grants that did not count (with the reason)."""

    state: dict[str, Granted] = field(default_factory=dict)
    bad: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    root_after_the_fact: bool = False

    def sho_keys(self) -> set[str]:
        return {g.public for g in self.state.values() if g.active and g.role == Role.SHO and g.public}


def replay(grants: Sequence[dict[str, Any]], root_public: str | None = None) -> Replay:
    """Apply `grants` in serial order, counting only those their signer was entitled to sign.

    `root_public`: the SHO key trusted from outside (the district's from enrolment); without it the first grant
    must be an SHO granting himself (the station's own view, which proves only that the chain is consistent).
    """
    out = Replay()
    for grant in sorted(grants, key=lambda g: int(g.get("serial", 0))):
        why = _refusal(grant, out, root_public)
        if why is not None:
            out.bad.append((grant, why))
            continue
        user = str(grant["user"])
        if not out.state:
            out.root_after_the_fact = bool(grant.get("after_the_fact"))
        known = out.state.get(user)
        public = grant.get("subject_public") or (known.public if known else None)
        out.state[user] = Granted(str(grant["role"]), bool(grant["active"]), public)
    return out


def _refusal(grant: dict[str, Any], so_far: Replay, root_public: str | None) -> str | None:
    if not signature_ok(grant):
        return "its signature does not verify"
    signer, public = grant.get("signer"), grant.get("signer_public")
    if not so_far.state:
        if root_public is not None and public != root_public:
            return "it is not signed by the SHO key the district knows"
        if root_public is None and not (
            signer == grant.get("user") and grant.get("role") == Role.SHO and grant.get("subject_public") == public
        ):
            return "the first grant must be the SHO's grant to himself"
        return None
    granter = so_far.state.get(str(signer))
    if granter is not None and granter.active and granter.role == Role.SHO and granter.public == public:
        return None
    own = so_far.state.get(str(grant.get("user")))
    key_change = (
        signer == grant.get("user")
        and own is not None
        and own.public == public
        and own.role == grant.get("role")
        and own.active == grant.get("active")
    )
    return None if key_change else "it is not signed by an SHO of the station"


@dataclass(frozen=True)
class RoleProblem:
    username: str
    role: str  # what the users table says
    granted: Granted | None  # what the valid grants say (None: no grant at all)

    def text(self) -> str:
        if self.granted is None:
            return f"{self.username} has the role '{self.role}' but no signed grant for it"
        if not self.granted.active:
            return f"{self.username} is active as '{self.role}' but was disabled by a signed grant"
        return f"{self.username} has the role '{self.role}' but the SHO granted '{self.granted.role}'"


def role_problems(users: Iterable[tuple[str, str, bool]], grants: Replay) -> list[RoleProblem]:
    """Active users whose role is more or other than their valid grants say (disabled users hold nothing)."""
    problems: list[RoleProblem] = []
    for username, role, active in users:
        granted = grants.state.get(username)
        if active and (granted is None or not granted.active or granted.role != role):
            problems.append(RoleProblem(username, role, granted))
    return problems


# --- this store's own grants -----------------------------------------------------------------------------------


def own_grants(session: Session, station_code: str) -> list[dict[str, Any]]:
    rows = session.scalars(select(RoleGrant).where(RoleGrant.station_code == station_code).order_by(RoleGrant.serial))
    return [grant_json(row) for row in rows]


def users_state(session: Session) -> list[tuple[str, str, bool]]:
    return [(u.username, u.role, u.active) for u in session.scalars(select(User).order_by(User.username))]


def check_store(session: Session, station_code: str) -> tuple[Replay, list[RoleProblem]]:
    grants = replay(own_grants(session, station_code))
    return grants, role_problems(users_state(session), grants)


def has_grants(session: Session, station_code: str) -> bool:
    return session.scalar(select(RoleGrant.serial).where(RoleGrant.station_code == station_code).limit(1)) is not None


def sign_grant(
    session: Session,
    ctx: Context,
    key: Ed25519PrivateKey,
    username: str,
    role: str,
    active: bool,
    subject_public: bytes | None,
    *,
    after_the_fact: bool = False,
) -> RoleGrant:
    """Sign and keep the next grant of this store, with `key` (the signing SHO's own key) as the signer's."""
    station = ctx.station.station_code
    serial = int(session.scalar(select(func.max(RoleGrant.serial)).where(RoleGrant.station_code == station)) or 0) + 1
    grant: dict[str, Any] = {
        "station": station,
        "serial": serial,
        "user": username,
        "role": role,
        "active": active,
        "subject_public": _b64(subject_public) if subject_public is not None else None,
        "time": ctx.clock.now().isoformat(),
        "signer": ctx.actor.username,
        "signer_public": _b64(key.public_key().public_bytes_raw()),
        "after_the_fact": after_the_fact,
    }
    grant["signature"] = _b64(key.sign(grant_message(grant)))
    row = grant_row(grant)
    session.add(row)
    session.flush()
    return row


def sign_current_roles(session: Session, ctx: Context, key: Ed25519PrivateKey, publics: dict[str, bytes]) -> int:
    """A store from before grants: its signed-in SHO signs the roles he finds, himself first (the root).

    They are marked after the fact: they prove only what this SHO saw at this sign-in, which is why the district
    flags them until it confirms his key (`ahtc district accept-grants`).
    """
    users = users_state(session)
    me = ctx.actor.username
    ordered = sorted(users, key=lambda u: (u[0] != me, u[0]))
    for username, role, active in ordered:
        sign_grant(session, ctx, key, username, role, active, publics.get(username), after_the_fact=True)
    return len(ordered)
