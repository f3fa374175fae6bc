"""`ahtc-register --self-test`: the core steps and an Urdu screen drawn offscreen, kept for a person to look at."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from desktop_app.views import i18n
from desktop_app.views.app import main


def test_the_gui_self_test_draws_the_urdu_dashboard(qapp, tmp_path: Path, capsys) -> None:
    keep = tmp_path / "keep"
    assert main(["ahtc-register", "--self-test", str(keep)]) == 0
    out = capsys.readouterr().out
    assert "ok   Urdu screen:" in out and "SELF-TEST PASSED" in out
    image = QImage(str(keep / "self-test-urdu-dashboard.png"))
    assert not image.isNull() and image.width() >= 800
    assert (keep / "self-test.log").read_text(encoding="utf-8").splitlines()[-1].startswith("SELF-TEST PASSED")
    assert i18n.current_language() == "en"  # the app's language is put back
