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
    """Answers the app's yes/no questions in order (default: yes), and records the questions asked."""

    def __init__(self) -> None:
        self.queue: list[bool] = []
        self.asked: list[str] = []

    def __call__(self, _parent, title, _text) -> bool:
        self.asked.append(title)
        return self.queue.pop(0) if self.queue else True


@pytest.fixture
def answers(monkeypatch) -> Answers:
    answering = Answers()
    monkeypatch.setattr(dialogs, "ask", answering)
    return answering


@pytest.fixture
def officer(ctx: Context) -> Context:
    add_user(ctx, "asi.bilal", "ASI Bilal", "officer", OFFICER_PASSPHRASE, kdf=FAST_KDF)
    return context_for(ctx.store, "asi.bilal", ctx.clock)
