"""The GUI's entry point and its session: first run, unlock, the main window, auto-lock and shift change.

Locking keeps every open form's typing as a draft, closes the store (the data key leaves memory) and shows
the unlock dialog; the same officer comes back to the same screen and forms, another officer starts fresh.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog

from desktop_app.errors import AhtcError
from desktop_app.services import auto_backup
from desktop_app.services.clock import Clock
from desktop_app.services.context import Context
from desktop_app.services.demo import DEMO_PASSPHRASE, DEMO_USER, ensure_demo_store, fill
from desktop_app.services.settings import Settings, load_settings
from desktop_app.store.store import StorePaths
from desktop_app.views import dialogs, i18n, ops
from desktop_app.views.fit import show_main_window
from desktop_app.views.fmt import date_text
from desktop_app.views.i18n import tr
from desktop_app.views.idle import InactivityTimer
from desktop_app.views.mainwindow import MainWindow
from desktop_app.views.print_case import remove_print_leftovers
from desktop_app.views.start import SetupDialog, StartDialog, UnlockDialog
from desktop_app.views.sync_page import LRM

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
DEMO_RECORDS = 800


def default_data_dir() -> Path:
    chosen = os.environ.get("AHTC_DATA_DIR")
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_data_dir("AHTC Register", "Punjab Police"))


def load_fonts() -> None:
    for font in sorted(FONTS.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font))


def apply_language(language: str) -> None:
    i18n.set_language(language)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = QFont("Noto Naskh Arabic" if language == "ur" else "Noto Sans", 10)
    font.setFamilies(["Noto Naskh Arabic", "Noto Sans"] if language == "ur" else ["Noto Sans", "Noto Naskh Arabic"])
    app.setFont(font)


class Session:
    """Who is signed in, and the windows that belong to that sign-in."""

    def __init__(self, data_dir: Path, clock: Clock | None = None, kdf: Any = None) -> None:
        self.data_dir, self.clock, self.kdf = data_dir, clock, kdf
        self.ctx: Context | None = None
        self.window: MainWindow | None = None
        self.idle: InactivityTimer | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self._resume: tuple[str, str, list[tuple[str, str | None]]] | None = None
        # What the last automatic backup at sign-in reported, for the dashboard (auto_backup.status has the rest).
        self.backup_run: auto_backup.BackupRun | None = None
        self.backup_error: str | None = None
        # The default-format constructor honours QSettings.setPath (tests point it at a temporary folder).
        self.prefs = QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "Punjab Police", "AHTC Register")

    # -- getting in -------------------------------------------------------------------------------------------

    def start(self) -> bool:
        """Show the first-run choice or the unlock dialog; False if the officer cancelled."""
        apply_language(str(self.prefs.value("language", "en")))
        # No user name is kept in the preferences (the registry, readable without the store's key); older
        # versions kept the last one there.
        self.prefs.remove("last_user")
        remove_print_leftovers(self.data_dir)
        if StorePaths(self.data_dir).exists():
            self.show_unlock()
            return True
        start = StartDialog()
        if start.exec() != QDialog.DialogCode.Accepted:
            return False
        if start.choice == StartDialog.DEMO:
            ctx = ensure_demo_store(self.data_dir, DEMO_PASSPHRASE, DEMO_USER)
            fill(ctx, records=DEMO_RECORDS)
            self.signed_in(ctx)
            return True
        setup = SetupDialog(self.data_dir, self.clock, self.kdf)
        if setup.exec() != QDialog.DialogCode.Accepted or setup.ctx is None:
            return False
        self.signed_in(setup.ctx)
        return True

    def show_unlock(self, username: str = "", locked: bool = False) -> UnlockDialog:
        dialog = UnlockDialog(self.data_dir, self.clock, username, locked)
        dialog.accepted.connect(lambda: self.signed_in(dialog.ctx) if dialog.ctx else None)
        dialog.rejected.connect(self._quit_if_nothing_open)
        self.unlock_dialog = dialog
        dialog.show()
        return dialog

    def _quit_if_nothing_open(self) -> None:
        if self.window is None:
            app = QApplication.instance()
            if app is not None:
                app.quit()

    def signed_in(self, ctx: Context) -> MainWindow:
        self.ctx = ctx
        self.unlock_dialog = None
        settings = load_settings(ctx)
        if settings.language != i18n.current_language():
            apply_language(settings.language)
        self.prefs.setValue("language", settings.language)
        resume, self._resume = self._resume, None
        self.window = self._new_window()
        if resume is not None and resume[0] == ctx.actor.username:
            _user, screen, forms = resume
            if screen in self.window.keys:
                self.window.show_screen(screen)
            for register, record_id in forms:
                self.window.open_record(register, record_id, restore_draft=True)
        self.idle = InactivityTimer(settings.auto_lock_minutes)
        self.idle.idle.connect(self.lock)
        if ctx.failed_unlocks:
            self.tell_failed_unlocks(ctx)
        if ctx.integrity_problems:
            self.tell_integrity_problems(ctx)
        self.backup_if_due(ctx)
        return self.window

    def tell_integrity_problems(self, ctx: Context) -> None:
        """What the sign-in checks found (a role without a grant, a broken audit chain): facts, in English."""
        dialogs.inform(
            self.window,
            tr("Checks at sign-in"),
            tr(
                "The checks at sign-in found problems (they are in the audit too). The SHO should run a full check "
                "(Verify) and tell the district:"
            )
            + "\n\n"
            + "\n".join(f"{LRM}{problem}" for problem in ctx.integrity_problems),
        )

    def backup_if_due(self, ctx: Context) -> None:
        """The SHO's schedule (default: the first sign-in of the day), off the UI thread; lock() waits for it."""

        def done(run: auto_backup.BackupRun | None) -> None:
            self.backup_run, self.backup_error = run, None

        def failed(exc: BaseException) -> None:
            # Only a sentence or the error's kind: an exception's text may hold a value from the store.
            self.backup_error = exc.user_message() if isinstance(exc, AhtcError) else type(exc).__name__

        ops.query(lambda: auto_backup.run_if_due(ctx), done, failed)

    def tell_failed_unlocks(self, ctx: Context) -> None:
        """Wrong passphrases typed here since the last sign-in: the officer should know (they are audited too)."""
        times = ", ".join(date_text(t) for t in ctx.failed_unlocks[-5:])
        dialogs.inform(
            self.window,
            tr("Wrong passphrases"),
            tr(
                "%1 wrong passphrase(s) were typed on this computer since the last sign-in (last: %2). If that was "
                "not you or a colleague, tell the SHO."
            )
            .replace("%1", str(len(ctx.failed_unlocks)))
            .replace("%2", times),
        )

    def _new_window(self) -> MainWindow:
        assert self.ctx is not None
        window = MainWindow(self.ctx, lock=self.lock, on_settings=self.settings_changed)
        show_main_window(window)
        return window

    # -- while signed in --------------------------------------------------------------------------------------

    def settings_changed(self, settings: Settings) -> None:
        if self.idle is not None:
            self.idle.set_minutes(settings.auto_lock_minutes)
        if settings.language != i18n.current_language() and self.window is not None:
            self.prefs.setValue("language", settings.language)
            apply_language(settings.language)
            screen = self.window.current_key()
            old, self.window = self.window, self._new_window()
            self.window.show_screen(screen)
            old.close()
            old.deleteLater()

    def lock(self) -> UnlockDialog | None:
        """Keep every form's typing as a draft, close the store, and wait for an officer to unlock."""
        if self.ctx is None or self.window is None:
            return None
        window, ctx = self.window, self.ctx
        forms = [(f.spec.name, f.record_id) for f in window.forms]
        for form in list(window.forms):
            form.lock_away()
        self._resume = (ctx.actor.username, window.current_key(), forms)
        if self.idle is not None:
            self.idle.stop()
            self.idle = None
        dialog = self.show_unlock(ctx.actor.username, locked=True)
        self.window, self.ctx = None, None
        window.close()
        window.deleteLater()
        # A background sync or export may still be using the store: let it finish before the key is dropped.
        ops.wait_idle()
        ctx.store.close()
        return dialog


def main(argv: list[str] | None = None) -> int:
    from desktop_app.views import self_test

    if self_test.wanted(argv if argv is not None else sys.argv):
        return self_test.main(argv)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("AHTC Register")
    app.setOrganizationName("Punjab Police")
    load_fonts()
    session = Session(default_data_dir())
    if not session.start():
        return 0
    return app.exec()
