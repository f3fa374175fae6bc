"""Renders an FIR-support summary (laid out after Form 24.5(1), Punjab Police Rules 1934) to an A4 PDF.

Text goes through `BidiText`, a small flowable that mixes English and Urdu on one line: Urdu runs
are shaped by HarfBuzz through reportlab (joined letters, Nastaliq positioning) and ordered right to
left by a word-level bidi pass. reportlab's own right-to-left support needs `rlbidi`, which is not on
PyPI, so the ordering is done here. Each Urdu run also carries its logical text, invisibly, so that
text extraction (search, `verify_summary`) finds Urdu names as typed.
"""

from __future__ import annotations

import functools
import io
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import segno
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.reports import pdf_fonts
from desktop_app.reports.fir_summary_data import (
    AUDIENCE_LABELS,
    OFFENCE_LABELS,
    PERSON_STATUS_LABELS,
    SEX_LABELS,
    VICTIM_STATUS_LABELS,
    Address,
    FirSummaryData,
    PersonEntry,
    Signatory,
    VictimEntry,
    format_cnic,
    format_date,
    format_datetime,
    format_pkr,
    label_of,
)
from desktop_app.reports.summary_seal import (
    CONTENT_FILE_NAME,
    METADATA_PAYLOAD_KEY,
    METADATA_SHA_KEY,
    SealPayload,
    Signer,
    make_seal,
)

# Nastaliq reads smaller than Latin at the same point size, so its runs are set larger. Its words
# stack diagonally (up to ~1.8 em above the baseline), so a line holding Urdu is made as tall as
# the ink of its words, never less than the floors below (in Urdu em).
URDU_SCALE = 1.15
URDU_MIN_ASCENT = 1.05
URDU_MIN_DESCENT = 0.45
URDU_WORD_GAP = 0.30  # Nastaliq's own space (0.13 em) lets a word's dots touch the next word
LATIN_LINE = 1.32
LATIN_BASELINE = 1.0

INK = colors.HexColor("#111111")
RULE = colors.HexColor("#6b6b6b")
SHADE = colors.HexColor("#e9edf2")
HEADER_RED = colors.HexColor("#9b1c1c")


# =============================================================================================
# Mixed English/Urdu text
# =============================================================================================


def _is_urdu_char(ch: str) -> bool:
    kind = unicodedata.bidirectional(ch)
    if kind in ("R", "AL", "AN"):
        return True
    return kind == "NSM" and 0x0600 <= ord(ch) <= 0x06FF


# Bidi embedding, override and isolate controls would let a name reorder what is printed after it.
_BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def drawable(text: str) -> str:
    """`text` with every character the report fonts cannot draw (an emoji, a control character, a bidi
    override) replaced by its code, e.g. [U+1F600]: visible on the page, never dropped silently. Validation
    refuses such characters at input; records typed before that still print, and the seal re-draws them the same.
    """
    pdf_fonts.register_fonts()
    latin = getFont(pdf_fonts.LATIN).face.charToGlyph
    urdu = getFont(pdf_fonts.URDU).face.charToGlyph
    out = []
    for ch in text:
        code = ord(ch)
        # Private-use codes are in the Urdu font's map only because register_fonts() gives them to shaped
        # glyphs: typed, one would print some joined letter, so it prints as its code like any undrawable one
        # (and so does a noncharacter such as U+FFFF, which reportlab maps to a blank glyph).
        if ch in "\n\t" or (
            ch not in _BIDI_CONTROLS
            and unicodedata.category(ch) not in ("Cc", "Co", "Cn")
            and (code in latin or code in urdu)
        ):
            out.append(ch)
        else:
            out.append(f"[U+{code:04X}]")
    return "".join(out)


def contains_urdu(text: str) -> bool:
    return any(_is_urdu_char(ch) for ch in text)


@functools.lru_cache(maxsize=4096)
def _urdu_ink(text: str) -> tuple[float, float]:
    """How far the shaped word's ink reaches above and below the baseline, in em."""
    import uharfbuzz

    face = getFont(pdf_fonts.URDU).hbFace
    font = uharfbuzz.Font(face)
    buf = uharfbuzz.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    uharfbuzz.shape(font, buf, {})
    top = bottom = 0.0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
        extents = font.get_glyph_extents(info.codepoint)
        if extents is None:
            continue
        upper = pos.y_offset + extents.y_bearing
        top = max(top, upper)
        bottom = min(bottom, upper + extents.height)
    return top / face.upem, -bottom / face.upem


@dataclass
class _Piece:
    """A run of one script inside a word: what is drawn with one font."""

    text: str
    urdu: bool
    bidi: str = "N"  # L, R, NUM or N before resolution; the level decides the order
    level: int = 0
    glued: bool = False  # no space between this piece and the one before it
    drawn: str = ""  # the (shaped) string handed to the canvas
    width: float = 0.0


@dataclass(frozen=True)
class TextStyle:
    size: float = 8.6
    bold: bool = False
    align: str = "start"  # start (left for English, right for Urdu), center, end
    color: Any = INK
    direction: str = "auto"  # auto (first strong letter), ltr, rtl

    @property
    def latin_font(self) -> str:
        return pdf_fonts.LATIN_BOLD if self.bold else pdf_fonts.LATIN

    @property
    def urdu_size(self) -> float:
        return self.size * URDU_SCALE


def _detach_trailing_neutrals(piece: _Piece) -> list[_Piece]:
    """Punctuation closing an Urdu run ("ح." or "نام،") is not part of the run's right-to-left text: it stays
    where it was typed, after the run, so the visible and the extracted text keep the typed order."""
    if not piece.urdu:
        return [piece]
    core = piece.text
    while core and not _is_urdu_char(core[-1]) and unicodedata.bidirectional(core[-1]) not in ("L", "EN", "AN"):
        core = core[:-1]
    if not core or core == piece.text:
        return [piece]
    return [_Piece(core, True), _Piece(piece.text[len(core) :], False)]


