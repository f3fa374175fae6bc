"""The station's Sync screen: a bundle onto a USB stick (written, read back and checked), the district's return
bundle, sync over the network in the background, and enrolment with the district (SHO).

Every sync function runs through `ops` (never on the UI thread); each error becomes one sentence an officer
can act on (`sync_error_text`).
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, QStorageInfo, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AhtcError, BundleRejected, PermissionDenied
from desktop_app.services import permissions
from desktop_app.services.context import Context
from desktop_app.services.records import Changed
from desktop_app.services.registry import spec_for
from desktop_app.services.settings import load_settings, pending_change_count
from desktop_app.sync.client import (
    DistrictNotVerified,
    DistrictRefused,
    DistrictUnreachable,
    HttpSyncResult,
    sync_over_http,
)
from desktop_app.sync.enrolment import (
    AnswerPreview,
    EnrolmentError,
    EnrolmentResult,
    FingerprintMismatch,
    enrol_complete,
    enrol_request,
    own_fingerprint,
    read_answer,
)
from desktop_app.sync.export import (
    ClockWarning,
    DispatchSlip,
    NotEnrolled,
    WriteNotVerified,
    clock_warnings,
    export_bundle,
)
from desktop_app.sync.importer import BundleHeld, ImportResult, import_bundle
from desktop_app.views import ops
from desktop_app.views.fmt import date_text
from desktop_app.views.i18n import tr

# Often enough that the district sees the day's work the same day; rarely enough not to load a thin link.
SYNC_EVERY_MINUTES = 15
SYNC_TIMEOUT_S = 60.0
# Where Linux desktops mount USB sticks.
REMOVABLE_ROOTS = ("/media", "/mnt", "/run/media")
DRIVE_REMOVABLE = 2
# Left-to-right mark: keeps a path's leading slash and a list of counts in place inside Urdu text.
LRM = "\u200e"
# Left-to-right isolate: a number range keeps its order whatever the paragraph's direction.
LRI, PDI = "\u2066", "\u2069"


def user_prefs() -> QSettings:
    """The officer's UI preferences (the same place as the app's; tests point the default format elsewhere)."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "Punjab Police", "AHTC Register")


# -- errors in plain words --------------------------------------------------------------------------------------


def check_sentence(check: str) -> str:
    """What a failed bundle check means for the officer holding the file."""
    sentences = {
        "size": tr("The file is too large to be a bundle, or empty."),
        "zip": tr("The file is damaged or incomplete (was the stick pulled out while writing?)."),
        "manifest": tr("The bundle's description is damaged or was changed."),
        "format": tr("This file is not an AHTC bundle, or comes from an unknown version."),
        "recipient": tr("This bundle is addressed to another station or district."),
        "sender": tr("The bundle comes from a sender this installation has not enrolled."),
        "signature": tr("The signature does not match: the bundle was changed after it was written."),
        "payload-hash": tr("The contents do not match the bundle's description: the file was changed or damaged."),
        "decryption": tr("The contents cannot be opened with this installation's key."),
        "payload": tr("The contents of the bundle are not valid."),
        "kind": tr("This kind of bundle is not imported here."),
        "receipt": tr("The district's receipt in this bundle does not verify."),
        "rate": tr("The district server is busy; try again in a minute."),
        "schema": tr("The district runs a different version of AHTC Register."),
        "server": tr("The district server could not take the bundle."),
        "revoked": tr("This station is revoked at the district: nothing it sends is taken. Ask district IT."),
        "retired-key": tr("The bundle is signed with keys the sender no longer uses; it sends everything again."),
        "key-change": tr("The bundle announces new keys that cannot be accepted. Report it to district IT."),
        "clock": tr(
            "Changes in the bundle are dated too far in the future: the sending PC's date is wrong. Correct the date "
            "and time there; the SHO then runs 'ahtc repair-clock' and sends again."
        ),
        "owner": tr(
            "The bundle changes records that belong to another station. Nothing from it was taken; report it to "
            "district IT."
        ),
    }
    return sentences.get(check, tr("The bundle failed a check."))


