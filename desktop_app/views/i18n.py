"""Translation: `tr()` marks every user string; Urdu comes from resources/translations/ahtc_ur.ts.

The .ts file is the source translators edit (Qt Linguist); `compile_translations()` turns it into the .qm that
Qt loads, with pyside6-lrelease, whenever the .qm is missing or older. CI and the installer call
`python -m desktop_app.views.i18n` to do the same ahead of time.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

CONTEXT = "ahtc"
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = {"en": "English", "ur": "اردو"}
_installed: list[QTranslator] = []
_current = "en"


def tr(text: str) -> str:
    """The text in the UI language (English is the source; a missing translation falls back to it)."""
    return QCoreApplication.translate(CONTEXT, text)


def _lrelease() -> str | None:
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):  # .exe: Windows venvs
        beside = Path(sys.executable).with_name(name)
        if beside.exists():
            return str(beside)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_translations(folder: Path = TRANSLATIONS) -> list[Path]:
    """Compile every stale .ts to .qm; returns the .qm files that exist afterwards."""
    out: list[Path] = []
    tool = _lrelease()
    for source in sorted(folder.glob("*.ts")):
        target = source.with_suffix(".qm")
        if tool and (not target.exists() or target.stat().st_mtime < source.stat().st_mtime):
            subprocess.run([tool, "-silent", str(source), "-qm", str(target)], check=True)
        if target.exists():
            out.append(target)
    return out


def current_language() -> str:
    return _current


def set_language(language: str) -> None:
    """Switch the whole UI; Urdu also lays every widget out right to left."""
    global _current
    app = QApplication.instance()
    assert app is not None
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    if language == "ur":
        compile_translations()
        translator = QTranslator(app)
        if translator.load(str(TRANSLATIONS / "ahtc_ur.qm")):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Urdu, QLocale.Country.Pakistan))
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Pakistan))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    _current = language if language in LANGUAGES else "en"


if __name__ == "__main__":
    for qm in compile_translations():
        print(qm)
