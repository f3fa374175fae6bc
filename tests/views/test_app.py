"""Getting in and staying safe: unlock, first-run set-up, auto-lock and shift change, users, settings, Urdu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.errors import PermissionDenied
from desktop_app.services.records import Records
from desktop_app.services.settings import load_settings
from desktop_app.views import i18n
from desktop_app.views.admin import SettingsPage, UsersPage
from desktop_app.views.app import Session, apply_language
from desktop_app.views.dashboard import DashboardPage
from desktop_app.views.mainwindow import MainWindow, screen_keys
from desktop_app.views.start import SetupDialog, UnlockDialog
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.views.conftest import OFFICER_PASSPHRASE


def test_the_right_passphrase_unlocks(qtbot, ctx, station_dir, clock):
    dialog = UnlockDialog(station_dir, clock)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.user, "sho.phalia")
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    dialog.try_unlock()
    assert dialog.ctx is not None and dialog.ctx.actor.username == "sho.phalia"
    dialog.ctx.store.close()


def test_a_wrong_passphrase_says_so_and_keeps_the_dialog(qtbot, ctx, station_dir, clock):
    dialog = UnlockDialog(station_dir, clock, "sho.phalia")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "not the passphrase")
    qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
    assert dialog.ctx is None
    assert dialog.isVisible()
    assert "Wrong user name or passphrase" in dialog.error.text()
    assert dialog.passphrase.text() == ""


def test_first_run_sets_up_the_station(qtbot, tmp_path, clock):
    dialog = SetupDialog(tmp_path / "new", clock, FAST_KDF)
    qtbot.addWidget(dialog)
    for name, value in {
        "station_code": "mbd-helan",
        "station_name": "Helan",
        "district": "Mandi Bahauddin",
        "admin": "sho.helan",
        "admin_name": "SHO Helan",
        "passphrase": PASSPHRASE,
        "again": PASSPHRASE,
    }.items():
        dialog.inputs[name].setText(value)
    dialog.apply()
    assert dialog.ctx is not None
    assert dialog.ctx.station.station_code == "MBD-HELAN"
    dialog.ctx.store.close()


def test_set_up_refuses_a_short_passphrase_on_the_spot(qtbot, tmp_path, clock):
    dialog = SetupDialog(tmp_path / "new", clock, FAST_KDF)
    qtbot.addWidget(dialog)
    for name, value in {
        "station_code": "MBD-X",
        "station_name": "X",
        "district": "MBD",
        "admin": "sho.x",
        "passphrase": "short",
        "again": "short",
    }.items():
        dialog.inputs[name].setText(value)
    dialog.apply()
    assert dialog.ctx is None
    assert "Passphrase" in dialog.error.text()


def test_the_main_window_reaches_every_register_and_shows_the_station(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    for key in window.keys:
        assert window.show_screen(key) is window.stack.currentWidget()
    assert "Phalia City" in window.station_label.text()
    assert "SHO Phalia" in window.user_label.text()
    Records(ctx).create("persons", {"name": "Pending", "role": "agent"})
    window.refresh_pending()
    assert window.pending_label.text().endswith(": 1")


def test_ctrl_n_opens_a_new_form_on_the_current_list(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_screen("sites")
    window.new_record()
    assert len(window.forms) == 1 and window.forms[0].spec.name == "sites"
    window.forms[0].lock_away()


def test_an_officer_cannot_reach_user_management(qtbot, officer):
    assert "users" not in screen_keys(officer)
    window = MainWindow(officer)
    qtbot.addWidget(window)
    with pytest.raises(KeyError):
        window.show_screen("users")
    with pytest.raises(PermissionDenied):
        UsersPage(officer)


def test_the_sho_adds_an_officer(qtbot, ctx):
    page = UsersPage(ctx)
    qtbot.addWidget(page)
    dialog = page.add()
    qtbot.addWidget(dialog)
    dialog.user.setText("asi.kashif")
    dialog.name.setText("ASI Kashif")
    dialog.passphrase.setText(OFFICER_PASSPHRASE)
    dialog.apply(kdf=FAST_KDF)
    assert page.table.rowCount() == 2


def test_the_sho_changes_auto_lock_and_an_officer_cannot(qtbot, ctx, officer):
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.minutes.setValue(3)
    page.save()
    assert load_settings(ctx).auto_lock_minutes == 3
    read_only = SettingsPage(officer)
    qtbot.addWidget(read_only)
    assert not read_only.save_button.isEnabled()


def test_dashboard_lists_overdue_follow_ups_and_opens_them(qtbot, ctx, clock):
    import datetime as dt

    child = (
        Records(ctx)
        .create("children", {"name": "Ali", "sex": "male", "rescue_date": dt.date(2026, 1, 1), "age_years": 11})
        .first_id
    )
    opened = []
    page = DashboardPage(ctx, lambda register, rid: opened.append((register, rid)))
    qtbot.addWidget(page)
    page.reload()
    assert page.due.rowCount() == 1
    assert page.due.item(0, 2).text() == "Ali"
    page.due.cellActivated.emit(0, 0)
    assert opened == [("children", child)]


def test_auto_lock_then_the_same_officer_returns_to_the_same_screen(qtbot, ctx, station_dir, clock):
    session = Session(station_dir, clock)
    window = session.signed_in(ctx)
    qtbot.addWidget(window)
    window.show_screen("victims")
    form = window.open_record("persons")
    form.set_values({"name": "Typed before the lock"})
    form.dirty = True
    session.idle.idle.emit()  # what the timer does after the idle minutes
    assert session.window is None
    dialog = session.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.try_unlock()
    assert session.window is not None
    qtbot.addWidget(session.window)
    assert session.window.current_key() == "victims"
    assert session.window.forms[0].editors["name"].value() == "Typed before the lock"
    session.window.forms[0].lock_away()
    session.ctx.store.close()


def test_another_officer_unlocks_after_a_lock(qtbot, ctx, officer, station_dir, clock):
    session = Session(station_dir, clock)
    qtbot.addWidget(session.signed_in(ctx))
    dialog = session.lock()
    assert dialog is not None
    dialog.user.setText("asi.bilal")
    dialog.passphrase.setText(OFFICER_PASSPHRASE)
    dialog.try_unlock()
    assert session.ctx.actor.username == "asi.bilal"
    qtbot.addWidget(session.window)
    assert "users" not in session.window.keys
    session.ctx.store.close()


def test_the_idle_timer_uses_the_station_setting(qtbot, ctx, station_dir, clock):
    from desktop_app.services.settings import save_settings

    save_settings(ctx, auto_lock_minutes=7)
    session = Session(station_dir, clock)
    qtbot.addWidget(session.signed_in(ctx))
    assert session.idle.timer.interval() == 7 * 60_000


def test_urdu_opens_right_to_left_and_translated(qtbot, ctx):
    apply_language("ur")
    assert QApplication.instance().layoutDirection() == Qt.LayoutDirection.RightToLeft
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.nav.item(0).text() == "ڈیش بورڈ"
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert i18n.tr("Save (Ctrl+S)") != "Save (Ctrl+S)"


def test_the_dashboard_shows_the_last_good_backup_and_warns_when_there_is_none(qtbot, ctx, clock):
    from desktop_app.services.auto_backup import run_now

    page = DashboardPage(ctx, lambda register, rid: None)
    qtbot.addWidget(page)
    page.reload()
    assert "No backup of this register" in page.backup.text() and "b00020" in page.backup.styleSheet()

    run_now(ctx)
    page.reload()
    assert page.backup.text().startswith("Last good backup:") and page.backup.styleSheet() == ""

    clock.advance(days=8)
    page.reload()
    assert "more than a week old" in page.backup.text() and "b00020" in page.backup.styleSheet()
