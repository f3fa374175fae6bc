"""Which characters the printed reports can draw: those the report fonts have a glyph for.

The FIR-support summary and the other PDFs draw Latin text with Noto Sans and Urdu with Noto Nastaliq Urdu
(resources/fonts). A character neither font has (an emoji, a Chinese character) would print as its code,
e.g. [U+1F600]. Validation refuses it at input instead, with a sentence saying which character it is, so what
an officer typed is what the summary shows. reports/fir_pdf.py `drawable()` answers from the same fonts, and a
test checks that the two agree on every character.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

# The faces reports/pdf_fonts.py registers for text (the bold face has the same characters as the regular).
TEXT_FONTS = ("NotoSans-Regular.ttf", "NotoNastaliqUrdu-Regular.ttf")


def _fonts_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # pragma: no cover - only inside the frozen Windows build
        return Path(bundle) / "resources" / "fonts"
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


@functools.cache
def printable_codepoints() -> frozenset[int]:
    import uharfbuzz

    found: set[int] = set()
    for name in TEXT_FONTS:
        face = uharfbuzz.Face((_fonts_dir() / name).read_bytes())
        found.update(face.unicodes)
    return frozenset(found)


def unprintable_character(text: str) -> str | None:
    """The first character of `text` (other than a line break or tab) the report fonts cannot draw, or None."""
    codes = printable_codepoints()
    for ch in text:
        if ch not in "\n\t" and ord(ch) not in codes:
            return ch
    return None
