"""The sign-in screen says why an officer whose role was raised by SQL is refused (issue 10 item 3), and grabs it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.services import accounts
from desktop_app.views.start import UnlockDialog
from tests.conftest import FAST_KDF
from tests.security.anchor import raise_role

OFFICER, PHRASE = "asi.aslam", "officer pass 2026 phalia"


def test_a_role_no_grant_gives_is_refused_on_screen(qtbot, ctx, station_dir, clock):
    accounts.add_user(ctx, OFFICER, "ASI Aslam", "officer", PHRASE, FAST_KDF)
    raise_role(ctx, OFFICER)
    ctx.store.close()
    dialog = UnlockDialog(station_dir, clock, OFFICER)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, PHRASE)
    qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.button.isEnabled(), timeout=20000)
    assert dialog.ctx is None
    assert "not the one the SHO granted you" in dialog.error.text()
    qtbot.wait(100)  # the layout settles, as it does on screen
    assert not dialog.grab().isNull()  # looked at: the sentence shows whole, in two lines
