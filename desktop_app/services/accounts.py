"""User accounts: add, list, disable, change or reset passphrases. Only the SHO manages other users."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.errors import NotFound, ValidationError, WrongPassphrase
from desktop_app.models.accounts import User
from desktop_app.models.enums import Role
from desktop_app.services import audit, permissions
from desktop_app.services.context import Context
from desktop_app.store.keyslots import DEFAULT_KDF, KdfParams

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


def list_users(ctx: Context) -> list[UserInfo]:
    permissions.require(ctx, permissions.MANAGE_USERS)
    with ctx.store.session() as session:
        return [
            UserInfo(u.username, u.display_name, u.role, u.active)
            for u in session.scalars(select(User).order_by(User.username))
        ]


def add_user(
    ctx: Context, username: str, display_name: str, role: str, passphrase: str, kdf: KdfParams = DEFAULT_KDF
) -> UserInfo:
    permissions.require(ctx, permissions.MANAGE_USERS)
    username = check_username(username)
    try:
        role = Role(role).value
    except ValueError:
        raise ValidationError({"role": "choose officer, sho, district_analyst or viewer"}) from None
    if not display_name.strip():
        raise ValidationError({"display_name": "required"})
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
        ctx.store.slots.set_passphrase(username, passphrase, ctx.store.data_key, kdf)
        ctx.store.save_slots()  # the slot file is written before the commit; an orphan slot opens nothing
    return UserInfo(username, display_name.strip(), role, True)


def change_own_passphrase(ctx: Context, old: str, new: str, kdf: KdfParams = DEFAULT_KDF) -> None:
    try:
        ctx.store.slots.unlock(ctx.actor.username, old)
    except WrongPassphrase:
        raise WrongPassphrase("the current passphrase is wrong") from None
    _set_passphrase(ctx, ctx.actor.username, new, kdf, "passwd")


def reset_passphrase(ctx: Context, username: str, new: str, kdf: KdfParams = DEFAULT_KDF) -> None:
    """The SHO sets a new passphrase for an officer who forgot theirs; the officer should change it at once."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    _set_passphrase(ctx, check_username(username), new, kdf, "passwd-reset")


def _set_passphrase(ctx: Context, username: str, new: str, kdf: KdfParams, action: str) -> None:
    with ctx.store.transaction() as session:
        user = session.get(User, username)
        if user is None or not user.active:
            raise NotFound(f"no active user {username}")
        audit.append_many(session, ctx, [(action, "users", None, username)])
        ctx.store.slots.set_passphrase(username, new, ctx.store.data_key, kdf)
        ctx.store.save_slots()


def disable_user(ctx: Context, username: str) -> None:
    """Disabling removes the user's key slot: their passphrase no longer opens the store at all."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    username = check_username(username)
    if username == ctx.actor.username:
        raise ValidationError({"username": "you cannot disable your own account"})
    with ctx.store.transaction() as session:
        user = session.get(User, username)
        if user is None:
            raise NotFound(f"no user {username}")
        user.active = False
        audit.append_many(session, ctx, [("user-disable", "users", None, username)])
        ctx.store.slots.remove_user(username)
        ctx.store.save_slots()
