"""Small builders for service tests: one valid record of each register, linked as the registers require."""

from __future__ import annotations

from typing import Any

from desktop_app.services.records import Records


def person(records: Records, **over: Any) -> str:
    return records.create(
        "persons",
        {
            "name": "Tariq Mehmood",
            "role": "agent",
            "cnic": "34402-1234567-1",
            "phones": "0300-1234567",
            "village": "Helan",
            **over,
        },
    ).first_id


def site(records: Records, **over: Any) -> str:
    return records.create(
        "sites", {"kind": "brick_kiln", "name": "Al-Madina Brick Kiln", "tehsil": "Phalia", **over}
    ).first_id


def inspection(records: Records, site_id: str, **over: Any) -> str:
    return records.create(
        "inspections",
        {
            "site_id": site_id,
            "date": "2026-02-01",
            "officers": "SI Aslam",
            "workers_total": 40,
            "workers_bonded": 36,
            **over,
        },
    ).first_id


def child(records: Records, **over: Any) -> str:
    return records.create(
        "children", {"name": "Imran Ali", "sex": "male", "age_years": 11, "rescue_date": "2026-02-01", **over}
    ).first_id


def victim(records: Records, **over: Any) -> str:
    return records.create(
        "victims", {"name": "Bilal Ahmed", "status": "missing", "route": "libya_italy_sea", **over}
    ).first_id


def case(records: Records, **over: Any) -> str:
    return records.create(
        "cases",
        {
            "title": "Agent sent youth by sea",
            "offence_category": "migrant_smuggling",
            "report_date": "2026-02-10",
            **over,
        },
    ).first_id


def one_of_each(records: Records) -> dict[str, str]:
    """A valid record in every register a form creates, with the references between them."""
    ids: dict[str, str] = {}
    ids["persons"] = person(records)
    ids["sites"] = site(records, owner_id=ids["persons"])
    ids["inspections"] = inspection(records, ids["sites"])
    ids["children"] = child(records, inspection_id=ids["inspections"])
    ids["child_followups"] = records.create(
        "child_followups", {"child_id": ids["children"], "date": "2026-02-15", "attending_school": True}
    ).first_id
    ids["agreements"] = records.create(
        "agreements",
        {
            "site_id": ids["sites"],
            "date": "2026-01-10",
            "committed_rate_per_1000": 1990,
            "notified_min_rate_per_1000": 1658,
            "workers_covered": 40,
        },
    ).first_id
    ids["agreement_followups"] = records.create(
        "agreement_followups", {"agreement_id": ids["agreements"], "date": "2026-02-10", "compliance": "partial"}
    ).first_id
    ids["victims"] = victim(records)
    ids["family_meetings"] = records.create(
        "family_meetings",
        {
            "victim_id": ids["victims"],
            "date": "2026-02-12",
            "place": "Helan",
            "attendees": "father",
            "officers": "SI Aslam",
            "next_followup_due": "2026-03-12",
        },
    ).first_id
    ids["cases"] = case(records)
    ids["case_links"] = records.create(
        "case_links", {"case_id": ids["cases"], "register": "victims", "record_id": ids["victims"]}
    ).first_id
    ids["person_links"] = records.create(
        "person_links",
        {"person_id": ids["persons"], "register": "victims", "record_id": ids["victims"], "role": "agent"},
    ).first_id
    ids["referrals"] = records.create(
        "referrals",
        {
            "subject_register": "children",
            "subject_id": ids["children"],
            "department": "education",
            "date": "2026-02-20",
            "reason": "school support",
        },
    ).first_id
    return ids
