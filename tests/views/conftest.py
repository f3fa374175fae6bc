"""GUI fixtures: offscreen Qt, a synchronous ops runner, scripted answers to questions, a demo-like store."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop_app.services.accounts import add_user
from desktop_app.services.context import Context
from desktop_app.services.setup import context_for
from desktop_app.views import dialogs, i18n, ops
from tests.conftest import FAST_KDF

OFFICER_PASSPHRASE = "officer passphrase long"


@pytest.fixture(autouse=True)
def gui(qapp, tmp_path: Path, monkeypatch) -> Iterator[None]:
    """Every GUI test: work runs inline, preferences go to a temp folder, English left-to-right to start."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    ops.use_synchronous_runner(True)
    i18n.set_language("en")
    yield
    i18n.set_language("en")


class Answers:
    """Answers the app's questions in order (default: yes), and records the questions asked. For "close
    without saving?" True means discard, False means back to the form, or queue dialogs.SAVE."""

    def __init__(self) -> None:
        self.queue: list[bool | str] = []
        self.asked: list[str] = []

    def __call__(self, _parent, title, _text, **_kw) -> bool:
        self.asked.append(title)
        return bool(self.queue.pop(0)) if self.queue else True

    def unsaved(self, _parent) -> str:
        self.asked.append("Close without saving?")
        answer = self.queue.pop(0) if self.queue else True
        if isinstance(answer, str):
            return answer
        return dialogs.DISCARD if answer else dialogs.CANCEL


@pytest.fixture
def answers(monkeypatch) -> Answers:
    answering = Answers()
    monkeypatch.setattr(dialogs, "ask", answering)
    monkeypatch.setattr(dialogs, "ask_unsaved", answering.unsaved)
    return answering


@pytest.fixture
def officer(ctx: Context) -> Context:
    add_user(ctx, "asi.bilal", "ASI Bilal", "officer", OFFICER_PASSPHRASE, kdf=FAST_KDF)
    return context_for(ctx.store, "asi.bilal", ctx.clock)
