"""The true diagnosis of a file-system fault: full, write-protected, locked, missing or a folder — never "damaged".

Every layer that reads or writes a file the user named (an --out, a USB stick, the store folder) turns the
operating system's or SQLite's error into one of the `FileProblem` errors here, so the front ends can say one
sentence and the right exit code, and nobody is told a healthy store is damaged because a disk was full.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from desktop_app.errors import AhtcError, DiskFull, FileLocked, FileMissing, FileProblem, StoreDamaged, WriteProtected

# Windows reports a file held open by another program as a sharing or lock violation (winerror 32 / 33),
# which Python maps to PermissionError like any access refusal.
_WINDOWS_LOCKED = {32, 33}
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_NOTHING_CHANGED = "nothing was written"


_FILE_SYSTEM = {
    *_FULL,
    errno.EROFS,
    errno.EACCES,
    errno.EPERM,
    errno.EISDIR,
    errno.ENOENT,
    errno.ENOTDIR,
    errno.EIO,
    errno.EBUSY,
    errno.ETXTBSY,
}


def is_file_system_error(exc: OSError) -> bool:
    """True when the OSError is the drive's or the folder's state (not a malformed file a parser tripped on)."""
    return exc.errno in _FILE_SYSTEM or getattr(exc, "winerror", None) in _WINDOWS_LOCKED


def file_fault(exc: OSError, path: Path | str | None = None, *, writing: bool = True) -> FileProblem:
    """One sentence for an OSError met while reading or writing `path` (or the file the error names)."""
    where = str(path if path is not None else (exc.filename or "the file"))
    code = exc.errno
    if getattr(exc, "winerror", None) in _WINDOWS_LOCKED or code in {errno.EBUSY, errno.ETXTBSY}:
        return FileLocked(
            f"{where} is open in another program (Excel, a viewer, an antivirus scan): close it there and try "
            f"again; {_NOTHING_CHANGED}"
        )
    if code in _FULL:
        return DiskFull(
            f"no space left on the drive of {where}: free some space or use another drive; {_NOTHING_CHANGED}"
        )
    if code == errno.EROFS:
        return WriteProtected(
            f"{where} is on a write-protected drive (a locked USB stick or a read-only disk): unlock it or choose "
            f"another place; {_NOTHING_CHANGED}"
        )
    if code in {errno.EACCES, errno.EPERM}:
        action = "write to" if writing else "read"
        return WriteProtected(
            f"this Windows account may not {action} {where} (no permission): choose another place or ask the "
            f"computer's administrator; {_NOTHING_CHANGED}"
        )
    if code == errno.EISDIR:
        return FileMissing(f"{where} is a folder: give a file name inside it, e.g. {Path(where) / 'name'}")
    if code in {errno.ENOENT, errno.ENOTDIR}:
        if writing and Path(where).parent.is_dir():
            return FileMissing(f"no file can be created in {Path(where).parent}: choose another folder")
        if writing:
            return FileMissing(f"the folder for {where} does not exist (or the drive was removed): create it first")
        return FileMissing(f"there is no file {where}")
    if code == errno.EIO:
        return FileProblem(
            f"the drive of {where} did not answer (was the USB stick pulled out?): put it back and try again; "
            f"{_NOTHING_CHANGED}"
        )
    reason = exc.strerror or exc.__class__.__name__
    return FileProblem(f"{where} cannot be {'written' if writing else 'read'} ({reason})")


def sqlite_fault(exc: BaseException, path: Path | str) -> FileProblem | None:
    """The file-system cause behind a SQLite error on `path`, or None when the error is not about the disk.

    SQLite words these errors itself; damage ("malformed", "not a database") is left to the caller, which
    knows whether a check has shown it.
    """
    text = str(getattr(exc, "orig", None) or exc).lower()
    where = str(path)
    if "disk i/o error" in text or "unable to open database file" in text:
        # SQLite words a full disk or a read-only folder this way when its side files (-wal, -shm) cannot be
        # made: look at the drive itself before saying anything.
        observed = drive_state(Path(path))
        if observed is not None:
            return observed
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(f"no space left on the drive of {where}: free some space and try again; {_NOTHING_CHANGED}")
    if "readonly" in text or "read-only" in text:
        return WriteProtected(
            f"{where} is on a write-protected drive or this account may not write to it: the register cannot be "
            f"changed there; {_NOTHING_CHANGED}"
        )
    if "database is locked" in text or "database table is locked" in text:
        return FileLocked(
            f"{where} is busy in another program or window (a second copy of the app?): close it and try again"
        )
    if "unable to open database file" in text:
        return FileProblem(
            f"{where} cannot be opened: the folder may be missing, write-protected or full; check the drive"
        )
    if "disk i/o error" in text:
        return FileProblem(
            f"the drive of {where} did not answer (disk I/O error): was a USB stick pulled out? Check the drive "
            "and try again"
        )
    return None


def is_database_error(exc: BaseException) -> bool:
    """SQLAlchemy's or the SQLCipher driver's error, told by class name so `ahtc --help` imports neither."""
    return any(kind.__name__ in {"DatabaseError", "OperationalError"} for kind in type(exc).__mro__)


MIN_FREE_BYTES = 1024 * 1024  # below this, SQLite cannot grow its journal or side files


def drive_state(path: Path) -> FileProblem | None:
    """A full or read-only drive holding `path` (a file or folder), as the operating system reports it."""
    folder = path if path.is_dir() else path.parent
    try:
        usage = shutil.disk_usage(folder)
    except OSError:
        return None
    if usage.free < MIN_FREE_BYTES:
        return DiskFull(
            f"the drive of {path} is full ({usage.free // 1024} KB free): free some space (empty the recycle bin, "
            f"move old exports) and try again; {_NOTHING_CHANGED}"
        )
    if _read_only_mount(folder):
        return WriteProtected(
            f"{path} is on a write-protected drive: the register cannot be opened there; copy it to a writable "
            f"folder or unlock the drive; {_NOTHING_CHANGED}"
        )
    if not os.access(folder, os.W_OK):
        return WriteProtected(
            f"this account may not write to {folder} (no permission): the register needs to write there; ask the "
            f"computer's administrator; {_NOTHING_CHANGED}"
        )
    return None


def _read_only_mount(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:  # Windows: a read-only medium shows up as no write access (os.access above)
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def database_fault(exc: BaseException, path: Path | str, data_dir: Path | None = None) -> AhtcError:
    """A SQLite error met while using the store: the disk's fault, damage SQLite itself detected, or neither."""
    cause = sqlite_fault(exc, path)
    if cause is not None:
        return cause
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        # SQLite read a page that failed its own checks (or SQLCipher's page authentication): that is damage.
        return StoreDamaged(
            "the register's database is damaged (a page failed its check): nothing more was written to it. "
            + restore_advice(data_dir if data_dir is not None else Path(path))
        )
    return AhtcError(f"the register could not finish ({exc.__class__.__name__}); nothing half-written was kept")


