"""The atomic writer never leaves a half-written file behind."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from desktop_app.errors import FileProblem
from desktop_app.store.atomic import write_atomic


def test_write_replaces_content(tmp_path: Path) -> None:
    target = tmp_path / "slip.txt"
    write_atomic(target, b"first")
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"


def test_failure_before_rename_keeps_the_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "keyslots.json"
    target.write_bytes(b"old complete content")

    def pulled_stick(_fd: int) -> None:
        raise OSError(errno.EIO, "device removed")

    monkeypatch.setattr(os, "fsync", pulled_stick)
    with pytest.raises(FileProblem, match="did not answer"):
        write_atomic(target, b"new content that never lands")
    assert target.read_bytes() == b"old complete content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keyslots.json"]
