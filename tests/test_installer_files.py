"""The build script, the Inno Setup script, the signing helper and the Windows workflow agree with each other.

No Windows here (docs/install-windows.md says what was never run): these tests read the files and check what
must hold for them to work together — names, paths, the version, when data may be deleted, signing.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
ISS = (ROOT / "installer" / "ahtc.iss").read_text(encoding="utf-8")
WORKFLOW = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def load(name: str) -> ModuleType:
    sys.path.insert(0, str(ROOT / "installer"))
    try:
        spec = importlib.util.spec_from_file_location(f"installer_{name}", ROOT / "installer" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "installer"))


def section(name: str) -> str:
    return ISS.split(f"\n[{name}]\n", 1)[1].split("\n[", 1)[0]


def test_the_installer_is_named_as_build_py_and_the_workflow_expect() -> None:
    assert "OutputBaseFilename=AHTC-Register-Setup-{#AppVersion}" in ISS
    assert 'f"AHTC-Register-Setup-{version}.exe"' in (ROOT / "installer" / "build.py").read_text(encoding="utf-8")
    assert r"installer\dist\AHTC-Register-Setup-$version.exe" in WORKFLOW
    # Installed where the workflow runs the installed app's self-test.
    assert "DefaultDirName={autopf}\\{#AppName}" in ISS and '#define AppName "AHTC Register"' in ISS
    assert r"$env:ProgramFiles\AHTC Register" in WORKFLOW


def test_the_version_reaches_iscc_from_pyproject() -> None:
    build = load("build")
    assert build.app_version() == VERSION
    assert '"/DAppVersion={version}"' in (ROOT / "installer" / "build.py").read_text(encoding="utf-8")


def test_uninstalling_keeps_the_records_unless_asked() -> None:
    assert "\n[UninstallDelete]" not in ISS
    code = section("Code")
    # The only deletion: of the folder chosen after two questions that default to No, or /DELETEDATA=yes.
    assert code.count("DelTree(") == 1 and "DelTree(DataDirToDelete" in code
    assert code.count("MB_YESNO or MB_DEFBUTTON2") == 2
    assert "{param:DELETEDATA|no}" in code and "UninstallSilent()" in code
    assert "FileExists(AddBackslash(Dir) + 'keyslots.json')" in code  # never a folder without a store
    assert "uninsneveruninstall" in section("Dirs")


def test_the_shared_folder_variable_reaches_shortcuts_and_the_first_run_does_not_miss_it() -> None:
    assert "ChangesEnvironment=yes" in section("Setup")
    launch = [line for line in section("Run").splitlines() if "postinstall" in line]
    assert launch and all("Tasks: not sharedstore" in line for line in launch)


def test_signing_only_with_a_certificate_and_with_one_sign_tool_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    signing = load("signing")
    monkeypatch.delenv("AHTC_SIGN_CERT", raising=False)
    assert signing.iscc_arguments() == [] and signing.secrets() == ()
    assert "#ifdef Sign" in ISS and "SignTool=ahtcsign" in ISS and "SignedUninstaller=yes" in ISS

    cert = tmp_path / "codesign.pfx"
    cert.write_bytes(b"not a real certificate")
    monkeypatch.setenv("AHTC_SIGN_CERT", str(cert))
    monkeypatch.setenv("AHTC_SIGN_PASSWORD", "pfx password 123")
    monkeypatch.setenv("SIGNTOOL", r"C:\Program Files (x86)\Windows Kits\10\bin\x64\signtool.exe")
    arguments = signing.iscc_arguments()
    assert arguments[-1] == "/DSign"
    sign_tool = arguments[0]
    assert sign_tool.startswith("/Sahtcsign=$qC:\\Program Files (x86)") and " $f" in sign_tool
    assert "/fd SHA256" in sign_tool and "/tr " in sign_tool and "/td SHA256" in sign_tool
    assert signing.secrets() == ("pfx password 123",)


def test_the_build_log_never_shows_the_certificate_password(capsys: pytest.CaptureFixture[str]) -> None:
    build = load("build")
    build.run([sys.executable, "-c", "pass", "/p", "pfx password 123"], ("pfx password 123",))
    shown = capsys.readouterr().out
    assert "pfx password 123" not in shown and "***" in shown


def test_the_workflow_installs_tests_builds_installs_and_self_tests() -> None:
    assert re.search(r"runs-on:\s*windows-latest", WORKFLOW)
    order = [
        'pip install -e ".[test,build]"',
        "python -m pytest",
        "run: python installer/build.py",
        "/VERYSILENT",
        "installer/self_test_build.py",
        "Get-Acl",
        "unins000.exe",
    ]
    positions = [WORKFLOW.index(step) for step in order]
    assert positions == sorted(positions)
    assert "secrets.WINDOWS_SIGNING_PFX" in WORKFLOW and "AHTC_SIGN_CERT=" in WORKFLOW
    for never in ("S-1-5-11", "S-1-5-32-545", "S-1-1-0"):  # Authenticated Users, Users, Everyone
        assert never in WORKFLOW
