"""FIR-support summary: real PDFs rendered, read back with pypdf, and verified; no mocks."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from pypdf import PdfReader, PdfWriter
from reportlab.pdfbase.ttfonts import shapeStr

from desktop_app.reports import pdf_fonts
from desktop_app.reports.fir_pdf import (
    CONFIDENTIAL,
    LABELS,
    RenderResult,
    TextStyle,
    render_fir_summary,
    render_pages,
)
from desktop_app.reports.fir_summary_data import (
    AUDIENCE_LABELS,
    Address,
    EvidenceEntry,
    FactEntry,
    format_cnic,
    format_datetime,
    format_pkr,
    from_content_dict,
    mask_cnic,
)
from desktop_app.reports.summary_seal import (
    CONTENT_FILE_NAME,
    METADATA_PAYLOAD_KEY,
    b64url,
    b64url_decode,
    ed25519_signer,
    parse_payload,
    sha256_hex,
    signed_message,
    verify_summary,
)
from tests.reports.conftest import (
    AGENT_NAME,
    AGENT_NAME_URDU,
    CHILD_B_FORM,
    CHILD_NAME,
    CHILD_NAME_URDU,
    page_texts,
    sample_summary,
)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def without_glyph_codes(text: str) -> str:
    """Drop the private-use characters that shaped Urdu glyphs extract as, keeping the logical layer."""
    return re.sub("[\ue000-\uf8ff]", "", text)


def all_text(path: Path) -> str:
    return "\n".join(page_texts(path))


def body_text(path: Path) -> str:
    """The pages' text without the header and footer (drawn last on each page, so extracted last)."""
    return "\n".join(text.split(CONFIDENTIAL)[0] for text in page_texts(path))


def rewrite(
    source: Path,
    target: Path,
    *,
    content: bytes | None = None,
    payload: str | None = None,
    seal_from: Path | None = None,
    drop_last_page: bool = False,
) -> Path:
    """Copy a sealed PDF, changing the embedded content, the seal payload, or the pages."""
    reader = PdfReader(source)
    seal_reader = PdfReader(seal_from) if seal_from else reader
    writer = PdfWriter()
    pages = reader.pages[:-1] if drop_last_page else reader.pages
    for page in pages:
        writer.add_page(page)
    writer.add_metadata(dict(reader.metadata or {}))
    writer.add_metadata({METADATA_PAYLOAD_KEY: payload or seal_reader.metadata[METADATA_PAYLOAD_KEY]})
    embedded = content if content is not None else seal_reader.attachments[CONTENT_FILE_NAME][0]
    writer.add_attachment(CONTENT_FILE_NAME, embedded)
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def public_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


# ---------------------------------------------------------------------------------------------
# The form
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_fir_form_field_label_is_printed_in_english_and_urdu(police_pdf: RenderResult, key: str) -> None:
    english, urdu = LABELS[key]
    text = squash(all_text(police_pdf.out_path))
    assert squash(english) in text
    assert squash(urdu) in text  # read back through the invisible logical text layer


def test_confirmed_law_sections_are_printed_with_titles(police_pdf: RenderResult) -> None:
    text = squash(all_text(police_pdf.out_path))
    for label, title in [
        ("PSMA 2018 s. 3", "Smuggling of migrants"),
        ("PSMA 2018 s. 4", "Aggravated smuggling"),
        ("PPC s. 420", "Cheating and dishonestly inducing delivery of property"),
    ]:
        assert squash(label) in text
        assert squash(title) in text


def test_every_page_says_page_x_of_n(police_pdf: RenderResult) -> None:
    texts = page_texts(police_pdf.out_path)
    assert len(texts) == police_pdf.page_count >= 3
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text


