"""A demo nobody mistakes for a station (ui-review.md §9): an invented station, "DEMO — invented data" in the
title and the status bar, "Set up this station" as the start screen's main action, and `ahtc demo` run twice
without failing."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from desktop_app.services import demo
from desktop_app.services.records import Records
from desktop_app.views.mainwindow import MainWindow
from desktop_app.views.start import StartDialog
from tests.cli.test_store_cli import ahtc
from tests.conftest import FAST_KDF


def test_a_demo_store_says_demo_in_its_title_and_status_bar(qtbot, tmp_path):
    ctx = demo.ensure_demo_store(tmp_path / "demo", demo.DEMO_PASSPHRASE, kdf=FAST_KDF)
    try:
        assert ctx.station.station_name == demo.DEMO_STATION_NAME
        assert "PHALIA" not in ctx.station.station_code  # a real station's code is not borrowed
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        assert window.windowTitle().startswith("DEMO — invented data")
        banner = window.statusBar().findChild(QLabel, "demo-banner")
        assert banner is not None and banner.isVisible() and banner.text() == "DEMO — invented data"
    finally:
        ctx.store.close()


def test_a_station_store_has_no_demo_banner(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert "DEMO" not in window.windowTitle()
    assert window.statusBar().findChild(QLabel, "demo-banner") is None


def test_set_up_this_station_is_the_main_action(qtbot):
    start = StartDialog()
    qtbot.addWidget(start)
    setup = start.findChild(QPushButton, "setup")
    demo_button = start.findChild(QPushButton, "demo")
    assert setup.isDefault() and not demo_button.isDefault()
    assert demo_button.isFlat()


def test_ahtc_demo_twice_adds_nothing_the_second_time(tmp_path):
    folder = tmp_path / "demo"
    first = ahtc(folder, "demo", "--records", "60", passphrase=demo.DEMO_PASSPHRASE, user=demo.DEMO_USER)
    assert first.returncode == 0, first.stderr
    again = ahtc(folder, "demo", "--records", "60", passphrase=demo.DEMO_PASSPHRASE, user=demo.DEMO_USER)
    assert again.returncode == 0, again.stderr
    assert "nothing was added" in again.stdout
    ctx = demo.ensure_demo_store(folder, demo.DEMO_PASSPHRASE)
    try:
        assert Records(ctx).count("persons") == demo.already_filled(ctx) > 0
    finally:
        ctx.store.close()
