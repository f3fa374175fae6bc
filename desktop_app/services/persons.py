"""Persons register (suspects, agents, owners, complainants, witnesses) and their links to records."""

from __future__ import annotations

from desktop_app.models.enums import PersonRole, PersonStatus
from desktop_app.models.persons import Person, PersonLink
from desktop_app.services.registry import RegisterSpec, register
from desktop_app.services.validation import Field

PERSONS = register(
    RegisterSpec(
        name="persons",
        model=Person,
        label="Persons",
        fields={
            "name": Field(required=True, max_len=200),
            "father_name": Field(max_len=200),
            "cnic": Field("cnic"),
            "phones": Field("phones"),
            "address": Field(max_len=1000),
            "tehsil": Field(max_len=100),
            "village": Field(max_len=100),
            "aliases": Field(max_len=400),
            "role": Field("enum", required=True, choices=PersonRole),
            "status": Field("enum", required=True, choices=PersonStatus),
            "watchlisted": Field("bool"),
            "notes": Field(max_len=4000),
        },
        title=lambda s: s["name"],
        reference=True,
        search_fields=("name", "father_name", "aliases", "cnic", "phones", "village", "tehsil"),
        personal_fields=("name", "father_name", "cnic", "phones", "address", "aliases", "notes"),
        defaults=lambda v, _today: {"status": "documented", "watchlisted": False, **v},
        list_columns=("name", "father_name", "cnic", "role", "status", "village", "watchlisted"),
    )
)

# Registers a person may be linked to, and the roles that make sense there.
LINKABLE = ("sites", "inspections", "children", "agreements", "victims", "family_meetings", "cases", "referrals")

PERSON_LINKS = register(
    RegisterSpec(
        name="person_links",
        model=PersonLink,
        label="Person links",
        fields={
            "person_id": Field("ref", required=True, ref="persons"),
            "register": Field(required=True, max_len=40),
            "record_id": Field("ref", required=True),
            "role": Field("enum", required=True, choices=PersonRole),
            "notes": Field(max_len=1000),
        },
        title=lambda s: f"{s['role']} in {s['register']}",
        checks=lambda c: (
            {} if c["register"] in LINKABLE else {"register": "a person cannot be linked to that register"}
        ),
        personal_fields=("notes",),
        list_columns=("person_id", "register", "record_id", "role"),
    )
)
