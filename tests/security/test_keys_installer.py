"""The Windows installer gives the shared data folder an explicit ACL (finding 17): inheritance removed, only
Administrators, SYSTEM and the station's officers, never Authenticated Users, Users or Everyone.

No Windows here: the test reads installer/ahtc.iss and checks the icacls commands Setup runs.
"""

from __future__ import annotations

import re
from pathlib import Path

ISS = Path(__file__).resolve().parents[2] / "installer" / "ahtc.iss"
ADMINISTRATORS, SYSTEM = "*S-1-5-32-544", "*S-1-5-18"
NEVER = ("*S-1-5-11", "*S-1-5-32-545", "*S-1-1-0", "Authenticated Users", "Everyone")


def run_lines() -> list[str]:
    text = ISS.read_text(encoding="utf-8")
    section = text.split("[Run]", 1)[1]
    return [line for line in section.splitlines() if line.startswith("Filename:")]


def icacls_calls() -> list[str]:
    return [line for line in run_lines() if "icacls.exe" in line]


def test_setup_removes_inheritance_and_grants_only_admins_system_and_officers() -> None:
    grants = [line for line in icacls_calls() if "/grant:r" in line]
    assert len(grants) == 1, "one icacls call sets the folder's explicit ACL"
    line = grants[0]
    assert "/inheritance:r" in line
    granted = re.findall(r"(\*S-[\d-]+|\"\"[^\"]+\"\"):\(OI\)\(CI\)([FM])", line)
    who = {name.strip('"') for name, _right in granted}
    assert who == {ADMINISTRATORS, SYSTEM, "{#OfficersGroup}", "{username}"}
    assert not any(bad in line for bad in NEVER)


def test_setup_takes_away_what_windows_gives_everyone_by_default() -> None:
    removals = [line for line in icacls_calls() if "/remove:g" in line]
    assert removals and all(sid in removals[0] for sid in ("*S-1-5-11", "*S-1-5-32-545", "*S-1-1-0"))


def test_the_acl_applies_to_the_folder_the_app_is_pointed_at() -> None:
    text = ISS.read_text(encoding="utf-8")
    folder = "{param:DATADIR|C:\\AHTC\\data}"
    assert f'ValueName: "AHTC_DATA_DIR"; ValueData: "{folder}"' in text
    assert all(folder in line for line in icacls_calls())
    assert '#define OfficersGroup "AHTC Officers"' in text