def isolated(text: str) -> str:
    """A date and time keep their order inside an Urdu sentence."""
    return f"{LRI}{text}{PDI}"


def span_text(span: dt.timedelta) -> str:
    """A clock difference in whole days, or hours under two days, in the UI language."""
    seconds = abs(span.total_seconds())
    if seconds >= 2 * 86400:
        return tr("%1 days").replace("%1", str(round(seconds / 86400)))
    return tr("%1 hours").replace("%1", str(max(1, round(seconds / 3600))))


def clock_warning_text(warning: ClockWarning) -> str:
    """What is wrong with this PC's clock and what to do, before the officer exports (see `ClockWarning`)."""
    if warning.kind == "behind":
        assert warning.latest is not None
        return (
            tr(
                "This PC's clock reads %1, %2 behind the last change saved here (%3). The date is probably wrong (a "
                "flat CMOS battery resets it): correct the date and time before you go on."
            )
            .replace("%1", isolated(date_text(warning.now)))
            .replace("%2", span_text(warning.off))
            .replace("%3", isolated(date_text(warning.latest)))
        )
    if warning.kind == "district":
        ahead = warning.off > dt.timedelta(0)
        text = (
            tr("At the last sync this PC's clock was %1 ahead of the district's.")
            if ahead
            else tr("At the last sync this PC's clock was %1 behind the district's.")
        )
        return (
            text.replace("%1", span_text(warning.off))
            + " "
            + tr(
                "Correct the date and time before exporting: the district refuses changes stamped more than %1 "
                "ahead of its own clock."
            ).replace("%1", span_text(warning.skew))
        )
    assert warning.latest is not None
    return (
        tr(
            "%1 change(s) waiting to be sent were stamped while this PC's clock was ahead (as late as %2). The "
            "district refuses them as they are: the SHO should run 'ahtc repair-clock' to stamp them again, then "
            "export."
        )
        .replace("%1", f"{warning.count:,}")
        .replace("%2", isolated(date_text(warning.latest)))
    )


def sync_error_text(exc: BaseException) -> str:
    """One clear sentence (and what to do) for each thing sync can raise."""
    if isinstance(exc, BundleRejected):
        return (
            tr("Refused (%1): %2 Nothing was imported.")
            .replace("%1", exc.check)
            .replace("%2", check_sentence(exc.check))
        )
    if isinstance(exc, DistrictRefused):
        return (
            tr("The district refused the bundle (%1): %2 Nothing was lost; the changes stay here.")
            .replace("%1", exc.check)
            .replace("%2", check_sentence(exc.check))
        )
    if isinstance(exc, DistrictNotVerified):
        return tr(
            "The server at the district's address did not show the district's certificate, so nothing was sent: it "
            "may be another computer posing as the district. Nothing was lost. Tell district IT."
        )
    if isinstance(exc, DistrictUnreachable):
        return tr(
            "The district server could not be reached (no network, or the server is off). Nothing was lost: "
            "the changes go with the next sync or on a USB stick."
        )
    if isinstance(exc, NotEnrolled):
        return tr("This station is not enrolled with its district yet: the SHO does that below, once.")
    if isinstance(exc, BundleHeld):
        return tr(
            "The bundle comes from a newer version of AHTC Register. It is kept unapplied; ask district IT to "
            "update this computer, then import the same file again."
        )
    if isinstance(exc, FingerprintMismatch):
        return (
            tr(
                "The fingerprint you typed (%1) is not the one in the file (%2). Nothing was changed. Check it by "
                "phone again; if it really differs, the file was swapped or changed on the way: do not use it, and "
                "ask for a new one."
            )
            .replace("%1", exc.typed)
            .replace("%2", exc.in_file)
        )
    if isinstance(exc, EnrolmentError):
        return tr("The enrolment file cannot be used: %1").replace("%1", str(exc))
    if isinstance(exc, PermissionDenied):
        return tr("Your role does not allow this.")
    if isinstance(exc, WriteNotVerified):
        return tr(
            "The file on the drive does not read back the same as what was written: the stick may be faulty. "
            "Write the bundle again, to another stick if you can."
        )
    if isinstance(exc, OSError):
        return tr("The drive or file could not be used (%1). Is the stick plugged in and not full?").replace(
            "%1", exc.strerror or type(exc).__name__
        )
    if isinstance(exc, AhtcError):
        return tr(exc.user_message())
    return tr("Something went wrong; nothing was changed. Details are in the log.")


