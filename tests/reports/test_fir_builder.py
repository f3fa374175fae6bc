"""build_fir_summary and print_fir_summary on a real store: what a case pulls in, audit, copies, masking."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.errors import FileMissing, NotFound, PermissionDenied
from desktop_app.reports.case_sections import confirmed_entries, profile_from_records, section_choices
from desktop_app.reports.fir_builder import (
    build_fir_summary,
    print_fir_summary,
    record_ref,
    station_public_key,
)
from desktop_app.reports.law_sections import load_catalogue
from desktop_app.reports.summary_seal import verify_summary
from desktop_app.services import accounts
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.services.setup import context_for
from tests.conftest import FAST_KDF
from tests.services import helpers

CHILD = "Muhammad Imran Gondal"
VICTIM = "Bilal Ahmed Cheema"
AGENT = "Rana Tariq Mehmood"
SUB_AGENT = "Zahid Iqbal Warraich"
COMPLAINANT = "Ghulam Rasool Tarar"
WITNESS = "Nadeem Akhtar Sahi"
OWNER = "Chaudhry Aslam Virk"
AGENT_INFORMATION = "The father paid Zahid Iqbal Warraich in three instalments at his shop."


@dataclass(frozen=True)
class BuiltCase:
    case_id: str
    victim_id: str
    child_id: str
    meeting_id: str
    inspection_id: str


def build_case(records: Records) -> BuiltCase:
    """A migrant-smuggling case with a victim and his agent, a kiln inspection with a child, a meeting."""
    complainant = helpers.person(records, name=COMPLAINANT, role="complainant", cnic="34402-1111111-1")
    agent = helpers.person(
        records, name=AGENT, role="agent", status="absconding", cnic="34402-2222222-3", aliases="Rana Sahib"
    )
    sub_agent = helpers.person(records, name=SUB_AGENT, role="facilitator", cnic="34402-3333333-5")
    witness = helpers.person(records, name=WITNESS, role="witness", cnic="34402-4444444-7")
    owner = helpers.person(records, name=OWNER, role="owner", cnic="34402-5555555-9")
    site = helpers.site(records, name="Al-Madina Brick Kiln 7", owner_id=owner, village="Helan")
    inspection = helpers.inspection(
        records,
        site,
        date="2026-01-20",
        children_found=1,
        children_withdrawn=1,
        hazards="children carrying bricks",
        findings="Workers said the owner keeps their CNICs until the peshgi is repaid.",
        fir_recommended=True,
    )
    child = helpers.child(
        records,
        name=CHILD,
        father_name="Allah Ditta Gondal",
        b_form_no="34402-9876543-1",
        age_years=12,
        inspection_id=inspection,
        site_id=site,
        rescue_date="2026-01-20",
        work="moulding bricks",
        hours_per_day=10,
        handed_over_to="parents",
    )
    victim = helpers.victim(
        records,
        name=VICTIM,
        father_name=COMPLAINANT,
        cnic="34402-7777777-1",
        age_years=19,
        country_of_incident="Libya",
        date_of_departure="2025-11-02",
        date_of_incident="2026-02-14",
        amount_paid_pkr=2_800_000,
        ransom_paid_pkr=500_000,
        family_phone="0300-6655443",
    )
    meeting = records.create(
        "family_meetings",
        {
            "victim_id": victim,
            "date": "2026-02-20",
            "place": "House of the family, Helan",
            "attendees": f"{COMPLAINANT} (father)",
            "officers": "SI Aslam",
            "support_given": "Legal aid explained",
            "agent_information": AGENT_INFORMATION,
            "family_willing_complainant": True,
        },
    ).first_id
    case = helpers.case(
        records,
        title="Agent sent youth by sea to Libya",
        occurrence_date="2025-11-02",
        occurrence_place="Helan, tehsil Phalia",
        distance_direction="14 km north-west",
        report_date="2026-02-21",
        sections=["PSMA-2018-smuggling", "PPC-1860-s420", "PPC-1860-s363"],
        fact_tags=["money_taken", "sea_route", "deception"],
        narrative="The complainant stated that the accused promised work in Italy.",
        evidence="Receipt for PKR 1,500,000\nCall records",
    )
    for register, record_id in (("victims", victim), ("inspections", inspection)):
        records.create("case_links", {"case_id": case, "register": register, "record_id": record_id})
    for person_id, role in ((complainant, "complainant"), (agent, "accused"), (witness, "witness")):
        records.create("person_links", {"person_id": person_id, "register": "cases", "record_id": case, "role": role})
    for person_id in (agent, sub_agent):
        records.create(
            "person_links", {"person_id": person_id, "register": "victims", "record_id": victim, "role": "agent"}
        )
    return BuiltCase(case, victim, child, meeting, inspection)


@pytest.fixture
def built(records: Records) -> BuiltCase:
    return build_case(records)


def as_viewer(ctx: Context) -> Context:
    accounts.add_user(ctx, "viewer1", "Viewer One", "viewer", "a long enough passphrase", FAST_KDF)
    return context_for(ctx.store, "viewer1", ctx.clock)


def audit_entries(records: Records, register: str, record_id: str) -> list[dict[str, object]]:
    return records.history(register, record_id)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


# -- what the summary pulls in -----------------------------------------------------------------


def test_summary_names_the_station_and_the_case(ctx: Context, built: BuiltCase) -> None:
    data = build_fir_summary(ctx, built.case_id)
    assert (data.case_id, data.police_station, data.district, data.station_code) == (
        built.case_id,
        "Phalia City",
        "Mandi Bahauddin",
        "MBD-PHALIA",
    )
    assert data.occurrence.at == dt.date(2025, 11, 2)
    assert data.occurrence.distance_and_direction_from_station == "14 km north-west"
    assert data.report_time == dt.date(2026, 2, 21)
    assert data.narrative.startswith("The complainant stated")


def test_summary_holds_the_linked_victim_and_the_child_found_at_the_inspection(ctx: Context, built: BuiltCase) -> None:
    victims = {v.name: v for v in build_fir_summary(ctx, built.case_id).victims}
    assert set(victims) == {VICTIM, CHILD}
    victim, child = victims[VICTIM], victims[CHILD]
    assert (victim.id_kind, victim.amount_paid_pkr, victim.ransom_paid_pkr) == ("cnic", 2_800_000, 500_000)
    assert victim.record_ref == record_ref("victims", built.victim_id)
    assert child.is_child and child.id_kind == "b_form" and child.id_number == "34402-9876543-1"


def test_accused_include_the_case_accused_and_the_agents_of_its_victims(ctx: Context, built: BuiltCase) -> None:
    data = build_fir_summary(ctx, built.case_id)
    accused = {p.name: p for p in data.accused}
    assert set(accused) == {AGENT, SUB_AGENT}
    assert accused[AGENT].role == "accused (agent)" and accused[AGENT].status == "absconding"
    assert accused[AGENT].aliases == ("Rana Sahib",)
    assert accused[SUB_AGENT].role == "facilitator of a linked victim"
    assert data.complainant is not None and data.complainant.name == COMPLAINANT
    assert [w.name for w in data.witnesses] == [WITNESS]


def test_inspection_findings_carry_the_site_owner_and_the_counts(ctx: Context, built: BuiltCase) -> None:
    (block,) = build_fir_summary(ctx, built.case_id).inspection_findings
    items = dict(block.items)
    assert "Al-Madina Brick Kiln 7" in block.title and "20/01/2026" in block.title
    assert items["Owner"] == OWNER
    assert items["In debt bondage (peshgi)"] == "36 of 40"
    assert items["Children found / withdrawn"] == "1 / 1"
    assert items["FIR recommended"] == "yes"
    assert "keeps their CNICs" in items["Findings"]


def test_meetings_of_the_victims_family_are_included(ctx: Context, built: BuiltCase) -> None:
    (meeting,) = build_fir_summary(ctx, built.case_id).meetings
    assert meeting.date == dt.date(2026, 2, 20)
    assert AGENT_INFORMATION in meeting.summary and "willing to be the complainant" in meeting.summary
    assert COMPLAINANT in meeting.attendees


def test_only_confirmed_sections_are_printed_and_unverified_ones_say_so(ctx: Context, built: BuiltCase) -> None:
    data = build_fir_summary(ctx, built.case_id)
    sections = data.sections
    # The case holds the catalogue-1.0 id PSMA-2018-smuggling: it prints as the section it was renamed to.
    assert [s.label() for s in sections] == ["PSMA 2018 s. 3", "PPC s. 420", "PPC s. 363"]
    assert not any(s.unverified for s in sections)  # all three were read in their texts
    assert data.catalogue.startswith("law-section catalogue 2.0.0 of ")
    # Whoever prints a PSMA section is told the FIA investigates it.
    assert any(note.startswith("PSMA 2018 - who investigates: The FIA") for note in data.act_notes)


def test_a_confirmed_unverified_section_prints_with_its_mark(ctx: Context, built: BuiltCase) -> None:
    catalogue = load_catalogue()
    (entry,) = confirmed_entries(catalogue, ["PRECA-2016-s11-a"])
    assert entry.unverified and "UNVERIFIED" in entry.title


def test_facts_are_in_date_order_each_with_its_source(ctx: Context, built: BuiltCase) -> None:
    facts = build_fir_summary(ctx, built.case_id).facts
    dates = [f.date for f in facts]
    assert all(d is not None for d in dates) and dates == sorted(dates)  # type: ignore[type-var]
    assert all(f.source for f in facts)
    texts = " | ".join(f.text for f in facts)
    assert f"Victim {VICTIM} left for Libya by the Libya - Italy sea route through" in texts
    assert "ransom of PKR 500,000" in texts
    assert f"Child {CHILD}, aged 12, found at work (moulding bricks, 10 hours a day)" in texts
    assert facts[0].date == dt.date(2025, 11, 2) and facts[-1].date == dt.date(2026, 2, 21)


def test_every_sensitive_record_read_for_the_summary_is_audited(
    ctx: Context, records: Records, built: BuiltCase
) -> None:
    build_fir_summary(ctx, built.case_id)
    for register, record_id in (
        ("victims", built.victim_id),
        ("children", built.child_id),
        ("family_meetings", built.meeting_id),
    ):
        actions = [e["action"] for e in audit_entries(records, register, record_id)]
        assert actions.count("read:print") == 1, register


def test_a_case_that_does_not_exist_is_not_found(ctx: Context) -> None:
    with pytest.raises(NotFound):
        build_fir_summary(ctx, "00000000-0000-4000-8000-000000000000")


def test_an_unknown_audience_is_refused(ctx: Context, built: BuiltCase) -> None:
    with pytest.raises(ValueError, match="audience"):
        build_fir_summary(ctx, built.case_id, audience="press")


# -- printing -----------------------------------------------------------------------------------


def test_copy_numbers_increase_and_each_print_leaves_one_audit_entry(
    ctx: Context, records: Records, built: BuiltCase, tmp_path: Path
) -> None:
    first = print_fir_summary(ctx, built.case_id, tmp_path / "1.pdf")
    second = print_fir_summary(ctx, built.case_id, tmp_path / "2.pdf", audience="prosecutor")
    assert first.out_path == tmp_path / "1.pdf" and first.signed and second.signed
    prints = [e for e in audit_entries(records, "cases", built.case_id) if e["action"] == "print"]
    assert [e["detail"] for e in prints] == ["copy 1 audience police", "copy 2 audience prosecutor"]
    assert all(e["username"] == "sho.phalia" for e in prints)
    assert "Copy No. 2" in pdf_text(tmp_path / "2.pdf")
    assert build_fir_summary(ctx, built.case_id).copy_number == 3


def test_a_printed_summary_verifies_with_the_station_key(ctx: Context, built: BuiltCase, tmp_path: Path) -> None:
    result = print_fir_summary(ctx, built.case_id, tmp_path / "s.pdf")
    check = verify_summary(tmp_path / "s.pdf", station_public_key(ctx))
    assert check.ok, check.reasons
    assert check.signature_checked and check.sha256 == result.sha256


def test_a_print_that_cannot_be_written_leaves_no_print_entry(
    ctx: Context, records: Records, built: BuiltCase, tmp_path: Path
) -> None:
    with pytest.raises(FileMissing, match="missing-folder"):
        print_fir_summary(ctx, built.case_id, tmp_path / "missing-folder" / "s.pdf")
    assert not [e for e in audit_entries(records, "cases", built.case_id) if e["action"] == "print"]
    assert build_fir_summary(ctx, built.case_id).copy_number == 1


def test_a_viewer_cannot_build_or_print_a_summary(
    ctx: Context, records: Records, built: BuiltCase, tmp_path: Path
) -> None:
    viewer = as_viewer(ctx)
    with pytest.raises(PermissionDenied, match="print summaries"):
        build_fir_summary(viewer, built.case_id)
    with pytest.raises(PermissionDenied):
        print_fir_summary(viewer, built.case_id, tmp_path / "v.pdf")
    assert not (tmp_path / "v.pdf").exists()
    assert not [e for e in audit_entries(records, "victims", built.victim_id) if e["action"] == "read:print"]


def test_the_police_copy_names_the_child_and_the_victim(ctx: Context, built: BuiltCase, tmp_path: Path) -> None:
    print_fir_summary(ctx, built.case_id, tmp_path / "p.pdf")
    text = pdf_text(tmp_path / "p.pdf")
    assert CHILD in text and VICTIM in text and "34402-9876543-1" in text


def test_the_prosecutor_copy_names_the_child_but_hides_the_childs_b_form(
    ctx: Context, built: BuiltCase, tmp_path: Path
) -> None:
    print_fir_summary(ctx, built.case_id, tmp_path / "p.pdf", audience="prosecutor")
    text = pdf_text(tmp_path / "p.pdf")
    assert CHILD in text and VICTIM in text and AGENT in text
    assert "34402-9876543-1" not in text
    assert "Masked in this copy" in text


@pytest.mark.parametrize("audience", ["ngo_referral"])
def test_a_masked_copy_hides_the_childs_and_the_victims_names(
    ctx: Context, built: BuiltCase, tmp_path: Path, audience: str
) -> None:
    print_fir_summary(ctx, built.case_id, tmp_path / "m.pdf", audience=audience)
    text = pdf_text(tmp_path / "m.pdf")
    for hidden in (CHILD, VICTIM, "Imran", "9876543", "7777777"):
        assert hidden not in text, hidden
    assert f"M. I. G. (ref {record_ref('children', built.child_id)})" in text
    assert AGENT in text  # the accused stay named
    embedded = PdfReader(tmp_path / "m.pdf").attachments["ahtc-fir-summary.json"][0].decode("utf-8")
    assert CHILD not in embedded and VICTIM not in embedded


# -- sections -----------------------------------------------------------------------------------


def test_section_choices_mark_suggestions_and_confirmed_ones() -> None:
    catalogue = load_catalogue()
    profile = profile_from_records(
        "migrant_smuggling", ["sea_route", "border_crossing", "not_a_tag"], catalogue=catalogue
    )
    choices = section_choices(catalogue, profile, ["PPC-1860-s363", "XX-1"])
    by_id = {c.section_id: c for c in choices}
    assert by_id["PSMA-2018-s3"].suggested and not by_id["PSMA-2018-s3"].confirmed
    assert by_id["PPC-1860-s363"].confirmed
    assert by_id["XX-1"].confirmed and by_id["XX-1"].section is None
    scores = [c.score for c in choices if c.suggested]
    assert scores == sorted(scores, reverse=True)


def test_a_confirmed_id_missing_from_the_catalogue_is_printed_as_such() -> None:
    (entry,) = confirmed_entries(load_catalogue(), ["XX-1999-s1", "XX-1999-s1"])
    assert entry.act_short == "XX-1999-s1" and "not in the law-section catalogue" in entry.title
    assert entry.unverified


def test_a_masked_copy_of_a_child_with_an_urdu_name_verifies(
    ctx: Context, records: Records, built: BuiltCase, tmp_path: Path
) -> None:
    records.update("children", built.child_id, {"name": "حمزہ گوندل"})
    print_fir_summary(ctx, built.case_id, tmp_path / "u.pdf", audience="prosecutor")
    check = verify_summary(tmp_path / "u.pdf", station_public_key(ctx))
    assert check.ok, check.reasons