def test_every_page_names_the_case_by_its_number_and_only_the_seal_block_by_its_id(police_pdf: RenderResult) -> None:
    texts = page_texts(police_pdf.out_path)
    for text in texts:
        assert "Case AHTC/GRW-07/2026/042" in text
    with_id = [n for n, text in enumerate(texts, start=1) if "5f0c2a9e-4b7d-4e21-9a3c-0d2e8f6b1a42" in text]
    assert with_id == [len(texts)]  # the last page, the seal block
    assert "Record id: 5f0c2a9e-4b7d-4e21-9a3c-0d2e8f6b1a42" in texts[-1]


def test_every_page_carries_the_confidential_header_copy_number_and_audience(prosecutor_pdf: RenderResult) -> None:
    for text in page_texts(prosecutor_pdf.out_path):
        assert CONFIDENTIAL in text
        assert "Copy No. 2" in text
        assert AUDIENCE_LABELS["prosecutor"] in text


def test_dates_print_as_dd_mm_yyyy_in_karachi_time(police_pdf: RenderResult) -> None:
    text = all_text(police_pdf.out_path)
    assert "03/03/2026 14:45" in text  # report time 09:45 UTC
    assert "Printed 14/03/2026 10:30 PKT" in text


def test_money_and_cnic_are_formatted_for_pakistan(police_pdf: RenderResult) -> None:
    text = all_text(police_pdf.out_path)
    assert "PKR 2,800,000" in text
    assert "34101-2345678-9" in text  # the agent's CNIC, stored as 13 bare digits


def test_the_pdf_is_written_to_out_path(police_pdf: RenderResult) -> None:
    assert police_pdf.out_path is not None
    assert police_pdf.out_path.read_bytes() == police_pdf.pdf_bytes


# ---------------------------------------------------------------------------------------------
# Urdu
# ---------------------------------------------------------------------------------------------


