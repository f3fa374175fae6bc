"""Dates read dd/mm/yyyy left to right in the Urdu (right-to-left) window too."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.views.editors import DateEditor


def test_date_sections_keep_their_order_when_the_app_is_right_to_left(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.layoutDirection()
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        editor = DateEditor()
        qtbot.addWidget(editor)
        editor.set_value(dt.date(2025, 6, 1))
        # In a right-to-left date edit Qt reverses the sections themselves: the text would read 2025/06/01.
        assert editor.edit.text() == "01/06/2025"
    finally:
        app.setLayoutDirection(before)
