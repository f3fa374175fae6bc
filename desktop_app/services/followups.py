"""Follow-up scheduling: when a record is next due for a visit, and which visits are due or overdue.

The next due date is stored on the parent record (so lists sort and filter by it) and recomputed, in the same
transaction, whenever the parent or one of its follow-ups is saved. Which registers fall due, and which of their
records are still followed, each register says in its spec (`RegisterSpec.followup`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, literal, or_, select
from sqlalchemy.orm import Session

from desktop_app.services import permissions
from desktop_app.services.clock import local_today
from desktop_app.services.context import Context
from desktop_app.services.registry import load_all


def next_due(last_visit: dt.date, interval_days: int, explicit: dt.date | None = None) -> dt.date:
    """The officer's own next date wins; otherwise the last visit plus the register's interval."""
    return explicit if explicit is not None else last_visit + dt.timedelta(days=interval_days)


def is_latest_visit(session: Session, model: Any, parent_field: str, state: dict[str, Any]) -> bool:
    """Whether no other live visit of the same parent is dated later (or the same day but saved later).

    Only the latest visit decides the parent's next due date and status: a back-dated visit typed in after a
    newer one must not undo what the newer one said.
    """
    parent = getattr(model, parent_field)
    later = (
        select(model.id)
        .where(
            parent == state[parent_field],
            model.deleted_at.is_(None),
            model.id != state["id"],
            or_(model.date > state["date"], and_(model.date == state["date"], model.hlc > state["hlc"])),
        )
        .limit(1)
    )
    return session.execute(later).first() is None


@dataclass(frozen=True)
class DueItem:
    register: str
    record_id: str
    title: str
    due: dt.date
    overdue_days: int
    # The title is one English phrase for every record of the register (shown translated), not the record's words.
    fixed_title: bool = False


def due_followups(ctx: Context, *, within_days: int = 7, today: dt.date | None = None) -> list[DueItem]:
    """Follow-ups due from now to `within_days` ahead, and every overdue one (overdue_days > 0), oldest first."""
    permissions.require(ctx, permissions.READ)
    today = today or local_today(ctx.clock)
    horizon = today + dt.timedelta(days=within_days)
    items: list[DueItem] = []
    with ctx.store.session() as session:
        for spec in load_all().values():
            facts = spec.followup
            if facts is None:
                continue
            table = spec.model.__table__  # type: ignore[attr-defined]
            due = table.c[facts.due_field]
            title = table.c[facts.title_field] if facts.title_field else literal(facts.title or spec.label)
            stmt = select(table.c.id, title, due).where(
                table.c.deleted_at.is_(None),
                table.c[facts.active_field].in_(facts.active_values),
                due.is_not(None),
                due <= horizon,
            )
            for record_id, text, day in session.execute(stmt):
                overdue = max(0, (today - day).days)
                items.append(DueItem(spec.name, record_id, text, day, overdue, fixed_title=not facts.title_field))
    return sorted(items, key=lambda i: (i.due, i.register, i.title))


def overdue_followups(ctx: Context, today: dt.date | None = None) -> list[DueItem]:
    return [item for item in due_followups(ctx, within_days=0, today=today) if item.overdue_days > 0]
