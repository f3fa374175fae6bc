"""Who may do what. Checked inside every service call, so the GUI, CLI, importer and server all obey it."""

from __future__ import annotations

from desktop_app.errors import PermissionDenied
from desktop_app.models.enums import Role
from desktop_app.services.context import Context

READ, CREATE, UPDATE, DELETE = "read", "create", "update", "delete"
MANAGE_USERS, PRINT, EXPORT, APPROVE_CASE, RESTORE, SYNC, BACKUP = (
    "manage_users",
    "print",
    "export",
    "approve_case",
    "restore",
    "sync",
    "backup",
)

ROLE_ACTIONS: dict[str, frozenset[str]] = {
    Role.VIEWER: frozenset({READ}),
    Role.OFFICER: frozenset({READ, CREATE, UPDATE, PRINT, EXPORT, SYNC}),
    # A full backup is the whole register under today's key: only the SHO may carry one away.
    Role.SHO: frozenset(
        {READ, CREATE, UPDATE, DELETE, MANAGE_USERS, PRINT, EXPORT, APPROVE_CASE, RESTORE, SYNC, BACKUP}
    ),
    # The district sees every station and keeps reference data (watch list, site registry); it does not
    # rewrite a station's records.
    Role.DISTRICT_ANALYST: frozenset({READ, PRINT, EXPORT, SYNC}),
}

ACTION_WORDS = {
    READ: "view records",
    CREATE: "add records",
    UPDATE: "change records",
    DELETE: "delete records",
    MANAGE_USERS: "manage user accounts",
    PRINT: "print summaries",
    EXPORT: "export data",
    APPROVE_CASE: "move a case past the SHO's review",
    RESTORE: "restore a backup",
    BACKUP: "write a full backup",
    SYNC: "send or receive sync bundles",
}


def allowed(ctx: Context, action: str, *, reference_register: bool = False) -> bool:
    if action in ROLE_ACTIONS.get(ctx.actor.role, frozenset()):
        return True
    # A district analyst on the district store may maintain the district's reference registers.
    return (
        ctx.actor.role == Role.DISTRICT_ANALYST
        and ctx.station.is_district
        and reference_register
        and action in {CREATE, UPDATE, DELETE}
    )


def require(ctx: Context, action: str, *, reference_register: bool = False) -> None:
    if not allowed(ctx, action, reference_register=reference_register):
        raise PermissionDenied(
            f"a user with the role '{ctx.actor.role}' cannot {ACTION_WORDS.get(action, action)}; ask the SHO"
        )


def require_owner(ctx: Context, row_station: str) -> None:
    """Stations change only their own rows (DESIGN §4); another station's row is read-only here."""
    if row_station != ctx.station.station_code:
        raise PermissionDenied(
            f"this record belongs to {row_station}; only that station can change it (add a note or a referral)"
        )
