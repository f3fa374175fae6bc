"""Automatic backups: on the SHO's schedule, into the data folder and the folder he chose, each one verified,
rotated to 7 daily and 4 weekly.

- When: `run_if_due` is called after a sign-in (the desktop app does it off the UI thread; `ahtc auto-backup
  run --if-due` for scripts). "daily" (the default) is due at the first sign-in of a calendar day (Pakistan
  time, as every date in the app), "weekly" when the last good backup is 7 days old, "off" never.
- Where: always `<data folder>/backups/auto/`; also `backup_folder` (settings) when the SHO chose one: a second
  drive or a USB stick. A destination that cannot be written (the stick is not plugged in) is reported and the
  others are still written.
- Verified: each file is opened with the store's key and integrity-checked before it takes its name
  (store/backup.write_verified_backup), so every `auto-<station>-<time>.ahtcbak` in a folder is a good backup.
- Rotation, per folder, after a good backup only: the newest backup of each of the 7 latest days that have one,
  and, of the backups older than those, the newest of each of the 4 latest (ISO) weeks. Only this station's automatic
  backups are ever removed; nothing else in the folder is touched.
- What the dashboard shows: `status(ctx)`, from the files themselves and `backups/auto/last-run.json` (times,
  folders and sentences only: no record, name or passphrase).

The in-app "Back up" and `ahtc backup --out` go through services/maintenance.backup_store, which writes with the
same verified writer.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.errors import AhtcError
from desktop_app.services import audit
from desktop_app.services.clock import PAKISTAN
from desktop_app.services.context import Context
from desktop_app.services.settings import Settings, load_settings
from desktop_app.store.atomic import write_atomic
from desktop_app.store.backup import verify_backup, write_verified_backup

KEEP_DAILY, KEEP_WEEKLY = 7, 4
WEEKLY_AFTER = dt.timedelta(days=7)
_NAME = re.compile(r"^auto-(?P<station>[A-Z0-9-]+)-(?P<stamp>\d{8}T\d{6}Z)\.ahtcbak$")
_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class Destination:
    folder: Path
    file: Path | None  # the verified backup written there, or None
    problem: str | None  # why nothing was written there, in a sentence

    @property
    def ok(self) -> bool:
        return self.file is not None


@dataclass(frozen=True)
class BackupRun:
    at: dt.datetime
    destinations: tuple[Destination, ...]
    removed: tuple[Path, ...]  # older automatic backups rotated away

    @property
    def ok(self) -> bool:
        """Every destination has a verified backup."""
        return all(d.ok for d in self.destinations)


@dataclass(frozen=True)
class BackupStatus:
    """The facts the dashboard shows about automatic backups."""

    schedule: str
    folder: str | None  # the SHO's second place, if chosen
    last_good: dt.datetime | None  # the newest verified automatic backup, in any destination
    last_good_places: tuple[Path, ...]  # where a backup of that time is
    last_run: dt.datetime | None
    last_problems: tuple[str, ...]  # what went wrong in the last run (empty: nothing)
    due: bool
    kept: int  # automatic backups of this station in the data folder and the chosen folder


def data_folder_target(ctx: Context) -> Path:
    return ctx.store.paths.backups / "auto"


def destinations(ctx: Context, settings: Settings | None = None) -> list[Path]:
    settings = settings or load_settings(ctx)
    folders = [data_folder_target(ctx)]
    if settings.backup_folder:
        folders.append(Path(settings.backup_folder))
    return folders


def backup_name(station_code: str, at: dt.datetime) -> str:
    return f"auto-{station_code}-{at.astimezone(dt.UTC).strftime(_STAMP)}.ahtcbak"


def backups_in(folder: Path, station_code: str) -> dict[Path, dt.datetime]:
    """This station's automatic backups in `folder` (verified: only verified files carry the name), with times."""
    found: dict[Path, dt.datetime] = {}
    try:
        entries = list(folder.iterdir())
    except OSError:
        return found
    for path in entries:
        match = _NAME.match(path.name)
        if match and match["station"] == station_code and path.is_file():
            found[path] = dt.datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=dt.UTC)
    return found


def to_keep(times: Iterable[dt.datetime]) -> set[dt.datetime]:
    """Which backup times rotation keeps: 7 daily, then 4 weekly (see the module's doc), in Pakistan's calendar;
    the newest backup is always kept."""
    ordered = sorted(set(times), reverse=True)
    keep: set[dt.datetime] = set()
    days: list[dt.date] = []
    for at in ordered:
        day = at.astimezone(PAKISTAN).date()
        if day not in days and len(days) < KEEP_DAILY:
            days.append(day)
            keep.add(at)
    oldest_daily = min(keep, default=None)
    weeks: list[tuple[int, int]] = []
    for at in ordered:
        if oldest_daily is None or at >= oldest_daily:
            continue
        iso = at.astimezone(PAKISTAN).isocalendar()
        week = (iso.year, iso.week)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.append(week)
            keep.add(at)
    return keep


