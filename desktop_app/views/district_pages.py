"""District screens: the enrolled stations (last bundle, gaps, open conflicts, revoked) with enrolment and bundle
import, and the conflicts kept for review. Shown only when the store is a district store.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import BundleRejected
from desktop_app.services import permissions
from desktop_app.services.context import Context
from desktop_app.services.records import Changed
from desktop_app.sync.district import StationStatus, district_status
from desktop_app.sync.district_side import save_return_bundle
from desktop_app.sync.enrolment import EnrolmentResult, RequestPreview, enrol_station, read_request
from desktop_app.sync.importer import BundleHeld, receive_station_bundle
from desktop_app.views import ops
from desktop_app.views.fmt import date_text
from desktop_app.views.i18n import tr
from desktop_app.views.sync_page import LRM, _read_time, import_text, slip_text, sync_error_text
from desktop_app.views.tables import read_only_table


def gaps_text(gaps: list[list[int]]) -> str:
    return ", ".join(f"{a}–{b}" for a, b in gaps) if gaps else tr("none")


def refusals_text(refusals: dict[str, int]) -> str:
    """How many authentic bundles were refused, by the reason an officer follows up (wrong clock, foreign rows)."""
    labels = {"clock": tr("wrong clock"), "owner": tr("other station's records")}
    return ", ".join(f"{labels.get(check, check)}: {n:,}" for check, n in sorted(refusals.items())) or tr("none")


def status_text(status: StationStatus) -> str:
    """Active, or revoked on a date (its bundles are refused; it comes back only by enrolling again)."""
    revoked = _read_time(status.revoked_at)
    if revoked is None:
        return tr("Active")
    return tr("Revoked %1").replace("%1", date_text(revoked))


@dataclass
class ImportOutcome:
    path: Path
    text: str
    refused: bool


def import_station_bundles(ctx: Context, paths: list[Path], return_dir: Path) -> tuple[list[ImportOutcome], Changed]:
    """Import each station bundle; answer each applied one with a return bundle written into `return_dir`."""
    outcomes: list[ImportOutcome] = []
    changed = Changed()
    for path in paths:
        try:
            received = receive_station_bundle(ctx, Path(path).read_bytes())
        except (BundleRejected, BundleHeld, OSError) as exc:
            outcomes.append(ImportOutcome(Path(path), sync_error_text(exc), True))
            continue
        result = received.result
        changed = changed | Changed(result.changed_registers, result.changed_ids)
        text = import_text(result)
        answer = save_return_bundle(received.answer, return_dir)
        text += "\n\n" + tr("Return bundle for the station:") + "\n" + slip_text(answer)
        outcomes.append(ImportOutcome(Path(path), text, False))
    return outcomes, changed


class StationsPage(QWidget):
    """Enrolled stations, their last bundle, gaps, open conflicts and status; enrol a station; import bundles."""

    def __init__(self, ctx: Context, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("stations")
        self.statuses: list[StationStatus] = []
        self.table = read_only_table(
            "stations-table",
            [
                tr("Station"),
                tr("Name"),
                tr("Key fingerprint"),
                tr("Last bundle"),
                tr("Received"),
                tr("Acknowledged up to"),
                tr("Gaps"),
                tr("Open conflicts"),
                tr("Refused bundles"),
                tr("Status"),
            ],
        )
        self.enrol_button = QPushButton(tr("Enrol a station…"))
        self.enrol_button.setObjectName("enrol-station")
        self.enrol_button.clicked.connect(self._choose_request)
        self.enrol_button.setEnabled(permissions.allowed(ctx, permissions.MANAGE_USERS))
        self.import_button = QPushButton(tr("Import bundles…"))
        self.import_button.setObjectName("import-bundles")
        self.import_button.clicked.connect(self._choose_bundles)
        self.import_button.setEnabled(permissions.allowed(ctx, permissions.SYNC))
        self.output = QPlainTextEdit()
        self.output.setObjectName("output")
        self.output.setReadOnly(True)
        self.output.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.output.setMaximumHeight(200)
        self.output.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + tr("Stations") + "</h2>"))
        hint = QLabel(
            tr(
                "Every station enrolled with this district. A gap means changes that have not arrived yet; the "
                "station sends them again with its next bundle."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self._confirm_panel())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.output)
        ops.changes.changed.connect(self._on_changed)

    def _on_changed(self, _changed: Changed) -> None:
        if self.isVisible():
            self.reload()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        ctx = self.ctx
        ops.query(lambda: district_status(ctx), self.show_statuses, self._failed)

    def show_statuses(self, statuses: list[StationStatus]) -> None:
        self.statuses = statuses
        self.table.setRowCount(len(statuses))
        for row, s in enumerate(statuses):
            received = _read_time(s.last_received_at)
            cells = [
                s.code,
                s.name,
                s.fingerprint,
                str(s.last_bundle_no) if s.last_bundle_no else tr("none yet"),
                date_text(received) if received else "",
                f"{s.acked_seq:,}",
                gaps_text(s.gaps),
                f"{s.open_conflicts:,}",
                refusals_text(s.refusals),
                status_text(s),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if (column == 6 and s.gaps) or (column == 8 and s.refusals) or (column == 9 and s.revoked):
                    item.setForeground(Qt.GlobalColor.red)
                if column == 8 and s.last_refusal:
                    item.setToolTip(s.last_refusal)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

    # -- enrolment -------------------------------------------------------------------------------------------------

    def _confirm_panel(self) -> QWidget:
        """Shown once a request is loaded: both fingerprints, and the box for the one the station reads out."""
        self.request_path: Path | None = None
        self.confirm_panel = QWidget()
        self.confirm_panel.setObjectName("enrol-confirm-panel")
        self.request_details = QLabel()
        self.request_details.setObjectName("request-details")
        self.request_details.setWordWrap(True)
        self.request_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.station_fp_edit = QLineEdit()
        self.station_fp_edit.setObjectName("station-fingerprint")
        self.station_fp_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.station_fp_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.station_fp_edit.setMaxLength(40)
        confirm = QPushButton(tr("Confirm and enrol…"))
        confirm.setObjectName("enrol-confirm")
        confirm.clicked.connect(self._choose_answer)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("The station's fingerprint, as its SHO reads it out")))
        row.addWidget(self.station_fp_edit, 1)
        row.addWidget(confirm)
        layout = QVBoxLayout(self.confirm_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.request_details)
        layout.addLayout(row)
        self.confirm_panel.hide()
        return self.confirm_panel

    def _choose_request(self) -> None:
        request, _f = QFileDialog.getOpenFileName(self, tr("Enrol a station…"), "", "JSON (*.json)")
        if request:
            self.load_request(Path(request))

    def load_request(self, request: Path) -> None:
        """Show what the request says; nothing is recorded until the station's fingerprint is confirmed."""
        ctx = self.ctx
        self.error.hide()

        def shown(preview: RequestPreview) -> None:
            self.request_path = request
            self.request_details.setText(
                "\n".join(
                    [
                        tr("Request from station %1 (%2).")
                        .replace("%1", preview.station_code)
                        .replace("%2", preview.station_name),
                        f"{tr('Station’s fingerprint in the file')}: {preview.station_fingerprint}",
                        f"{tr('District’s fingerprint')}: {preview.district_fingerprint}",
                        tr(
                            "Phone the station's SHO: ask them to read their fingerprint, type it below, and read "
                            "them the district's."
                        ),
                    ]
                )
            )
            self.station_fp_edit.clear()
            self.confirm_panel.show()
            self.station_fp_edit.setFocus()

        ops.query(lambda: read_request(ctx, request), shown, self._failed)

    def _choose_answer(self) -> None:
        request = self.request_path
        if request is None:
            return
        suggested = str(request.with_name(request.stem.replace("request", "answer") + ".json"))
        answer, _f = QFileDialog.getSaveFileName(
            self, tr("Save the answer for the station"), suggested, "JSON (*.json)"
        )
        if answer:
            self.enrol(request, Path(answer), self.station_fp_edit.text())

    def enrol(self, request: Path, answer: Path, station_fingerprint: str) -> None:
        """Enrol the station if `station_fingerprint` (what its SHO read out) is the one in the request."""
        ctx = self.ctx
        self.error.hide()

        def done(result: EnrolmentResult) -> None:
            self.confirm_panel.hide()
            self.request_path = None
            lines = [
                tr("Enrolled %1; the answer for the station is in %2.")
                .replace("%1", f"{result.peer_code} ({result.peer_name})")
                .replace("%2", f"{LRM}{answer}"),
                f"{tr('Station’s fingerprint')}: {result.peer_fingerprint}",
                f"{tr('District’s fingerprint')}: {result.own_fingerprint}",
                tr("The station's SHO types the district's fingerprint in when loading the answer."),
            ]
            self.output.setPlainText("\n".join(lines))
            self.output.show()
            self.reload()

        ops.query(
            lambda: enrol_station(ctx, request, answer, station_fingerprint=station_fingerprint), done, self._failed
        )

    # -- bundles ---------------------------------------------------------------------------------------------------

    def _choose_bundles(self) -> None:
        paths, _f = QFileDialog.getOpenFileNames(
            self, tr("Import bundles…"), "", tr("AHTC bundles (*.ahtc-bundle);;All files (*)")
        )
        if not paths:
            return
        folder = QFileDialog.getExistingDirectory(self, tr("Folder for the return bundles (e.g. the USB stick)"))
        if folder:
            self.import_files([Path(p) for p in paths], Path(folder))

    def import_files(self, paths: list[Path], return_dir: Path) -> None:
        ctx = self.ctx
        self.error.hide()
        holder: list[list[ImportOutcome]] = []

        def work() -> Changed:
            outcomes, changed = import_station_bundles(ctx, paths, return_dir)
            holder.append(outcomes)
            return changed

        def done(_changed: Changed) -> None:
            parts = []
            for outcome in holder[0]:
                head = f"{outcome.path.name}: " + (tr("REFUSED") if outcome.refused else tr("imported"))
                parts.append(head + "\n" + outcome.text)
            self.output.setPlainText("\n\n".join(parts))
            self.output.show()
            self.reload()

        ops.write(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(sync_error_text(exc))
        self.error.show()