def _split_pieces(word: str) -> list[_Piece]:
    """Cut one space-free word where it changes between Urdu and other script; neutral signs stay
    with the run they are in (a leading one goes with the run that follows)."""
    pieces: list[_Piece] = []
    current = ""
    current_urdu: bool | None = None
    for ch in word:
        kind = unicodedata.bidirectional(ch)
        if _is_urdu_char(ch):
            is_urdu: bool | None = True
        elif kind in ("L", "EN"):
            is_urdu = False
        else:
            is_urdu = None  # neutral
        if is_urdu is None or current_urdu is None or is_urdu == current_urdu:
            current += ch
            if current_urdu is None:
                current_urdu = is_urdu
            continue
        pieces.append(_Piece(current, current_urdu))
        current, current_urdu = ch, is_urdu
    if current:
        pieces.append(_Piece(current, bool(current_urdu)))
    pieces = [part for piece in pieces for part in _detach_trailing_neutrals(piece)]
    for piece in pieces[1:]:
        piece.glued = True
    for piece in pieces:
        kinds = {unicodedata.bidirectional(ch) for ch in piece.text}
        if piece.urdu and kinds & {"R", "AL"}:
            piece.bidi = "R"
        elif "L" in kinds:
            piece.bidi = "L"
        elif kinds & {"EN", "AN"}:
            piece.bidi = "NUM"
        else:
            piece.bidi = "N"
    return pieces


def _base_level(text: str, direction: str) -> int:
    if direction == "rtl":
        return 1
    if direction == "ltr":
        return 0
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return 0
        if kind in ("R", "AL"):
            return 1
    return 0


def _resolve_levels(pieces: list[_Piece], base: int) -> None:
    """Word-level Unicode bidi: strong runs take their direction, numbers after Urdu (or in an Urdu
    paragraph) read as Arabic numbers, neutrals between two runs of one direction join them."""
    last_strong = "L" if base == 0 else "R"
    kinds: list[str] = []
    for piece in pieces:
        kind = piece.bidi
        if kind in ("L", "R"):
            last_strong = kind
        elif kind == "NUM":
            kind = "L" if last_strong == "L" else "NUM"
        kinds.append(kind)
    strong = ["R" if k == "NUM" else k for k in kinds]  # N1: numbers count as R for neutrals
    base_dir = "L" if base == 0 else "R"
    for i, kind in enumerate(kinds):
        if kind != "N":
            continue
        before = next((strong[j] for j in range(i - 1, -1, -1) if strong[j] != "N"), base_dir)
        after = next((strong[j] for j in range(i + 1, len(strong)) if strong[j] != "N"), base_dir)
        kinds[i] = before if before == after else base_dir
    for piece, kind in zip(pieces, kinds, strict=True):
        if kind == "NUM":
            piece.level = 2
        elif kind == "R":
            piece.level = 1
        else:  # L
            piece.level = 0 if base == 0 else 2


