"""Entry point of the frozen command line (ahtc.exe): the same as the `ahtc` script pip installs."""

from __future__ import annotations

import sys

if __name__ == "__main__":
    from desktop_app.cli import main

    sys.exit(main())
