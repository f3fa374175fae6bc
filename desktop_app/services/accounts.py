"""User accounts: add, list, disable, change or reset passphrases. Only the SHO manages other users.

Disabling a user and every passphrase change re-key the store (a new random data key, sealed to every
remaining user's and recovery key): a copy of the slot file or a backup made before opens only the data as it
was then, never what is written after (docs/security.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.errors import NotFound, PermissionDenied, ValidationError, WrongPassphrase
from desktop_app.models.accounts import User
from desktop_app.models.enums import Role
from desktop_app.services import audit, grants, permissions
from desktop_app.services.context import Context
from desktop_app.store.keyslots import KdfParams, KeySlots, UserKeys, check_passphrase_strength
from desktop_app.store.store import Store

_USERNAME = re.compile(r"[a-z][a-z0-9._-]{1,31}")


def check_username(username: str) -> str:
    name = username.strip().lower()
    if not _USERNAME.fullmatch(name):
        raise ValidationError({"username": "2–32 letters, digits, dots, dashes or underscores, starting with a letter"})
    return name


@dataclass(frozen=True)
class UserInfo:
    username: str
    display_name: str
    role: str
    active: bool


@dataclass(frozen=True)
class RekeyReport:
    """What a re-key did: its new epoch, and whose access it could not carry over.

    `lost_access` are users whose slot was still in the old format (they had not signed in since the upgrade):
    the re-key cannot seal the new key to them without their passphrase, so they can no longer sign in until
    the SHO sets a new passphrase for them. `lost_recovery` are old recovery slots that did not name their key.
    """

    epoch: int
    lost_access: tuple[str, ...] = ()
    lost_recovery: tuple[str, ...] = ()


def _sho_key(ctx: Context) -> Ed25519PrivateKey:
    """The signed-in SHO's own signing key, which every grant and disable he makes is signed with."""
    key = ctx.signing_key
    if key is None:
        raise PermissionDenied("sign in again with your own passphrase to manage user accounts")
    return key


def _station_words(ctx: Context) -> list[str]:
    station = ctx.station
    return [w for w in (station.station_code, station.station_name, station.district, station.district_code) if w]


def list_users(ctx: Context) -> list[UserInfo]:
    permissions.require(ctx, permissions.MANAGE_USERS)
    with ctx.store.session() as session:
        return [
            UserInfo(u.username, u.display_name, u.role, u.active)
            for u in session.scalars(select(User).order_by(User.username))
        ]


def signing_public_keys(ctx: Context) -> dict[str, bytes]:
    """Every active user's public Ed25519 key, from the authenticated slot file (users not yet converted have
    none until they next sign in)."""
    permissions.require(ctx, permissions.READ)
    slots = ctx.store.current_slots()
    with ctx.store.session() as session:
        names = list(session.scalars(select(User.username).where(User.active.is_(True))))
    found = {name: slots.public_keys(name) for name in names}
    return {name: keys[1] for name, keys in found.items() if keys is not None}


def add_user(
    ctx: Context, username: str, display_name: str, role: str, passphrase: str, kdf: KdfParams | None = None
) -> UserInfo:
    permissions.require(ctx, permissions.MANAGE_USERS)
    username = check_username(username)
    try:
        role = Role(role).value
    except ValueError:
        raise ValidationError({"role": "choose officer, sho, district_analyst or viewer"}) from None
    if not display_name.strip():
        raise ValidationError({"display_name": "required"})
    check_passphrase_strength(passphrase, [username, *_station_words(ctx)])
    with ctx.store.transaction() as session:
        if session.get(User, username) is not None:
            raise ValidationError({"username": "that user name is taken"})
        session.add(
            User(
                username=username,
                display_name=display_name.strip(),
                role=role,
                active=True,
                created_at=ctx.clock.now(),
                created_by=ctx.actor.username,
            )
        )
        audit.append_many(session, ctx, [("user-add", "users", None, f"{username} as {role}")])
        slots = ctx.store.current_slots()
        keys = slots.set_passphrase(username, passphrase, ctx.store.data_key, kdf, _station_words(ctx))
        grants.sign_grant(session, ctx, _sho_key(ctx), username, role, True, keys.sign_public)
        ctx.store.slots = slots
        ctx.store.save_slots()  # the slot file is written before the commit; an orphan slot opens nothing
    return UserInfo(username, display_name.strip(), role, True)


def change_own_passphrase(ctx: Context, old: str, new: str, kdf: KdfParams | None = None) -> RekeyReport:
    """A new passphrase and a new key pair for the signed-in user, and a new data key for the store."""
    try:
        ctx.store.current_slots().unlock(ctx.actor.username, old)
    except WrongPassphrase:
        raise WrongPassphrase("the current passphrase is wrong") from None
    if new == old:
        raise ValidationError({"passphrase": "the new passphrase is the same as the current one; choose another"})
    return _set_passphrase(ctx, ctx.actor.username, new, kdf, "passwd")