def _visual_order(levels: Sequence[int]) -> list[int]:
    """Rule L2: from the highest level down to 1, reverse every run at that level or above."""
    order = list(range(len(levels)))
    if not levels:
        return order
    for level in range(max(levels), 0, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


@dataclass
class _Line:
    pieces: list[_Piece]
    base: int
    height: float
    baseline: float  # distance from the top of the line to its baseline
    width: float
    gap: float  # the space drawn between two words


class BidiText(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A paragraph of English and/or Urdu, wrapped to the available width; splits between lines."""

    def __init__(
        self, text: str, style: TextStyle | None = None, *, _paragraphs: Any = None, _width: float = 0.0
    ) -> None:
        super().__init__()
        self.style = style or TextStyle()
        self.text = text
        # Logical paragraphs: (base level, pieces with resolved levels); computed once, kept on split.
        self._paragraphs: list[tuple[int, list[_Piece]]] = (
            _paragraphs if _paragraphs is not None else self._prepare(text)
        )
        self._lines: list[_Line] = []
        self._avail_width = _width  # the width last wrapped to (a split part inherits its parent's)

    def _prepare(self, text: str) -> list[tuple[int, list[_Piece]]]:
        paragraphs = []
        for raw in drawable((text or "").replace("\r\n", "\n")).split("\n"):
            base = _base_level(raw, self.style.direction)
            pieces: list[_Piece] = []
            for word in raw.split():
                pieces.extend(_split_pieces(word))
            _resolve_levels(pieces, base)
            for piece in pieces:
                self._measure(piece)
            paragraphs.append((base, pieces))
        return paragraphs

    def _measure(self, piece: _Piece) -> None:
        st = self.style
        if piece.urdu:
            shaped = shapeStr(piece.text, pdf_fonts.URDU, st.urdu_size)
            piece.drawn = shaped
            if isinstance(shaped, ShapedStr):
                piece.width = sum(d.x_advance for d in shaped.__shapeData__) * st.urdu_size / 1000
            else:
                piece.width = stringWidth(piece.text, pdf_fonts.URDU, st.urdu_size)
        else:
            # English is drawn unshaped: shaping would turn "fi" into a ligature glyph that text
            # extraction reads back as a private character, and verification looks for the words.
            piece.drawn = piece.text
            piece.width = stringWidth(piece.text, st.latin_font, st.size)

    # -- layout ---------------------------------------------------------------------------------

    def _gap(self, pieces: list[_Piece]) -> float:
        latin = float(stringWidth(" ", self.style.latin_font, self.style.size))
        if any(p.urdu for p in pieces):
            return max(latin, self.style.urdu_size * URDU_WORD_GAP)
        return latin

    def _words(self, pieces: list[_Piece]) -> list[list[_Piece]]:
        words: list[list[_Piece]] = []
        for piece in pieces:
            if piece.glued and words:
                words[-1].append(piece)
            else:
                words.append([piece])
        return words

    def _break_long_word(self, word: list[_Piece], width: float) -> list[list[_Piece]]:
        """A word wider than the column (a long reference, a URL) is cut, never cropped."""
        out: list[list[_Piece]] = []
        for piece in word:
            rest = piece.text
            while rest:
                low, high = 1, len(rest)  # the longest prefix that fits, by bisection
                while low < high:
                    middle = (low + high + 1) // 2
                    if self._measured(rest[:middle], piece).width <= width:
                        low = middle
                    else:
                        high = middle - 1
                out.append([self._measured(rest[:low], piece)])
                rest = rest[low:]
        return out

    def _measured(self, text: str, like: _Piece) -> _Piece:
        part = _Piece(text, like.urdu, like.bidi, like.level)
        self._measure(part)
        return part

    def _layout(self, width: float) -> list[_Line]:
        lines: list[_Line] = []
        for base, pieces in self._paragraphs:
            space = self._gap(pieces)
            words: list[list[_Piece]] = []
            for word in self._words(pieces):
                if sum(p.width for p in word) > width:
                    words.extend(self._break_long_word(word, width))
                else:
                    words.append(word)
            current: list[list[_Piece]] = []
            used = 0.0
            for word in words:
                word_width = sum(p.width for p in word)
                extra = word_width + (space if current else 0.0)
                if current and used + extra > width + 0.01:
                    lines.append(self._make_line(current, base, used, space))
                    current, used = [], 0.0
                    extra = word_width
                current.append(word)
                used += extra
            lines.append(self._make_line(current, base, used, space))
        if lines and not any(line.pieces for line in lines):
            lines = lines[:1]
        return lines

    def _make_line(self, words: list[list[_Piece]], base: int, width: float, gap: float) -> _Line:
        pieces = [p for w in words for p in w]
        if pieces:
            pieces[0] = _Piece(**{**pieces[0].__dict__, "glued": False})
        st = self.style
        height = st.size * LATIN_LINE
        baseline = st.size * LATIN_BASELINE
        urdu = [p for p in pieces if p.urdu]
        if urdu:
            inks = [_urdu_ink(p.text) for p in urdu]
            ascent = max(URDU_MIN_ASCENT, *(a for a, _ in inks)) * st.urdu_size
            descent = max(URDU_MIN_DESCENT, *(d for _, d in inks)) * st.urdu_size
            baseline = max(baseline, ascent + 0.08 * st.size)
            height = max(height, baseline + descent + 0.08 * st.size)
        return _Line(pieces, base, height, baseline, width, gap)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail_width = availWidth
        self._lines = self._layout(availWidth)
        self.height = sum(line.height for line in self._lines)
        self.width = availWidth
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self._avail_width:
            # A table splitting a row passes the whole column width, padding included, though it
            # wraps and draws the cell narrower; lines laid out wider would re-wrap taller.
            availWidth = min(availWidth, self._avail_width)
        lines = self._layout(availWidth)
        used, fit = 0.0, 0
        for line in lines:
            if used + line.height > availHeight + 0.01:
                break
            used += line.height
            fit += 1
        if fit == 0:
            return []
        if fit == len(lines):
            # Everything fits; a table splitting a row still wants two parts, so the rest is empty.
            return [self._part(self._paragraphs, availWidth), self._part([], availWidth)]
        head = self._paragraphs_from_lines(lines[:fit], lines)
        tail = self._paragraphs_from_lines(lines[fit:], lines)
        return [self._part(head, availWidth), self._part(tail, availWidth)]

    def _part(self, paragraphs: list[tuple[int, list[_Piece]]], width: float) -> BidiText:
        return BidiText(self.text, self.style, _paragraphs=paragraphs, _width=width)

    def _paragraphs_from_lines(self, chosen: list[_Line], all_lines: list[_Line]) -> list[tuple[int, list[_Piece]]]:
        # A line never crosses a paragraph break, so consecutive lines of one paragraph re-join;
        # each chosen line is kept as its own logical paragraph, which re-wraps the same way.
        return [(line.base, line.pieces) for line in chosen]

    # -- drawing --------------------------------------------------------------------------------

    def draw(self) -> None:
        y = self.height
        for line in self._lines:
            y -= line.height
            x0 = self._line_start(line)
            draw_pieces(self.canv, x0, y + line.height - line.baseline, line, self.style)

    def _line_start(self, line: _Line) -> float:
        align = self.style.align
        slack = max(self._avail_width - line.width, 0.0)
        if align == "center":
            return slack / 2
        at_right = (align == "start" and line.base == 1) or (align == "end" and line.base == 0)
        return slack if at_right else 0.0


def draw_pieces(canv: Canvas, x: float, baseline_y: float, line: _Line, style: TextStyle) -> None:
    """Draw one line's pieces in visual order from x; then each Urdu run's logical text, invisibly."""
    pieces = line.pieces
    order = _visual_order([p.level for p in pieces])
    space = line.gap
    canv.saveState()
    canv.setFillColor(style.color)
    cursor = x
    previous: int | None = None
    positions: dict[int, float] = {}
    batch: list[int] = []  # neighbouring English pieces, drawn as one string so extraction keeps spaces

    def flush() -> None:
        if batch:
            text = ""
            for k, idx in enumerate(batch):
                if k and not _glued_between(pieces, batch[k - 1], idx):
                    text += " "
                text += pieces[idx].drawn
            canv.setFont(style.latin_font, style.size)
            # Word spacing stretches each space to the gap the line was laid out with.
            extra = space - stringWidth(" ", style.latin_font, style.size)
            canv.drawString(positions[batch[0]], baseline_y, text, wordSpace=extra or None)
            batch.clear()

    for idx in order:
        piece = pieces[idx]
        if previous is not None and not _glued_between(pieces, previous, idx):
            cursor += space
        positions[idx] = cursor
        if piece.urdu:
            flush()
            canv.setFont(pdf_fonts.URDU, style.urdu_size)
            canv.drawString(cursor, baseline_y, piece.drawn)
        else:
            batch.append(idx)
        cursor += piece.width
        previous = idx
    flush()
    _draw_text_layer(canv, pieces, order, positions, baseline_y, style)
    canv.restoreState()


def _glued_between(pieces: list[_Piece], a: int, b: int) -> bool:
    """Two visually adjacent pieces touch only if they are logical neighbours written without a space."""
    if abs(a - b) != 1:
        return False
    return pieces[max(a, b)].glued


def _draw_text_layer(
    canv: Canvas,
    pieces: list[_Piece],
    order: list[int],
    positions: dict[int, float],
    baseline_y: float,
    style: TextStyle,
) -> None:
    # Shaped glyphs read back from a PDF as presentation forms or private-use characters. Each run
    # of Urdu is therefore repeated as plain characters in text render mode 3 (invisible), in visual
    # order as PDF text is, so extractors (which reverse right-to-left runs) give the typed text.
    runs: list[list[int]] = []
    for k, idx in enumerate(order):
        if not pieces[idx].urdu:
            continue
        if runs and k and order[k - 1] == runs[-1][-1]:
            runs[-1].append(idx)
        else:
            runs.append([idx])
    for run in runs:
        text = ""
        for k, idx in enumerate(run):
            if k and not _glued_between(pieces, run[k - 1], idx):
                text += " "
            text += pieces[idx].text[::-1]
        text_obj = canv.beginText(positions[run[0]], baseline_y)
        text_obj.setTextRenderMode(3)
        text_obj.setFont(pdf_fonts.URDU, style.urdu_size)
        text_obj.textOut(text)
        canv.drawText(text_obj)


def draw_text_line(canv: Canvas, x: float, baseline_y: float, width: float, text: str, style: TextStyle) -> None:
    """Draw `text` inside [x, x + width] with its first baseline at `baseline_y` (page furniture)."""
    flowable = BidiText(text, style)
    _, height = flowable.wrapOn(canv, width, 10_000)
    first_baseline = flowable._lines[0].baseline if flowable._lines else 0.0
    flowable.drawOn(canv, x, baseline_y + first_baseline - height)


# =============================================================================================
# The form
# =============================================================================================

# Each field of Form 24.5(1) PPR 1934 that the summary prints, in English and Urdu.
LABELS: dict[str, tuple[str, str]] = {
    "police_station": ("Police Station", "تھانہ"),
    "district": ("District", "ضلع"),
    "station_code": ("Station code", "کوڈ تھانہ"),
    "fir": ("FIR registered", "ایف آئی آر"),
    "case_ref": ("Case number", "نمبر مقدمہ"),
    "masking": ("What this copy masks", "اس نقل میں پوشیدہ"),
    "case_title": ("Case title", "عنوان"),
    "offence": ("Offence category", "نوعیت جرم"),
    "occurrence_time": ("Date and hour of occurrence", "تاریخ و وقت وقوعہ"),
    "report_time": ("Date and hour of report", "تاریخ و وقت اطلاع"),
    "place": ("Place of occurrence", "جائے وقوعہ"),
    "distance": ("Distance and direction from police station", "فاصلہ و سمت از تھانہ"),
    "complainant": ("Complainant", "مدعی"),
    "informant": ("Informant", "اطلاع دہندہ"),
    "accused": ("Accused", "ملزمان"),
    "victims": ("Victims", "متاثرین"),
    "facts": ("Brief facts", "مختصر حالات"),
    "sections": ("Sections of law suggested", "مجوزہ دفعات"),
    "evidence": ("Evidence", "شواہد"),
    "witnesses": ("Witnesses", "گواہان"),
    "action": ("Action taken", "کاروائی"),
    "findings": ("Inspection findings", "معائنہ کے نتائج"),
    "meetings": ("Meetings with victims' families", "متاثرہ خاندانوں سے ملاقاتیں"),
    "narrative": ("Narrative", "تفصیلی بیان"),
    "prepared_by": ("Prepared by", "مرتب کنندہ"),
    "verified_by": ("Verified by", "تصدیق کنندہ"),
}

# Bump when a change to the layout changes the text of the pages: verify_summary only compares
# pages re-rendered from the sealed content when the PDF was drawn with the same layout.
LAYOUT_VERSION = "fir-summary-layout/3"

CONFIDENTIAL = "CONFIDENTIAL — FIR-support summary, not an FIR"
CONFIDENTIAL_URDU = "خفیہ — یہ ایف آئی آر نہیں"
TITLE = "FIR-SUPPORT SUMMARY"
TITLE_URDU = "خلاصہ برائے ابتدائی اطلاعی رپورٹ"
TITLE_WITH_FIR = "CASE SUMMARY (FIR REGISTERED)"
TITLE_WITH_FIR_URDU = "خلاصہ مقدمہ — ایف آئی آر درج ہے"
SUBTITLE = (
    "Laid out after Form 24.5(1), Punjab Police Rules 1934 (First Information Report of a cognizable "
    "offence, s. 154 Cr.P.C.). Prepared from the AHTC Register for the SHO; the FIR itself is recorded "
    "by the officer in charge of the police station."
)
NONE_RECORDED = "— none recorded —"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 14 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

BODY = TextStyle()
BODY_BOLD = TextStyle(bold=True)
SMALL = TextStyle(size=7.4)
HEAD = TextStyle(size=7.8, bold=True)
NARRATIVE = TextStyle(size=9.2)


def label(key: str) -> str:
    english, urdu = LABELS[key]
    return f"{english} / {urdu}"


@dataclass(frozen=True)
class RenderResult:
    pdf_bytes: bytes
    out_path: Path | None
    case_id: str
    sha256: str
    qr_payload: str
    signed: bool
    page_count: int
    content_json: bytes  # the canonical JSON embedded in the PDF and hashed


def render_fir_summary(
    data: FirSummaryData, *, signer: Signer | None = None, out_path: Path | str | None = None
) -> RenderResult:
    """Render `data` for its audience (masking applied here, always) and seal it.

    `signer` receives the bytes `case_id|sha256` and returns the station's Ed25519 signature; without
    it the summary prints as UNSIGNED. With `out_path` the PDF is also written there atomically.
    """
    from pypdf import PdfReader, PdfWriter

    from desktop_app.store.atomic import write_atomic

    printed = data.masked_for_audience()
    content, payload = make_seal(printed, signer, LAYOUT_VERSION)
    qr_text = payload.encode()

    reader = PdfReader(io.BytesIO(render_pages(printed, payload)))
    writer = PdfWriter(clone_from=reader)
    writer.add_attachment(CONTENT_FILE_NAME, content)
    writer.add_metadata({METADATA_PAYLOAD_KEY: qr_text, METADATA_SHA_KEY: payload.sha256})
    sealed = io.BytesIO()
    writer.write(sealed)
    pdf_bytes = sealed.getvalue()

    target = Path(out_path) if out_path is not None else None
    if target is not None:
        write_atomic(target, pdf_bytes)
    return RenderResult(
        pdf_bytes=pdf_bytes,
        out_path=target,
        case_id=printed.case_id,
        sha256=payload.sha256,
        qr_payload=qr_text,
        signed=bool(payload.signature),
        page_count=len(reader.pages),
        content_json=content,
    )


def render_pages(printed: FirSummaryData, payload: SealPayload) -> bytes:
    """The visible pages alone (no embedded content), for data that is already masked.

    `verify_summary` calls this too, to re-draw the sealed content and compare page texts.
    """
    pdf_fonts.register_fonts()
    buffer = io.BytesIO()
    doc = _SummaryDoc(buffer, printed, payload)
    doc.build(_story(printed, payload), canvasmaker=doc.canvas_maker())
    return buffer.getvalue()


# -- page furniture ----------------------------------------------------------------------------


class _SummaryDoc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, data: FirSummaryData, payload: SealPayload) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=f"FIR-support summary {data.reference}",
            author=f"{data.police_station}, {data.district} ({data.station_code})",
            subject="CONFIDENTIAL - FIR-support summary, not an FIR",
            creator="AHTC Register",
        )
        self.data = data
        self.payload = payload
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM, id="body")
        self.addPageTemplates([PageTemplate(id="summary", frames=[frame])])

    def canvas_maker(self) -> Callable[..., Canvas]:
        data, payload = self.data, self.payload

        def make(*args: Any, **kwargs: Any) -> Canvas:
            return _NumberedCanvas(*args, data=data, payload=payload, **kwargs)

        return make


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds pages back until the end, so every page can say 'Page x of y'."""

    def __init__(self, *args: Any, data: FirSummaryData, payload: SealPayload, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._data = data
        self._payload = payload
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            _decorate_page(self, number, total, self._data, self._payload)
            super().showPage()
        super().save()


def _decorate_page(canv: Canvas, number: int, total: int, data: FirSummaryData, payload: SealPayload) -> None:
    canv.saveState()
    first = PAGE_HEIGHT - 12 * mm
    head = TextStyle(size=8.4, bold=True, color=HEADER_RED)
    draw_text_line(canv, MARGIN_X, first, CONTENT_WIDTH * 0.62, CONFIDENTIAL, head)
    copy_line = f"Copy No. {data.copy_number} · {AUDIENCE_LABELS[data.audience]}"
    right = TextStyle(size=8.0, bold=True, align="end")
    draw_text_line(canv, MARGIN_X + CONTENT_WIDTH * 0.5, first, CONTENT_WIDTH * 0.5, copy_line, right)
    case_line = f"Case {data.reference} · PS {data.police_station}, District {data.district} ({data.station_code})"
    draw_text_line(canv, MARGIN_X, first - 4.6 * mm, CONTENT_WIDTH * 0.62, case_line, TextStyle(size=7.6))
    urdu = TextStyle(size=7.8, bold=True, color=HEADER_RED, align="end")
    draw_text_line(
        canv, MARGIN_X + CONTENT_WIDTH * 0.62, first - 4.6 * mm, CONTENT_WIDTH * 0.38, CONFIDENTIAL_URDU, urdu
    )
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.6)
    rule_y = first - 6.8 * mm
    canv.line(MARGIN_X, rule_y, PAGE_WIDTH - MARGIN_X, rule_y)

    bottom = MARGIN_BOTTOM - 9 * mm
    canv.line(MARGIN_X, bottom + 3.2 * mm, PAGE_WIDTH - MARGIN_X, bottom + 3.2 * mm)
    seal = f"Seal SHA-256 {payload.sha256[:16]}…" + ("" if payload.signature else " (UNSIGNED)")
    footer = f"Printed {format_datetime(data.printed_at)} PKT · {seal} · Copy No. {data.copy_number}"
    draw_text_line(canv, MARGIN_X, bottom, CONTENT_WIDTH * 0.8, footer, TextStyle(size=7.0))
    page = TextStyle(size=7.6, bold=True, align="end")
    draw_text_line(canv, MARGIN_X + CONTENT_WIDTH * 0.8, bottom, CONTENT_WIDTH * 0.2, f"Page {number} of {total}", page)
    canv.restoreState()


# -- building blocks ---------------------------------------------------------------------------


def _t(text: str, style: TextStyle = BODY) -> BidiText:
    return BidiText(text if text and text.strip() else "—", style)


def _grid(rows: list[list[Any]], widths: Sequence[float], *, header: bool = True) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0, splitInRow=1)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.45, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    table.setStyle(TableStyle(commands))
    return table


LABEL_WIDTH = 56 * mm


def _label_cell(key: str, width: float, style: TextStyle = BODY_BOLD) -> list[Flowable]:
    """'English / Urdu' on one line when it fits; otherwise the Urdu on a line of its own, so a
    label never breaks in the middle of its Urdu words."""
    one_line = _t(label(key), style)
    one_line.wrap(width, 10_000)
    if len(one_line._lines) == 1:
        return [one_line]
    english, urdu = LABELS[key]
    return [_t(f"{english} /", style), _t(urdu, TextStyle(size=style.size, bold=style.bold, direction="rtl"))]


def _first_baseline(flowable: Flowable, width: float) -> float:
    if not isinstance(flowable, BidiText):
        return 0.0
    flowable.wrap(width, 10_000)
    return flowable._lines[0].baseline if flowable._lines else 0.0


def _aligned(label_cell: list[Flowable], value: Any, label_width: float, value_width: float) -> list[list[Any]]:
    """Label and value cells whose first lines share a baseline (an Urdu word makes a line taller)."""
    value_cell = list(value) if isinstance(value, list) else [_t(value) if isinstance(value, str) else value]
    drop = _first_baseline(label_cell[0], label_width) - _first_baseline(value_cell[0], value_width)
    if drop > 0.5:
        value_cell.insert(0, Spacer(1, drop))
    elif drop < -0.5:
        label_cell = [Spacer(1, -drop), *label_cell]
    return [label_cell, value_cell]


def _key_values(rows: list[tuple[str, Any]]) -> Table:
    """Two columns: the bilingual field label, and its value (text or flowables)."""
    inner = LABEL_WIDTH - 6
    value_inner = CONTENT_WIDTH - LABEL_WIDTH - 6
    data = [_aligned(_label_cell(key, inner), value, inner, value_inner) for key, value in rows]
    table = _grid(data, [LABEL_WIDTH, CONTENT_WIDTH - LABEL_WIDTH], header=False)
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, -1), SHADE)]))
    return table


