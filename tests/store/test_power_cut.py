"""A process killed mid-write (a power cut, or the app killed by Task Manager) leaves a consistent store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlalchemy import func, select

from desktop_app.models import AuditEntry, ChangeLogEntry, Person
from desktop_app.services.context import Context
from desktop_app.services.maintenance import verify_store
from desktop_app.services.setup import unlock
from tests.conftest import PASSPHRASE

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from desktop_app.services.records import Records
    from desktop_app.services.setup import unlock
    ctx = unlock(Path(sys.argv[1]), "sho.phalia", sys.argv[2])
    records = Records(ctx)
    print("ready", flush=True)
    i = 0
    while True:
        records.create_many("persons", [{"name": f"Power Cut {i}-{j}", "role": "witness"} for j in range(20)])
        i += 1
""")


def test_killed_writer_leaves_whole_transactions_only(ctx: Context, station_dir: Path) -> None:
    ctx.store.close()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(station_dir), PASSPHRASE], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        time.sleep(1.5)
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=30)

    after = unlock(station_dir, "sho.phalia", PASSPHRASE)
    with after.store.session() as session:
        persons = session.scalar(select(func.count()).select_from(Person)) or 0
        logged = session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0
        audited = session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "create")) or 0
    assert persons > 0, "the writer should have committed something before it was killed"
    assert persons % 20 == 0, "a batch is all or nothing"
    assert persons == logged == audited
    assert verify_store(after).ok
    after.store.close()
