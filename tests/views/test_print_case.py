"""Print button on a case: a real PDF read back (title, copy number), the audit entry, and printing through
QPrinter that leaves no PDF behind."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton

from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.views.form import RecordForm
from desktop_app.views.print_case import PrintCaseDialog
from tests.services.helpers import one_of_each


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _case(ctx: Context) -> tuple[str, str]:
    records = Records(ctx)
    case_id = one_of_each(records)["cases"]
    return case_id, records.get("cases", case_id)["title"]


def test_the_case_form_offers_print_and_saves_a_numbered_logged_copy(qtbot, ctx: Context, tmp_path: Path) -> None:
    case_id, title = _case(ctx)
    form = RecordForm(ctx, "cases", case_id)
    qtbot.addWidget(form)
    button = form.findChild(QPushButton, "print-summary")
    assert button is not None
    dialog = form.print_summary()
    assert isinstance(dialog, PrintCaseDialog)
    assert dialog.copy_label.text() == "This will be copy 1"

    dialog.save_pdf(tmp_path)

    files = list(tmp_path.glob("*.pdf"))
    assert len(files) == 1 and files[0].name == "fir-summary-AHTC-MBD-PHALIA-2026-001-copy1-police.pdf"
    text = _text(files[0])
    assert title in text
    assert "Copy No. 1" in text and "Copy No. 2" not in text
    assert "Copy 1 saved" in dialog.status.text()
    assert dialog.copy_label.text() == "This will be copy 2"
    prints = [e for e in Records(ctx).history("cases", case_id) if e["action"] == "print"]
    assert [e["detail"] for e in prints] == ["copy 1 audience police"]


def test_printing_goes_through_qprinter_and_leaves_no_pdf_behind(qtbot, ctx: Context, tmp_path: Path) -> None:
    case_id, title = _case(ctx)
    dialog = PrintCaseDialog(ctx, case_id, title)
    qtbot.addWidget(dialog)
    dialog.audience.setCurrentIndex(dialog.audience.findData("ngo_referral"))
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printer-output.pdf"
    printer.setOutputFileName(str(printed))

    dialog.print_to(printer)

    assert printed.exists() and len(PdfReader(str(printed)).pages) >= 2
    assert "sent to the printer" in dialog.status.text()
    assert not ctx.store.paths.printing.exists()
    prints = [e for e in Records(ctx).history("cases", case_id) if e["action"] == "print"]
    assert [e["detail"] for e in prints] == ["copy 1 audience ngo_referral"]


def test_a_viewer_is_not_offered_print(qtbot, ctx: Context) -> None:
    from desktop_app.services.accounts import add_user
    from desktop_app.services.setup import context_for
    from tests.conftest import FAST_KDF

    case_id, _title = _case(ctx)
    add_user(ctx, "viewer.one", "Viewer", "viewer", "viewer passphrase long", kdf=FAST_KDF)
    viewer = context_for(ctx.store, "viewer.one", ctx.clock)
    form = RecordForm(viewer, "cases", case_id)
    qtbot.addWidget(form)
    assert form.findChild(QPushButton, "print-summary") is None
