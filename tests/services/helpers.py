"""Small builders for service tests: one valid record of each register, linked as the registers require."""

from __future__ import annotations

from typing import Any

from desktop_app.services.examples import create_examples
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
    """A valid record in every register a form creates (each spec's example), with the references between them."""
    return create_examples(records)
