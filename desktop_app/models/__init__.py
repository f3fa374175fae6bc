"""SQLAlchemy models: one module per register, plus the store's own tables."""

from desktop_app.models.accounts import User
from desktop_app.models.agreements import AgreementFollowUp, KilnAgreement
from desktop_app.models.audit import AuditEntry
from desktop_app.models.base import Base, RecordMixin
from desktop_app.models.cases import Case, CaseLink, CaseStatusChange
from desktop_app.models.changelog import ChangeLogEntry, Conflict
from desktop_app.models.children import ChildFollowUp, RescuedChild
from desktop_app.models.drafts import Draft
from desktop_app.models.inspections import Inspection
from desktop_app.models.meetings import FamilyMeeting
from desktop_app.models.persons import Person, PersonLink
from desktop_app.models.referrals import Referral
from desktop_app.models.sites import Site
from desktop_app.models.station import StationInfo
from desktop_app.models.sync_state import (
    BundleReceived,
    BundleSent,
    DistrictAck,
    DistrictNotice,
    StationMark,
    SyncPeer,
    SyncReceipt,
)
from desktop_app.models.victims import MigrationVictim

# Register name → model, in an order where a record's references come before it (export and demo use it).
REGISTER_MODELS: dict[str, type[RecordMixin]] = {
    "persons": Person,
    "sites": Site,
    "inspections": Inspection,
    "children": RescuedChild,
    "child_followups": ChildFollowUp,
    "agreements": KilnAgreement,
    "agreement_followups": AgreementFollowUp,
    "victims": MigrationVictim,
    "family_meetings": FamilyMeeting,
    "cases": Case,
    "case_status_changes": CaseStatusChange,
    "case_links": CaseLink,
    "person_links": PersonLink,
    "referrals": Referral,
}

__all__ = [
    "REGISTER_MODELS",
    "AgreementFollowUp",
    "AuditEntry",
    "Base",
    "BundleReceived",
    "BundleSent",
    "Case",
    "CaseLink",
    "CaseStatusChange",
    "ChangeLogEntry",
    "ChildFollowUp",
    "Conflict",
    "DistrictAck",
    "DistrictNotice",
    "Draft",
    "FamilyMeeting",
    "Inspection",
    "KilnAgreement",
    "MigrationVictim",
    "Person",
    "PersonLink",
    "RecordMixin",
    "Referral",
    "RescuedChild",
    "Site",
    "StationInfo",
    "StationMark",
    "SyncPeer",
    "SyncReceipt",
    "User",
]
