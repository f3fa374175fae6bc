"""Forgeries of a sealed FIR-support summary that change what a reader SEES while the text layer, the
embedded content and the seal stay genuine. Each must be refused by `verify_summary`.

The forger has the genuine signed PDF (a copy handed to him) and any PDF tool; he has no station key.
All four were accepted by the text-only verifier this file was written against (field trial D3).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop_app.reports import pdf_fonts
from desktop_app.reports.fir_pdf import RenderResult
from desktop_app.reports.summary_seal import verify_summary
from tests.reports.conftest import AGENT_NAME

AMOUNT = "2,800,000"


def find_box(pdf: Path, text: str) -> tuple[int, tuple[float, float, float, float]]:
    """(page index, (left, bottom, right, top) in PDF points) of the first place `text` is drawn."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            textpage = document[index].get_textpage()
            searcher = textpage.search(text, match_case=True)
            found = searcher.get_next()
            if found:
                start, count = found
                boxes = [textpage.get_charbox(i) for i in range(start, start + count)]
                return index, (
                    min(b[0] for b in boxes),
                    min(b[1] for b in boxes),
                    max(b[2] for b in boxes),
                    max(b[3] for b in boxes),
                )
    finally:
        document.close()
    raise AssertionError(f"{text!r} is not on any page")


def overlay(source: Path, target: Path, page_index: int, draw) -> Path:
    """Stamp a drawing over one page (what a forger does with any PDF editor); nothing else changes."""
    reader = PdfReader(source)
    width, height = (float(x) for x in reader.pages[page_index].mediabox.upper_right)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height))
    draw(canvas)
    canvas.save()
    writer = PdfWriter(clone_from=reader)
    writer.pages[page_index].merge_page(PdfReader(io.BytesIO(buffer.getvalue())).pages[0])
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def white_box_over_the_accused(genuine: Path, target: Path) -> Path:
    index, (left, bottom, right, top) = find_box(genuine, AGENT_NAME)

    def draw(canvas: Canvas) -> None:
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(left - 1, bottom - 1, right - left + 2, top - bottom + 2, stroke=0, fill=1)

    return overlay(genuine, target, index, draw)


def picture_of_another_amount(genuine: Path, target: Path) -> Path:
    index, (left, bottom, right, top) = find_box(genuine, AMOUNT)
    picture = Image.new("RGB", (400, 60), "white")
    font = ImageFont.truetype(str(pdf_fonts.font_file(pdf_fonts.LATIN)), 44)
    ImageDraw.Draw(picture).text((0, 0), "18,000", fill="black", font=font)

    def draw(canvas: Canvas) -> None:
        canvas.drawImage(ImageReader(picture), left - 1, bottom - 1, right - left + 2, top - bottom + 2)

    return overlay(genuine, target, index, draw)