def _text_runs(path: Path, page: int) -> list[tuple[str, str, float]]:
    """(text, font name, x on the page) for each text run pypdf reports on a page."""
    runs: list[tuple[str, str, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: dict | None, size: float) -> None:
        if text.strip():
            runs.append((text, str((font or {}).get("/BaseFont", "")), cm[0] * tm[4] + cm[4]))

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return runs


def test_urdu_is_drawn_with_the_nastaliq_font_as_shaped_glyphs(police_pdf: RenderResult) -> None:
    assert pdf_fonts.font_file(pdf_fonts.URDU).name == "NotoNastaliqUrdu-Regular.ttf"
    shaped = str(shapeStr(AGENT_NAME_URDU.split()[0], pdf_fonts.URDU, TextStyle().urdu_size))
    # HarfBuzz turned the typed letters into contextual glyphs that have no code point of their own.
    assert shaped != AGENT_NAME_URDU.split()[0]
    assert all("\ue000" <= ch <= "\uf8ff" for ch in shaped)
    runs = _text_runs(police_pdf.out_path, 0)
    urdu_runs = [squash(text) for text, font, _ in runs if "NotoNastaliqUrdu" in font]
    assert any(shaped in text for text in urdu_runs)
    assert not any(shaped in squash(text) for text, font, _ in runs if "NotoNastaliqUrdu" not in font)


def test_an_urdu_name_reads_right_to_left(police_pdf: RenderResult) -> None:
    first, second = AGENT_NAME_URDU.split()[:2]
    size = TextStyle().urdu_size
    shaped_first, shaped_second = (str(shapeStr(w, pdf_fonts.URDU, size)) for w in (first, second))
    runs = _text_runs(police_pdf.out_path, 0)
    x_first = next(x for text, _, x in runs if shaped_first in squash(text))
    x_second = next(x for text, _, x in runs if shaped_second in squash(text))
    assert x_first > x_second  # the first word of the name stands to the right of the second


def test_urdu_text_extracts_in_typed_order(police_pdf: RenderResult) -> None:
    text = all_text(police_pdf.out_path)
    assert AGENT_NAME_URDU in text
    assert "غلام رسول" in text


# ---------------------------------------------------------------------------------------------
# Flowing without loss
# ---------------------------------------------------------------------------------------------


def test_a_long_narrative_flows_over_several_pages_without_losing_a_sentence(tmp_path: Path) -> None:
    sentences = [
        f"Sentence {i:03d} of the statement: the agent moved the money through a hawala dealer in Gujranwala."
        for i in range(1, 241)
    ]
    urdu_sentence = "ایجنٹ نے رقم وصول کی"
    narrative = " ".join(sentences[:120]) + "\n\n" + " ".join([urdu_sentence] * 60) + "\n\n" + " ".join(sentences[120:])
    result = render_fir_summary(sample_summary(narrative=narrative), out_path=tmp_path / "long.pdf")
    assert result.page_count >= 6
    text = squash(body_text(tmp_path / "long.pdf"))
    missing = [s for s in sentences if squash(s) not in text]
    assert missing == []
    # The Urdu paragraph now breaks over two pages; a sentence broken over lines extracts in visual order, so
    # one of its words is counted: 60 sentences, 60 times.
    assert without_glyph_codes(body_text(tmp_path / "long.pdf")).count("وصول") == 60


def test_a_fact_longer_than_a_page_splits_inside_its_table_row(tmp_path: Path) -> None:
    words = " ".join(f"word{i:04d}" for i in range(1, 1601))
    data = sample_summary(facts=(FactEntry(dt.date(2026, 3, 1), words, "Long statement"),))
    render_fir_summary(data, out_path=tmp_path / "long-fact.pdf")
    text = squash(body_text(tmp_path / "long-fact.pdf"))
    assert all(f"word{i:04d}" in text for i in range(1, 1601))


def test_an_unbroken_reference_wider_than_its_column_is_wrapped_not_cut(tmp_path: Path) -> None:
    reference = "".join(f"{i:04d}" for i in range(800))  # 3,200 characters without a space, over 2 pages
    data = sample_summary(evidence=(EvidenceEntry("Bank statement", "Transfer ids", reference),))
    result = render_fir_summary(data, out_path=tmp_path / "ref.pdf")
    assert result.page_count <= 6  # pages of repeated table headers alone once made this 17
    text = squash(body_text(tmp_path / "ref.pdf")).replace("#ItemDetailReference", "")  # the repeated header
    assert reference in text


# ---------------------------------------------------------------------------------------------
# The seal
# ---------------------------------------------------------------------------------------------


def test_the_qr_payload_carries_case_hash_and_station_signature(
    police_pdf: RenderResult, station_public_key: bytes
) -> None:
    payload = parse_payload(police_pdf.qr_payload)
    assert police_pdf.qr_payload.startswith("AHTC-FIR/1|5f0c2a9e-4b7d-4e21-9a3c-0d2e8f6b1a42|")
    assert payload.sha256 == sha256_hex(police_pdf.content_json)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    Ed25519PublicKey.from_public_bytes(station_public_key).verify(
        payload.signature, signed_message(payload.case_id, payload.sha256)
    )
    assert PdfReader(police_pdf.out_path).metadata[METADATA_PAYLOAD_KEY] == police_pdf.qr_payload


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="needs poppler-utils and zbar-tools"
)
def test_the_printed_qr_code_scans_to_the_payload(police_pdf: RenderResult, tmp_path: Path) -> None:
    last = str(police_pdf.page_count)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", last, "-l", last, str(police_pdf.out_path), str(tmp_path / "p")],
        check=True,
        timeout=120,
    )
    (image,) = tmp_path.glob("p-*.png")
    scanned = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True, timeout=120)
    assert scanned.stdout.strip() == police_pdf.qr_payload


def test_embedded_content_is_the_canonical_json_as_printed(police_pdf: RenderResult) -> None:
    embedded = PdfReader(police_pdf.out_path).attachments[CONTENT_FILE_NAME][0]
    assert embedded == police_pdf.content_json
    content = json.loads(embedded)
    assert content["case_id"] == "5f0c2a9e-4b7d-4e21-9a3c-0d2e8f6b1a42"
    assert content["accused"][0]["name"] == AGENT_NAME


