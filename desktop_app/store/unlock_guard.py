"""Wrong passphrases at this PC: counted in a small file beside the store, with a wait that grows.

The file holds only times (no user name, nothing from the attempt), so it can sit in the clear. After three
failures in a row every further try waits, the wait doubling with each failure up to five minutes. The next
successful unlock takes the list (to tell the user and the audit) and clears it.

Someone with the files can delete this one, or copy `keyslots.json` away and guess offline: the wait only
slows guessing at the sign-in screen. What protects a stolen slot file is the passphrase's strength and the
Argon2id cost (docs/security.md).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path

from desktop_app.store.atomic import write_atomic

FORMAT = "ahtc-unlock-failures/1"
FREE_TRIES = 3
FIRST_WAIT_S = 5
LONGEST_WAIT_S = 300
KEEP_TIMES = 50


def wait_after(failures: int) -> int:
    """Seconds the next try must wait after this many failures in a row: 0, 0, 0, 5, 10, 20 ... 300."""
    if failures < FREE_TRIES:
        return 0
    return int(min(LONGEST_WAIT_S, FIRST_WAIT_S * 2 ** (failures - FREE_TRIES)))


class UnlockGuard:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _read(self) -> tuple[int, list[dt.datetime]]:
        try:
            doc = json.loads(self.path.read_bytes())
            times = [dt.datetime.fromisoformat(t) for t in doc["times"]]
            return max(int(doc["count"]), len(times)), times
        except FileNotFoundError:
            return 0, []
        except (ValueError, KeyError, TypeError):
            # A damaged counter must not lock everyone out, nor reset the wait: count it as the free tries used.
            return FREE_TRIES, []

    def seconds_to_wait(self, now: dt.datetime) -> int:
        count, times = self._read()
        if count < FREE_TRIES:
            return 0
        last = max(times) if times else now
        remaining = wait_after(count) - (now - last).total_seconds()
        return max(0, int(remaining + 0.999))

    def record_failure(self, at: dt.datetime) -> None:
        count, times = self._read()
        times = [*times, at][-KEEP_TIMES:]
        doc = {"format": FORMAT, "count": count + 1, "times": [t.isoformat() for t in times]}
        if self.path.parent.is_dir():
            write_atomic(self.path, json.dumps(doc).encode("ascii"))

    def take(self) -> tuple[int, tuple[dt.datetime, ...]]:
        """(count, times) of the failures since the last successful unlock, and start counting again."""
        count, times = self._read()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        return count, tuple(times)
