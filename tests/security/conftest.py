"""Attack tests run against the same real stores as the sync tests: a district and two enrolled stations.

The fixtures live in tests/sync/conftest.py; pytest only sees a conftest's fixtures below its own folder,
so they are made visible here by name.
"""

from __future__ import annotations

from tests.sync.conftest import (  # noqa: F401  (fixtures, used by name)
    district,
    district_recovery_key,
    district_template,
    enrolled,
    station_b,
    station_b_template,
)
