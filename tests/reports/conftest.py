"""Fixtures for the FIR-support summary tests: a realistic synthetic case (made-up people) and a station key."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop_app.reports.fir_pdf import RenderResult, render_fir_summary
from desktop_app.reports.fir_summary_data import (
    ActionEntry,
    Address,
    EvidenceEntry,
    FactEntry,
    FindingBlock,
    FirDetails,
    FirSummaryData,
    MeetingEntry,
    Occurrence,
    PersonEntry,
    SectionEntry,
    Signatory,
    VictimEntry,
)
from desktop_app.reports.summary_seal import ed25519_signer

PKT = dt.timezone(dt.timedelta(hours=5))

CHILD_NAME = "Muhammad Imran"
CHILD_NAME_URDU = "محمد عمران"
CHILD_B_FORM = "3410198765431"
AGENT_NAME = "Rana Tariq Mehmood"
AGENT_NAME_URDU = "رانا طارق محمود"

URDU_NARRATIVE = (
    "مدعی غلام رسول نے بیان کیا کہ اس کا بیٹا محمد عمران، عمر 17 سال، ایجنٹ رانا طارق محمود کے ذریعے "
    "لیبیا کے راستے اٹلی جانے کے لیے 02/11/2025 کو روانہ ہوا۔ ایجنٹ نے 28 لاکھ روپے وصول کیے۔ "
    "14/02/2026 کے بعد سے محمد عمران کا کوئی پتہ نہیں۔"
)


def sample_summary(**changes: object) -> FirSummaryData:
    """A migrant-smuggling case on the Libya sea route, as the store would hand it over."""
    agent = PersonEntry(
        name=AGENT_NAME,
        name_urdu=AGENT_NAME_URDU,
        record_ref="PER-7Q2K",
        father_name="Mehmood Ahmad",
        cnic="3410123456789",
        phones=("0301-2345678", "0345-7654321"),
        address=Address("Rana Travels, GT Road, Mohalla Islampura, Kamoke", "Kamoke", "Gujranwala"),
        role="agent",
        status="absconding",
        aliases=("Rana Sahib",),
    )
    sub_agent = PersonEntry(
        name="Zahid Iqbal",
        record_ref="PER-3M9X",
        father_name="Muhammad Iqbal",
        cnic="3410155566677",
        phones=("0322-1112223",),
        address=Address("Street 4, Satellite Town", "Gujranwala City", "Gujranwala"),
        role="sub-agent / facilitator",
        status="documented",
        aliases=("Zahid Libya wala",),
    )
    child = VictimEntry(
        name=CHILD_NAME,
        name_urdu=CHILD_NAME_URDU,
        record_ref="VIC-12",
        father_name="Ghulam Rasool",
        age_years=17,
        sex="male",
        id_number=CHILD_B_FORM,
        id_kind="b_form",
        status="missing",
        route="Libya – Italy sea route",
        country_of_incident="Libya",
        date_of_departure=dt.date(2025, 11, 2),
        date_of_incident=dt.date(2026, 2, 14),
        amount_paid_pkr=2_800_000,
        ransom_paid_pkr=500_000,
        address=Address("Village Tatlay Aali, near the Government Boys School", "Nowshera Virkan", "Gujranwala"),
        family_phone="0300-6655443",
    )
    adult = VictimEntry(
        name="Adeel Ahmed",
        record_ref="VIC-13",
        father_name="Bashir Ahmed",
        age_years=24,
        sex="male",
        id_number="3410177788899",
        id_kind="cnic",
        status="detained_abroad",
        route="Libya – Italy sea route",
        country_of_incident="Libya",
        date_of_departure=dt.date(2025, 11, 2),
        amount_paid_pkr=2_500_000,
        address=Address("Mohalla Rehmanpura", "Kamoke", "Gujranwala"),
    )
    complainant = PersonEntry(
        name="Ghulam Rasool",
        name_urdu="غلام رسول",
        record_ref="PER-1A4C",
        father_name="Allah Ditta",
        cnic="3410111122223",
        phones=("0300-6655443",),
        address=Address("Village Tatlay Aali", "Nowshera Virkan", "Gujranwala"),
        role="complainant (father of victim)",
    )
    data = FirSummaryData(
        case_id="5f0c2a9e-4b7d-4e21-9a3c-0d2e8f6b1a42",
        case_title=f"Smuggling of {CHILD_NAME} and another to Libya by agent {AGENT_NAME}",
        offence_category="migrant_smuggling",
        police_station="Saddar Kamoke",
        district="Gujranwala",
        station_code="GRW-07",
        occurrence=Occurrence(
            at=dt.datetime(2025, 9, 15, 11, 0, tzinfo=PKT),
            until=dt.date(2026, 2, 14),
            place="Office of Rana Travels, GT Road, Kamoke (payments and hand-over of passports)",
            distance_and_direction_from_station="About 3 km north-west of PS Saddar Kamoke",
        ),
        report_time=dt.datetime(2026, 3, 3, 9, 45, tzinfo=dt.UTC),
        complainant=complainant,
        accused=(agent, sub_agent),
        victims=(child, adult),
        facts=(
            FactEntry(
                dt.date(2025, 9, 15),
                f"{AGENT_NAME} met the complainant at his office and promised work in Italy for {CHILD_NAME} "
                "for PKR 2,800,000, 'by air to Libya, then a short boat trip'.",
                "Statement of complainant, meeting 03/03/2026",
            ),
            FactEntry(
                dt.date(2025, 10, 20),
                "PKR 1,500,000 paid in cash at the agent's office; receipt issued on 'Rana Travels' letterhead.",
                "Receipt no. 118, exhibit E-1",
            ),
            FactEntry(
                dt.date(2025, 11, 2),
                f"{CHILD_NAME} (B-form 34101-9876543-1) and Adeel Ahmed left Lahore airport for Dubai and on to "
                "Benghazi on visit visas arranged by the agent.",
                "Passport copies; travel history from family",
            ),
            FactEntry(
                dt.date(2026, 1, 10),
                "The family received a video call from a 'connection house' in Libya; PKR 500,000 ransom was paid "
                "through Zahid Iqbal.",
                "Meeting with family 03/03/2026",
            ),
            FactEntry(
                dt.date(2026, 2, 14),
                "Last contact: the victim said the boat would leave Zuwara that night. No news since.",
                "Voice note on the father's phone",
            ),
            FactEntry(
                dt.date(2026, 3, 12),
                "Agent's office found closed, signboard removed; neighbours say the agent left a week earlier.",
                "Inspection 12/03/2026 at Rana Travels, GT Road Kamoke",
            ),
        ),
        inspection_findings=(
            FindingBlock(
                "Inspection 12/03/2026 — Rana Travels, GT Road, Kamoke",
                (
                    ("Overseas employment promoter licence shown", "No (not licensed by the Bureau of Emigration)"),
                    ("Staff list shown", "No"),
                    ("Public advisory displayed", "No"),
                    ("Notice issued", "Yes — compliance deadline 26/03/2026"),
                    ("FIR recommended", "Yes"),
                ),
            ),
        ),
        meetings=(
            MeetingEntry(
                dt.date(2026, 3, 3),
                "Complainant's house, Village Tatlay Aali",
                "Ghulam Rasool (father), Naseem Bibi (mother), ASI Khalid Mahmood",
                "Family willing to be complainant; handed over receipts and voice notes; referred to FIA AHTC "
                "circle Gujranwala and to Social Welfare for support.",
            ),
        ),
        sections=(
            SectionEntry(
                "PSMA 2018", "3", "Smuggling of migrants", "Up to 5 years, or fine up to PKR 1,000,000, or both"
            ),
            SectionEntry("PSMA 2018", "4", "Aggravated smuggling (danger to life; a child)", "Up to 10 years and fine"),
            SectionEntry(
                "PPC", "420", "Cheating and dishonestly inducing delivery of property", "Up to 7 years and fine"
            ),
        ),
        evidence=(
            EvidenceEntry("Receipt no. 118 for PKR 1,500,000", "On 'Rana Travels' letterhead, signed", "E-1"),
            EvidenceEntry("Bank deposit slip", "PKR 1,300,000 to the account of Zahid Iqbal", "E-2"),
            EvidenceEntry("WhatsApp voice notes (4)", "From the victim in Libya, 10/01/2026 to 14/02/2026", "E-3"),
            EvidenceEntry("Passport copies", "Both victims, with Libyan visit visas", "E-4"),
        ),
        witnesses=(
            PersonEntry(
                name="Shahid Mehmood",
                record_ref="PER-8W2P",
                father_name="Noor Muhammad",
                cnic="3410144455566",
                phones=("0333-4455667",),
                address=Address("Village Tatlay Aali", "Nowshera Virkan", "Gujranwala"),
                role="witness (was present at the payments)",
            ),
        ),
        action_taken=(
            ActionEntry(dt.date(2026, 3, 3), "Met the family; statement of the complainant recorded."),
            ActionEntry(dt.date(2026, 3, 5), "Referred to FIA AHTC circle Gujranwala (letter no. 112/AHTC)."),
            ActionEntry(dt.date(2026, 3, 12), "Inspection of the agent's office; notice issued."),
            ActionEntry(dt.date(2026, 3, 13), "Both accused put on the district watch-list of agents."),
        ),
        narrative=(
            "On 03/03/2026 the complainant Ghulam Rasool reported that his son Muhammad Imran, aged 17, was sent "
            "abroad by the agent Rana Tariq Mehmood of Rana Travels, Kamoke, on the promise of work in Italy. "
            "PKR 2,800,000 was paid in instalments, and a further PKR 500,000 as ransom while the boy was held in "
            "Libya.\n\n" + URDU_NARRATIVE
        ),
        prepared_by=Signatory("Khalid Mahmood", "ASI", "AHTC desk, PS Saddar Kamoke"),
        verified_by=Signatory(),
        printed_at=dt.datetime(2026, 3, 14, 5, 30, tzinfo=dt.UTC),
        copy_number=1,
        audience="police",
        case_number="AHTC/GRW-07/2026/042",
        fir=FirDetails("118/26", dt.date(2026, 3, 14), "Saddar Kamoke"),
        catalogue="law-section catalogue 2.0.0 of 01/12/2026",
        act_notes=(
            "PSMA 2018 - who investigates: The FIA, or an agency the Federal Government empowers by notification "
            "(s.11). Which court: Magistrate of the First Class (s.10).",
        ),
    )
    return replace(data, **changes) if changes else data  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def station_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="session")
def station_public_key(station_key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return station_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@pytest.fixture(scope="session")
def police_pdf(tmp_path_factory: pytest.TempPathFactory, station_key: Ed25519PrivateKey) -> RenderResult:
    """The full police copy of the sample case, signed by the station and written to disk."""
    out = tmp_path_factory.mktemp("fir") / "summary-police.pdf"
    return render_fir_summary(sample_summary(), signer=ed25519_signer(station_key), out_path=out)


@pytest.fixture(scope="session")
def prosecutor_pdf(tmp_path_factory: pytest.TempPathFactory, station_key: Ed25519PrivateKey) -> RenderResult:
    out = tmp_path_factory.mktemp("fir") / "summary-prosecutor.pdf"
    data = sample_summary(audience="prosecutor", copy_number=2)
    return render_fir_summary(data, signer=ed25519_signer(station_key), out_path=out)


def page_texts(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]
