"""Demo data: every register filled, well-formed, linked, and every case status present."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop_app.models.enums import CaseStatus
from desktop_app.services import demo
from desktop_app.services.context import Context
from desktop_app.services.maintenance import verify_store
from desktop_app.services.records import ListQuery, Records
from desktop_app.services.setup import unlock
from desktop_app.services.validation import normalise_cnic
from tests.conftest import PASSPHRASE


def test_demo_fills_every_register_and_stays_valid(ctx: Context) -> None:
    summary = demo.fill(ctx, records=900, seed=11)
    records = Records(ctx)
    for register in (
        "persons",
        "sites",
        "inspections",
        "children",
        "child_followups",
        "agreements",
        "agreement_followups",
        "victims",
        "family_meetings",
        "cases",
        "case_status_changes",
        "person_links",
        "case_links",
        "referrals",
        "tips",
        "outreach_sessions",
        "advisories",
        "trainings",
        "committee_meetings",
        "committee_attendance",
        "committee_actions",
        "joint_inspections",
        "targets",
    ):
        assert records.count(register) > 0, register
        assert records.count(register) == summary.counts[register], register
    statuses = {c["status"] for c in records.list("cases", ListQuery(limit=None))}
    assert statuses == {s.value for s in CaseStatus}
    for person in records.list("persons", ListQuery(limit=50)):
        assert person["cnic"] == normalise_cnic(person["cnic"])
    kinds = {s["kind"] for s in records.list("sites", ListQuery(limit=None))}
    assert {"brick_kiln", "workshop", "travel_agency"} <= kinds
    compliance = {f["compliance"] for f in records.list("agreement_followups", ListQuery(limit=None))}
    assert compliance == {"compliant", "partial", "non_compliant"}
    tips = records.list("tips", ListQuery(limit=None))
    assert {t["status"] for t in tips} == {"received", "verified", "action_taken", "closed"}
    assert {t["finding"] for t in tips if t["status"] == "closed"} == {"confirmed", "unfounded"}
    assert {t["action_register"] for t in tips if t["action_id"]} == {"inspections", "cases", "referrals"}
    assert {t["anonymous"] for t in tips} == {True, False}
    actions = records.list("committee_actions", ListQuery(limit=None))
    assert {a["status"] for a in actions} >= {"open", "done"}
    assert verify_store(ctx).ok


def test_demo_is_reproducible_from_its_seed(ctx: Context, station_template: Path, tmp_path: Path) -> None:
    shutil.copytree(station_template, tmp_path / "second")
    second = unlock(tmp_path / "second", "sho.phalia", PASSPHRASE, ctx.clock)
    demo.fill(ctx, records=120, seed=5)
    demo.fill(second, records=120, seed=5)

    def content(context: Context) -> list[tuple[str, str]]:
        return sorted((p["id"], p["name"]) for p in Records(context).list("persons", ListQuery(limit=None)))

    assert content(ctx) == content(second) and len(content(ctx)) == round(120 * demo.SHARES["persons"])
    second.store.close()