def _heading(number: int | None, key: str) -> list[Flowable]:
    text = f"{number}. {label(key)}" if number else label(key)
    bar = Table([[_t(text, TextStyle(size=9.6, bold=True))]], colWidths=[CONTENT_WIDTH])
    bar.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.9, INK),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return [CondPageBreak(32 * mm), Spacer(1, 3.2 * mm), bar, Spacer(1, 1.6 * mm)]


def _none() -> BidiText:
    return _t(NONE_RECORDED, SMALL)


def _status(code: str) -> str:
    return label_of(code, PERSON_STATUS_LABELS)


def _sex(code: str) -> str:
    return label_of(code, SEX_LABELS)


def _address(address: Address | None) -> str:
    return address.printed() if address else ""


def _person_name(name: str, name_urdu: str = "", *, stacked: bool = False) -> str:
    if not name_urdu:
        return name
    return f"{name}\n{name_urdu}" if stacked else f"{name} / {name_urdu}"


def _person_block(p: PersonEntry) -> str:
    lines = [f"Name: {_person_name(p.name, p.name_urdu)}"]
    if p.aliases:
        lines.append("Alias: " + ", ".join(p.aliases))
    if p.father_name:
        lines.append(f"Father's name: {p.father_name}")
    if p.age_years is not None or p.sex:
        lines.append("Age / sex: " + " / ".join(x for x in (_age(p.age_years), _sex(p.sex)) if x))
    if p.cnic:
        lines.append(f"CNIC: {format_cnic(p.cnic)}")
    if p.phones:
        lines.append("Phone: " + ", ".join(p.phones))
    if p.address:
        lines.append(f"Address: {_address(p.address)}")
    if p.role or p.status:
        lines.append("Role / status: " + " / ".join(x for x in (p.role, _status(p.status)) if x))
    return "\n".join(lines)


