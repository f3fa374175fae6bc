"""Station settings the SHO chooses (auto-lock minutes, district server URL, language), kept in StationInfo.

Anyone signed in may read them (the auto-lock must apply to everyone); only the SHO may change them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import func, select

from desktop_app.errors import ValidationError
from desktop_app.models.changelog import ChangeLogEntry
from desktop_app.models.station import StationInfo
from desktop_app.models.sync_state import DistrictAck
from desktop_app.services import audit, permissions
from desktop_app.services.context import Context

LANGUAGES = ("en", "ur")
BACKUP_SCHEDULES = ("daily", "weekly", "off")
MIN_LOCK, MAX_LOCK = 1, 240
MIN_SKEW_HOURS, MAX_SKEW_HOURS = 1, 24 * 30


@dataclass(frozen=True)
class Settings:
    # Shared desktops in a busy station: ten idle minutes is the longest an open register should wait.
    auto_lock_minutes: int = 10
    district_url: str | None = None
    language: str = "en"
    # How far ahead of this PC's clock an incoming time stamp may be before the bundle is refused (check
    # "clock"). A day covers time zones set wrong and slow CMOS clocks; a stamp years ahead would otherwise
    # become every store's clock (security review finding 1).
    max_clock_skew_hours: int = 24
    # Automatic backups (services/auto_backup.py): "daily" at the first sign-in of the day, "weekly", or "off";
    # always into the data folder's backups/auto, and also into backup_folder (a second drive or a USB stick).
    backup_schedule: str = "daily"
    backup_folder: str | None = None


def load_settings(ctx: Context) -> Settings:
    permissions.require(ctx, permissions.READ)
    with ctx.store.session() as session:
        stored = session.scalar(select(StationInfo.settings).where(StationInfo.id == 1)) or {}
    known = {k: v for k, v in stored.items() if k in Settings.__dataclass_fields__}
    return replace(Settings(), **known)


def _clean(changes: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "auto_lock_minutes":
            try:
                minutes = int(value)
            except (TypeError, ValueError):
                errors[name] = "a whole number of minutes is needed"
                continue
            if not MIN_LOCK <= minutes <= MAX_LOCK:
                errors[name] = f"choose between {MIN_LOCK} and {MAX_LOCK} minutes"
            clean[name] = minutes
        elif name == "max_clock_skew_hours":
            try:
                hours = int(value)
            except (TypeError, ValueError):
                errors[name] = "a whole number of hours is needed"
                continue
            if not MIN_SKEW_HOURS <= hours <= MAX_SKEW_HOURS:
                errors[name] = f"choose between {MIN_SKEW_HOURS} and {MAX_SKEW_HOURS} hours"
            clean[name] = hours
        elif name == "district_url":
            url = (value or "").strip() or None
            if url is not None and not url.startswith(("http://", "https://")):
                errors[name] = "the address starts with https:// (or http:// inside the district network)"
            clean[name] = url
        elif name == "language":
            if value not in LANGUAGES:
                errors[name] = "choose English or Urdu"
            clean[name] = value
        elif name == "backup_schedule":
            if value not in BACKUP_SCHEDULES:
                errors[name] = "choose daily, weekly or off"
            clean[name] = value
        elif name == "backup_folder":
            folder, problem = _backup_folder(value)
            if problem:
                errors[name] = problem
            clean[name] = folder
        else:
            errors[name] = "this setting does not exist"
    if errors:
        raise ValidationError(errors)
    return clean


def _backup_folder(value: Any) -> tuple[str | None, str | None]:
    """(the folder, None) or (None, a sentence saying what is wrong with it). Empty: no second place."""
    import os
    from pathlib import Path

    text = str(value or "").strip()
    if not text:
        return None, None
    folder = Path(text)
    if not folder.is_absolute():
        return None, "give the whole path of the folder, e.g. E:\\AHTC-backups"
    if not folder.is_dir():
        return None, "that folder does not exist (is the drive plugged in?)"
    if not os.access(folder, os.W_OK):
        return None, "this computer's account cannot write in that folder"
    return str(folder), None


def save_settings(ctx: Context, **changes: Any) -> Settings:
    """Change some settings (SHO only); returns all settings after the change."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    clean = _clean(changes)
    with ctx.store.transaction() as session:
        info = session.get(StationInfo, 1)
        assert info is not None, "store has no station_info row"
        merged = {**asdict(Settings()), **(info.settings or {}), **clean}
        info.settings = merged
        audit.append_many(session, ctx, [("settings", None, None, "changed: " + ", ".join(sorted(clean)))])
    return replace(Settings(), **{k: v for k, v in merged.items() if k in Settings.__dataclass_fields__})


def pending_change_count(ctx: Context) -> int:
    """Local changes in the change log not yet acknowledged by the district (what the next bundle sends).

    The acknowledgement counts only for this store's epoch: after a restore (a new store_id) everything is sent
    again, so everything is pending.
    """
    with ctx.store.session() as session:
        acknowledged = int(
            session.scalar(select(func.max(DistrictAck.acked_seq)).where(DistrictAck.store_id == ctx.station.store_id))
            or 0
        )
        count = session.scalar(
            select(func.count())
            .select_from(ChangeLogEntry)
            .where(ChangeLogEntry.source == "local", ChangeLogEntry.seq > acknowledged)
        )
        return int(count or 0)
