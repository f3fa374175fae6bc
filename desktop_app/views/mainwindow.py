"""The main window: navigation to the dashboard, the registers officers work in, sync, reports, settings and (SHO)
users. Rows that belong to one record (status history, links, follow-up visits) are reached from its form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from desktop_app.services import permissions
from desktop_app.services.context import Context
from desktop_app.services.demo import is_demo_store
from desktop_app.services.records import Changed
from desktop_app.services.registry import main_registers, spec_for
from desktop_app.services.settings import Settings, pending_change_count
from desktop_app.views import ops
from desktop_app.views.admin import SettingsPage, UsersPage
from desktop_app.views.conflicts_page import ConflictsPage
from desktop_app.views.dashboard import DashboardPage
from desktop_app.views.district_pages import StationsPage
from desktop_app.views.fit import fit_to_screen, remember_main_window
from desktop_app.views.fmt import choice_source, date_text, register_label
from desktop_app.views.form import RecordForm
from desktop_app.views.i18n import tr
from desktop_app.views.listpage import RegisterListPage
from desktop_app.views.power_events import PowerLock
from desktop_app.views.reports_page import ReportsPage
from desktop_app.views.sync_page import BackgroundSync, SyncPage


def screen_keys(ctx: Context) -> list[str]:
    # The order officers asked for is each register's place: field work first, then people and cases. Status
    # steps, links and follow-up visits are part of another record and show in its form.
    registers = [spec.name for spec in main_registers()]
    # A district answers bundles rather than sending them: its sync work is on the Stations screen.
    sync = ["stations", "conflicts"] if ctx.station.is_district else ["sync", "conflicts"]
    keys = ["dashboard", *registers, *sync, "reports", "settings"]
    if permissions.allowed(ctx, permissions.MANAGE_USERS):
        keys.append("users")
    return keys


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: Context,
        lock: Callable[[], None] | None = None,
        on_settings: Callable[[Settings], None] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.lock_requested, self._on_settings = ctx, lock, on_settings
        self.background_sync = BackgroundSync(ctx, self)
        self.power_lock = PowerLock(self, self.lock)
        self.forms: list[RecordForm] = []
        # A demo is never mistaken for a station's register: the title and the status bar say so.
        self.demo = is_demo_store(ctx.store.paths.data_dir)
        title = f"{tr('AHTC Register')} — {ctx.station.station_name}"
        self.setWindowTitle(f"{tr('DEMO — invented data')} · {title}" if self.demo else title)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setMinimumWidth(190)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.keys = screen_keys(ctx)
        for key in self.keys:
            item = QListWidgetItem(self._screen_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            placeholder = QWidget()
            self.stack.addWidget(placeholder)
        self.nav.currentRowChanged.connect(self._show_row)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1000])
        self.setCentralWidget(splitter)
        self._status()
        self._actions()
        ops.changes.changed.connect(self._on_changed)
        self.nav.setCurrentRow(0)
        fit_to_screen(self, 1280, 800)

    # -- screens ----------------------------------------------------------------------------------------------

    def _screen_title(self, key: str) -> str:
        fixed = {
            "dashboard": tr("Dashboard"),
            "sync": tr("Sync"),
            "stations": tr("Stations"),
            "conflicts": tr("Conflicts"),
            "reports": tr("Reports"),
            "settings": tr("Settings"),
            "users": tr("Users"),
        }
        return fixed.get(key) or register_label(spec_for(key))

    def _make_page(self, key: str) -> QWidget:
        if key == "dashboard":
            return DashboardPage(self.ctx, self.open_record)
        if key == "settings":
            return SettingsPage(self.ctx, self.on_settings)
        if key == "users":
            return UsersPage(self.ctx)
        if key == "sync":
            return SyncPage(self.ctx, self.background_sync)
        if key == "stations":
            return StationsPage(self.ctx)
        if key == "conflicts":
            return ConflictsPage(self.ctx)
        if key == "reports":
            return ReportsPage(self.ctx)
        return RegisterListPage(self.ctx, key, self.open_record)

    def page(self, key: str) -> QWidget:
        """The screen for `key`, built the first time it is needed."""
        if key not in self.pages:
            row = self.keys.index(key)
            page = self._make_page(key)
            old = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.pages[key] = page
        return self.pages[key]

    def show_screen(self, key: str) -> QWidget:
        if key not in self.keys:
            raise KeyError(key)
        self.nav.setCurrentRow(self.keys.index(key))
        return self.pages[key]

    def current_key(self) -> str:
        return self.keys[max(0, self.nav.currentRow())]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(self.keys[row])
        self.stack.setCurrentWidget(page)

    def open_record(self, register: str, record_id: str | None = None, **kwargs: Any) -> RecordForm:
        form = RecordForm(self.ctx, register, record_id, open_form=self._open_form, parent=self, **kwargs)
        form.setWindowFlag(Qt.WindowType.Window)
        self.forms.append(form)
        form.finished.connect(lambda _r, f=form: self.forms.remove(f) if f in self.forms else None)
        form.show()
        return form

    def _open_form(self, _ctx: Context, register: str, record_id: str | None = None, **kwargs: Any) -> RecordForm:
        kwargs.pop("parent", None)
        return self.open_record(register, record_id, **kwargs)

    # -- status bar and shortcuts -----------------------------------------------------------------------------

    def _status(self) -> None:
        ctx = self.ctx
        bar = self.statusBar()
        self.station_label = QLabel(f"{tr('Station')}: {ctx.station.station_name} ({ctx.station.station_code})")
        self.user_label = QLabel(f"{tr('User')}: {ctx.actor.display_name} ({tr(choice_source(ctx.actor.role))})")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pending")
        self.sync_label = QLabel(f"{tr('Last sync')}: {tr('never')}")
        # Pending changes and the last sync describe a station's link to its district; a district store has none.
        shown = [self.station_label, self.user_label]
        if self.demo:
            banner = QLabel(tr("DEMO — invented data"))
            banner.setObjectName("demo-banner")
            banner.setStyleSheet("background: #e66100; color: white; font-weight: bold; padding: 2px 8px")
            shown.insert(0, banner)
        if not ctx.station.is_district:
            shown += [self.pending_label, self.sync_label]
        for widget in shown:
            bar.addPermanentWidget(widget)
        self.lock_button = QPushButton(tr("Lock (Ctrl+L)"))
        self.lock_button.setObjectName("lock")
        self.lock_button.setToolTip(tr("Lock the register when you leave the computer: your typing is kept."))
        self.lock_button.clicked.connect(self.lock)
        bar.addPermanentWidget(self.lock_button)
        self.background_sync.changed.connect(self._show_last_sync)
        self._show_last_sync()
        self.refresh_pending()

    def _show_last_sync(self) -> None:
        last = self.background_sync.last_success
        text = f"{tr('Last sync')}: {date_text(last) if last else tr('never')}"
        if self.background_sync.last_error:
            text += " ⚠"
            self.sync_label.setToolTip(self.background_sync.last_error)
        self.sync_label.setText(text)
        self.refresh_pending()

    def on_settings(self, settings: Settings) -> None:
        self.background_sync.set_url(None if self.ctx.station.is_district else settings.district_url)
        if self._on_settings is not None:
            self._on_settings(settings)

    def closeEvent(self, event: Any) -> None:
        # Each form with typing in it asks first; "back to the form" keeps the whole app open.
        for form in list(self.forms):
            if form.isVisible() and form.dirty:
                form.raise_()
                form.reject()
                if form.isVisible():
                    event.ignore()
                    return
        remember_main_window(self)
        self.background_sync.stop()
        self.power_lock.uninstall()
        super().closeEvent(event)

    def refresh_pending(self) -> None:
        ctx = self.ctx
        if ctx.station.is_district:
            return
        ops.query(
            lambda: pending_change_count(ctx),
            lambda n: self.pending_label.setText(f"{tr('Changes not yet sent')}: {n:,}"),
            lambda _e: None,
        )

    def _on_changed(self, _changed: Changed) -> None:
        self.refresh_pending()

    def _actions(self) -> None:
        def add(
            text: str,
            keys: QKeySequence | QKeySequence.StandardKey | str,
            slot: Callable[[], Any],
            context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
        ) -> QAction:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(context)
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        add(tr("New record"), QKeySequence.StandardKey.New, self.new_record)
        add(tr("Search"), QKeySequence.StandardKey.Find, self.focus_search)
        # From any window of the app, a form included: the officer is called away with a form open.
        self.lock_action = add(tr("Lock"), "Ctrl+L", self.lock, Qt.ShortcutContext.ApplicationShortcut)
        # F6 goes to the navigation (as in a browser's address bar), Ctrl+1…9 straight to a screen.
        add(tr("Navigation"), "F6", self.nav.setFocus)
        for number, key in enumerate(self.keys[:9], start=1):
            add(self._screen_title(key), f"Ctrl+{number}", lambda k=key: self._go(k))

    def new_record(self) -> None:
        page = self.pages.get(self.current_key())
        if isinstance(page, RegisterListPage):
            page.new_record()

    def focus_search(self) -> None:
        page = self.pages.get(self.current_key())
        if isinstance(page, RegisterListPage):
            page.focus_search()

    def _go(self, key: str) -> None:
        self.show_screen(key)
        self.stack.currentWidget().setFocus()

    def lock(self) -> None:
        if self.lock_requested is not None:
            self.lock_requested()