def remembered_error(exc: BaseException) -> str:
    """What the preferences keep of a sync problem: a code, never its text (which may quote a name)."""
    if isinstance(exc, BundleRejected | DistrictRefused):
        kind = "refused" if isinstance(exc, BundleRejected) else "district-refused"
        return f"{kind}:{exc.check}" if exc.check.isidentifier() else kind
    kinds = (
        ("not-verified", DistrictNotVerified),
        ("unreachable", DistrictUnreachable),
        ("not-enrolled", NotEnrolled),
        ("held", BundleHeld),
    )
    for kind, cls in kinds:
        if isinstance(exc, cls):
            return kind
    return "other"


def remembered_error_text(code: str) -> str:
    kind, _, check = code.partition(":")
    if kind == "refused":
        return sync_error_text(BundleRejected(check or "payload", ""))
    if kind == "district-refused":
        return sync_error_text(DistrictRefused(check or "payload", ""))
    known: dict[str, AhtcError] = {
        "not-verified": DistrictNotVerified(),
        "unreachable": DistrictUnreachable(),
        "not-enrolled": NotEnrolled(),
        "held": BundleHeld(),
    }
    if kind in known:
        return sync_error_text(known[kind])
    return tr("The last sync did not succeed. Try again, or send the changes on a USB stick.")


# -- drives and the verified write ------------------------------------------------------------------------------


def removable_drives() -> list[tuple[str, Path]]:
    """(label, folder) for each removable drive that is ready to write to."""
    out: list[tuple[str, Path]] = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = volume.rootPath()
        if sys.platform == "win32":
            import ctypes

            if ctypes.windll.kernel32.GetDriveTypeW(root) != DRIVE_REMOVABLE:  # type: ignore[attr-defined]
                continue
        elif (
            not any(root == base or root.startswith(base + "/") for base in REMOVABLE_ROOTS) or root in REMOVABLE_ROOTS
        ):
            continue
        name = volume.displayName() or root
        out.append((f"{name} ({root})" if name != root else root, Path(root)))
    return out


@dataclass(frozen=True)
class WrittenBundle:
    slip: DispatchSlip
    verified: bool


def write_verified_bundle(ctx: Context, folder: Path) -> WrittenBundle | None:
    """Export the next bundle into `folder`; `export_bundle` reads the file back and compares its SHA-256."""
    slip = export_bundle(ctx, folder)
    return None if slip is None else WrittenBundle(slip, True)


def _register_label(table: str) -> str:
    """A register's name as the officer knows it (the slip is copied into a paper register by hand)."""
    try:
        return tr(spec_for(table).label)
    except KeyError:
        return table


def slip_text(slip: DispatchSlip, verified: bool = False) -> str:
    """The dispatch slip for the paper register, in the UI language (numbers and hashes stay as they are)."""
    counts = ", ".join(f"{_register_label(name)} {n:,}" for name, n in sorted(slip.counts.items())) or tr("none")
    lines = [
        tr("Dispatch slip — copy into the dispatch register"),
        f"{tr('Bundle no.')}: {slip.bundle_no}",
        f"{tr('From')}: {slip.sender}   {tr('To')}: {slip.recipient}",
        f"{tr('Range')}: {LRI}{slip.seq_from}–{slip.seq_to}{PDI}",
        f"{tr('Changes')}: {slip.changes:,}",
        f"{LRM}{counts}",
        f"{tr('Created')}: {_when(slip.created_at)}",
        f"SHA-256: {slip.sha256}",
    ]
    if slip.file is not None:
        lines.append(f"{tr('File')}: {LRM}{slip.file}")
    if verified:
        lines.append(tr("Checked: the file on the drive reads back identical (same SHA-256)."))
    return "\n".join(lines)


