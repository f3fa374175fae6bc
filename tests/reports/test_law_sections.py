"""The law-section catalogue: every entry sourced and dated, suggestions that respect each Act's definitions."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from desktop_app.models.enums import OffenceCategory
from desktop_app.reports.law_sections import (
    DEFAULT_PATH,
    CaseProfile,
    CatalogueError,
    VictimProfile,
    assess,
    load_catalogue,
    parse_catalogue,
    suggest_sections,
)


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    return json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def ids(suggestions) -> list[str]:
    return [s.section.id for s in suggestions]


def victim(age: int | None, sex: str = "", label: str = "CHI-1") -> VictimProfile:
    return VictimProfile(age, sex, label)


# --- the shipped catalogue: complete, sourced, dated -----------------------------------------------


def test_the_catalogue_has_a_version_and_a_date(catalogue) -> None:
    assert catalogue.version == "2.0.0"
    assert dt.date.fromisoformat(catalogue.compiled_on)
    assert catalogue.stamp == "law-section catalogue 2.0.0 of 01/12/2026"
    assert "not legal advice" in catalogue.disclaimer


def test_every_entry_has_section_punishment_source_and_date(catalogue) -> None:
    for section in catalogue:
        assert section.section.strip(), section.id
        assert section.source.document.strip() and section.source.where.strip(), section.id
        assert dt.date.fromisoformat(section.source.read_on) <= dt.date.fromisoformat(catalogue.compiled_on)
        if section.is_offence:
            assert section.punishment is not None and section.punishment.text.strip(), section.id
        else:
            assert section.punishment is None, section.id  # procedure and evidence are never charges
        if not section.verified:
            assert section.note.strip(), section.id


def test_a_verified_offence_states_its_punishment_in_parts(catalogue) -> None:
    """Imprisonment range, fine, and how they combine ('and', 'or both') as the text states them."""
    for section in catalogue:
        if section.is_offence and section.verified:
            p = section.punishment
            assert p is not None and p.combination, section.id
            if p.imprisonment:
                # The printed text carries the same figures as the parts.
                for number in re.findall(r"\d+", p.imprisonment):
                    assert number in p.text, (section.id, number)


def test_the_three_wrong_entries_of_catalogue_1_are_corrected(catalogue) -> None:
    # PSMA 2018 s.4 (documents): 1-3 years and fine up to PKR 1m, not the 2025 bill's 10 years / PKR 5m.
    documents = catalogue.get("PSMA-2018-documents")  # the 1.0 id still resolves
    assert documents.section == "4"
    assert documents.punishment.text == "imprisonment of 1 to 3 years and fine up to PKR 1,000,000"
    # PSMA 2018 s.6 (aggravated): 5-14 years and fine up to PKR 2m, with the organised-group trigger.
    aggravated = catalogue.get("PSMA-2018-aggravated")
    assert aggravated.section == "6" and "5 to 14 years" in aggravated.punishment.text
    assert "2,000,000" in aggravated.punishment.text and "10,000,000" not in aggravated.punishment.text
    assert "organised_group" in aggravated.facts
    # PPC s.374: one year, or fine, or both (consolidated text to 30-11-2025).
    assert catalogue.get("PPC-1860-s374").punishment.text == "imprisonment up to 1 year, or fine, or both"


def test_every_smuggling_entry_has_its_section_number(catalogue) -> None:
    for section in catalogue:
        if section.act_short == "PSMA 2018":
            assert re.fullmatch(r"\d+", section.section), section.id


def test_the_sections_the_check_found_missing_are_there(catalogue) -> None:
    wanted = {
        "PSMA-2018-s5", "PSMA-2018-s7", "PSMA-2018-s11", "EO-1979-s17-1", "EO-1979-s19", "EO-1979-s23",
        "EO-1979-s24", "PPC-1860-s364a", "PPC-1860-s365", "PPC-1860-s365b", "PPC-1860-s366a", "PPC-1860-s366b",
        "PPC-1860-s367", "PPC-1860-s368", "PPC-1860-s371", "PPC-1860-s498b", "PASS-1974-s6",
    }  # fmt: skip
    assert wanted <= {s.id for s in catalogue}


def test_rules_of_evidence_and_procedure_are_never_offences(catalogue) -> None:
    assert catalogue.get("PTPA-2018-s7").kind == "evidence"
    assert catalogue.get("PTPA-2018-s8").kind == "procedure"
    assert catalogue.get("EO-1979-s24").kind == "procedure"
    assert catalogue.get("PSMA-2018-s8").kind == "protection"


def test_every_act_says_who_investigates_and_which_court_tries(catalogue) -> None:
    for act in catalogue.acts.values():
        assert act.investigation.strip() and act.trial.strip(), act.act_short
        assert dt.date.fromisoformat(act.source.read_on)
    assert "FIA" in catalogue.act("PSMA 2018").investigation
    assert "Special Court" in catalogue.act("EO 1979").trial
    assert "complaint with the Federal Government's previous sanction" in catalogue.act("EO 1979").investigation
    ptpa = catalogue.act("PTPA 2018")
    assert "FIA" in ptpa.note_for({"border_crossing"}) and "FIA investigates" not in ptpa.note_for(set())


def test_categories_and_facts_are_known_and_every_tag_is_used(catalogue) -> None:
    categories = {c.value for c in OffenceCategory}
    used: set[str] = set()
    for section in catalogue:
        assert set(section.offence_categories) <= categories, section.id
        assert set(section.facts) <= set(catalogue.fact_tags), section.id
        used |= set(section.facts)
    assert used == set(catalogue.fact_tags)


def test_ids_are_unique_in_the_file(raw) -> None:
    all_ids = [entry["id"] for entry in raw["sections"]]
    assert len(all_ids) == len(set(all_ids))


# --- suggestions: only offences, unverified ones marked --------------------------------------------------


ALL_FACTS_PROFILES = [CaseProfile.of(c.value, []) for c in OffenceCategory]


def test_only_offences_are_suggested_and_unverified_ones_carry_the_mark(catalogue) -> None:
    every_fact = frozenset(catalogue.fact_tags)
    for category in OffenceCategory:
        profile = CaseProfile(category.value, every_fact, (victim(10, "female"), victim(16, "male")))
        for suggestion in suggest_sections(catalogue, profile):
            assert suggestion.section.is_offence, suggestion.section.id
            assert suggestion.unverified == (not suggestion.section.verified)


def test_include_unverified_false_leaves_them_out(catalogue) -> None:
    profile = CaseProfile.of("child_labour_kiln", ["child_at_kiln", "child_victim", "advance_peshgi"])
    found = suggest_sections(catalogue, profile, include_unverified=False)
    assert found and all(s.section.verified for s in found)


# --- the rules table: one case per rule ---------------------------------------------------------------------

RULES = [
    # (rule, profile, section, expected: "suggested" | "check" | "ruled out", words in the reason)
    (
        "PRECA child is under 15: a 12-year-old in a workshop",
        CaseProfile.of(
            "child_labour_other", ["child_victim"], victims=(victim(12),), places=frozenset({"establishment"})
        ),
        "PRECA-2016-s11-a",
        "suggested",
        "under 15",
    ),
    (
        "PRECA child is under 15: a 15-year-old is an adolescent, not a child",
        CaseProfile.of(
            "child_labour_other",
            ["child_victim"],
            victims=(victim(15), victim(16, label="CHI-2")),
            places=frozenset({"establishment"}),
        ),
        "PRECA-2016-s11-a",
        "ruled out",
        "under 15",
    ),
    (
        "PRECA covers establishments other than kilns: a kiln case goes to PBKA",
        CaseProfile.of(
            "child_labour_kiln", ["child_victim", "child_at_kiln"], victims=(victim(12),), places=frozenset({"kiln"})
        ),
        "PRECA-2016-s11-a",
        "ruled out",
        "brick kiln",
    ),
    (
        "PBKA applies at a brick kiln",
        CaseProfile.of("child_labour_kiln", ["child_at_kiln"], victims=(victim(11),), places=frozenset({"kiln"})),
        "PBKA-2016-child-labour",
        "suggested",
        "brick kiln",
    ),
    (
        "PBKA does not apply in a workshop",
        CaseProfile.of(
            "child_labour_other",
            ["child_victim", "child_at_kiln"],
            victims=(victim(11),),
            places=frozenset({"establishment"}),
        ),
        "PBKA-2016-child-labour",
        "ruled out",
        "brick kiln",
    ),
    (
        "PTPA child is under 18: s.3(2) for a 17-year-old",
        CaseProfile.of("trafficking_in_persons", ["forced_labour"], victims=(victim(17, "male"),)),
        "PTPA-2018-s3-2",
        "suggested",
        "under 18",
    ),
    (
        "PTPA s.3(2) needs a child or a woman: not a man of 30",
        CaseProfile.of("trafficking_in_persons", ["forced_labour"], victims=(victim(30, "male"),)),
        "PTPA-2018-s3-2",
        "ruled out",
        "woman or girl",
    ),
    (
        "PTPA s.3(2) for a woman of any age",
        CaseProfile.of("trafficking_in_persons", ["sexual_exploitation"], victims=(victim(30, "female"),)),
        "PTPA-2018-s3-2",
        "suggested",
        "woman or girl",
    ),
    (
        "An age not recorded is a check, not a refusal",
        CaseProfile.of("trafficking_in_persons", ["forced_labour"], victims=(victim(None, "male"),)),
        "PTPA-2018-s3-2",
        "check",
        "not recorded",
    ),
    (
        "PPC s.361: a boy under 14 is kidnapped from lawful guardianship",
        CaseProfile.of("other", ["kidnapping"], victims=(victim(13, "male"),)),
        "PPC-1860-s363",
        "suggested",
        "a boy under 14",
    ),
    (
        "PPC s.361: a boy of 15 is not a minor for kidnapping (and was not taken abroad)",
        CaseProfile.of("other", ["kidnapping"], victims=(victim(15, "male"),)),
        "PPC-1860-s363",
        "ruled out",
        "a girl under 16",
    ),
    (
        "PPC s.361: a girl of 15 is",
        CaseProfile.of("other", ["kidnapping"], victims=(victim(15, "female"),)),
        "PPC-1860-s363",
        "suggested",
        "a girl under 16",
    ),
    (
        "PPC s.360: kidnapping from Pakistan whatever the age",
        CaseProfile.of("trafficking_in_persons", ["kidnapping", "border_crossing"], victims=(victim(25, "male"),)),
        "PPC-1860-s363",
        "suggested",
        "",
    ),
    (
        "PPC s.364-A is for a person under 14",
        CaseProfile.of("trafficking_in_persons", ["kidnapping", "forced_labour"], victims=(victim(16, "male"),)),
        "PPC-1860-s364a",
        "ruled out",
        "under 14",
    ),
    (
        "PPC s.366-A is for a girl under 18",
        CaseProfile.of("trafficking_in_persons", ["sexual_exploitation"], victims=(victim(16, "female"),)),
        "PPC-1860-s366a",
        "suggested",
        "a girl under 18",
    ),
    (
        "PPC s.366-A is not for a boy",
        CaseProfile.of("trafficking_in_persons", ["sexual_exploitation"], victims=(victim(16, "male"),)),
        "PPC-1860-s366a",
        "ruled out",
        "a girl under 18",
    ),
    (
        "PPC s.498-B forced marriage: a woman",
        CaseProfile.of("other", ["forced_marriage"], victims=(victim(22, "female"),)),
        "PPC-1860-s498b",
        "suggested",
        "woman or girl",
    ),
    (
        "PSMA s.6 needs an aggravating fact",
        CaseProfile.of("migrant_smuggling", ["money_taken", "border_crossing"]),
        "PSMA-2018-s6",
        "ruled out",
        "death_in_transit",
    ),
    (
        "PSMA s.6 with a death on the sea route",
        CaseProfile.of("migrant_smuggling", ["border_crossing", "sea_route", "death_in_transit"]),
        "PSMA-2018-s6",
        "suggested",
        "",
    ),
    (
        "EO s.17(1) charges only the person who left unlawfully, never by default",
        CaseProfile.of("emigration_fraud", ["money_taken", "unlicensed_agency"]),
        "EO-1979-s17-1",
        "ruled out",
        "unlawful_departure_by_accused",
    ),
    (
        "BLSA s.11 for bonded labour at a kiln",
        CaseProfile.of("bonded_labour", ["debt_bondage", "advance_peshgi"], places=frozenset({"kiln"})),
        "BLSA-1992-s11",
        "suggested",
        "",
    ),
]


@pytest.mark.parametrize(("rule", "profile", "section_id", "expected", "words"), RULES, ids=[r[0] for r in RULES])
def test_rules_table(catalogue, rule, profile, section_id, expected, words) -> None:
    found = assess(catalogue, profile)
    suggested = {s.section.id: s for s in found.suggestions}
    ruled = {r.section.id: r for r in found.ruled_out}
    if expected == "ruled out":
        assert section_id not in suggested, rule
        assert section_id in ruled, rule
        assert words in ruled[section_id].reason, ruled[section_id].reason
        return
    assert section_id in suggested, (rule, ruled.get(section_id))
    suggestion = suggested[section_id]
    if expected == "check":
        assert suggestion.checks and any(words in c for c in suggestion.checks), suggestion.checks
    else:
        assert not suggestion.checks, suggestion.checks
        assert any(words in r for r in suggestion.reasons), suggestion.reasons


def test_the_evidence_rule_is_never_suggested_for_a_child_victim(catalogue) -> None:
    profile = CaseProfile.of("trafficking_in_persons", ["child_victim", "forced_labour"], victims=(victim(12),))
    assert "PTPA-2018-s7" not in ids(suggest_sections(catalogue, profile))


def test_ranking_is_deterministic_and_by_score(catalogue) -> None:
    facts = ["money_taken", "deception", "forged_documents", "unlicensed_agency", "border_crossing"]
    first = suggest_sections(catalogue, CaseProfile.of("emigration_fraud", facts))
    second = suggest_sections(catalogue, CaseProfile.of("emigration_fraud", list(reversed(facts))))
    assert first == second
    scores = [s.score for s in first]
    assert scores == sorted(scores, reverse=True)


def test_unknown_category_or_fact_is_refused(catalogue) -> None:
    with pytest.raises(ValueError, match="unknown offence category 'dunky'"):
        suggest_sections(catalogue, CaseProfile.of("dunky"))
    with pytest.raises(ValueError, match="boat_trip"):
        suggest_sections(catalogue, CaseProfile.of("migrant_smuggling", ["boat_trip", "sea_route"]))


# --- malformed catalogues --------------------------------------------------------------------------


def _mutated(raw: dict[str, Any], index: int, **changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(raw)
    for key, value in changes.items():
        if value is None:
            del data["sections"][index][key]
        else:
            data["sections"][index][key] = value
    return data


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"punishment": None}, "needs 'punishment.text'"),
        ({"source": None}, "'source' must be an object"),
        ({"source": {"document": "x", "where": "y", "read_on": "someday"}}, "read_on' must be the date"),
        ({"offence_categories": ["human_smuggling"]}, "unknown offence categor"),
        ({"facts": ["boat_trip"]}, "not in the vocabulary: boat_trip"),
        ({"verified": "yes"}, "'verified' must be true or false"),
        ({"verified": False, "note": ""}, "unverified entry needs a 'note'"),
        ({"kind": "rule"}, "'kind' must be one of"),
        ({"act_short": "PPX"}, "not in 'acts'"),
        ({"requires": [{"victim": [{"age_under": "fifteen"}]}]}, "age_under must be a whole number"),
        ({"requires": [{"place": ["moon"]}]}, "requirement places must be among"),
    ],
)
def test_malformed_entry_names_the_entry(raw, changes, message) -> None:
    data = _mutated(raw, 1, **changes)
    with pytest.raises(CatalogueError, match=message) as caught:
        parse_catalogue(data, origin="test.json")
    assert f"section {raw['sections'][1]['id']}:" in str(caught.value)


def test_a_procedure_with_a_punishment_is_refused(raw) -> None:
    index = next(i for i, s in enumerate(raw["sections"]) if s["kind"] == "procedure")
    data = _mutated(raw, index, punishment={"text": "up to 3 years"})
    with pytest.raises(CatalogueError, match="not an offence"):
        parse_catalogue(data)


def test_entry_without_id_is_named_by_position(raw) -> None:
    data = _mutated(raw, 2, id=None)
    with pytest.raises(CatalogueError, match=r"section #2: 'id' must look like"):
        parse_catalogue(data)


def test_duplicate_id_is_refused(raw) -> None:
    data = copy.deepcopy(raw)
    data["sections"].append(copy.deepcopy(data["sections"][0]))
    with pytest.raises(CatalogueError, match=f"section {raw['sections'][0]['id']}: duplicate id"):
        parse_catalogue(data)


def test_missing_top_level_field_is_refused(raw) -> None:
    data = copy.deepcopy(raw)
    del data["acts"]
    with pytest.raises(CatalogueError, match="missing top-level field"):
        parse_catalogue(data)


def test_bad_json_and_missing_file_raise_catalogue_error(tmp_path: Path) -> None:
    broken = tmp_path / "law_sections.json"
    broken.write_text('{"sections": [', encoding="utf-8")
    with pytest.raises(CatalogueError, match="not valid JSON"):
        load_catalogue(broken)
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue(tmp_path / "absent.json")
