"""Print an FIR-support summary from a case: choose the audience, then print through Qt's print dialog or save
the PDF into a folder the officer chooses.

The summary names complainants, accused and victims, so printing never writes it to any file: it is rendered in
memory and painted onto the printer from there (a power cut mid-print leaves nothing on disk). Older versions
rendered into `printing/` in the data folder; `remove_print_leftovers` clears what a crash left there, at start.
Every copy is logged by `print_fir_summary` (who, when, copy number, audience).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.reports.fir_builder import next_copy_number, print_fir_summary
from desktop_app.reports.fir_pdf import RenderResult
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.store.store import StorePaths
from desktop_app.views import dialogs, ops
from desktop_app.views.i18n import tr

AUDIENCES = ("police", "prosecutor", "ngo_referral")
PRINT_DPI = 300


def audience_label(audience: str) -> str:
    return {
        "police": tr("Police (full copy)"),
        "prosecutor": tr("Prosecutor (victims masked)"),
        "ngo_referral": tr("NGO referral (child and victims masked)"),
    }[audience]


def remove_print_leftovers(data_dir: Path) -> None:
    """Delete PDFs an older version left in `printing/` when the power went mid-print (they name victims)."""
    shutil.rmtree(StorePaths(data_dir).printing, ignore_errors=True)


def render_for_printing(ctx: Context, case_id: str, audience: str) -> tuple[bytes, RenderResult]:
    """Render and log one copy, in memory only."""
    result = print_fir_summary(ctx, case_id, None, audience=audience)
    return result.pdf_bytes, result


def print_pdf_bytes(data: bytes, printer: Any) -> int:
    """Draw each page of the PDF onto `printer` (a QPrinter); returns the number of pages printed."""
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        pages = document.pageCount()
        for page in range(pages):
            if page:
                printer.newPage()
            size_pt = document.pagePointSize(page)
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            scale = min(target.width() / size_pt.width(), target.height() / size_pt.height())
            pixels = QSize(int(size_pt.width() * PRINT_DPI / 72), int(size_pt.height() * PRINT_DPI / 72))
            image = document.render(page, pixels)
            width, height = int(size_pt.width() * scale), int(size_pt.height() * scale)
            painter.drawImage(target.x(), target.y(), image.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio))
        return pages
    finally:
        painter.end()
        document.close()


def copy_number_of(result: RenderResult) -> int:
    """The copy number sealed into the summary (its canonical content carries it)."""
    try:
        return int(json.loads(result.content_json).get("copy_number") or 0)
    except (ValueError, AttributeError, TypeError):
        return 0


class PrintCaseDialog(QDialog):
    """Audience, the next copy number, and Print… / Save as PDF…."""

    def __init__(self, ctx: Context, case_id: str, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case_id = ctx, case_id
        self.setObjectName("print-case")
        self.setWindowTitle(tr("Print FIR summary…"))
        self.last_result: RenderResult | None = None
        self.audience = QComboBox()
        self.audience.setObjectName("audience")
        for audience in AUDIENCES:
            self.audience.addItem(audience_label(audience), audience)
        self.copy_label = QLabel()
        self.copy_label.setObjectName("copy-number")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        note = QLabel(
            tr(
                "Every copy is numbered and logged with its audience. A copy for anyone outside the police hides "
                "the child's and the victims' names, numbers and addresses."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("Case"), QLabel(title))
        form.addRow(tr("Audience"), self.audience)
        form.addRow(tr("Copy number"), self.copy_label)
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self._print_with_dialog)
        self.save_button = QPushButton(tr("Save as PDF…"))
        self.save_button.setObjectName("save-pdf")
        self.save_button.clicked.connect(self._save_with_dialog)
        close = QPushButton(tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(560, 240)
        self.refresh_copy_number()

    def selected_audience(self) -> str:
        return str(self.audience.currentData())

    def refresh_copy_number(self) -> None:
        ctx, case_id = self.ctx, self.case_id
        ops.query(
            lambda: next_copy_number(ctx, case_id),
            lambda n: self.copy_label.setText(tr("This will be copy %1").replace("%1", str(n))),
            lambda _e: self.copy_label.setText(""),
        )

    # -- save ------------------------------------------------------------------------------------------------------

    def _save_with_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Save as PDF…"))
        if folder:
            self.save_pdf(Path(folder))

    def save_pdf(self, folder: Path) -> None:
        ctx, case_id, audience = self.ctx, self.case_id, self.selected_audience()

        def work() -> RenderResult:
            copy = next_copy_number(ctx, case_id)
            # Named by the case number an officer looks for (slashes cannot be in a file name), not the record id.
            number = Records(ctx).get("cases", case_id).get("case_number") or case_id[:8]
            path = Path(folder) / f"fir-summary-{number.replace('/', '-')}-copy{copy}-{audience}.pdf"
            return print_fir_summary(ctx, case_id, path, audience=audience)

        self._busy(True)
        ops.query(work, self._saved, self._failed)

    def _saved(self, result: RenderResult) -> None:
        self._busy(False)
        self.last_result = result
        self.status.setText(
            tr("Copy %1 saved: %2").replace("%1", str(self._copy_of(result))).replace("%2", str(result.out_path))
        )
        self.refresh_copy_number()

    # -- print -----------------------------------------------------------------------------------------------------

    def _print_with_dialog(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: Any) -> None:
        ctx, case_id, audience = self.ctx, self.case_id, self.selected_audience()
        self._busy(True)

        def done(rendered: tuple[bytes, RenderResult]) -> None:
            data, result = rendered
            print_pdf_bytes(data, printer)  # painting needs the UI thread
            self._busy(False)
            self.last_result = result
            self.status.setText(
                tr("Copy %1 sent to the printer (%2 pages).")
                .replace("%1", str(self._copy_of(result)))
                .replace("%2", str(result.page_count))
            )
            self.refresh_copy_number()

        ops.query(lambda: render_for_printing(ctx, case_id, audience), done, self._failed)

    # -- shared ----------------------------------------------------------------------------------------------------

    def _copy_of(self, result: RenderResult) -> int:
        return copy_number_of(result)

    def _busy(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)
        if busy:
            self.status.setText(tr("Preparing the summary…"))

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.status.setText(dialogs.error_text(exc))
