"""Ordinary faults end in one line on stderr and the right exit code, with the true diagnosis — never a traceback.

Real faults only: a tmpfs filled to the last byte, a write-protected mount, a store file with bytes flipped,
truncated and empty files. README.md's list of exit codes is checked against the one the CLI uses.
"""

from __future__ import annotations

import errno
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app import cli
from desktop_app.cli import main
from desktop_app.errors import DiskFull, FileLocked, StoreDamaged, WriteProtected
from desktop_app.services.context import Context
from desktop_app.store.faults import database_fault, file_fault, sqlite_fault
from tests.conftest import PASSPHRASE
from tests.drives import files_in, full_drive, read_only_drive

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def station(ctx: Context, station_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    ctx.store.checkpoint()
    monkeypatch.setenv("AHTC_DATA_DIR", str(station_dir))
    monkeypatch.setenv("AHTC_USER", "sho.phalia")
    monkeypatch.setenv("AHTC_PASSPHRASE", PASSPHRASE)
    return station_dir


def run(capfd: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Exit code and stderr (read at the file-descriptor level, so SQLCipher's own C logging would show)."""
    code = main(list(argv))
    err = capfd.readouterr().err
    return code, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# Every command that writes a file the user names, as (argv before the path, file name).
WRITERS = [
    (["backup", "--out"], "b.ahtcbak"),
    (["export", "children", "--out"], "c.csv"),
    (["export", "children", "--out"], "c.xlsx"),
    (["report", "bimonthly", "--from", "01/01/2026", "--to", "28/02/2026", "--out"], "r.xlsx"),
    (["enrol-request", "--out"], "p.enrol"),
]


@pytest.mark.parametrize(("argv", "name"), WRITERS)
def test_writing_to_a_full_drive_says_so_and_leaves_nothing(
    station: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str], argv: list[str], name: str
) -> None:
    with full_drive(tmp_path / "stick") as stick:
        code, err = run(capfd, *argv, str(stick / name))
        left = files_in(stick)
    line = one_line(err)
    assert code == 10, err
    assert "no space left" in line and "damaged" not in line
    assert left == []  # no half-written file and no temp file on the stick


@pytest.mark.parametrize(("argv", "name"), WRITERS)
def test_writing_to_a_write_protected_drive_says_so(
    station: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str], argv: list[str], name: str
) -> None:
    with read_only_drive(tmp_path / "locked-stick") as stick:
        code, err = run(capfd, *argv, str(stick / name))
        left = files_in(stick)
    line = one_line(err)
    assert code == 10, err
    assert "write-protected" in line or "may not write" in line
    assert left == []


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "children", "--out"],
        ["report", "bimonthly", "--from", "01/01/2026", "--to", "28/02/2026", "--out"],
        ["fir-summary", "0702dbcc-843a-4fd5-a285-554d7f7bc65a", "--out"],
        ["enrol-request", "--out"],
    ],
)
def test_an_output_that_is_a_folder_or_in_a_missing_folder_is_one_line(
    station: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    code, err = run(capfd, *argv, str(folder))
    assert code == 10 and "is a folder" in one_line(err)
    code, err = run(capfd, *argv, str(tmp_path / "no-such-drive" / "x.pdf"))
    assert code == 10 and "does not exist" in one_line(err)


def test_backup_into_a_folder_names_the_file_inside_it(
    station: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "E"
    stick.mkdir()
    code, err = run(capfd, "backup", "--out", str(stick))
    assert code == 0, err
    [made] = list(stick.iterdir())
    assert re.fullmatch(r"ahtc-MBD-PHALIA-\d{4}-\d\d-\d\d-\d{4}\.ahtcbak", made.name)


@pytest.mark.parametrize(
    "argv", [["restore"], ["import-bundle"], ["verify-summary"]], ids=["restore", "import", "verify-summary"]
)
def test_a_missing_empty_or_folder_input_is_one_line(
    station: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    empty = tmp_path / "empty.bin"
    empty.write_bytes(b"")
    for given, words in [(tmp_path / "nosuch.bin", "no file"), (tmp_path, "is a folder")]:
        code, err = run(capfd, *argv, str(given))
        assert code == 10, err
        assert words in one_line(err)
    code, err = run(capfd, *argv, str(empty))
    assert code in {6, 10}  # an empty bundle is refused by the bundle reader with its own words
    assert "empty" in err and "Traceback" not in err


def test_damaged_inputs_are_diagnosed_as_damaged(
    station: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    garbage = tmp_path / "garbage.ahtcbak"
    garbage.write_bytes(b"PK\x03\x04" + b"not a zip" * 100)
    code, err = run(capfd, "restore", str(garbage))
    assert code == 11 and "damaged or incomplete" in one_line(err)

    half_pdf = tmp_path / "half.pdf"
    half_pdf.write_bytes(b"%PDF-1.7\n" + b"1 0 obj << /Type /Catalog >> endobj\n" * 40)
    code, err = run(capfd, "verify-summary", str(half_pdf))
    assert code == 11, err
    # Each reason on its own line, prefixed; nothing from pypdf's own logger ("EOF marker not found").
    assert all(line.startswith("ahtc verify-summary: ") for line in err.strip().splitlines()), err
    assert "EOF marker" not in err


def test_a_store_on_a_full_drive_is_full_not_damaged(
    station: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with full_drive(tmp_path / "small", size="8m", before_filling=[station]) as drive:
        monkeypatch.setenv("AHTC_DATA_DIR", str(drive / station.name))
        for argv in (["verify"], ["case", "list"], ["backup", "--out", str(tmp_path / "b.ahtcbak")]):
            code, err = run(capfd, *argv)
            line = one_line(err)
            assert code == 10, err
            assert "full" in line and "damaged" not in line
    monkeypatch.setenv("AHTC_DATA_DIR", str(station))
    assert run(capfd, "verify")[0] == 0  # the store itself was never harmed


def test_a_store_on_a_write_protected_drive_is_protected_not_damaged(
    station: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with read_only_drive(tmp_path / "cd", contents=[station]) as drive:
        monkeypatch.setenv("AHTC_DATA_DIR", str(drive / station.name))
        code, err = run(capfd, "case", "list")
    line = one_line(err)
    assert code == 10, err
    assert ("write-protected" in line or "may not write" in line) and "damaged" not in line


def test_a_damaged_store_is_one_line_exit_11_without_sqlciphers_log(
    station: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "damaged"
    shutil.copytree(station, copy)
    data = bytearray((copy / "ahtc.db").read_bytes())
    for page in range(4096, len(data), 4096):  # every page but the first (the header stays readable)
        middle = page + 2048
        data[middle : middle + 16] = bytes(b ^ 0xA5 for b in data[middle : middle + 16])
    (copy / "ahtc.db").write_bytes(bytes(data))
    monkeypatch.setenv("AHTC_DATA_DIR", str(copy))
    code, err = run(capfd, "backup", "--out", str(tmp_path / "b.ahtcbak"))
    assert code == 11, err
    assert "damaged" in one_line(err)  # no "ERROR CORE sqlcipher_page_cipher" lines
    assert not (tmp_path / "b.ahtcbak").exists()


def test_an_unforeseen_error_is_one_line_not_a_traceback(
    station: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_args: object) -> None:
        raise RuntimeError("a bug with Tariq Mehmood's CNIC 34402-1234567-1 in its message")

    monkeypatch.setattr("desktop_app.commands.store_commands.cmd_verify", broken)
    code, err = run(capfd, "verify")
    line = one_line(err)
    assert code == 1 and "unexpected error (RuntimeError)" in line
    assert "Tariq" not in err and "34402" not in err  # the message itself may hold field values


# -- the diagnosis itself ----------------------------------------------------------------------------------------


def test_a_file_held_open_on_windows_is_locked_not_permission(tmp_path: Path) -> None:
    sharing_violation = PermissionError(errno.EACCES, "The process cannot access the file")
    sharing_violation.winerror = 32  # type: ignore[attr-defined]  # what Windows sets; Linux never does
    assert isinstance(file_fault(sharing_violation, tmp_path / "children.xlsx"), FileLocked)
    assert isinstance(file_fault(PermissionError(errno.EACCES, "denied"), tmp_path / "x"), WriteProtected)
    assert isinstance(file_fault(OSError(errno.ENOSPC, "full"), tmp_path / "x"), DiskFull)


def test_sqlites_own_errors_are_diagnosed(tmp_path: Path) -> None:
    db = tmp_path / "locked.db"
    holder = sqlite3.connect(db)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(db, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as locked:
        other.execute("SELECT * FROM t")
    assert isinstance(sqlite_fault(locked.value, db), FileLocked)
    holder.rollback()

    not_a_db = tmp_path / "not.db"
    not_a_db.write_bytes(b"this is not a database file at all" * 200)
    with pytest.raises(sqlite3.DatabaseError) as damaged:
        sqlite3.connect(not_a_db).execute("SELECT * FROM sqlite_master")
    assert sqlite_fault(damaged.value, not_a_db) is None  # not the disk's fault...
    assert isinstance(database_fault(damaged.value, not_a_db), StoreDamaged)  # ...the check showed damage


def test_readme_lists_every_exit_code_the_cli_uses() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The command line", 1)[1].split("```", 1)[0]
    listed = {int(code) for code in re.findall(r"^\| (\d{1,3})\b", section, flags=re.MULTILINE)} | {0}
    used = {code for _kind, code in cli.EXIT_CODES} | set(cli.EXIT_CODES_BY_NAME.values()) | {0, 130}
    assert used <= listed, f"README does not list {sorted(used - listed)}"


def test_verify_of_a_damaged_store_gives_one_line_per_problem_and_the_way_back(
    station: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "damaged"
    shutil.copytree(station, copy)
    assert run(capfd, "backup", "--out", str(copy / "backups" / "auto" / "daily.ahtcbak"))[0] == 0
    data = bytearray((copy / "ahtc.db").read_bytes())
    last_page = len(data) - 4096 + 2048  # a data page: the store still opens, verify finds the damage
    data[last_page : last_page + 16] = bytes(b ^ 0x5A for b in data[last_page : last_page + 16])
    (copy / "ahtc.db").write_bytes(bytes(data))
    monkeypatch.setenv("AHTC_DATA_DIR", str(copy))
    code, err = run(capfd, "verify")
    lines = err.strip().splitlines()
    assert code == 11, err
    assert all(line.startswith("ahtc verify: ") for line in lines), err  # no SQLCipher log, no traceback
    assert "ERROR CORE" not in err and len(lines) < 20
    assert "daily.ahtcbak" in lines[-1] and "ahtc restore" in lines[-1]
