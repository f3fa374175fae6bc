"""Registers the TrueType fonts the printed reports use: Noto Sans for English, Noto Nastaliq Urdu for Urdu.

reportlab's built-in Helvetica has no Urdu glyphs, and only a TrueType font goes through reportlab's
HarfBuzz shaping, which joins Urdu letters into their contextual forms. The font files ship in
resources/fonts (SIL Open Font License, see LICENSE-OFL.txt there), so a PDF looks the same on every
station PC whatever fonts Windows has.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

LATIN = "AhtcSans"
LATIN_BOLD = "AhtcSans-Bold"
URDU = "AhtcUrdu"

FONT_FILES: dict[str, str] = {
    LATIN: "NotoSans-Regular.ttf",
    LATIN_BOLD: "NotoSans-Bold.ttf",
    URDU: "NotoNastaliqUrdu-Regular.ttf",
}

_lock = threading.Lock()
_registered_from: Path | None = None


class FontsMissing(RuntimeError):
    """A font file the reports need is not where the installation should have put it."""


def fonts_dir() -> Path:
    """resources/fonts of the source tree, or of the unpacked PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # pragma: no cover - only inside the frozen Windows build
        return Path(bundle) / "resources" / "fonts"
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


def register_fonts(directory: Path | None = None) -> None:
    """Register the report fonts with reportlab, once per process (later calls do nothing)."""
    global _registered_from
    with _lock:
        if _registered_from is not None:
            return
        folder = directory or fonts_dir()
        missing = [name for name in FONT_FILES.values() if not (folder / name).is_file()]
        if missing:
            raise FontsMissing(f"font files missing from {folder}: {', '.join(missing)}")
        for font_name, file_name in FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(font_name, str(folder / file_name)))
        _fix_shaped_glyph_codes(pdfmetrics.getFont(URDU))
        pdfmetrics.registerFontFamily(LATIN, normal=LATIN, bold=LATIN_BOLD, italic=LATIN, boldItalic=LATIN_BOLD)
        _registered_from = folder


def _fix_shaped_glyph_codes(font: TTFont) -> None:
    """Give every glyph without a character of its own a private-use code now, in glyph order.

    reportlab hands shaped glyphs (joined Urdu letters) private-use codes in the order a process first meets
    them, and stores the width it met them with. Two processes printing the same summary would then write
    different font resources, and the seal check (which re-draws the sealed content and requires the same
    fonts) would refuse a genuine copy. Fixed codes and nominal widths make the PDF a function of its content.
    """
    hb_font = font.hbFont()
    face = font.face
    for gid in range(font.hbFace.glyph_count):
        if gid in face.glyphToChar:
            continue
        font.hbAddPrivate(hb_font.glyph_to_string(gid), gid, hb_font.get_glyph_h_advance(gid))


def font_file(font_name: str) -> Path:
    """The file a registered report font was loaded from (tests check which face drew the Urdu)."""
    register_fonts()
    assert _registered_from is not None
    return _registered_from / FONT_FILES[font_name]