def test_a_sealed_summary_verifies_with_the_station_key(police_pdf: RenderResult, station_public_key: bytes) -> None:
    result = verify_summary(police_pdf.out_path, station_public_key)
    assert result.reasons == ()
    assert result.ok and result.signature_checked and result.pages_compared
    assert result.case_id == "5f0c2a9e-4b7d-4e21-9a3c-0d2e8f6b1a42"
    assert result.sha256 == police_pdf.sha256


def test_a_summary_verifies_in_a_fresh_process(police_pdf: RenderResult, station_public_key: bytes) -> None:
    # Shaped glyphs get private-use numbers in the order a process meets them; `ahtc verify-summary`
    # runs in a new process, so the page comparison must not depend on that numbering.
    code = (
        "import sys; from desktop_app.reports.summary_seal import verify_summary; "
        "r = verify_summary(sys.argv[1], bytes.fromhex(sys.argv[2])); print(r.ok, r.pages_compared, r.reasons)"
    )
    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code, str(police_pdf.out_path), station_public_key.hex()],
        capture_output=True,
        text=True,
        cwd=repo,
        check=True,
        timeout=120,
    )
    assert done.stdout.strip() == "True True ()"


def test_verification_fails_when_a_byte_of_the_embedded_content_changes(
    police_pdf: RenderResult, station_public_key: bytes, tmp_path: Path
) -> None:
    content = bytearray(police_pdf.content_json)
    at = content.index(AGENT_NAME.encode())
    content[at] ^= 0x01  # "Rana" -> "Sana"
    tampered = rewrite(police_pdf.out_path, tmp_path / "t.pdf", content=bytes(content))
    result = verify_summary(tampered, station_public_key)
    assert not result.ok
    assert any("changed after sealing" in r for r in result.reasons)


def test_verification_fails_when_a_byte_of_the_signature_changes(
    police_pdf: RenderResult, station_public_key: bytes, tmp_path: Path
) -> None:
    payload = parse_payload(police_pdf.qr_payload)
    signature = bytearray(payload.signature)
    signature[10] ^= 0x01
    forged = police_pdf.qr_payload.rsplit("|", 1)[0] + "|" + b64url(bytes(signature))
    tampered = rewrite(police_pdf.out_path, tmp_path / "t.pdf", payload=forged)
    result = verify_summary(tampered, station_public_key)
    assert not result.ok
    assert any("signature is not valid" in r for r in result.reasons)


def test_verification_fails_with_another_stations_key(police_pdf: RenderResult) -> None:
    other_station = public_bytes(Ed25519PrivateKey.generate())
    result = verify_summary(police_pdf.out_path, other_station)
    assert not result.ok
    assert any("signature is not valid" in r for r in result.reasons)


def test_verification_fails_when_the_pages_print_other_values_than_the_sealed_content(
    police_pdf: RenderResult, station_public_key: bytes, tmp_path: Path
) -> None:
    # A forger prints pages with another accused and grafts the genuine seal and content onto them.
    accused = (replace(sample_summary().accused[0], name="Malik Asif", name_urdu=""),)
    forged = render_fir_summary(sample_summary(accused=accused), out_path=tmp_path / "forged.pdf")
    grafted = rewrite(forged.out_path, tmp_path / "grafted.pdf", seal_from=police_pdf.out_path)
    result = verify_summary(grafted, station_public_key)
    assert not result.ok and result.pages_compared
    assert any(r.startswith("Page 1 does not look like the page the station printed") for r in result.reasons)