def _age(age: int | None) -> str:
    return f"{age} years" if age is not None else ""


def _occurrence_time(data: FirSummaryData) -> str:
    occ = data.occurrence
    if occ.at and occ.until:
        return f"between {format_datetime(occ.at)} and {format_datetime(occ.until)}"
    return format_datetime(occ.at) or "not known"


# -- the story ---------------------------------------------------------------------------------


def _story(data: FirSummaryData, payload: SealPayload) -> list[Flowable]:
    title, title_urdu = (TITLE_WITH_FIR, TITLE_WITH_FIR_URDU) if data.fir else (TITLE, TITLE_URDU)
    head: list[tuple[str, Any]] = []
    if data.fir:
        head.append(("fir", _fir_line(data)))
    head += [
        ("police_station", data.police_station),
        ("district", data.district),
        ("station_code", data.station_code),
        ("case_ref", data.reference),
        ("case_title", data.case_title),
        ("offence", label_of(data.offence_category, OFFENCE_LABELS)),
        ("masking", data.masking_note or "Nothing is masked in this copy."),
    ]
    story: list[Flowable] = [
        _t(title, TextStyle(size=15, bold=True, align="center")),
        _t(title_urdu, TextStyle(size=12, align="center")),
        Spacer(1, 1 * mm),
        _t(SUBTITLE, TextStyle(size=7.6, align="center", color=RULE)),
        Spacer(1, 3 * mm),
        _key_values(head),
    ]
    story += _heading(1, "occurrence_time")
    story.append(
        _key_values(
            [
                ("occurrence_time", _occurrence_time(data)),
                ("report_time", format_datetime(data.report_time) or "not recorded"),
                ("place", data.occurrence.place),
                ("distance", data.occurrence.distance_and_direction_from_station),
            ]
        )
    )
    story += _heading(2, "complainant")
    story.append(
        _key_values(
            [
                ("complainant", _person_block(data.complainant) if data.complainant else NONE_RECORDED),
                ("informant", _person_block(data.informant) if data.informant else "Same as complainant"),
            ]
        )
    )
    story += _heading(3, "accused")
    story.append(_people_table(data.accused, with_role=True))
    story += _heading(4, "victims")
    story.append(_victims_table(data.victims))
    story += _heading(5, "facts")
    story.append(_facts_table(data))
    story += _heading(6, "sections")
    story += _sections_block(data)
    story += _heading(7, "evidence")
    story.append(_evidence_table(data))
    story += _heading(8, "witnesses")
    story.append(_people_table(data.witnesses, with_role=False))
    story += _heading(9, "action")
    story.append(_actions_table(data))
    story += _heading(10, "findings")
    story += _findings(data)
    story += _heading(11, "meetings")
    story.append(_meetings_table(data))
    story += _heading(12, "narrative")
    story += _narrative(data.narrative)
    story += _signatures_and_seal(data, payload)
    return story


