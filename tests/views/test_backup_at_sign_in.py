"""The desktop app writes the day's automatic backup at the first sign-in of the day, and only then."""

from __future__ import annotations

from desktop_app.services import auto_backup
from desktop_app.views.app import Session


def test_the_first_sign_in_of_the_day_backs_up_and_the_next_does_not(qtbot, ctx, station_dir, clock):
    folder = auto_backup.data_folder_target(ctx)
    session = Session(station_dir, clock)
    qtbot.addWidget(session.signed_in(ctx))
    assert session.backup_run is not None and session.backup_run.ok and session.backup_error is None
    assert len(list(folder.glob("auto-*.ahtcbak"))) == 1

    clock.advance(hours=2)
    again = Session(station_dir, clock)
    qtbot.addWidget(again.signed_in(ctx))
    assert again.backup_run is None  # not due: today's backup is there
    assert len(list(folder.glob("auto-*.ahtcbak"))) == 1
    assert auto_backup.status(ctx).last_good == session.backup_run.at
    session.idle.stop()
    again.idle.stop()