def rotate(folder: Path, station_code: str) -> list[Path]:
    found = backups_in(folder, station_code)
    keep = to_keep(found.values())
    removed = []
    for path, at in sorted(found.items(), key=lambda item: item[1]):
        if at not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def last_good(ctx: Context, settings: Settings | None = None) -> tuple[dt.datetime | None, tuple[Path, ...]]:
    code = ctx.station.station_code
    found: dict[Path, dt.datetime] = {}
    for folder in destinations(ctx, settings):
        found.update(backups_in(folder, code))
    if not found:
        return None, ()
    newest = max(found.values())
    return newest, tuple(sorted(p for p, at in found.items() if at == newest))


def is_due(ctx: Context, settings: Settings | None = None) -> bool:
    settings = settings or load_settings(ctx)
    if settings.backup_schedule == "off":
        return False
    now = ctx.clock.now()
    newest = backups_in(data_folder_target(ctx), ctx.station.station_code)
    latest = max(newest.values(), default=None)
    if latest is None or latest > now + dt.timedelta(days=1):  # none yet, or made while the clock was far ahead
        return True
    if settings.backup_schedule == "weekly":
        return now - latest >= WEEKLY_AFTER
    return latest.astimezone(PAKISTAN).date() < now.astimezone(PAKISTAN).date()


def run_if_due(ctx: Context) -> BackupRun | None:
    settings = load_settings(ctx)
    return run_now(ctx, settings) if is_due(ctx, settings) else None


def run_now(ctx: Context, settings: Settings | None = None) -> BackupRun:
    """Write, verify and rotate the automatic backup in every destination now; never raises for a destination
    that cannot be written (its problem is in the result and in last-run.json)."""
    settings = settings or load_settings(ctx)
    now = ctx.clock.now()
    code = ctx.station.station_code
    name = backup_name(code, now)
    with ctx.store.transaction() as session:
        audit.append_many(session, ctx, [("auto-backup", None, None, name)])
    results: list[Destination] = []
    removed: list[Path] = []
    first: Path | None = None
    for folder in destinations(ctx, settings):
        target = folder / name
        try:
            if folder == data_folder_target(ctx):
                folder.mkdir(parents=True, exist_ok=True)
            elif not folder.is_dir():
                # Never made here: a pulled-out stick's mount point would become a folder on the system disk.
                raise FileNotFoundError(folder)
            if first is None:
                write_verified_backup(ctx.store, target)
            else:
                _copy_verified(first, target, ctx.store.data_key)
        except (AhtcError, OSError) as exc:
            results.append(Destination(folder, None, _problem(folder, exc)))
            continue
        first = first or target
        results.append(Destination(folder, target, None))
        removed += rotate(folder, code)
    run = BackupRun(now, tuple(results), tuple(removed))
    _save_last_run(ctx, run)
    return run


def _copy_verified(source: Path, target: Path, data_key: bytes) -> None:
    """The backup already verified in the data folder, copied to the second place and verified again there."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        shutil.copyfile(source, partial)
        verify_backup(partial, data_key)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def _problem(folder: Path, exc: BaseException) -> str:
    if isinstance(exc, AhtcError):
        return f"the backup written to {folder} failed its check and was not kept: {exc.user_message()}"
    if not folder.exists():
        return f"{folder} is not there (is the USB drive plugged in?)"
    return f"cannot write to {folder} ({type(exc).__name__}); check the drive has space and is not read-only"


def _last_run_file(ctx: Context) -> Path:
    return data_folder_target(ctx) / "last-run.json"


def _save_last_run(ctx: Context, run: BackupRun) -> None:
    record = {
        "at": run.at.isoformat(),
        "destinations": [
            {"folder": str(d.folder), "file": d.file.name if d.file else None, "problem": d.problem}
            for d in run.destinations
        ],
    }
    target = _last_run_file(ctx)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, json.dumps(record, indent=1).encode("utf-8"))


def status(ctx: Context) -> BackupStatus:
    settings = load_settings(ctx)
    newest, places = last_good(ctx, settings)
    last_run: dt.datetime | None = None
    problems: tuple[str, ...] = ()
    try:
        record = json.loads(_last_run_file(ctx).read_text(encoding="utf-8"))
        last_run = dt.datetime.fromisoformat(record["at"])
        problems = tuple(str(d["problem"]) for d in record["destinations"] if d.get("problem"))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    kept = sum(len(backups_in(folder, ctx.station.station_code)) for folder in destinations(ctx, settings))
    return BackupStatus(
        settings.backup_schedule,
        settings.backup_folder,
        newest,
        places,
        last_run,
        problems,
        is_due(ctx, settings),
        kept,
    )
