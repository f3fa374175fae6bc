"""Follow-up scheduling: when each child, kiln agreement and victim's family is next due, and what is overdue.

The next due date is stored on the parent record (so lists sort and filter by it) and recomputed, in the same
transaction, whenever the parent or one of its follow-ups is saved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from desktop_app.models.agreements import AgreementFollowUp, KilnAgreement
from desktop_app.models.children import ChildFollowUp, RescuedChild
from desktop_app.models.enums import AgreementStatus, ChildStatus, VictimStatus
from desktop_app.models.meetings import FamilyMeeting
from desktop_app.models.victims import MigrationVictim
from desktop_app.services import permissions
from desktop_app.services.clock import local_today
from desktop_app.services.context import Context

# Children still to be watched: once in school we keep checking they stay; moved-away children are closed.
ACTIVE_CHILD = (
    ChildStatus.WITHDRAWN,
    ChildStatus.ENROLLED,
    ChildStatus.ATTENDING,
    ChildStatus.BACK_AT_WORK,
    ChildStatus.DROPPED_OUT,
)
# Families of victims whose fate is still open are visited; a returned or deceased victim's family is not chased.
ACTIVE_VICTIM = (VictimStatus.MISSING, VictimStatus.DETAINED_ABROAD, VictimStatus.IN_TRANSIT)


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


def child_status_after_visit(current: str, attending_school: bool, back_at_work: bool) -> str:
    if back_at_work:
        return ChildStatus.BACK_AT_WORK.value
    if attending_school:
        return ChildStatus.ATTENDING.value
    if current in (ChildStatus.ATTENDING, ChildStatus.ENROLLED):
        return ChildStatus.DROPPED_OUT.value
    return current


@dataclass(frozen=True)
class DueItem:
    register: str
    record_id: str
    title: str
    due: dt.date
    overdue_days: int


def due_followups(ctx: Context, *, within_days: int = 7, today: dt.date | None = None) -> list[DueItem]:
    """Follow-ups due from now to `within_days` ahead, and every overdue one (overdue_days > 0), oldest first."""
    permissions.require(ctx, permissions.READ)
    today = today or local_today(ctx.clock)
    horizon = today + dt.timedelta(days=within_days)
    sources: list[tuple[str, Any, Any, Any]] = [
        ("children", RescuedChild, RescuedChild.name, RescuedChild.status.in_([s.value for s in ACTIVE_CHILD])),
        ("agreements", KilnAgreement, KilnAgreement.id, KilnAgreement.status == AgreementStatus.ACTIVE.value),
        (
            "victims",
            MigrationVictim,
            MigrationVictim.name,
            MigrationVictim.status.in_([s.value for s in ACTIVE_VICTIM]),
        ),
    ]
    items: list[DueItem] = []
    with ctx.store.session() as session:
        for register, model, title_col, active in sources:
            stmt = select(model.id, title_col, model.next_followup_due).where(
                model.deleted_at.is_(None),
                active,
                model.next_followup_due.is_not(None),
                model.next_followup_due <= horizon,
            )
            for record_id, title, due in session.execute(stmt):
                label = title if register != "agreements" else "Kiln wage agreement"
                items.append(DueItem(register, record_id, label, due, max(0, (today - due).days)))
    return sorted(items, key=lambda i: (i.due, i.register, i.title))


def overdue_followups(ctx: Context, today: dt.date | None = None) -> list[DueItem]:
    return [item for item in due_followups(ctx, within_days=0, today=today) if item.overdue_days > 0]


__all__ = [
    "AgreementFollowUp",
    "ChildFollowUp",
    "DueItem",
    "FamilyMeeting",
    "due_followups",
    "next_due",
    "overdue_followups",
]
