"""`ahtc-register --self-test [KEEP_FOLDER]`: the desktop app's self-test, offscreen.

Every step of `ahtc --self-test` (commands/self_test.py), then the dashboard of the temporary store drawn in Urdu:
the Urdu translation must be loaded (the window's texts are in Arabic script), the layout right to left, the
bundled Urdu font found, and the grabbed picture not blank. With KEEP_FOLDER the picture, the summary PDF and the
log are kept there; the windowed Windows executable has no console, so that log and the exit code are what a
person or the CI reads.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def wanted(argv: list[str]) -> bool:
    return "--self-test" in argv[1:]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    after = argv[argv.index("--self-test") + 1 :]
    keep = Path(after[0]) if after and not after[0].startswith("-") else None
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
    # Offscreen unless told otherwise: the check must run on a build server and under a service account.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop_app.commands import self_test
    from desktop_app.views import ops
    from desktop_app.views.app import load_fonts

    app = QApplication.instance() or QApplication(argv[:1])
    app.setApplicationName("AHTC Register self-test")  # its own preferences, never the officers'
    load_fonts()
    ops.use_synchronous_runner(True)
    log = (keep / "self-test.log").open("w", encoding="utf-8") if keep is not None else None

    def say(line: str) -> None:
        print(line, flush=True)
        if log is not None:
            log.write(line + "\n")
            log.flush()

    try:
        return self_test.run(extra=lambda test: test.step("Urdu screen", lambda: urdu_screen(test)), keep=keep, say=say)
    finally:
        if log is not None:
            log.close()


def urdu_screen(test: object) -> str:
    from PySide6.QtGui import QFontInfo
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

    from desktop_app.commands.self_test import SelfTestFailed
    from desktop_app.views.app import apply_language
    from desktop_app.views.mainwindow import MainWindow

    ctx = test.ctx  # type: ignore[attr-defined]
    apply_language("ur")
    window = MainWindow(ctx)
    try:
        window.resize(1280, 800)
        window.show()
        for _ in range(5):
            QApplication.processEvents()
        if QApplication.layoutDirection().name != "RightToLeft" or not window.isRightToLeft():
            raise SelfTestFailed("the Urdu screen is not laid out right to left")
        texts = [w.text() for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)]
        urdu = [t for t in texts if any("\u0600" <= ch <= "\u06ff" for ch in t)]
        if len(urdu) < 5:
            raise SelfTestFailed(f"the Urdu translation is not loaded ({len(urdu)} of {len(texts)} texts in Urdu)")
        family = QFontInfo(QApplication.font()).family()
        if "Naskh" not in family:
            raise SelfTestFailed(f"the bundled Urdu font is not used (the screen's font is {family})")
        image = window.grab().toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        if image.isNull() or len(colours) < 8:
            raise SelfTestFailed("the screen drew nothing")
        keep = test.keep  # type: ignore[attr-defined]
        if keep is not None:
            image.save(str(keep / "self-test-urdu-dashboard.png"))
        return f"{len(urdu)} Urdu texts, right to left, font {family}, {image.width()}x{image.height()} drawn"
    finally:
        window.close()
        window.deleteLater()
        from desktop_app.views import ops

        ops.wait_idle()
        apply_language("en")
