"""Questions and messages to the officer, in one place so tests can answer them without a modal loop.

Every question's default (Enter) is the answer that loses nothing: "No" to deleting, "Cancel" to closing a form
with typing in it. The buttons carry the UI language's words (Qt has no Urdu catalogue of its own).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.errors import AhtcError
from desktop_app.views.i18n import tr

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("question")
    return box


def ask(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """A yes/no question. Enter answers No unless the caller says Yes loses nothing (keeping typed work)."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    yes = box.addButton(tr("Yes"), QMessageBox.ButtonRole.YesRole)
    no = box.addButton(tr("No"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes if default_yes else no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def ask_unsaved(parent: QWidget | None) -> str:
    """A form with typing in it is being closed: SAVE, DISCARD or CANCEL (the default: keep typing)."""
    box = _box(
        parent,
        QMessageBox.Icon.Question,
        tr("Close without saving?"),
        tr("What you typed here is not saved. Save it, throw it away, or go back to the form?"),
    )
    save = box.addButton(tr("Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(tr("Back to the form"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL


def inform(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(parent, QMessageBox.Icon.Information, title, text)
    box.addButton(tr("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def error_text(exc: BaseException) -> str:
    """One clear sentence for an error we expect; a generic one (never a traceback) for anything else."""
    if isinstance(exc, AhtcError):
        return tr(exc.user_message())
    return tr("Something went wrong; the record was not changed. Details are in the log.")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    box = _box(parent, QMessageBox.Icon.Warning, tr("Not done"), error_text(exc))
    box.addButton(tr("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