def _people_table(people: Sequence[PersonEntry], *, with_role: bool) -> Flowable:
    if not people:
        return _none()
    w = CONTENT_WIDTH
    widths = [7 * mm, 52 * mm, 38 * mm, w - 7 * mm - 52 * mm - 38 * mm - (32 * mm if with_role else 0)]
    head = ["#", "Name, parentage, alias", "CNIC / phone", "Address"]
    if with_role:
        widths.append(32 * mm)
        head.append("Role / status")
    rows: list[list[Any]] = [[_t(h, HEAD) for h in head]]
    for i, p in enumerate(people, start=1):
        who = [_person_name(p.name, p.name_urdu, stacked=True)]
        if p.father_name:
            who.append(f"s/o {p.father_name}")
        if p.aliases:
            who.append("alias " + ", ".join(p.aliases))
        if p.age_years is not None:
            who.append(_age(p.age_years))
        ids = [format_cnic(p.cnic) if p.cnic else "CNIC not known", *p.phones]
        row = [_t(str(i)), _t("\n".join(who)), _t("\n".join(ids)), _t(_address(p.address))]
        if with_role:
            row.append(_t("\n".join(x for x in (p.role, _status(p.status)) if x)))
        rows.append(row)
    return _grid(rows, widths)


def _victims_table(victims: Sequence[VictimEntry]) -> Flowable:
    if not victims:
        return _none()
    widths = [7 * mm, 42 * mm, 37 * mm, 30 * mm, 30 * mm]
    widths.append(CONTENT_WIDTH - sum(widths))
    head = ["#", "Name, parentage, age/sex", "CNIC / B-form", "Status / route", "Incident", "Paid to agents"]
    rows: list[list[Any]] = [[_t(h, HEAD) for h in head]]
    for i, v in enumerate(victims, start=1):
        who = [_person_name(v.name, v.name_urdu, stacked=True)]
        if v.father_name:
            who.append(f"s/o {v.father_name}")
        who.append(" / ".join(x for x in (_age(v.age_years), _sex(v.sex)) if x))
        if v.is_child:
            who.append("CHILD")
        kind = {"cnic": "CNIC", "b_form": "B-form"}.get(v.id_kind, "ID")
        ids = [f"{kind}: {format_cnic(v.id_number)}" if v.id_number else "ID not known"]
        if v.family_phone:
            ids.append(f"Family: {v.family_phone}")
        if v.address:
            ids.append(_address(v.address))
        status = "\n".join(x for x in (label_of(v.status, VICTIM_STATUS_LABELS), v.route) if x)
        incident = []
        if v.date_of_departure:
            incident.append(f"Left {format_date(v.date_of_departure)}")
        if v.country_of_incident or v.date_of_incident:
            incident.append(" ".join(x for x in (v.country_of_incident, format_date(v.date_of_incident)) if x))
        paid = []
        if v.amount_paid_pkr is not None:
            paid.append(f"Paid {format_pkr(v.amount_paid_pkr)}")
        if v.ransom_paid_pkr:
            paid.append(f"Ransom {format_pkr(v.ransom_paid_pkr)}")
        rows.append(
            [
                _t(str(i)),
                _t("\n".join(who)),
                _t("\n".join(ids)),
                _t(status),
                _t("\n".join(incident)),
                _t("\n".join(paid)),
            ]
        )
    return _grid(rows, widths)


