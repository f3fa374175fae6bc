"""Code signing with signtool, only when a certificate is given; otherwise the build is unsigned and says so.

The certificate comes from the environment, never from the repository:
    AHTC_SIGN_CERT       path to the code-signing certificate (.pfx)
    AHTC_SIGN_PASSWORD   its password (may be empty)
    AHTC_SIGN_TIMESTAMP  RFC 3161 time-stamp server (default below): a signature stays valid after the
                         certificate expires only if it was time-stamped
    SIGNTOOL             signtool.exe (default: PATH, then the newest Windows SDK under Program Files)
The GitHub workflow writes the secret WINDOWS_SIGNING_PFX (base64) to a file and sets these.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

DEFAULT_TIMESTAMP = "http://timestamp.digicert.com"


def certificate() -> tuple[Path, str] | None:
    path = os.environ.get("AHTC_SIGN_CERT", "").strip()
    if not path:
        return None
    cert = Path(path)
    if not cert.is_file():
        raise SystemExit(f"AHTC_SIGN_CERT names {cert}, which does not exist")
    return cert, os.environ.get("AHTC_SIGN_PASSWORD", "")


def secrets() -> tuple[str, ...]:
    given = certificate()
    return (given[1],) if given and given[1] else ()


def signtool() -> Path:
    named = os.environ.get("SIGNTOOL") or shutil.which("signtool.exe") or shutil.which("signtool")
    if named:
        return Path(named)
    kits = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Windows Kits" / "10" / "bin"
    found = sorted(kits.glob("10.*/x64/signtool.exe"))
    if not found:
        raise SystemExit("signtool.exe not found: install the Windows SDK or set SIGNTOOL")
    return found[-1]


def sign_command(files: list[str]) -> list[str]:
    given = certificate()
    assert given is not None
    cert, password = given
    timestamp = os.environ.get("AHTC_SIGN_TIMESTAMP", DEFAULT_TIMESTAMP)
    command = [str(signtool()), "sign", "/fd", "SHA256", "/f", str(cert)]
    if password:
        command += ["/p", password]
    return [*command, "/tr", timestamp, "/td", "SHA256", *files]


def sign_executables(folder: Path) -> None:
    """Sign ahtc-register.exe and ahtc.exe in place (before Inno Setup packs them), then check the signatures."""
    if certificate() is None:
        print("No AHTC_SIGN_CERT: the executables and the installer are NOT signed (docs/install-windows.md).")
        return
    files = [str(folder / "ahtc-register.exe"), str(folder / "ahtc.exe")]
    print(f"> signtool sign {' '.join(files)}", flush=True)
    if subprocess.run(sign_command(files)).returncode != 0:
        raise SystemExit("signtool could not sign the executables")
    if subprocess.run([str(signtool()), "verify", "/pa", *files]).returncode != 0:
        raise SystemExit("signtool signed the executables but cannot verify the signatures")


def iscc_arguments() -> list[str]:
    """ISCC options that make Inno Setup sign Setup and its uninstaller with the same certificate ($f: the file).

    ISCC's /S defines the sign tool named "ahtcsign" that installer/ahtc.iss uses when /DSign is given; $q is
    Inno Setup's quote inside that command.
    """
    if certificate() is None:
        return []
    quoted = " ".join(f"$q{part}$q" if " " in part or not part else part for part in sign_command(["$f"]))
    return [f"/Sahtcsign={quoted}", "/DSign"]
