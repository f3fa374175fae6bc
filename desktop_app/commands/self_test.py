"""`ahtc --self-test` (and the GUI's, views/self_test.py): the installed program proves it works, on this PC.

In a temporary folder it makes a station store and a district store, writes the example record of every
register, finds one by search, renders an FIR-support summary and checks its seal and its pages, writes a verified
backup, enrols the station, exports a signed, encrypted sync bundle and imports it at the district. Exit code 0
when every step passed; otherwise the failing step and why, and 1. Nothing is left behind and nothing outside the
temporary folder is touched (no data folder, no preferences); the data is synthetic.

What it proves in a frozen build: SQLCipher and the migrations are bundled, the fonts and the law-section catalogue
are found, reportlab/HarfBuzz shape Urdu, PDF verification (pypdfium2) works, the crypto libraries load.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PASSPHRASE = "self-test passphrase, synthetic data 2026"
STATION, DISTRICT = "SLF-TEST", "SLF"
SEARCH_NAME = "Selftest Kilnworker"


class SelfTestFailed(Exception):
    pass


@dataclass
class SelfTest:
    """The steps, shared by the command line and the GUI (which adds an Urdu screen)."""

    work: Path
    say: Callable[[str], None]
    keep: Path | None = None  # copy the summary PDF (and the GUI's screen) here, to look at
    ctx: Any = None

    def step(self, name: str, action: Callable[[], str]) -> None:
        started = time.monotonic()
        try:
            detail = action()
        except Exception as exc:
            raise SelfTestFailed(f"{name}: {type(exc).__name__}: {exc}") from exc
        self.say(f"ok   {name}: {detail} ({time.monotonic() - started:.1f} s)")

    def run_core(self) -> None:
        self.step("store", self.make_store)
        self.step("write", self.write_records)
        self.step("search", self.search)
        self.step("FIR-support summary", self.fir_summary)
        self.step("backup", self.backup)
        self.step("sync bundle", self.bundle)

    def make_store(self) -> str:
        from desktop_app.services.clock import FakeClock
        from desktop_app.services.setup import init_store
        from desktop_app.store.keyslots import KdfParams
        from desktop_app.store.migrations_runner import current_revision

        self.clock = FakeClock(dt.datetime.now(dt.UTC))
        self.kdf = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)  # a cheap cost: a throwaway store
        self.ctx = init_store(
            self.work / "station",
            station_code=STATION,
            station_name="Self Test",
            district="Self Test District",
            district_code=DISTRICT,
            admin="sho.selftest",
            passphrase=PASSPHRASE,
            clock=self.clock,
            kdf=self.kdf,
        )
        return f"encrypted store created at schema {current_revision(self.ctx.store.engine)}"

    def write_records(self) -> str:
        from desktop_app.services.examples import create_examples
        from desktop_app.services.records import Records

        records = Records(self.ctx)
        self.ids = create_examples(records)
        self.person = records.create("persons", {"name": SEARCH_NAME, "role": "agent", "status": "documented"})
        return f"{len(self.ids) + 1} records in {len(self.ids)} registers"

    def search(self) -> str:
        from desktop_app.services.search import matching_ids

        with self.ctx.store.session() as session:
            found = matching_ids(session, SEARCH_NAME.split()[0].lower())
        if self.person.first_id not in found:
            raise SelfTestFailed("the record just written is not found by its name")
        return f"found by name among {len(found)} hit(s)"

    def fir_summary(self) -> str:
        from desktop_app.reports.fir_builder import print_fir_summary, station_public_key
        from desktop_app.reports.summary_seal import verify_summary

        pdf = self.work / "fir-summary.pdf"
        result = print_fir_summary(self.ctx, self.ids["cases"], pdf)
        check = verify_summary(pdf, station_public_key(self.ctx))
        if not check.ok or not check.pages_compared:
            raise SelfTestFailed("the summary's seal does not verify: " + "; ".join(check.reasons))
        fonts = _pdf_fonts(pdf)
        if not any("Nastaliq" in f or "Naskh" in f or "Arabic" in f for f in fonts):
            raise SelfTestFailed(f"no Urdu font embedded in the summary (fonts: {sorted(fonts)})")
        if self.keep is not None:
            shutil.copy2(pdf, self.keep / "self-test-fir-summary.pdf")
        return f"{result.page_count} page(s), seal and pages verified, fonts {', '.join(sorted(fonts))}"

    def backup(self) -> str:
        from desktop_app.services.maintenance import backup_store

        info = backup_store(self.ctx, self.work / "backup.ahtcbak")
        return f"written and verified ({info.database_bytes:,} bytes)"

    def bundle(self) -> str:
        from desktop_app.sync.district import init_district
        from desktop_app.sync.enrolment import enrol_complete, enrol_request, enrol_station, own_fingerprint
        from desktop_app.sync.export import export_bundle
        from desktop_app.sync.importer import import_bundle

        district = init_district(
            self.work / "district",
            district_code=DISTRICT,
            district="Self Test District",
            admin="dpo.selftest",
            passphrase=PASSPHRASE,
            recovery_key_out=self.work / "recovery-key.json",
            clock=self.clock,
            kdf=self.kdf,
        )
        try:
            request, answer = self.work / "request.json", self.work / "answer.json"
            fingerprint = enrol_request(self.ctx, request).own_fingerprint
            enrol_station(district, request, answer, station_fingerprint=fingerprint)
            enrol_complete(self.ctx, answer, district_fingerprint=own_fingerprint(district))
            usb = self.work / "usb"
            usb.mkdir()
            slip = export_bundle(self.ctx, usb)
            if slip is None or slip.file is None:
                raise SelfTestFailed("no bundle was written")
            result = import_bundle(district, slip.file.read_bytes())
            if result.status != "applied":
                raise SelfTestFailed(f"the district did not apply the bundle ({result.status})")
            return f"signed, encrypted, verified and applied at the district ({slip.file.stat().st_size:,} bytes)"
        finally:
            district.store.close()

    def close(self) -> None:
        if self.ctx is not None:
            self.ctx.store.close()


def _pdf_fonts(pdf: Path) -> set[str]:
    from pypdf import PdfReader

    names: set[str] = set()
    for page in PdfReader(str(pdf)).pages:
        resources = page.get("/Resources", {})
        for font in resources.get("/Font", {}).values():
            names.add(str(font.get_object().get("/BaseFont", "")).lstrip("/"))
    return names


@contextmanager
def scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="ahtc-self-test-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(
    extra: Callable[[SelfTest], None] | None = None, keep: Path | None = None, say: Callable[[str], None] = print
) -> int:
    """Every step; `extra` adds steps (the GUI's screen). 0 if all passed, 1 with the failing step said."""
    from desktop_app.version import app_version

    started = time.monotonic()
    say(f"AHTC Register {app_version()} self-test (Python {sys.version.split()[0]}, {sys.platform})")
    with scratch() as work:
        test = SelfTest(work, say, keep)
        try:
            test.run_core()
            if extra is not None:
                extra(test)
        except SelfTestFailed as exc:
            say(f"FAIL {exc}")
            say("SELF-TEST FAILED")
            return 1
        finally:
            test.close()
    say(f"SELF-TEST PASSED in {time.monotonic() - started:.0f} s")
    return 0


class SelfTestAction(argparse.Action):
    """`ahtc --self-test [FOLDER]`: runs, then exits like --version does (FOLDER keeps the summary PDF)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option: Any = None) -> None:
        keep = Path(values) if values else None
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
        parser.exit(run(keep=keep, say=lambda line: print(line, flush=True)))
