"""Atomic file writes: a crash or a pulled USB stick never leaves a file that looks complete."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from desktop_app.store.faults import file_fault, output_file


def write_atomic(path: Path | str, data: bytes) -> None:
    """Write `data` to `path` through a temp file in the same folder, fsync, then rename over it.

    A full, write-protected or missing target raises its `FileProblem` (store/faults.py), with no part file left.
    """
    target = output_file(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise file_fault(exc, target) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise file_fault(exc, target) from None
        raise
    fsync_dir(target.parent)


def fsync_dir(folder: Path) -> None:
    # The rename itself is only durable once the directory entry is on disk (POSIX); Windows has no
    # directory handles to fsync, and its MoveFileEx replace is already durable enough.
    if os.name != "posix":
        return
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
