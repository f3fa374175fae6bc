"""Render every main screen and every register's form, with demo data, to PNG in English and in Urdu.

    python -m desktop_app.views.screenshots OUTDIR [--records N]

File names say the screen and the language: `screen-sites-en.png`, `form-children-ur.png`, `unlock-ur.png`.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.services.context import Context
from desktop_app.services.demo import DEMO_PASSPHRASE, DEMO_USER, ensure_demo_store, fill
from desktop_app.services.records import ListQuery, Records
from desktop_app.services.registry import load_all
from desktop_app.store.keyslots import KdfParams
from desktop_app.sync.district import init_district
from desktop_app.sync.enrolment import enrol_complete, enrol_request, enrol_station, own_fingerprint
from desktop_app.sync.importer import import_bundle
from desktop_app.views import ops
from desktop_app.views.app import apply_language, load_fonts
from desktop_app.views.mainwindow import MainWindow
from desktop_app.views.print_case import PrintCaseDialog
from desktop_app.views.reports_page import ReportsPage
from desktop_app.views.start import StartDialog, UnlockDialog
from desktop_app.views.sync_page import SyncPage

# Screenshots need no real passphrase cost; the demo district exists only for the length of the run.
SCREENSHOT_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)


def _save(widget: QWidget, path: Path) -> Path:
    widget.show()
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def _enrolled_district(station: Context, folder: Path) -> Context:
    """A district store with the demo station enrolled, for the district screens."""
    district = init_district(
        folder / "district",
        district_code=station.station.district_code or "MBD",
        district=station.station.district,
        admin="dpo",
        passphrase=DEMO_PASSPHRASE,
        recovery_key_out=folder / "district-recovery-key.json",
        kdf=SCREENSHOT_KDF,
    )
    request, answer = folder / "request.json", folder / "answer.json"
    fingerprint = enrol_request(station, request).own_fingerprint
    enrol_station(district, request, answer, station_fingerprint=fingerprint)
    enrol_complete(station, answer, district_fingerprint=own_fingerprint(district))
    return district


def _district_screens(district: Context, usb: Path, outdir: Path, language: str) -> list[Path]:
    for bundle in sorted(usb.glob("*.ahtc-bundle")):
        import_bundle(district, bundle.read_bytes())
    window = MainWindow(district)
    window.resize(1366, 768)
    window.show()
    out = []
    for key in ("stations", "conflicts", "cases"):
        window.show_screen(key)
        out.append(_save(window, outdir / f"screen-district-{key}-{language}.png"))
    window.close()
    window.deleteLater()
    return out


def render(outdir: Path, records: int = 400, languages: tuple[str, ...] = ("en", "ur")) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    load_fonts()
    ops.use_synchronous_runner(True)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        ctx = ensure_demo_store(Path(tmp) / "demo", DEMO_PASSPHRASE, DEMO_USER)
        fill(ctx, records=records)
        service = Records(ctx)
        district = _enrolled_district(ctx, Path(tmp))
        usb = Path(tmp) / "USB"
        usb.mkdir()
        for language in languages:
            apply_language(language)
            start = StartDialog()
            written.append(_save(start, outdir / f"start-{language}.png"))
            start.close()
            unlock = UnlockDialog(Path(tmp) / "demo", username=DEMO_USER)
            unlock.error.setText("")
            written.append(_save(unlock, outdir / f"unlock-{language}.png"))
            unlock.close()
            window = MainWindow(ctx)
            window.resize(1366, 768)
            window.show()
            for key in window.keys:
                page = window.show_screen(key)
                if isinstance(page, SyncPage):
                    page.use_folder(usb)
                    page.write_bundle()
                if isinstance(page, ReportsPage):
                    page.preset.setCurrentIndex(page.preset.findData("this_year"))
                    page.show_figures()
                written.append(_save(window, outdir / f"screen-{key}-{language}.png"))
            cases = service.list("cases", ListQuery(limit=1))
            if cases:
                dialog = PrintCaseDialog(ctx, cases[0]["id"], cases[0]["title"], window)
                written.append(_save(dialog, outdir / f"dialog-print-case-{language}.png"))
                dialog.close()
            for name, spec in load_all().items():
                if spec.internal:
                    continue
                first = service.list(name, ListQuery(limit=1))
                form = window.open_record(name, first[0]["id"] if first else None)
                written.append(_save(form, outdir / f"form-{name}-{language}.png"))
                form.lock_away()
            window.close()
            window.deleteLater()
            written.extend(_district_screens(district, usb, outdir, language))
        district.store.close()
        ctx.store.close()
    apply_language("en")
    del app
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--records", type=int, default=400)
    args = parser.parse_args(argv)
    for path in render(args.outdir, args.records):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