def reset_passphrase(ctx: Context, username: str, new: str, kdf: KdfParams | None = None) -> RekeyReport:
    """The SHO sets a new passphrase for an officer who forgot theirs; the officer should change it at once."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    return _set_passphrase(ctx, check_username(username), new, kdf, "passwd-reset")


def _set_passphrase(ctx: Context, username: str, new: str, kdf: KdfParams | None, action: str) -> RekeyReport:
    check_passphrase_strength(new, [username, *_station_words(ctx)])
    with ctx.store.session() as session:
        user = session.get(User, username)
        if user is None or not user.active:
            raise NotFound(f"no active user {username}")
        # The role the valid grants give (never one written into the users table by hand).
        granted = grants.check_store(session, ctx.station.station_code)[0].state.get(username)
        role, active = (granted.role, granted.active) if granted is not None else (user.role, user.active)
    new_keys: list[UserKeys] = []
    # The new key pair is announced by a grant signed with the key the signer has now: his own old key for a
    # change of his own passphrase (the role stays), the SHO's for a reset.
    signer = _sho_key(ctx) if username != ctx.actor.username else ctx.signing_key

    def with_new_passphrase(slots: KeySlots, new_key: bytes) -> None:
        slots.remove_user(username)  # an old-format slot must not linger and be counted as access lost
        new_keys.append(slots.set_passphrase(username, new, new_key, kdf, _station_words(ctx)))

    def regrant(session: Session, copy_ctx: Context) -> None:
        if signer is not None:
            grants.sign_grant(session, copy_ctx, signer, username, role, active, new_keys[0].sign_public)

    report = _rekey(ctx, with_new_passphrase, [(action, "users", None, username)], also=regrant)
    if username == ctx.actor.username:
        ctx.store.user_keys, ctx.store.user_keys_owner = new_keys[0], username
    return report


def disable_user(ctx: Context, username: str) -> RekeyReport:
    """Disabling removes the user's slot and re-keys the store: nothing they kept opens the data from now on."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    username = check_username(username)
    if username == ctx.actor.username:
        raise ValidationError({"username": "you cannot disable your own account"})
    with ctx.store.session() as session:
        if session.get(User, username) is None:
            raise NotFound(f"no user {username}")
    return disable_users(ctx, [username])


def disable_users(ctx: Context, usernames: Sequence[str]) -> RekeyReport:
    """Disable several users with one re-key (a restore re-applying the disables made since its backup)."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    names = tuple(usernames)

    def without_them(slots: KeySlots, _new_key: bytes) -> None:
        for name in names:
            slots.remove_user(name)

    key = _sho_key(ctx)
    with ctx.store.session() as session:
        roles = {u.username: u.role for u in session.scalars(select(User).where(User.username.in_(names)))}

    def signed_disables(session: Session, copy_ctx: Context) -> None:
        for name in names:
            grants.sign_grant(session, copy_ctx, key, name, roles.get(name, Role.VIEWER.value), False, None)

    return _rekey(
        ctx,
        without_them,
        [("user-disable", "users", None, name) for name in names],
        disable=names,
        also=signed_disables,
    )


def _rekey(
    ctx: Context,
    edit_slots: Callable[[KeySlots, bytes], None],
    events: list[audit.AuditItem],
    disable: tuple[str, ...] = (),
    also: Callable[[Session, Context], None] | None = None,
) -> RekeyReport:
    """Re-key the store with `edit_slots` applied to its slots, and `events` (plus the re-key) in the audit."""
    with ctx.store.session() as session:
        active = [n for n in session.scalars(select(User.username).where(User.active.is_(True))) if n not in disable]
    outcome: list[RekeyReport] = []

    def new_slots(new_key: bytes) -> KeySlots:
        slots = ctx.store.current_slots()
        edit_slots(slots, new_key)
        result = slots.rekeyed(new_key)
        lost = tuple(name for name in active if slots.is_legacy_user(name))
        outcome.append(RekeyReport(result.slots.epoch, lost, result.dropped_recovery))
        return result.slots

    def record(copy: Store) -> None:
        report = outcome[0]
        detail = f"epoch {report.epoch}"
        if report.lost_access:
            detail += "; must get a new passphrase: " + ", ".join(report.lost_access)
        if report.lost_recovery:
            detail += f"; old recovery slots dropped: {len(report.lost_recovery)}"
        with copy.transaction() as session:
            for name in disable:
                user = session.get(User, name)
                if user is not None:
                    user.active = False
            copy_ctx = replace(ctx, store=copy)
            if also is not None:
                also(session, copy_ctx)  # the signed grants of this change, in the same transaction as it
            audit.append_many(session, copy_ctx, [*events, ("rekey", None, None, detail)])

    ctx.store.rekey(new_slots, record)
    return outcome[0]
