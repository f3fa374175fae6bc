"""Getting in: the first-run choice (set up this station, or open the demo), station set-up, and unlocking."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.errors import AhtcError, RoleNotGranted, TooManyAttempts, ValidationError, WrongPassphrase
from desktop_app.services.clock import Clock
from desktop_app.services.context import Context
from desktop_app.services.setup import init_store, unlock
from desktop_app.views import dialogs, ops
from desktop_app.views.fmt import label
from desktop_app.views.i18n import tr

APP_TITLE = "AHTC Register"


def _error_label() -> QLabel:
    error = QLabel()
    error.setObjectName("error")
    error.setStyleSheet("color: #b00020")
    error.setWordWrap(True)
    return error


class StartDialog(QDialog):
    """Shown when this computer has no register yet."""

    SETUP, DEMO = 1, 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr(APP_TITLE))
        self.choice = 0
        intro = QLabel(
            "<h2>"
            + tr("Welcome to the AHTC Register")
            + "</h2>"
            + tr(
                "There is no register on this computer yet. Set up this police station's register, "
                "or open the demo register (invented data) to try the app."
            )
        )
        intro.setWordWrap(True)
        setup = QPushButton(tr("Set up this station"))
        setup.setObjectName("setup")
        # The main action: the default button, large; the demo is a plain link-like choice below it.
        setup.setDefault(True)
        setup.setAutoDefault(True)
        setup.setMinimumHeight(44)
        setup.setStyleSheet("font-weight: bold; font-size: 12pt")
        demo = QPushButton(tr("Try the demo instead (invented data, not a station)"))
        demo.setObjectName("demo")
        demo.setFlat(True)
        demo.setStyleSheet("color: #1a5fb4; text-decoration: underline")
        setup.clicked.connect(lambda: self._choose(self.SETUP))
        demo.clicked.connect(lambda: self._choose(self.DEMO))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(setup)
        layout.addWidget(demo)
        self.resize(480, 240)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()


class SetupDialog(QDialog):
    """The `ahtc init` steps: the station, then its SHO's account and passphrase."""

    def __init__(self, data_dir: Path, clock: Clock | None = None, kdf: Any = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.data_dir, self.clock, self.kdf = data_dir, clock, kdf
        self.ctx: Context | None = None
        self.setWindowTitle(tr("Set up this station"))
        self.inputs: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.addRow(QLabel("<b>" + tr("The police station") + "</b>"))
        for name, placeholder in (
            ("station_code", "MBD-PHALIA"),
            ("station_name", "Phalia City"),
            ("district", "Mandi Bahauddin"),
            ("district_code", "MBD"),
        ):
            self._add(form, name, placeholder)
        form.addRow(QLabel("<b>" + tr("The SHO's account") + "</b>"))
        self._add(form, "admin", "sho.phalia", tr("User name"))
        self._add(form, "admin_name", "", tr("Name"))
        self._add(form, "passphrase", "", tr("Passphrase"), secret=True)
        self._add(form, "again", "", tr("Passphrase again"), secret=True)
        self.error = _error_label()
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _add(
        self, form: QFormLayout, name: str, placeholder: str, text: str | None = None, secret: bool = False
    ) -> None:
        line = QLineEdit()
        line.setObjectName(name)
        line.setPlaceholderText(placeholder)
        if secret:
            line.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(text or label(name), line)
        self.inputs[name] = line

    def apply(self) -> None:
        values = {name: line.text() for name, line in self.inputs.items()}
        if values.pop("again") != values["passphrase"]:
            self.error.setText(tr("The two passphrases differ."))
            return
        self.error.setText(tr("Setting up… this takes a few seconds."))
        extra = {"kdf": self.kdf} if self.kdf is not None else {}
        ops.query(
            lambda: init_store(self.data_dir, clock=self.clock, **values, **extra),  # type: ignore[arg-type]
            self._done,
            self._failed,
        )

    def _done(self, ctx: Context) -> None:
        self.ctx = ctx
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.error.setText("\n".join(f"{label(k)}: {tr(v)}" for k, v in exc.errors.items()))
        elif isinstance(exc, AhtcError):
            self.error.setText(dialogs.error_text(exc))
        else:
            raise exc
        # A sentence of two lines needs the room: the dialog grows to fit it at its width instead of clipping it.
        self.error.setMinimumHeight(max(0, self.error.heightForWidth(self.error.width())))


class UnlockDialog(QDialog):
    """User name and passphrase. A wrong passphrase says so and keeps the dialog open."""

    def __init__(
        self, data_dir: Path, clock: Clock | None = None, username: str = "", locked: bool = False, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.data_dir, self.clock = data_dir, clock
        self.ctx: Context | None = None
        self.setWindowTitle(tr(APP_TITLE) + " — " + (tr("Locked") if locked else tr("Unlock")))
        self.setObjectName("unlock")
        heading = QLabel(
            "<h3>"
            + (tr("Locked. Unlock, or let another officer sign in.") if locked else tr("Unlock the register"))
            + "</h3>"
        )
        heading.setWordWrap(True)
        self.user = QLineEdit(username)
        self.user.setObjectName("username")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label()
        self.button = QPushButton(tr("Unlock"))
        self.button.setObjectName("unlock-button")
        self.button.setDefault(True)
        self.button.clicked.connect(self.try_unlock)
        form = QFormLayout(self)
        form.addRow(heading)
        form.addRow(tr("User name"), self.user)
        form.addRow(tr("Passphrase"), self.passphrase)
        form.addRow(self.error)
        form.addRow(self.button)
        (self.passphrase if username else self.user).setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(420, 200)

    def try_unlock(self) -> None:
        username, passphrase = self.user.text(), self.passphrase.text()
        self.button.setEnabled(False)
        self.error.setText(tr("Unlocking…"))
        ops.query(lambda: unlock(self.data_dir, username, passphrase, self.clock), self._done, self._failed)

    def _done(self, ctx: Context) -> None:
        self.ctx = ctx
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.passphrase.clear()
        self.passphrase.setFocus()
        if isinstance(exc, WrongPassphrase):
            self.error.setText(tr("Wrong user name or passphrase. Try again."))
        elif isinstance(exc, RoleNotGranted):
            self.error.setText(
                tr("Your role here is not the one the SHO granted you: sign-in refused and recorded. Ask the SHO.")
            )
        elif isinstance(exc, TooManyAttempts):
            self.error.setText(
                tr("Too many wrong passphrases on this computer: wait %1 seconds, then try again.").replace(
                    "%1", str(exc.seconds)
                )
            )
        elif isinstance(exc, AhtcError):
            self.error.setText(dialogs.error_text(exc))
        else:
            raise exc
        # A sentence of two lines needs the room: the dialog grows to fit it at its width instead of clipping it.
        self.error.setMinimumHeight(max(0, self.error.heightForWidth(self.error.width())))
