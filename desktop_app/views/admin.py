"""Station settings and user accounts. Only the SHO sees the users screen; the services refuse anyone else too."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AhtcError, ValidationError
from desktop_app.models.enums import Role
from desktop_app.services import accounts, permissions
from desktop_app.services.context import Context
from desktop_app.services.settings import MAX_LOCK, MIN_LOCK, Settings, load_settings, save_settings
from desktop_app.views import dialogs, ops
from desktop_app.views.fmt import choice_source, label
from desktop_app.views.i18n import LANGUAGES, tr


class SettingsPage(QWidget):
    def __init__(self, ctx: Context, on_saved: Any = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx, self.on_saved = ctx, on_saved
        self.setObjectName("settings")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("auto_lock_minutes")
        self.minutes.setRange(MIN_LOCK, MAX_LOCK)
        self.minutes.setSuffix(" " + tr("minutes"))
        self.url = QLineEdit()
        self.url.setObjectName("district_url")
        self.url.setPlaceholderText("https://")
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(tr("Save settings"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        may_change = permissions.allowed(ctx, permissions.MANAGE_USERS)
        for widget in (self.minutes, self.url, self.language, self.save_button):
            widget.setEnabled(may_change)
        station = ctx.station
        form = QFormLayout()
        form.addRow(tr("Station"), QLabel(f"{station.station_name} ({station.station_code})"))
        form.addRow(tr("District"), QLabel(station.district))
        form.addRow(tr("Lock after idle"), self.minutes)
        form.addRow(tr("District server address"), self.url)
        form.addRow(tr("Language"), self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + tr("Settings") + "</h2>"))
        if not may_change:
            layout.addWidget(QLabel(tr("Only the SHO can change these settings.")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button)
        layout.addStretch(1)
        self.show_settings(load_settings(ctx))

    def show_settings(self, settings: Settings) -> None:
        self.minutes.setValue(settings.auto_lock_minutes)
        self.url.setText(settings.district_url or "")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))

    def save(self) -> None:
        self.error.clear()
        try:
            settings = save_settings(
                self.ctx,
                auto_lock_minutes=self.minutes.value(),
                district_url=self.url.text(),
                language=self.language.currentData(),
            )
        except ValidationError as exc:
            self.error.setText("\n".join(tr(m) for m in exc.errors.values()))
            return
        except AhtcError as exc:
            self.error.setText(dialogs.error_text(exc))
            return
        if self.on_saved is not None:
            self.on_saved(settings)


class UsersPage(QWidget):
    def __init__(self, ctx: Context, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("users")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("users-table")
        self.table.setHorizontalHeaderLabels([tr("User name"), tr("Name"), tr("Role"), tr("Active")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        for text, slot, name in (
            (tr("Add officer…"), self.add, "add-user"),
            (tr("Reset passphrase…"), self.reset, "reset"),
            (tr("Disable"), self.disable, "disable"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + tr("Users") + "</h2>"))
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        users = accounts.list_users(self.ctx)  # refuses anyone but the SHO
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            cells = [
                user.username,
                user.display_name,
                tr(choice_source(user.role)),
                tr("Yes") if user.active else tr("No"),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def selected_user(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.text() if item else None

    def add(self) -> UserDialog:
        dialog = UserDialog(self.ctx, None, self)
        dialog.accepted.connect(self.reload)
        dialog.show()
        return dialog

    def reset(self) -> UserDialog | None:
        username = self.selected_user()
        if username is None:
            return None
        dialog = UserDialog(self.ctx, username, self)
        dialog.show()
        return dialog

    def disable(self) -> None:
        username = self.selected_user()
        if username and dialogs.ask(
            self, tr("Disable"), tr("Disable %s? Their passphrase will no longer open the register.") % username
        ):
            # A disable re-keys the whole store (seconds on a large one): off the UI thread, like every long job.
            ctx = self.ctx

            def done(report: accounts.RekeyReport) -> None:
                tell_lost_access(self, report)
                self.reload()

            def failed(exc: BaseException) -> None:
                dialogs.show_error(self, exc)
                self.reload()

            ops.query(lambda: accounts.disable_user(ctx, username), done, failed)


class UserDialog(QDialog):
    """Add an officer (username is None) or set a new passphrase for one who forgot theirs."""

    def __init__(self, ctx: Context, username: str | None, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx, self.username = ctx, username
        self.setWindowTitle(tr("Add officer…") if username is None else tr("Reset passphrase…"))
        self.user = QLineEdit(username or "")
        self.user.setObjectName("username")
        self.user.setReadOnly(username is not None)
        self.name = QLineEdit()
        self.name.setObjectName("display_name")
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in (Role.OFFICER, Role.SHO, Role.VIEWER):
            self.role.addItem(tr(choice_source(role.value)), role.value)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(tr("User name"), self.user)
        if username is None:
            form.addRow(tr("Name"), self.name)
            form.addRow(tr("Role"), self.role)
        form.addRow(tr("New passphrase"), self.passphrase)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def apply(self, kdf: Any = None) -> None:
        extra = {"kdf": kdf} if kdf is not None else {}
        try:
            if self.username is None:
                accounts.add_user(
                    self.ctx,
                    self.user.text(),
                    self.name.text(),
                    self.role.currentData(),
                    self.passphrase.text(),
                    **extra,
                )
            else:
                tell_lost_access(
                    self, accounts.reset_passphrase(self.ctx, self.username, self.passphrase.text(), **extra)
                )
        except ValidationError as exc:
            self.error.setText("\n".join(f"{label(k)}: {tr(v)}" for k, v in exc.errors.items()))
            return
        except AhtcError as exc:
            self.error.setText(dialogs.error_text(exc))
            return
        self.accept()


def tell_lost_access(parent: QWidget, report: accounts.RekeyReport) -> None:
    """A re-key cannot carry over accounts that have not signed in since the update: the SHO must know who."""
    if report.lost_access:
        dialogs.inform(
            parent,
            tr("New passphrases needed"),
            tr(
                "The register now has a new key. These accounts had not signed in since the update and cannot "
                "sign in until you give each a new passphrase (Reset passphrase…): %1"
            ).replace("%1", ", ".join(report.lost_access)),
        )


class PlaceholderPage(QWidget):
    """Screens another part of the app fills in (sync, reports); until then they say where to go."""

    def __init__(self, title: str, text: str, parent: Any = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + title + "</h2>"))
        body = QLabel(text)
        body.setWordWrap(True)
        layout.addWidget(body)
        layout.addStretch(1)
