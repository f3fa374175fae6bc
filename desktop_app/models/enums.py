"""The closed lists officers choose from. Stored as their string values, so bundles and reports stay readable."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OFFICER = "officer"
    SHO = "sho"
    DISTRICT_ANALYST = "district_analyst"
    VIEWER = "viewer"


class StoreKind(StrEnum):
    STATION = "station"
    DISTRICT = "district"


class SiteKind(StrEnum):
    BRICK_KILN = "brick_kiln"
    WORKSHOP = "workshop"
    TRAVEL_AGENCY = "travel_agency"
    OTHER = "other"


class RegistrationStatus(StrEnum):
    REGISTERED = "registered"
    UNREGISTERED = "unregistered"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"


class ChildStatus(StrEnum):
    WITHDRAWN = "withdrawn"  # taken out of labour, not yet in school
    ENROLLED = "enrolled"
    ATTENDING = "attending"
    DROPPED_OUT = "dropped_out"
    BACK_AT_WORK = "back_at_work"
    MOVED_AWAY = "moved_away"


class Compliance(StrEnum):
    COMPLIANT = "compliant"
    PARTIAL = "partial"
    NON_COMPLIANT = "non_compliant"


class AgreementStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"


class VictimStatus(StrEnum):
    MISSING = "missing"
    DECEASED = "deceased"
    DETAINED_ABROAD = "detained_abroad"
    RETURNED = "returned"
    IN_TRANSIT = "in_transit"


class Route(StrEnum):
    IRAN_TURKEY_GREECE = "iran_turkey_greece"
    LIBYA_ITALY_SEA = "libya_italy_sea"
    GULF_OVERSTAY = "gulf_overstay"
    AIR_FORGED_DOCUMENTS = "air_forged_documents"
    OTHER = "other"


class PersonRole(StrEnum):
    SUSPECT = "suspect"
    AGENT = "agent"
    FACILITATOR = "facilitator"
    OWNER = "owner"
    COMPLAINANT = "complainant"
    WITNESS = "witness"
    VICTIM = "victim"
    ACCUSED = "accused"  # a person's part in a case
    OTHER = "other"


class PersonStatus(StrEnum):
    DOCUMENTED = "documented"
    WARNED = "warned"
    FIR_REGISTERED = "fir_registered"
    ARRESTED = "arrested"
    ABSCONDING = "absconding"


class OffenceCategory(StrEnum):
    TRAFFICKING_IN_PERSONS = "trafficking_in_persons"
    MIGRANT_SMUGGLING = "migrant_smuggling"
    EMIGRATION_FRAUD = "emigration_fraud"
    BONDED_LABOUR = "bonded_labour"
    CHILD_LABOUR_KILN = "child_labour_kiln"
    CHILD_LABOUR_OTHER = "child_labour_other"
    OTHER = "other"


class CaseStatus(StrEnum):
    DRAFT = "draft"
    WITH_SHO = "with_sho"
    FIR_REGISTERED = "fir_registered"
    CHALLAN = "challan"
    COURT = "court"
    CONVICTED = "convicted"
    ACQUITTED = "acquitted"
    CLOSED = "closed"  # dropped before an FIR, with reasons in the status history


class CaseRole(StrEnum):
    COMPLAINANT = "complainant"
    ACCUSED = "accused"
    VICTIM = "victim"
    WITNESS = "witness"


class Department(StrEnum):
    CHILD_PROTECTION_BUREAU = "child_protection_bureau"
    SOCIAL_WELFARE = "social_welfare"
    LABOUR = "labour"
    FIA = "fia"
    HEALTH = "health"
    LEGAL_AID = "legal_aid"
    EDUCATION = "education"


class ReferralOutcome(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    SERVICE_GIVEN = "service_given"
    DECLINED = "declined"


class Agency(StrEnum):
    """The agencies the cell works with: the district monitoring committee, joint inspections, tips passed on."""

    POLICE = "police"
    FIA = "fia"
    INTELLIGENCE_BUREAU = "intelligence_bureau"
    LABOUR = "labour"
    CHILD_PROTECTION_BUREAU = "child_protection_bureau"
    SOCIAL_WELFARE = "social_welfare"
    DISTRICT_ADMINISTRATION = "district_administration"
    HEALTH = "health"
    EDUCATION = "education"
    LEGAL_AID = "legal_aid"
    CIVIL_SOCIETY = "civil_society"
