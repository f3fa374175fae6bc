"""AHTC Register: offline-first encrypted case register for Anti-Human Trafficking Cells."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # `from desktop_app import __version__` keeps working; the one source is pyproject.toml (desktop_app.version).
    if name == "__version__":
        from desktop_app.version import app_version

        return app_version()
    raise AttributeError(f"module 'desktop_app' has no attribute {name!r}")
