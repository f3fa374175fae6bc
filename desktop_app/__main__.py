"""`python -m desktop_app` opens the GUI; `python -m desktop_app COMMAND ...` runs the command line."""

from __future__ import annotations

import sys


def run() -> int:
    if len(sys.argv) > 1:
        from desktop_app.cli import main

        return main()
    from desktop_app.views.app import main as gui_main

    return gui_main()


if __name__ == "__main__":
    sys.exit(run())
