"""Sites register: brick kilns, workshops, travel agencies and other premises."""

from __future__ import annotations

from desktop_app.models.enums import RegistrationStatus, SiteKind
from desktop_app.models.sites import Site
from desktop_app.services.registry import RegisterSpec, register
from desktop_app.services.validation import Field

SITES = register(
    RegisterSpec(
        name="sites",
        model=Site,
        label="Sites",
        fields={
            "kind": Field("enum", required=True, choices=SiteKind),
            "name": Field(required=True, max_len=200),
            "owner_id": Field("ref", ref="persons"),
            "address": Field(max_len=1000),
            "tehsil": Field(required=True, max_len=100),
            "village": Field(max_len=100),
            # Punjab lies within these bounds; a wider box catches swapped or mistyped coordinates.
            "gps_lat": Field("float", minimum=23.0, maximum=37.5),
            "gps_lon": Field("float", minimum=60.0, maximum=78.0),
            "registration_status": Field("enum", choices=RegistrationStatus),
            "licence_no": Field(max_len=64),
            "notes": Field(max_len=4000),
        },
        title=lambda s: s["name"],
        reference=True,
        search_fields=("name", "village", "tehsil", "licence_no", "address"),
        # A kiln or agency is a business, but a small one is usually named after and run by one man ("Rana
        # Travels"), and inspections tie findings and FIR recommendations to it: its name, licence number and
        # exact position identify the owner as surely as his own name. Kind, tehsil and village stay for analysis.
        personal_fields=("name", "address", "gps_lat", "gps_lon", "licence_no", "notes"),
        defaults=lambda v, _today: {"registration_status": "unknown", **v},
        list_columns=("name", "kind", "tehsil", "village", "registration_status", "licence_no"),
    )
)
