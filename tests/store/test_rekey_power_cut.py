"""A re-key interrupted at any moment (power cut, Task Manager) leaves the old store or the new one, never neither.

The process below changes its passphrase again and again (each change re-keys the whole store) and is killed
at a random moment, several times over. After each kill the store must open with the last passphrase it
confirmed or with the one it was changing to, and pass `verify`.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from desktop_app.errors import StoreBusy, WrongPassphrase
from desktop_app.services import accounts, demo
from desktop_app.services.context import Context
from desktop_app.services.maintenance import verify_store
from desktop_app.services.setup import unlock
from desktop_app.store import rekey
from desktop_app.store.store import Store
from tests.conftest import FAST_KDF, PASSPHRASE

CHANGER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from desktop_app.services import accounts
    from desktop_app.services.setup import unlock
    from desktop_app.store.keyslots import KdfParams
    folder, phrases, start = Path(sys.argv[1]), sys.argv[2].split("|"), int(sys.argv[3])
    ctx = unlock(folder, "sho.phalia", phrases[start])
    print("ready", flush=True)
    for i in range(start, len(phrases) - 1):
        accounts.change_own_passphrase(ctx, phrases[i], phrases[i + 1], KdfParams(1, 8192, 1))
        print(i + 1, flush=True)
""")

PHRASES = [PASSPHRASE] + [f"quiet river lantern {n:03d}" for n in range(1, 400)]


def opens_with(folder: Path, phrase: str) -> bool:
    try:
        ctx = unlock(folder, "sho.phalia", phrase)
    except WrongPassphrase:
        return False
    try:
        assert verify_store(ctx).ok
    finally:
        ctx.store.close()
    return True


def test_killed_rekeys_leave_the_old_or_the_new_passphrase_working(ctx: Context, station_dir: Path) -> None:
    demo.fill(ctx, records=300, seed=3)  # enough pages that a kill often lands inside the export
    ctx.store.close()
    rng = random.Random(20261201)
    current = 0
    for _round in range(8):
        changer = subprocess.Popen(
            [sys.executable, "-c", CHANGER, str(station_dir), "|".join(PHRASES), str(current)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert changer.stdout is not None and changer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 1.2))
        os.kill(changer.pid, signal.SIGKILL)
        confirmed = [int(line) for line in changer.stdout.read().split() if line.strip()]
        changer.wait(timeout=30)
        last = confirmed[-1] if confirmed else current
        working = [i for i in (last, last + 1) if opens_with(station_dir, PHRASES[i])]
        assert len(working) == 1, f"round {_round}: after a kill at change {last + 1}, opened with {working}"
        current = working[0]
        leftovers = {rekey.NEXT_DATABASE, rekey.NEXT_KEYSLOTS, rekey.COMMIT_MARKER} & set(os.listdir(station_dir))
        assert leftovers == set()
    assert current > 0, "the changer should have finished some changes in eight rounds"


def test_a_crash_after_the_commit_marker_is_finished_at_the_next_open(
    ctx: Context, station_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace

    def power_cut(src: object, dst: object) -> None:
        if str(src).endswith(rekey.NEXT_DATABASE):
            raise OSError("power cut")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(rekey.os, "replace", power_cut)
    with pytest.raises(OSError, match="power cut"):
        accounts.change_own_passphrase(ctx, PASSPHRASE, "quiet river lantern 999", FAST_KDF)
    assert (station_dir / rekey.COMMIT_MARKER).exists()
    monkeypatch.setattr(rekey.os, "replace", real_replace)
    ctx.store.engine.dispose()

    assert opens_with(station_dir, "quiet river lantern 999")
    assert not opens_with(station_dir, PASSPHRASE)


def test_a_crash_before_the_marker_leaves_the_old_store_and_no_leftovers(
    ctx: Context, station_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def power_cut(data_dir: Path, slot_bytes: bytes) -> None:
        raise OSError("power cut before the marker")

    monkeypatch.setattr(rekey, "commit", power_cut)
    with pytest.raises(OSError, match="before the marker"):
        accounts.change_own_passphrase(ctx, PASSPHRASE, "quiet river lantern 998", FAST_KDF)
    assert not (station_dir / rekey.NEXT_DATABASE).exists()
    # The store that raised is still usable, under its old key.
    assert verify_store(ctx).ok
    ctx.store.close()
    assert opens_with(station_dir, PASSPHRASE)


def test_a_rekey_refuses_while_another_process_has_the_store_open(ctx: Context, station_dir: Path) -> None:
    other = Store.open(station_dir, "sho.phalia", PASSPHRASE)
    held = other.engine.raw_connection()  # another window with the register open, idle (its WAL stays on disk)
    held.driver_connection.execute("SELECT count(*) FROM users").fetchall()  # type: ignore[union-attr]
    with pytest.raises(StoreBusy, match="open in another window"):
        accounts.change_own_passphrase(ctx, PASSPHRASE, "quiet river lantern 997", FAST_KDF)
    held.close()
    other.close()
    assert verify_store(ctx).ok
    ctx.store.close()
    assert opens_with(station_dir, PASSPHRASE)
