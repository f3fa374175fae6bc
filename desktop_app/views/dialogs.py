"""Questions and messages to the officer, in one place so tests can answer them without a modal loop."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.errors import AhtcError
from desktop_app.views.i18n import tr


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def error_text(exc: BaseException) -> str:
    """One clear sentence for an error we expect; a generic one (never a traceback) for anything else."""
    if isinstance(exc, AhtcError):
        return tr(exc.user_message())
    return tr("Something went wrong; the record was not changed. Details are in the log.")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.warning(parent, tr("Not done"), error_text(exc))