def _facts_table(data: FirSummaryData) -> Flowable:
    if not data.facts:
        return _none()
    widths = [20 * mm, CONTENT_WIDTH - 20 * mm - 48 * mm, 48 * mm]
    rows: list[list[Any]] = [[_t("Date", HEAD), _t("Fact", HEAD), _t("Source", HEAD)]]
    rows += [[_t(format_date(f.date)), _t(f.text), _t(f.source, SMALL)] for f in data.facts]
    return _grid(rows, widths)


SECTIONS_DISCLAIMER = (
    "Sections suggested from the AHTC law-section catalogue and confirmed by the officer. This is not legal "
    "advice: the officer registering the FIR and the prosecutor decide the charges. Punishments are those of the "
    "texts the catalogue read; the 2025 amendments to the trafficking, smuggling and emigration laws were not "
    "found and may have changed them. A section marked UNVERIFIED was not read in its Act: read it before citing."
)


def _fir_line(data: FirSummaryData) -> str:
    fir = data.fir
    assert fir is not None
    parts = [f"FIR No. {fir.number}"]
    if fir.date:
        parts.append(f"dated {format_date(fir.date)}")
    parts.append(f"PS {fir.police_station or data.police_station}")
    offences = [s.label() for s in data.sections if s.offence]
    line = ", ".join(parts)
    return line + (f", u/s {', '.join(offences)}" if offences else "")


def _sections_block(data: FirSummaryData) -> list[Flowable]:
    out: list[Flowable] = [_sections_table(data)]
    if data.act_notes:
        out += [Spacer(1, 1.5 * mm), _t("Who investigates and which court tries:", BODY_BOLD)]
        out += [_t(note) for note in data.act_notes]
    stamp = f"Sections from the {data.catalogue}. " if data.catalogue else ""
    out += [Spacer(1, 1 * mm), _t(stamp + SECTIONS_DISCLAIMER, SMALL)]
    return out


def _sections_table(data: FirSummaryData) -> Flowable:
    if not data.sections:
        return _none()
    widths = [34 * mm, CONTENT_WIDTH - 34 * mm - 62 * mm, 62 * mm]
    head = ["Act and section", "Offence", "Punishment (as the Act states)"]
    rows: list[list[Any]] = [[_t(h, HEAD) for h in head]]
    for s in data.sections:
        marks = [s.label()]
        if s.unverified:
            marks.append("UNVERIFIED")
        if not s.offence:
            marks.append("(not a charge)")
        rows.append([_t("\n".join(marks), BODY_BOLD), _t(s.title), _t(s.max_punishment)])
    return _grid(rows, widths)


