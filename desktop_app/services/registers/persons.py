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
        place=70,
        fields={
            "cnic": Field("cnic", label="CNIC"),
            "phones": Field("phones"),
            "address": Field(max_len=1000),
            "role": Field(choices=PersonRole),
            "status": Field(choices=PersonStatus),
            "notes": Field(max_len=4000),
        },
        title=lambda s: s["name"],
        reference=True,
        search_fields=("name", "father_name", "aliases", "cnic", "phones", "village", "tehsil"),
        # Tehsil and village are what district figures are broken down by; the address and house are withheld.
        public_fields=("tehsil", "village", "role", "status", "watchlisted"),
        filter_fields=("status", "role", "tehsil"),
        linkable_from=("referrals",),
        pseudonym_prefix="PERSON",
        example={
            "name": "Ahmad Ali",
            "cnic": "34401-1234567-1",
            "phones": "0300-1234567",
            "role": "agent",
            "status": "documented",
        },
        defaults=lambda v, _today: {"status": "documented", "watchlisted": False, **v},
        list_columns=("name", "father_name", "cnic", "role", "status", "village", "watchlisted"),
    )
)

PERSON_LINKS = register(
    RegisterSpec(
        name="person_links",
        model=PersonLink,
        label="Person links",
        place=30,
        part_of="persons",
        fields={
            "person_id": Field(ref="persons", related_title="Linked records"),
            "record_id": Field(register_field="register", related_title="Linked persons"),
            "role": Field(choices=PersonRole),
            "notes": Field(max_len=1000),
        },
        title=lambda s: f"{s['role']} in {s['register']}",
        public_fields=("person_id", "register", "record_id", "role"),
        filter_fields=("role",),
        example={"register": "cases", "role": "accused"},
        list_columns=("person_id", "register", "record_id", "role"),
    )
)
