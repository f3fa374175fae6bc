"""Entry point of the frozen GUI (ahtc-register.exe): what `python -m desktop_app` does with no arguments."""

from __future__ import annotations

import os
import sys


def _give_streams() -> None:
    # A windowed Windows executable has no console: sys.stdout and sys.stderr are None there, and a library that
    # writes to them (a warning, a log handler) would raise. Output of the GUI goes nowhere, as it did before.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the app


if __name__ == "__main__":
    _give_streams()
    from desktop_app.views.app import main

    sys.exit(main())
