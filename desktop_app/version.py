"""The app's version, from one place: `version` in pyproject.toml.

No Qt and no other part of the app is imported here, so the command line, the sync code (bundles carry the
version) and the About page can all ask. Where the version is read from:

- a source checkout, and the frozen build (installer/bundle_files.py ships pyproject.toml at the bundle's root,
  the same path relative to this module as in the source tree): pyproject.toml beside the package, so a bumped
  version shows at once, even in an editable install whose metadata was written before the bump;
- a wheel installed by pip (no pyproject.toml beside the package): the installed distribution's metadata,
  which pip wrote from the same pyproject.toml.
"""

from __future__ import annotations

import functools
from pathlib import Path

DISTRIBUTION = "ahtc-register"
PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


@functools.cache
def app_version() -> str:
    """The version this program is, e.g. 0.1.0 (pyproject.toml's), or "unknown" if neither source has it."""
    from_file = _from_pyproject(PYPROJECT)
    if from_file is not None:
        return from_file
    from importlib import metadata  # only for a wheel install: it costs start-up time

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"


def _from_pyproject(path: Path) -> str | None:
    import tomllib

    try:
        project = tomllib.loads(path.read_text(encoding="utf-8")).get("project", {})
    except (OSError, ValueError):
        return None
    # Another project's pyproject.toml (a site-packages folder that happens to hold one) is not ours.
    if project.get("name") != DISTRIBUTION or not isinstance(project.get("version"), str):
        return None
    return str(project["version"])
