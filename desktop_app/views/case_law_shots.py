"""Render the case form's facts checklist and sections picker to PNG, in English and in Urdu, at 1366x768.

    python -m desktop_app.views.case_law_shots OUTDIR

Writes `form-case-header-<lang>.png` (the top of the form: the case number in its header), then
`form-case-facts-<lang>.png` and `form-case-sections-<lang>.png` (scrolled to the facts checklist, then to the
sections picker), for en and ur, from a throwaway demo store with one migrant-smuggling case.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QScrollArea

from desktop_app.services.demo import DEMO_PASSPHRASE, DEMO_USER, ensure_demo_store
from desktop_app.services.records import Records
from desktop_app.views import ops
from desktop_app.views.app import apply_language, load_fonts
from desktop_app.views.form import RecordForm

SCREEN = (1366, 768)
CASE = {
    "title": "Agent sent two youths by boat towards Italy",
    "offence_category": "migrant_smuggling",
    "fact_tags": ["money_taken", "border_crossing", "sea_route", "deception"],
    "sections": ["PSMA-2018-s3"],
}


def _grab(form: RecordForm, path: Path) -> Path:
    for _ in range(3):
        QApplication.processEvents()
    form.grab().save(str(path))
    return path


def render(outdir: Path, languages: tuple[str, ...] = ("en", "ur")) -> list[Path]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    load_fonts()
    ops.use_synchronous_runner(True)
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        ctx = ensure_demo_store(Path(tmp) / "demo", DEMO_PASSPHRASE, DEMO_USER)
        case_id = Records(ctx).create("cases", CASE).first_id
        for language in languages:
            apply_language(language)
            form = RecordForm(ctx, "cases", case_id)
            form.resize(*SCREEN)
            form.show()
            written.append(_grab(form, outdir / f"form-case-header-{language}.png"))
            scroll = form.findChild(QScrollArea)
            assert scroll is not None
            for name, shot in (("fact_tags", "facts"), ("sections", "sections")):
                top = form.editors[name].mapTo(scroll.widget(), QPoint(0, 0)).y()
                scroll.verticalScrollBar().setValue(top - 6)
                written.append(_grab(form, outdir / f"form-case-{shot}-{language}.png"))
            form.lock_away()
        ctx.store.close()
    apply_language("en")
    del app
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args(argv)
    for path in render(args.outdir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
