"""Tips and complaints: received → verified → action taken → closed, each step due by the tip's urgency.

The status is never typed: it follows the dates the steps were taken on, and the due date of the step a tip waits
for is recomputed on every save, so the dashboard's overdue list and the reports agree with what was done.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from desktop_app.errors import ValidationError
from desktop_app.models.enums import Agency, OffenceCategory
from desktop_app.models.tips import Tip, TipChannel, TipFinding, TipStatus, TipUrgency
from desktop_app.services.registry import FollowUpFacts, RegisterSpec, ReportFacts, State, register
from desktop_app.services.validation import Field

if TYPE_CHECKING:
    from desktop_app.services.records import WriteTx

# Days allowed for each step by urgency: to verify after receipt, to act after verification, to close after acting.
STEP_DAYS: dict[str, tuple[int, int, int]] = {
    TipUrgency.URGENT: (1, 2, 7),
    TipUrgency.HIGH: (3, 7, 14),
    TipUrgency.NORMAL: (7, 14, 30),
}
OPEN = (TipStatus.RECEIVED.value, TipStatus.VERIFIED.value, TipStatus.ACTION_TAKEN.value)
TIPSTER_FIELDS = ("tipster_name", "tipster_phone")


def _before(clean: State, later: str, earlier: str, message: str) -> dict[str, str]:
    if clean.get(later) and clean.get(earlier) and clean[later] < clean[earlier]:
        return {later: message}
    return {}


def _checks(c: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    if c["anonymous"]:
        for name in TIPSTER_FIELDS:
            if c.get(name):
                errors[name] = "an anonymous tip keeps nothing that identifies the tipster: leave this blank"
    if c["channel"] == TipChannel.OTHER_AGENCY and not c.get("from_agency"):
        errors["from_agency"] = "name the agency that passed the tip on"
    elif c.get("from_agency") and c["channel"] != TipChannel.OTHER_AGENCY:
        errors["from_agency"] = "only a tip passed on by another agency names one"
    unfounded = c.get("finding") == TipFinding.UNFOUNDED
    if c.get("finding") and not c.get("verified_on"):
        errors["verified_on"] = "give the date the tip was verified"
    elif c.get("verified_on") and not c.get("finding"):
        errors["finding"] = "say whether verification confirmed the tip or found it unfounded"
    errors |= _before(c, "verified_on", "received_on", "cannot be before the tip was received")
    if c.get("action_on"):
        if not c.get("verified_on"):
            errors["action_on"] = "a tip is verified before action is taken on it"
        elif unfounded:
            errors["action_on"] = "a tip found unfounded takes no action: close it"
        if not c.get("action_id"):
            errors["action_id"] = "link the inspection, case or referral that was the action"
    elif c.get("action_id"):
        errors["action_on"] = "give the date the action was taken"
    errors |= _before(c, "action_on", "verified_on", "cannot be before the verification")
    if c.get("closed_on"):
        if not (c.get("action_on") or (unfounded and c.get("verified_on"))):
            errors["closed_on"] = "a tip is closed after the action taken, or when verification found it unfounded"
        errors |= _before(c, "closed_on", "action_on", "cannot be before the action taken")
        errors |= _before(c, "closed_on", "verified_on", "cannot be before the verification")
    return errors


def _days(n: int, since: dt.date | None) -> dt.date | None:
    return None if since is None else since + dt.timedelta(days=n)


def derive(c: State) -> State:
    """Each step's due date from the step before it (taken or due), the status from the steps taken."""
    verify, act, close = STEP_DAYS[c["urgency"]]
    unfounded = c.get("finding") == TipFinding.UNFOUNDED
    c["verify_due"] = _days(verify, c["received_on"])
    c["action_due"] = None if unfounded else _days(act, c.get("verified_on") or c["verify_due"])
    c["close_due"] = _days(close, c.get("action_on") or (c.get("verified_on") if unfounded else c["action_due"]))
    if c.get("closed_on"):
        c["status"], c["next_step_due"] = TipStatus.CLOSED.value, None
    elif c.get("action_on"):
        c["status"], c["next_step_due"] = TipStatus.ACTION_TAKEN.value, c["close_due"]
    elif c.get("verified_on"):
        c["status"] = TipStatus.VERIFIED.value
        c["next_step_due"] = c["close_due"] if unfounded else c["action_due"]
    else:
        c["status"], c["next_step_due"] = TipStatus.RECEIVED.value, c["verify_due"]
    return c


