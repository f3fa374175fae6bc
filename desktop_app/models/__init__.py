"""SQLAlchemy models: one module per register, plus the store's own tables."""

import importlib
import pkgutil

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


def _import_every_model_module() -> None:
    """Import each module of this package, so Base.metadata holds every table (Alembic, the drift test) even for
    a register no other module imports; the registers and their order are the service registry's business."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


_import_every_model_module()

__all__ = [
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
