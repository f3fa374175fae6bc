"""The machine line every benchmark prints first, so its results are written down with what they ran on."""

from __future__ import annotations

import os
import platform
from pathlib import Path

import sqlcipher3


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    conn = sqlcipher3.connect(":memory:")
    sqlcipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"nproc {os.cpu_count()}, {cpu}, Python {platform.python_version()}, SQLCipher {sqlcipher} "
        f"(SQLite {sqlite}); load average {load}"
    )
