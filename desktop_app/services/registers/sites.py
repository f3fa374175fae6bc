"""Sites register: brick kilns, workshops, travel agencies and other premises."""

from __future__ import annotations

from desktop_app.models.enums import RegistrationStatus, SiteKind
from desktop_app.models.sites import Site
from desktop_app.services.registry import RegisterSpec, ReportFacts, register
from desktop_app.services.validation import Field

SITES = register(
    RegisterSpec(
        name="sites",
        model=Site,
        label="Sites",
        place=10,
        fields={
            "kind": Field(choices=SiteKind),
            "owner_id": Field(ref="persons"),
            "address": Field(max_len=1000),
            # Punjab lies within these bounds; a wider box catches swapped or mistyped coordinates.
            "gps_lat": Field(minimum=23.0, maximum=37.5, label="GPS latitude"),
            "gps_lon": Field(minimum=60.0, maximum=78.0, label="GPS longitude"),
            "registration_status": Field(choices=RegistrationStatus),
            "licence_no": Field(label="Licence no.", id_number="LICENCE"),
            "notes": Field(max_len=4000),
        },
        title=lambda s: s["name"],
        reference=True,
        search_fields=("name", "village", "tehsil", "licence_no", "address"),
        # A kiln or agency is a business, but a small one is usually named after and run by one man ("Rana
        # Travels"), and inspections tie findings and FIR recommendations to it: its name, licence number and
        # exact position identify the owner as surely as his own name. Kind, tehsil and village stay for analysis.
        public_fields=("kind", "owner_id", "tehsil", "village", "registration_status"),
        filter_fields=("kind", "tehsil"),
        linkable_from=("case_links", "person_links"),
        pseudonym_prefix="SITE",
        report=ReportFacts(),
        example={"kind": "brick_kiln", "name": "Al-Madina Brick Kiln", "tehsil": "Phalia"},
        defaults=lambda v, _today: {"registration_status": "unknown", **v},
        list_columns=("name", "kind", "tehsil", "village", "registration_status", "licence_no"),
    )
)