def test_verification_catches_a_single_changed_amount_on_the_page(
    police_pdf: RenderResult, station_public_key: bytes, tmp_path: Path
) -> None:
    # The careful forger redraws the pages with the genuine seal in the footer and QR code.
    genuine = sample_summary()
    victims = (replace(genuine.victims[0], amount_paid_pkr=2_900_000), *genuine.victims[1:])
    forged_pages = render_pages(replace(genuine, victims=victims, masked=True), parse_payload(police_pdf.qr_payload))
    (tmp_path / "forged.pdf").write_bytes(forged_pages)
    grafted = rewrite(tmp_path / "forged.pdf", tmp_path / "grafted.pdf", seal_from=police_pdf.out_path)
    result = verify_summary(grafted, station_public_key)
    assert not result.ok
    assert len(result.reasons) == 1
    assert result.reasons[0].startswith("Page 2 does not look like the page the station printed")


def test_sealed_content_reads_back_into_the_same_data(police_pdf: RenderResult) -> None:
    content = json.loads(police_pdf.content_json)
    rebuilt = from_content_dict(content)
    assert rebuilt.to_content_dict() == {k: v for k, v in content.items() if k != "layout"}


def test_verification_fails_when_a_page_is_removed(
    police_pdf: RenderResult, station_public_key: bytes, tmp_path: Path
) -> None:
    shortened = rewrite(police_pdf.out_path, tmp_path / "short.pdf", drop_last_page=True)
    result = verify_summary(shortened, station_public_key)
    assert not result.ok
    assert any("pages added or removed" in r for r in result.reasons)


def test_an_unsigned_summary_verifies_without_a_key_but_not_with_one(tmp_path: Path, station_public_key: bytes) -> None:
    result = render_fir_summary(sample_summary(), signer=None, out_path=tmp_path / "unsigned.pdf")
    assert not result.signed
    assert "UNSIGNED" in all_text(tmp_path / "unsigned.pdf")
    without_key = verify_summary(tmp_path / "unsigned.pdf", None)
    assert without_key.ok and not without_key.signature_checked
    with_key = verify_summary(tmp_path / "unsigned.pdf", station_public_key)
    assert not with_key.ok
    assert with_key.reasons == ("The summary is not signed by a station (printed UNSIGNED).",)


def test_a_pdf_without_a_seal_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with plain.open("wb") as handle:
        writer.write(handle)
    result = verify_summary(plain, None)
    assert not result.ok
    assert result.reasons == ("The PDF carries no AHTC seal: it is not a sealed summary.",)


def test_signer_helper_accepts_raw_private_key_bytes() -> None:
    key = Ed25519PrivateKey.generate()
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    signature = ed25519_signer(raw)(b"case|hash")
    key.public_key().verify(signature, b"case|hash")
    assert b64url_decode(b64url(signature)) == signature


# ---------------------------------------------------------------------------------------------
# Masking
# ---------------------------------------------------------------------------------------------


def test_prosecutor_copy_names_everyone_and_hides_only_a_childs_numbers_and_street(prosecutor_pdf) -> None:
    text = all_text(prosecutor_pdf.out_path)
    flat = squash(text)
    # The prosecutor summons the victims and charges the accused: their names and the accused's particulars print.
    assert CHILD_NAME in text and AGENT_NAME in text
    assert format_cnic("3410123456789") in flat  # the accused's CNIC in full
    assert "0301-2345678" in flat  # the accused's phone in full
    assert "Rana Travels, GT Road" in text  # the accused's address in full
    assert "Village Tatlay Aali" in text  # the complainant's address in full
    # A child victim's B-form, family phone and street are masked, and the copy says so exactly.
    assert CHILD_B_FORM not in flat and format_cnic(CHILD_B_FORM) not in flat
    assert "*****-****543-1" in flat
    assert "Government Boys School" not in text
    assert squash("Masked in this copy: the B-form or CNIC number") in flat
    assert squash("child victim(s) (VIC-12)") in flat
    # The adult victim is not a child: printed in full.
    assert format_cnic("3410177788899") in flat


