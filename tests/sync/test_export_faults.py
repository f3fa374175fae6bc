"""A bundle that could not be written uses up no bundle number: the district never waits for a bundle that never
existed, and the paper dispatch register has no hole (field trial D13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.errors import DiskFull, FileMissing, WriteProtected
from desktop_app.models.audit import AuditEntry
from desktop_app.models.sync_state import BundleSent
from desktop_app.services.records import Records
from desktop_app.sync.export import export_bundle
from tests.drives import files_in, full_drive, read_only_drive
from tests.sync.conftest import Sync


def sent_and_audited(enrolled: Sync) -> tuple[int, int]:
    with enrolled.a.store.session() as session:
        sent = session.scalar(select(func.count()).select_from(BundleSent)) or 0
        audited = session.scalar(select(func.count()).where(AuditEntry.action == "sync-export")) or 0
    return sent, audited


def test_a_full_or_write_protected_stick_uses_up_no_bundle_number(enrolled: Sync, tmp_path: Path) -> None:
    Records(enrolled.a).create("persons", {"name": "Tariq Mehmood", "role": "agent"})
    with full_drive(tmp_path / "full-stick", size="1m") as stick:
        with pytest.raises(DiskFull):
            export_bundle(enrolled.a, stick)
        assert files_in(stick) == []
    with read_only_drive(tmp_path / "locked-stick") as stick, pytest.raises(WriteProtected):
        export_bundle(enrolled.a, stick)
    with pytest.raises(FileMissing, match="does not exist"):
        export_bundle(enrolled.a, tmp_path / "no-stick")
    assert sent_and_audited(enrolled) == (0, 0)

    slip = export_bundle(enrolled.a, enrolled.usb)
    assert slip is not None and slip.bundle_no == 1
    assert sent_and_audited(enrolled) == (1, 1)
