"""Real faulty drives for fault tests: a full file system and a write-protected one.

CI runs as root, so these are real mounts (a small tmpfs filled to the last byte; a tmpfs mounted read-only),
the same faults a full or locked USB stick gives. Without root, a read-only folder is a folder without write
permission; a full file system cannot be made, and the test that needs one says so when it is skipped.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _mount_tmpfs(where: Path, options: str) -> None:
    where.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], check=True, capture_output=True)


def _unmount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)


def fill(folder: Path) -> None:
    """Write until the drive refuses: afterwards not one more block fits."""
    with contextlib.suppress(OSError), open(folder / "filler.bin", "wb") as handle:
        while True:
            handle.write(b"\0" * 65536)
            handle.flush()
    with contextlib.suppress(OSError), open(folder / "filler-small.bin", "wb") as handle:
        while True:
            handle.write(b"\0" * 512)
            handle.flush()


@contextlib.contextmanager
def full_drive(where: Path, size: str = "4m", before_filling: list[Path] | None = None) -> Iterator[Path]:
    """A real, full file system at `where`; `before_filling` are copied onto it first (a store, say)."""
    if not IS_ROOT:
        pytest.skip("a full file system needs a tmpfs mount, which needs root (CI runs as root)")
    _mount_tmpfs(where, f"size={size},mode=0755")
    try:
        for item in before_filling or []:
            if item.is_dir():
                shutil.copytree(item, where / item.name)
            else:
                shutil.copy2(item, where / item.name)
        fill(where)
        yield where
    finally:
        _unmount(where)


@contextlib.contextmanager
def read_only_drive(where: Path, contents: list[Path] | None = None) -> Iterator[Path]:
    """A real write-protected folder at `where`, holding copies of `contents`."""
    where.mkdir(parents=True, exist_ok=True)
    if IS_ROOT:
        _mount_tmpfs(where, "size=64m,mode=0755")
    try:
        for item in contents or []:
            if item.is_dir():
                shutil.copytree(item, where / item.name)
            else:
                shutil.copy2(item, where / item.name)
        if IS_ROOT:
            subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True, capture_output=True)
        else:
            for folder in [where, *(p for p in where.rglob("*") if p.is_dir())]:
                folder.chmod(0o555)
        yield where
    finally:
        if IS_ROOT:
            _unmount(where)
        else:
            for folder in [where, *(p for p in where.rglob("*") if p.is_dir())]:
                folder.chmod(0o755)


def files_in(folder: Path) -> list[str]:
    """What a command left behind on a drive (the filler files aside)."""
    return sorted(p.name for p in folder.rglob("*") if not p.name.startswith("filler"))