def import_text(result: ImportResult) -> str:
    report = result.report
    lines = [slip_text(result.slip)]
    if result.status == "duplicate":
        # The acknowledgement and notes were said the first time; repeating them reads as if something happened.
        return "\n".join([*lines, tr("Already imported earlier: nothing changed.")])
    lines.append(
        tr("Imported: %1 new, %2 updated, %3 conflicts kept for review.")
        .replace("%1", str(report.get("created", 0)))
        .replace("%2", str(report.get("updated", 0)))
        .replace("%3", str(report.get("conflicts", 0)))
    )
    if "acked_seq" in report:
        lines.append(tr("The district has acknowledged changes up to %1.").replace("%1", str(report["acked_seq"])))
    lines.extend(str(note) for note in report.get("notes", []))
    return "\n".join(lines)


def _when(text: str) -> str:
    try:
        return date_text(dt.datetime.fromisoformat(text))
    except ValueError:
        return text


# -- background sync ---------------------------------------------------------------------------------------------


class BackgroundSync(QObject):
    """Sends the station's changes to the district server every few minutes, in a worker thread via `ops`.

    Remembers the last success and the last problem (in the user's preferences: times and a code for the kind
    of problem, never its text, which may quote a record) so the officer sees them after a restart.
    """

    changed = Signal()

    def __init__(
        self,
        ctx: Context,
        parent: Any = None,
        *,
        every_minutes: int = SYNC_EVERY_MINUTES,
        timeout_s: float = SYNC_TIMEOUT_S,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.timeout_s = ctx, timeout_s
        self.running = False
        self.last_result: HttpSyncResult | None = None
        self.prefs = user_prefs()
        self._key = f"sync/{ctx.station.station_code}"
        self.last_success = _read_time(self.prefs.value(f"{self._key}/last_success"))
        self.prefs.remove(f"{self._key}/last_error")  # older versions kept the text itself
        code = str(self.prefs.value(f"{self._key}/last_error_code", "") or "")
        self.last_error = remembered_error_text(code) if code else None
        self.last_error_at = _read_time(self.prefs.value(f"{self._key}/last_error_at"))
        self.timer = QTimer(self, interval=max(1, every_minutes) * 60_000)
        self.timer.timeout.connect(self.sync_now)
        self.url: str | None = None
        may_sync = permissions.allowed(ctx, permissions.SYNC) and not ctx.station.is_district
        self.set_url(load_settings(ctx).district_url if may_sync else None)

    def set_url(self, url: str | None) -> None:
        self.url = url or None
        if self.url:
            self.timer.start()
        else:
            self.timer.stop()
        self.changed.emit()

    def sync_now(self) -> bool:
        """Start one exchange unless one is running or no address is set; returns at once."""
        if self.running or not self.url:
            return False
        self.running = True
        self.changed.emit()
        ctx, url, timeout = self.ctx, self.url, self.timeout_s
        ops.query(lambda: sync_over_http(ctx, url, timeout_s=timeout), self._done, self._failed)
        return True

    def _done(self, result: HttpSyncResult) -> None:
        self.running = False
        self.last_result = result
        self.last_success = self.ctx.clock.now()
        self.last_error = self.last_error_at = None
        self.prefs.setValue(f"{self._key}/last_success", self.last_success.isoformat())
        self.prefs.remove(f"{self._key}/last_error_code")
        self.prefs.remove(f"{self._key}/last_error_at")
        received = result.received
        if received.changed_registers:
            ops.changes.changed.emit(Changed(received.changed_registers, received.changed_ids))
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.last_error = sync_error_text(exc)
        self.last_error_at = self.ctx.clock.now()
        self.prefs.setValue(f"{self._key}/last_error_code", remembered_error(exc))
        self.prefs.setValue(f"{self._key}/last_error_at", self.last_error_at.isoformat())
        self.changed.emit()

    def stop(self) -> None:
        self.timer.stop()


def _read_time(value: object) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


# -- the screen --------------------------------------------------------------------------------------------------


def _output_box(name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setReadOnly(True)
    box.setMaximumHeight(170)
    box.hide()
    return box


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    label.hide()
    return label


class SyncPage(QWidget):
    def __init__(self, ctx: Context, background: BackgroundSync | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("sync")
        self.background = background or BackgroundSync(ctx, self)
        self.background.changed.connect(self.refresh_status)
        ops.changes.changed.connect(self._on_changed)
        self.folder: Path | None = None
        self.last_written: WrittenBundle | None = None

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel("<h2>" + tr("Sync") + "</h2>"))
        self.clock_warning = _error_label("clock-warning")
        layout.addWidget(self.clock_warning)
        layout.addWidget(self._network_box())
        layout.addWidget(self._usb_box())
        layout.addWidget(self._return_box())
        if permissions.allowed(ctx, permissions.MANAGE_USERS):
            layout.addWidget(self._enrolment_box())
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh_drives()
        self.refresh_status()

    def _on_changed(self, _changed: Changed) -> None:
        if self.isVisible():
            self.refresh_status()

    # -- network ---------------------------------------------------------------------------------------------------

    def _network_box(self) -> QGroupBox:
        box = QGroupBox(tr("Sync with the district over the network"))
        self.server_label = QLabel()
        self.server_label.setObjectName("server")
        self.server_label.setWordWrap(True)
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pending")
        self.success_label = QLabel()
        self.success_label.setObjectName("last-success")
        self.error_label = QLabel()
        self.error_label.setObjectName("last-error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.sync_button = QPushButton(tr("Sync now"))
        self.sync_button.setObjectName("sync-now")
        self.sync_button.clicked.connect(self.sync_now)
        layout = QVBoxLayout(box)
        for widget in (self.server_label, self.pending_label, self.success_label, self.error_label):
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.sync_button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def sync_now(self) -> bool:
        return self.background.sync_now()

    def refresh_status(self) -> None:
        bg = self.background
        if bg.url:
            self.server_label.setText(
                tr("District server: %1 (every %2 minutes while the app is open)")
                .replace("%1", bg.url)
                .replace("%2", str(SYNC_EVERY_MINUTES))
            )
        else:
            self.server_label.setText(
                tr("No district server address is set: use the USB stick below, or ask the SHO to set it in Settings.")
            )
        self.sync_button.setEnabled(bool(bg.url) and not bg.running)
        self.sync_button.setText(tr("Syncing…") if bg.running else tr("Sync now"))
        self.success_label.setText(
            f"{tr('Last successful sync')}: {date_text(bg.last_success) if bg.last_success else tr('never')}"
        )
        if bg.last_error:
            self.error_label.setText(f"{tr('Last problem')} ({date_text(bg.last_error_at)}): {bg.last_error}")
            self.error_label.show()
        else:
            self.error_label.hide()
        ctx = self.ctx
        ops.query(
            lambda: pending_change_count(ctx),
            lambda n: self.pending_label.setText(f"{tr('Changes not yet sent')}: {n:,}"),
            lambda _e: None,
        )
        if not ctx.station.is_district:
            ops.query(lambda: clock_warnings(ctx), self.show_clock_warnings, lambda _e: None)

    def show_clock_warnings(self, warnings: list[ClockWarning]) -> None:
        """A wrong PC date costs a refused bundle: say so before the officer writes one."""
        self.clock_warning.setText("\n".join(clock_warning_text(w) for w in warnings))
        self.clock_warning.setVisible(bool(warnings))

    # -- USB stick -------------------------------------------------------------------------------------------------

    def _usb_box(self) -> QGroupBox:
        box = QGroupBox(tr("Send by USB stick"))
        self.drives = QComboBox()
        self.drives.setObjectName("drives")
        self.drives.setMinimumWidth(260)
        self.drives.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        refresh = QPushButton(tr("Refresh"))
        refresh.clicked.connect(self.refresh_drives)
        choose = QPushButton(tr("Choose folder…"))
        choose.clicked.connect(self._choose_folder)
        self.write_button = QPushButton(tr("Write bundle"))
        self.write_button.setObjectName("write-bundle")
        self.write_button.clicked.connect(lambda: self.write_bundle())
        self.write_button.setEnabled(permissions.allowed(self.ctx, permissions.SYNC))
        self.slip = _output_box("slip")
        self.usb_error = _error_label("usb-error")
        self.copy_button = QPushButton(tr("Copy slip"))
        self.copy_button.clicked.connect(self.copy_slip)
        self.print_button = QPushButton(tr("Print slip…"))
        self.print_button.clicked.connect(self.print_slip)
        for button in (self.copy_button, self.print_button):
            button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Drive or folder")))
        row.addWidget(self.drives, 1)
        row.addWidget(refresh)
        row.addWidget(choose)
        row.addWidget(self.write_button)
        slip_row = QHBoxLayout()
        slip_row.addWidget(self.copy_button)
        slip_row.addWidget(self.print_button)
        slip_row.addStretch(1)
        layout = QVBoxLayout(box)
        hint = QLabel(
            tr(
                "The bundle holds every change the district has not acknowledged, signed and encrypted: only the "
                "district can read it, so anyone may carry it."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.usb_error)
        layout.addWidget(self.slip)
        layout.addLayout(slip_row)
        return box

    def refresh_drives(self) -> None:
        self.drives.clear()
        for label, path in removable_drives():
            self.drives.addItem(LRM + label, str(path))
        if self.folder is not None:
            self.drives.addItem(LRM + str(self.folder), str(self.folder))
            self.drives.setCurrentIndex(self.drives.count() - 1)
        if self.drives.count() == 0:
            self.drives.addItem(tr("No USB stick found: plug one in, or choose a folder"), None)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Choose folder…"))
        if folder:
            self.use_folder(Path(folder))

    def use_folder(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.refresh_drives()

    def write_bundle(self, folder: Path | None = None) -> None:
        target = folder or (Path(self.drives.currentData()) if self.drives.currentData() else None)
        self.usb_error.hide()
        if target is None:
            self._usb_failed_text(tr("Choose a USB stick or a folder first."))
            return
        ctx = self.ctx
        self.write_button.setEnabled(False)
        ops.query(lambda: write_verified_bundle(ctx, target), self._written, self._usb_failed)

    def _written(self, written: WrittenBundle | None) -> None:
        self.write_button.setEnabled(True)
        self.last_written = written
        if written is None:
            self.slip.setPlainText(tr("Nothing to send: the district has acknowledged every change."))
        else:
            self.slip.setPlainText(slip_text(written.slip, written.verified))
        self.slip.show()
        for button in (self.copy_button, self.print_button):
            button.setEnabled(written is not None)
        self.refresh_status()

    def _usb_failed(self, exc: BaseException) -> None:
        self.write_button.setEnabled(True)
        self._usb_failed_text(sync_error_text(exc))

    def _usb_failed_text(self, text: str) -> None:
        self.usb_error.setText(text)
        self.usb_error.show()

    def copy_slip(self) -> None:
        QGuiApplication.clipboard().setText(self.slip.toPlainText())

    def print_slip(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec():
            document = QTextDocument()
            document.setPlainText(self.slip.toPlainText())
            document.print_(printer)

    # -- return bundle ---------------------------------------------------------------------------------------------

    def _return_box(self) -> QGroupBox:
        box = QGroupBox(tr("Bring in the district's answer"))
        button = QPushButton(tr("Import return bundle…"))
        button.setObjectName("import-return")
        button.clicked.connect(self._choose_return)
        button.setEnabled(permissions.allowed(self.ctx, permissions.SYNC))
        self.import_result = _output_box("import-result")
        self.import_error = _error_label("import-error")
        hint = QLabel(
            tr(
                "The district answers each bundle with a return bundle: it confirms what arrived and brings "
                "district data."
            )
        )
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.import_error)
        layout.addWidget(self.import_result)
        return box

    def _choose_return(self) -> None:
        start = str(self.drives.currentData() or "")
        path, _filter = QFileDialog.getOpenFileName(
            self, tr("Import return bundle…"), start, tr("AHTC bundles (*.ahtc-bundle);;All files (*)")
        )
        if path:
            self.import_return(Path(path))

    def import_return(self, path: Path) -> None:
        ctx = self.ctx
        self.import_error.hide()
        self.import_result.hide()
        holder: list[ImportResult] = []

        def work() -> Changed:
            result = import_bundle(ctx, Path(path).read_bytes())
            holder.append(result)
            return Changed(result.changed_registers, result.changed_ids)

        def done(_changed: Changed) -> None:
            self.import_result.setPlainText(import_text(holder[0]))
            self.import_result.show()
            self.refresh_status()

        ops.write(work, done, self._import_failed)

    def _import_failed(self, exc: BaseException) -> None:
        self.import_error.setText(sync_error_text(exc))
        self.import_error.show()

    # -- enrolment (SHO) -------------------------------------------------------------------------------------------

    def _enrolment_box(self) -> QGroupBox:
        box = QGroupBox(tr("Enrolment with the district (once, by the SHO)"))
        request = QPushButton(tr("Make enrolment request…"))
        request.setObjectName("enrol-request")
        request.clicked.connect(self._choose_request)
        answer = QPushButton(tr("Load district answer…"))
        answer.setObjectName("enrol-complete")
        answer.clicked.connect(self._choose_answer)
        self.fingerprints = QLabel()
        self.fingerprints.setObjectName("fingerprints")
        self.fingerprints.setWordWrap(True)
        self.fingerprints.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enrol_error = _error_label("enrol-error")
        steps = QLabel(
            tr(
                "1. Make the request file, take it to the district AHTC and read them this station's fingerprint by "
                "phone. 2. Load the answer file the district gives back. 3. Type the district's fingerprint as the "
                "district reads it out: enrolment goes ahead only if it matches the answer file."
            )
        )
        steps.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(request)
        row.addWidget(answer)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(steps)
        layout.addLayout(row)
        layout.addWidget(self._confirm_panel())
        layout.addWidget(self.enrol_error)
        layout.addWidget(self.fingerprints)
        ctx = self.ctx
        ops.query(
            lambda: own_fingerprint(ctx),
            lambda fp: self.fingerprints.setText(f"{tr('This station’s fingerprint')}: {fp}"),
            lambda _e: None,
        )
        return box

    def _confirm_panel(self) -> QWidget:
        """Shown once an answer is loaded: both fingerprints, and the box for the one the district reads out."""
        self.answer_path: Path | None = None
        self.confirm_panel = QWidget()
        self.confirm_panel.setObjectName("enrol-confirm-panel")
        self.answer_details = QLabel()
        self.answer_details.setObjectName("answer-details")
        self.answer_details.setWordWrap(True)
        self.answer_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.district_fp_edit = QLineEdit()
        self.district_fp_edit.setObjectName("district-fingerprint")
        self.district_fp_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.district_fp_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.district_fp_edit.setMaxLength(40)
        self.district_fp_edit.returnPressed.connect(lambda: self.confirm_enrolment())
        self.confirm_button = QPushButton(tr("Confirm and enrol"))
        self.confirm_button.setObjectName("enrol-confirm")
        self.confirm_button.clicked.connect(lambda: self.confirm_enrolment())
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("The district's fingerprint, as the district reads it out")))
        row.addWidget(self.district_fp_edit, 1)
        row.addWidget(self.confirm_button)
        layout = QVBoxLayout(self.confirm_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.answer_details)
        layout.addLayout(row)
        self.confirm_panel.hide()
        return self.confirm_panel

    def _choose_request(self) -> None:
        name = f"{self.ctx.station.station_code}.enrol-request.json"
        path, _f = QFileDialog.getSaveFileName(self, tr("Make enrolment request…"), name, "JSON (*.json)")
        if path:
            self.make_request(Path(path))

    def _choose_answer(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, tr("Load district answer…"), "", "JSON (*.json)")
        if path:
            self.load_answer(Path(path))

    def make_request(self, path: Path) -> None:
        ctx = self.ctx
        self.enrol_error.hide()

        def done(result: EnrolmentResult) -> None:
            self.fingerprints.setText(
                "\n".join(
                    [
                        tr("Request written to %1.").replace("%1", f"{LRM}{path}"),
                        f"{tr('This station’s fingerprint')}: {result.own_fingerprint}",
                        tr("Read this fingerprint to the district by phone when you hand over the request."),
                    ]
                )
            )

        ops.query(lambda: enrol_request(ctx, path), done, self._enrol_failed)

    def load_answer(self, path: Path) -> None:
        """Show what the answer file says; nothing is trusted or written until the fingerprint is confirmed."""
        ctx = self.ctx
        self.enrol_error.hide()

        def shown(preview: AnswerPreview) -> None:
            self.answer_path = path
            self.answer_details.setText(
                "\n".join(
                    [
                        tr("Answer from district %1 (%2).")
                        .replace("%1", preview.district_code)
                        .replace("%2", preview.district_name),
                        f"{tr('This station’s fingerprint')}: {preview.station_fingerprint}",
                        f"{tr('District’s fingerprint in the file')}: {preview.district_fingerprint}",
                        tr(
                            "Phone the district: read them this station's fingerprint, ask them to read theirs, and "
                            "type it below."
                        ),
                    ]
                )
            )
            self.district_fp_edit.clear()
            self.confirm_panel.show()
            self.district_fp_edit.setFocus()

        ops.query(lambda: read_answer(ctx, path), shown, self._enrol_failed)

    def confirm_enrolment(self, typed: str | None = None) -> None:
        """Enrol with the loaded answer if `typed` (default: the box) is the district's fingerprint in it."""
        path, ctx = self.answer_path, self.ctx
        if path is None:
            return
        fingerprint = self.district_fp_edit.text() if typed is None else typed
        self.enrol_error.hide()

        def done(result: EnrolmentResult) -> None:
            self.confirm_panel.hide()
            self.answer_path = None
            lines = [
                tr("Enrolled with the district."),
                f"{tr('This station’s fingerprint')}: {result.own_fingerprint}",
                f"{tr('District’s fingerprint')}: {result.peer_fingerprint}",
                tr("The district's recovery key (%1) can now open this store if every passphrase is lost.").replace(
                    "%1", result.recovery_fingerprint or ""
                ),
            ]
            if result.removed_recovery_slots:
                lines.append(
                    tr("%1 other recovery slot(s) removed: only this recovery key opens the store.").replace(
                        "%1", str(result.removed_recovery_slots)
                    )
                )
            self.fingerprints.setText("\n".join(lines))

        ops.query(lambda: enrol_complete(ctx, path, district_fingerprint=fingerprint), done, self._enrol_failed)

    def _enrol_failed(self, exc: BaseException) -> None:
        self.enrol_error.setText(sync_error_text(exc))
        self.enrol_error.show()
