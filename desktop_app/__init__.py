"""AHTC Register: offline-first encrypted case register for Anti-Human Trafficking Cells."""

__version__ = "0.1.0"