def newest_backup(data_dir: Path) -> Path | None:
    """The newest backup file kept in the data folder (automatic and before-upgrade backups are verified before
    they take their name), or None."""
    folder = data_dir / "backups"
    try:
        found = [p for p in folder.rglob("*.ahtcbak") if p.is_file() and not p.name.startswith(".")]
    except OSError:
        return None
    return max(found, key=lambda p: p.stat().st_mtime, default=None)


def restore_advice(data_dir: Path) -> str:
    """The one sentence that says what to do about a damaged store, naming the newest backup when there is one."""
    newest = newest_backup(data_dir)
    where = f"the newest backup here is {newest}; " if newest is not None else ""
    return (
        f"Do not keep working in it: {where}the SHO restores a good backup with 'ahtc restore FILE' "
        "(docs/operations.md, 'When verify fails')"
    )


def output_file(path: Path | str) -> Path:
    """Check an output path before any work: a file name (not a folder) in a folder that exists."""
    target = Path(path)
    if target.is_dir():
        raise FileMissing(f"{target} is a folder: give a file name inside it, e.g. {target / 'name'}")
    if not target.parent.is_dir():
        raise FileMissing(f"the folder {target.parent} does not exist (or the drive was removed): create it first")
    return target


def output_folder(path: Path | str) -> Path:
    """Check an output folder before any work: it exists and is a folder."""
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise FileMissing(f"{target} is a file, not a folder: give the folder to write into")
    if not target.is_dir():
        raise FileMissing(f"the folder {target} does not exist (or the drive was removed): create it first")
    return target


def input_file(path: Path | str) -> Path:
    """Check an input file before reading: it is there, it is a file, and it is not empty."""
    source = Path(path)
    if source.is_dir():
        raise FileMissing(f"{source} is a folder: give the file itself")
    if not source.exists():
        raise FileMissing(f"there is no file {source}")
    try:
        if source.stat().st_size == 0:
            raise FileMissing(f"{source} is empty (0 bytes): copy it again from where it came")
    except OSError as exc:
        raise file_fault(exc, source, writing=False) from None
    return source


@contextlib.contextmanager
def writing(path: Path | str) -> Iterator[None]:
    """Turn an OSError raised while writing `path` into its true diagnosis."""
    try:
        yield
    except OSError as exc:
        raise file_fault(exc, path) from None


@contextlib.contextmanager
def reading(path: Path | str) -> Iterator[None]:
    """Turn an OSError raised while reading `path` into its true diagnosis."""
    try:
        yield
    except OSError as exc:
        raise file_fault(exc, path, writing=False) from None