def test_referral_copy_hides_victims_names_and_embeds_only_the_masked_content(tmp_path, station_key) -> None:
    data = sample_summary(audience="ngo_referral", copy_number=3)
    result = render_fir_summary(data, signer=ed25519_signer(station_key), out_path=tmp_path / "ngo.pdf")
    text = all_text(tmp_path / "ngo.pdf")
    flat = squash(text)
    assert CHILD_NAME not in text and squash(CHILD_NAME_URDU) not in flat
    assert squash("M. I. (ref VIC-12)") in flat
    assert squash("Masked in this copy: victims' and witnesses' names") in flat
    embedded = PdfReader(result.out_path).attachments[CONTENT_FILE_NAME][0].decode("utf-8")
    assert CHILD_NAME not in embedded
    assert CHILD_NAME_URDU not in embedded
    assert CHILD_B_FORM not in embedded and format_cnic(CHILD_B_FORM) not in embedded


def test_masked_copy_still_verifies(prosecutor_pdf: RenderResult, station_public_key: bytes) -> None:
    assert verify_summary(prosecutor_pdf.out_path, station_public_key).ok


def test_police_copy_shows_the_childs_full_name_and_b_form(police_pdf: RenderResult) -> None:
    text = all_text(police_pdf.out_path)
    assert CHILD_NAME in text
    assert format_cnic(CHILD_B_FORM) in text


def test_masking_reduces_cnics_phones_and_addresses_for_non_police_audiences() -> None:
    masked = sample_summary(audience="ngo_referral").masked_for_audience()
    agent = masked.accused[0]
    assert agent.name == AGENT_NAME  # accused are named in every copy
    assert agent.cnic == "*****-****678-9"
    assert agent.phones == ("*******5678", "*******4321")
    assert agent.address == Address("", "Kamoke", "Gujranwala")
    assert masked.witnesses[0].name == "S. M. (ref PER-8W2P)"  # NGO copies also protect witnesses
    assert CHILD_NAME not in masked.narrative and CHILD_NAME not in masked.facts[0].text
    assert "34101-9876543-1" not in masked.facts[2].text


def test_masking_is_applied_once_and_police_copies_are_unchanged() -> None:
    police = sample_summary()
    assert police.masked_for_audience().victims == police.victims
    once = sample_summary(audience="prosecutor").masked_for_audience()
    assert once.masked_for_audience() == once


def test_formatting_helpers() -> None:
    assert format_cnic("3520212345678") == "35202-1234567-8"
    assert format_cnic("35202-1234567-8") == "35202-1234567-8"
    assert mask_cnic("35202-1234567-8") == "*****-****567-8"
    assert format_pkr(2_800_000) == "PKR 2,800,000"
    assert format_datetime(dt.datetime(2026, 3, 12, 20, 30, tzinfo=dt.UTC)) == "13/03/2026 01:30"
    assert format_datetime(dt.date(2026, 3, 12)) == "12/03/2026"


def test_a_case_id_with_the_payload_separator_is_refused() -> None:
    with pytest.raises(ValueError, match="must not contain"):
        sample_summary(case_id="AHTC|42")


def test_validation_accepts_exactly_the_characters_the_summary_draws() -> None:
    """What input validation lets through (services/printable.py) is what the PDF draws as itself; anything else
    would print as [U+XXXX]. Checked over the Basic Multilingual Plane and the emoji planes."""
    from desktop_app.reports.fir_pdf import drawable
    from desktop_app.services.printable import unprintable_character
    from desktop_app.services.validation import hidden_character

    disagree = []
    for code in [*range(0x20, 0xD800), *range(0xE000, 0x10000), *range(0x1F000, 0x1FB00)]:
        ch = chr(code)
        accepted = unprintable_character(ch) is None and hidden_character(ch) is None
        if accepted != (drawable(ch) == ch):
            disagree.append(f"U+{code:04X}")
    assert disagree == []
