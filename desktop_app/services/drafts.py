"""Unsaved form contents per user, kept inside the encrypted store so a crash or power cut never loses typing.

A draft is keyed by the form ("<register>:<record id or 'new'>"); saving the record deletes its draft.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select

from desktop_app.models.drafts import Draft
from desktop_app.services import permissions
from desktop_app.services.context import Context

NEW = "new"


def form_key(register: str, record_id: str | None) -> str:
    return f"{register}:{record_id or NEW}"


@dataclass(frozen=True)
class DraftInfo:
    form_key: str
    saved_at: dt.datetime
    payload: dict[str, Any]

    @property
    def register(self) -> str:
        return self.form_key.split(":", 1)[0]

    @property
    def record_id(self) -> str | None:
        rest = self.form_key.split(":", 1)[1]
        return None if rest == NEW else rest


def save_draft(ctx: Context, key: str, payload: dict[str, Any]) -> None:
    """Keep (or replace) this user's draft of one form."""
    permissions.require(ctx, permissions.READ)
    with ctx.store.transaction() as session:
        draft = session.get(Draft, (ctx.actor.username, key))
        if draft is None:
            session.add(Draft(username=ctx.actor.username, form_key=key, saved_at=ctx.clock.now(), payload=payload))
        else:
            draft.saved_at = ctx.clock.now()
            draft.payload = dict(payload)


def load_draft(ctx: Context, key: str) -> DraftInfo | None:
    with ctx.store.session() as session:
        draft = session.get(Draft, (ctx.actor.username, key))
        return None if draft is None else DraftInfo(draft.form_key, draft.saved_at, dict(draft.payload))


def list_drafts(ctx: Context) -> list[DraftInfo]:
    """This user's drafts, newest first (another officer's drafts are theirs alone)."""
    with ctx.store.session() as session:
        rows = session.scalars(
            select(Draft).where(Draft.username == ctx.actor.username).order_by(Draft.saved_at.desc())
        )
        return [DraftInfo(d.form_key, d.saved_at, dict(d.payload)) for d in rows]


def delete_draft(ctx: Context, key: str) -> None:
    with ctx.store.transaction() as session:
        session.execute(delete(Draft).where(Draft.username == ctx.actor.username, Draft.form_key == key))