def damaged_bold_font(genuine: Path, target: Path) -> Path:
    """Zero a stretch of the embedded bold font's glyph program: every bold label vanishes or garbles when
    drawn, while the PDF stays well formed and its text layer is untouched."""
    writer = PdfWriter(clone_from=PdfReader(genuine))
    damaged = 0
    for page in writer.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "Bold" not in str(font.get("/BaseFont", "")):
                continue
            descriptor = font["/FontDescriptor"].get_object()
            program = descriptor["/FontFile2"].get_object()
            data = bytearray(program.get_data())
            if data[len(data) // 3] == 0 and damaged:
                continue
            start = len(data) // 3
            data[start : start + 600] = bytes(600)
            program.set_data(bytes(data))
            damaged += 1
    assert damaged, "the sample has no embedded bold font"
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def _to_unicode(font) -> dict[int, str]:
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    mapping: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int(uni, 16)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def one_changed_amount(genuine: Path, target: Path) -> Path:
    """Draw 2,900,000 where 2,800,000 was, with glyphs of the embedded font itself, through a copy of the font
    whose ToUnicode map says '8' for the '9': the page shows the new amount, text extraction still reads the old.
    """
    writer = PdfWriter(clone_from=PdfReader(genuine))
    for page in writer.pages:
        fonts = page["/Resources"]["/Font"]
        maps = {name: _to_unicode(f.get_object()) for name, f in fonts.items() if "/ToUnicode" in f.get_object()}
        content = ContentStream(page.get_contents(), writer)
        current = None
        for index, (operands, operator) in enumerate(content.operations):
            if operator == b"Tf":
                current = (operands[0], operands[1])
                continue
            if operator != b"Tj" or current is None or current[0] not in maps:
                continue
            codes = bytes(operands[0].original_bytes if hasattr(operands[0], "original_bytes") else operands[0])
            mapping = maps[current[0]]
            text = "".join(mapping.get(b, "?") for b in codes)
            if AMOUNT not in text:
                continue
            reverse = {v: k for k, v in mapping.items()}
            forged_text = text.replace(AMOUNT, "2,900,000")
            forged = bytes(reverse[ch] for ch in forged_text)
            copy = DictionaryObject(fonts[current[0]].get_object())  # a new font object sharing the glyphs
            lying = dict(mapping)
            lying[reverse["9"]] = "8"
            cmap = "beginbfchar\n" + "".join(
                f"<{code:02X}> <{ch.encode('utf-16-be').hex().upper()}>\n" for code, ch in lying.items()
            )
            cmap += "endbfchar\n"
            stream = DecodedStreamObject()
            stream.set_data(
                b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Forged def "
                b"1 begincodespacerange <00> <FF> endcodespacerange\n"
                + str(len(lying)).encode()
                + b" "
                + cmap.encode()
                + b"endcmap CMapName currentdict /CMap defineresource pop end end"
            )
            copy[NameObject("/ToUnicode")] = writer._add_object(stream)
            fonts[NameObject("/Forged")] = writer._add_object(copy)
            content.operations[index] = ([TextStringObject(forged.decode("latin-1"))], b"Tj")
            content.operations.insert(index, ([NameObject("/Forged"), FloatObject(current[1])], b"Tf"))
            content.operations.insert(index + 2, ([current[0], current[1]], b"Tf"))
            page.replace_contents(content)
            with target.open("wb") as handle:
                writer.write(handle)
            return target
    raise AssertionError(f"{AMOUNT} is not drawn by a Tj on any page")


def visible_text(pdf: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


def pixels(pdf: Path, page_index: int) -> bytes:
    document = pdfium.PdfDocument(str(pdf))
    try:
        return document[page_index].render(scale=1).to_pil().convert("L").tobytes()
    finally:
        document.close()


FORGERIES = {
    "white box over the accused's name": white_box_over_the_accused,
    "picture of another amount": picture_of_another_amount,
    "damaged embedded font": damaged_bold_font,
    "one changed amount": one_changed_amount,
}


@pytest.mark.parametrize("forge", FORGERIES.values(), ids=FORGERIES.keys())
def test_a_forgery_that_changes_what_the_reader_sees_is_refused(
    forge, police_pdf: RenderResult, station_public_key: bytes, tmp_path: Path
) -> None:
    genuine = police_pdf.out_path
    assert genuine is not None
    forged = forge(genuine, tmp_path / "forged.pdf")
    # The forgery really changes the page a reader sees...
    assert any(pixels(forged, i) != pixels(genuine, i) for i in range(police_pdf.page_count))
    # ...and a check of the text layer alone would not see it: the text reads as the genuine one.
    if forge is not damaged_bold_font:
        assert AGENT_NAME in visible_text(forged) and AMOUNT in visible_text(forged)
    result = verify_summary(forged, station_public_key)
    assert not result.ok, f"the forgery was accepted: {result}"
    assert any("does not look like the page the station printed" in r for r in result.reasons), result.reasons


def test_the_one_changed_amount_reads_as_the_old_amount_to_a_text_extractor(police_pdf, tmp_path) -> None:
    forged = one_changed_amount(police_pdf.out_path, tmp_path / "forged.pdf")
    assert AMOUNT in visible_text(forged) and "2,900,000" not in visible_text(forged)


def test_the_genuine_summary_is_not_refused_by_the_same_checks(police_pdf, station_public_key) -> None:
    result = verify_summary(police_pdf.out_path, station_public_key)
    assert result.ok, result.reasons
    assert result.pages_compared


@pytest.mark.parametrize("where", [0.02, 0.05, 0.15, 0.35, 0.5, 0.75, 0.85, 0.95, 0.999])
def test_a_damaged_pdf_is_refused_with_a_sentence_never_a_traceback(
    where: float, police_pdf: RenderResult, station_public_key: bytes, tmp_path: Path
) -> None:
    data = bytearray(police_pdf.pdf_bytes)
    position = int(len(data) * where)
    data[position] ^= 0x5A
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(bytes(data))
    result = verify_summary(damaged, station_public_key)  # must not raise
    assert not result.ok or pixels(damaged, 0) == pixels(police_pdf.out_path, 0)
    assert all(reason.endswith(".") or reason.endswith(")") for reason in result.reasons)


@pytest.mark.parametrize("cut", [0, 10, 1000, 0.5])
def test_a_truncated_or_empty_file_is_refused_in_one_sentence(cut, police_pdf, station_public_key, tmp_path) -> None:
    data = police_pdf.pdf_bytes
    size = int(len(data) * cut) if isinstance(cut, float) else cut
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[:size])
    result = verify_summary(broken, station_public_key)
    assert not result.ok
    assert len(result.reasons) == 1


def test_an_added_annotation_is_refused(police_pdf: RenderResult, station_public_key: bytes, tmp_path: Path) -> None:
    # A comment box laid over the page is drawn by viewers even though the page's own drawing is genuine.
    writer = PdfWriter(clone_from=PdfReader(police_pdf.out_path))
    writer.add_annotation(
        0,
        {
            "/Type": NameObject("/Annot"),
            "/Subtype": NameObject("/Square"),
            "/Rect": ArrayObject([FloatObject(50), FloatObject(500), FloatObject(400), FloatObject(560)]),
            "/IC": ArrayObject([FloatObject(1), FloatObject(1), FloatObject(1)]),
        },
    )
    target = tmp_path / "annotated.pdf"
    with target.open("wb") as handle:
        writer.write(handle)
    result = verify_summary(target, station_public_key)
    assert not result.ok


# --- genuine summaries always verify ---------------------------------------------------------------------------


def test_a_name_with_an_emoji_and_control_characters_prints_their_codes_and_verifies(
    station_key, station_public_key: bytes, tmp_path: Path
) -> None:
    from dataclasses import replace

    from desktop_app.reports.fir_pdf import render_fir_summary
    from desktop_app.reports.summary_seal import ed25519_signer
    from tests.reports.conftest import sample_summary

    genuine = sample_summary()
    odd = replace(genuine.accused[0], name="Tariq \U0001f600 Mehmood\x1b[31m \u202eevil\u202c")
    out = render_fir_summary(
        replace(genuine, accused=(odd, *genuine.accused[1:])),
        signer=ed25519_signer(station_key),
        out_path=tmp_path / "odd.pdf",
    )
    text = visible_text(out.out_path)
    # Drawn as codes, never silently dropped; the override does not reorder what follows it.
    assert "[U+1F600]" in text and "[U+001B]" in text and "[U+202E]evil[U+202C]" in text
    result = verify_summary(out.out_path, station_public_key)
    assert result.ok, result.reasons


def test_long_names_urdu_and_every_field_verify_in_every_audience(station_key, station_public_key, tmp_path) -> None:
    from dataclasses import replace

    from desktop_app.reports.fir_pdf import render_fir_summary
    from desktop_app.reports.summary_seal import ed25519_signer
    from tests.reports.conftest import sample_summary

    genuine = sample_summary()
    long_name = "Chaudhry Muhammad Abdul Rehman Khan Niazi Bhatti Warraich Cheema " * 3
    accused = replace(genuine.accused[0], name=long_name.strip(), name_urdu="چوہدری محمد عبدالرحمن خان نیازی " * 3)
    data = replace(genuine, accused=(accused, *genuine.accused[1:]))
    for audience in ("police", "prosecutor", "ngo_referral"):
        out = render_fir_summary(
            replace(data, audience=audience), signer=ed25519_signer(station_key), out_path=tmp_path / f"{audience}.pdf"
        )
        result = verify_summary(out.out_path, station_public_key)
        assert result.ok, (audience, result.reasons)