def _evidence_table(data: FirSummaryData) -> Flowable:
    if not data.evidence:
        return _none()
    widths = [7 * mm, 56 * mm, CONTENT_WIDTH - 7 * mm - 56 * mm - 36 * mm, 36 * mm]
    rows: list[list[Any]] = [[_t(h, HEAD) for h in ("#", "Item", "Detail", "Reference")]]
    rows += [
        [_t(str(i)), _t(e.item), _t(e.detail), _t(e.reference, SMALL)] for i, e in enumerate(data.evidence, start=1)
    ]
    return _grid(rows, widths)


def _actions_table(data: FirSummaryData) -> Flowable:
    if not data.action_taken:
        return _none()
    widths = [20 * mm, CONTENT_WIDTH - 20 * mm]
    rows: list[list[Any]] = [[_t("Date", HEAD), _t("Action", HEAD)]]
    rows += [[_t(format_date(a.date)), _t(a.text)] for a in data.action_taken]
    return _grid(rows, widths)


def _meetings_table(data: FirSummaryData) -> Flowable:
    if not data.meetings:
        return _none()
    widths = [20 * mm, 56 * mm, CONTENT_WIDTH - 76 * mm]
    rows: list[list[Any]] = [[_t("Date", HEAD), _t("Place and attendees", HEAD), _t("What was learnt", HEAD)]]
    rows += [
        [_t(format_date(m.date)), _t("\n".join(x for x in (m.place, m.attendees) if x)), _t(m.summary)]
        for m in data.meetings
    ]
    return _grid(rows, widths)


def _findings(data: FirSummaryData) -> list[Flowable]:
    if not data.inspection_findings:
        return [_none()]
    out: list[Flowable] = []
    for block in data.inspection_findings:
        rows: list[list[Any]] = [[_t(block.title, HEAD), ""]]
        rows += [[_t(k), _t(v)] for k, v in block.items]
        table = _grid(rows, [70 * mm, CONTENT_WIDTH - 70 * mm])
        table.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0))]))
        out += [table, Spacer(1, 2 * mm)]
    return out


def _narrative(text: str) -> list[Flowable]:
    paragraphs = [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
    if not paragraphs:
        return [_none()]
    out: list[Flowable] = []
    for paragraph in paragraphs:
        out += [BidiText(" ".join(paragraph.split("\n")), NARRATIVE), Spacer(1, 2.2 * mm)]
    return out


def _signature_cell(key: str, who: Signatory) -> list[Flowable]:
    blank = "...................................."
    return [
        _t(label(key), BODY_BOLD),
        Spacer(1, 11 * mm),
        _t("Signature: ................................................"),
        _t(f"Name: {who.name or blank}"),
        _t(f"Rank: {who.rank or blank}"),
        _t(f"Post: {who.designation or blank}"),
        _t("Date: ..................................."),
    ]


def _signatures_and_seal(data: FirSummaryData, payload: SealPayload) -> list[Flowable]:
    half = CONTENT_WIDTH / 2
    signatures = Table(
        [[_signature_cell("prepared_by", data.prepared_by), _signature_cell("verified_by", data.verified_by)]],
        colWidths=[half, half],
    )
    signatures.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.45, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.45, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    qr_size = 36 * mm
    signed = (
        f"Signed by station {data.station_code}."
        if payload.signature
        else "UNSIGNED: this copy carries no station signature and cannot be checked."
    )
    check_text = "\n".join(
        [
            "Digital check code / ڈیجیٹل تصدیقی کوڈ",
            "To check that this copy is exactly what the station printed, the district AHTC or the prosecutor's "
            "office checks the PDF (or scans this code) with the district's list of station keys.",
            signed,
            f"Record id: {payload.case_id}",
            f"Content SHA-256: {payload.sha256[:32]} {payload.sha256[32:]}",
            f"Sections from the {data.catalogue}." if data.catalogue else "",
        ]
    ).strip()
    stamp_size = 36 * mm
    stamp = [_t("Station stamp / مہر تھانہ", SMALL), Spacer(1, stamp_size - 8 * mm)]
    text_width = CONTENT_WIDTH - qr_size - 6 * mm - stamp_size - 6 * mm
    seal = Table(
        [[QrCode(payload.encode(), qr_size), _t(check_text, SMALL), stamp]],
        colWidths=[qr_size + 6 * mm, text_width, stamp_size + 6 * mm],
    )
    seal.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.45, RULE),
                ("BOX", (2, 0), (2, 0), 0.9, INK),
                ("VALIGN", (0, 0), (1, 0), "MIDDLE"),
                ("VALIGN", (2, 0), (2, 0), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [CondPageBreak(95 * mm), Spacer(1, 5 * mm), KeepTogether([signatures, Spacer(1, 3 * mm), seal])]


class QrCode(Flowable):  # type: ignore[misc]
    """The seal payload as a QR code, drawn as vector squares so it prints sharp at any size."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.size = size
        self._qr = segno.make(payload, error="m", micro=False)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        matrix = [list(row) for row in self._qr.matrix]
        border = 2  # quiet zone in modules, on top of the cell padding
        count = len(matrix) + 2 * border
        module = self.size / count
        canv = self.canv
        canv.saveState()
        canv.setFillColor(colors.white)
        canv.rect(0, 0, self.size, self.size, stroke=0, fill=1)
        canv.setFillColor(colors.black)
        path = canv.beginPath()
        for r, row in enumerate(matrix):
            c = 0
            while c < len(row):
                if row[c]:
                    start = c
                    while c < len(row) and row[c]:
                        c += 1
                    x = (start + border) * module
                    y = self.size - (r + border + 1) * module
                    path.rect(x, y, (c - start) * module, module)
                else:
                    c += 1
        canv.drawPath(path, stroke=0, fill=1)
        canv.restoreState()