def _saved(tx: WriteTx, state: State, before: State | None) -> None:
    # A name once saved stays in the tip's history (and may already be at the district): calling the tip anonymous
    # now would claim a protection the record does not have.
    named_before = before is not None and any(before.get(name) for name in TIPSTER_FIELDS)
    if named_before and state["anonymous"] and before is not None and not before["anonymous"]:
        raise ValidationError(
            {
                "anonymous": "this tip was saved with the tipster's name or number, which its history keeps: "
                "delete it and record it again as an anonymous tip"
            }
        )


TIPS = register(
    RegisterSpec(
        name="tips",
        model=Tip,
        label="Tips and complaints",
        place=15,  # in the navigation before inspections: a tip is where much of the cell's work starts
        fields={
            "received_on": Field(not_future=True),
            "channel": Field(choices=TipChannel),
            "from_agency": Field(choices=Agency, label="Passed on by (agency)"),
            "anonymous": Field(label="Anonymous tip"),
            "tipster_name": Field(label="Tipster's name"),
            "tipster_phone": Field("phones", label="Tipster's mobile"),
            "category": Field(choices=OffenceCategory),
            "urgency": Field(choices=TipUrgency),
            "site_id": Field(ref="sites"),
            "persons_named": Field(max_len=2000),
            "details": Field(max_len=8000),
            "status": Field(choices=TipStatus),
            "verify_due": Field(label="Verification due"),
            "verified_on": Field(not_future=True),
            "finding": Field(choices=TipFinding),
            "action_due": Field(label="Action due"),
            "action_on": Field(not_future=True, label="Action taken on"),
            "action_register": Field(label="Kind of action"),
            "action_id": Field(register_field="action_register", label="Action taken", related_title="Tips"),
            "close_due": Field(label="Closing due"),
            "closed_on": Field(not_future=True),
            "closing_note": Field(max_len=4000),
            "next_step_due": Field(label="Next step due"),
        },
        title=lambda s: f"Tip {s['received_on']:%d/%m/%Y}",
        checks=_checks,
        # The tipster's details read back to a person even with the name withheld, and the place, the persons
        # named and the prose name the people the tip is about; the channel, category, area and the dates of each
        # step are what the district counts.
        sensitive=True,
        search_fields=("place", "persons_named"),
        public_fields=(
            "received_on",
            "channel",
            "from_agency",
            "anonymous",
            "category",
            "urgency",
            "tehsil",
            "site_id",
            "status",
            "verify_due",
            "verified_on",
            "finding",
            "action_due",
            "action_on",
            "action_register",
            "action_id",
            "close_due",
            "closed_on",
            "next_step_due",
        ),
        filter_fields=("status", "channel", "category", "urgency"),
        linkable_from=("case_links",),  # a case cites the tip it began with
        report=ReportFacts(date_field="received_on"),
        followup=FollowUpFacts(due_field="next_step_due", active_values=OPEN, title_field="place"),
        example={
            "received_on": "2026-02-16",
            "channel": "helpline",
            "category": "child_labour_kiln",
            "urgency": "high",
            "place": "Bhatta No. 7, Helan",
            "details": "Caller says children under 14 mould bricks at night",
            "verified_on": "2026-02-17",
            "finding": "confirmed",
            "action_on": "2026-02-20",
        },
        derived_fields=frozenset({"status", "verify_due", "action_due", "close_due", "next_step_due"}),
        derive=derive,
        on_saved=_saved,
        defaults=lambda v, _today: {"urgency": TipUrgency.NORMAL.value, "anonymous": False, **v, "status": "received"},
        list_columns=("received_on", "channel", "category", "urgency", "place", "status", "next_step_due"),
    )
)
