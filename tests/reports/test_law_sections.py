"""The law-section catalogue: the shipped JSON validates, and suggestions rank the right sections."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.models.enums import OffenceCategory
from desktop_app.reports.law_sections import (
    DEFAULT_PATH,
    CatalogueError,
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


# --- the shipped catalogue -------------------------------------------------------------------------


def test_default_catalogue_loads(catalogue) -> None:
    assert catalogue.compiled_on == "2026-11-29"
    assert catalogue.version
    assert "not legal advice" in catalogue.disclaimer
    assert 25 <= len(catalogue) <= 45


def test_ids_are_unique_in_the_file(raw) -> None:
    all_ids = [entry["id"] for entry in raw["sections"]]
    assert len(all_ids) == len(set(all_ids))


def test_categories_are_enum_values_and_facts_are_in_the_vocabulary(catalogue) -> None:
    categories = {c.value for c in OffenceCategory}
    for section in catalogue:
        assert set(section.offence_categories) <= categories, section.id
        assert set(section.facts) <= set(catalogue.fact_tags), section.id


def test_every_fact_tag_is_used_by_some_section(catalogue) -> None:
    used = {fact for section in catalogue for fact in section.facts}
    assert used == set(catalogue.fact_tags)


def test_every_entry_has_a_source_and_unverified_ones_say_why(catalogue) -> None:
    for section in catalogue:
        assert section.source.strip(), section.id
        if not section.verified:
            assert section.note.strip(), section.id


def test_each_act_in_the_brief_is_represented(catalogue) -> None:
    acts = {section.act_short for section in catalogue}
    assert {"PTPA 2018", "PSMA 2018", "EO 1979", "BLSA 1992", "PBKA 2016", "PRECA 2016", "PPC"} <= acts


def test_get_and_citation(catalogue) -> None:
    section = catalogue.get("PTPA-2018-s3-2")
    assert section.section == "3(2)"
    assert section.citation == "s. 3(2) PTPA 2018"
    with pytest.raises(KeyError, match="NOPE-2000-s1"):
        catalogue.get("NOPE-2000-s1")


# --- suggestions -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "facts", "must_lead", "also_high"),
    [
        pytest.param(
            "child_labour_kiln",
            {"child_at_kiln", "child_victim", "advance_peshgi"},
            "PBKA-2016-child-labour",
            ["PTPA-2018-s3-2"],
            id="child-at-kiln",
        ),
        pytest.param(
            "migrant_smuggling",
            {"sea_route", "death_in_transit", "money_taken"},
            "PSMA-2018-aggravated",
            ["PSMA-2018-smuggling"],
            id="sea-route-death",
        ),
        pytest.param(
            "emigration_fraud",
            {"unlicensed_agency", "money_taken"},
            "EO-1979-s17-2",
            ["EO-1979-s22"],
            id="unlicensed-agency",
        ),
        pytest.param(
            "bonded_labour",
            {"debt_bondage", "advance_peshgi", "confinement"},
            "BLSA-1992-s11",
            ["BLSA-1992-s12"],
            id="kiln-debt-bondage",
        ),
        pytest.param(
            "trafficking_in_persons",
            {"woman_victim", "sexual_exploitation", "sale_of_person"},
            "PPC-1860-s371a",
            ["PPC-1860-s371b", "PTPA-2018-s3-2"],
            id="woman-sold",
        ),
        pytest.param(
            "trafficking_in_persons",
            {"death_in_transit", "organised_group", "documents_confiscated"},
            "PTPA-2018-s4",
            [],
            id="aggravated-trafficking",
        ),
    ],
)
def test_suggestion_table(catalogue, category, facts, must_lead, also_high) -> None:
    top = ids(suggest_sections(catalogue, category, facts, limit=5))
    assert top[0] == must_lead
    for section_id in also_high:
        assert section_id in top


def test_child_at_kiln_ranks_kiln_act_and_ptpa_child_aggravation_above_unrelated_law(catalogue) -> None:
    found = ids(suggest_sections(catalogue, "child_labour_kiln", {"child_at_kiln", "child_victim"}))
    assert found.index("PBKA-2016-child-labour") < found.index("PTPA-2018-s3-2")
    assert not any(section_id.startswith(("EO-", "PSMA-")) for section_id in found)


def test_reasons_name_the_category_and_each_matching_fact(catalogue) -> None:
    (first, *_) = suggest_sections(catalogue, "migrant_smuggling", {"sea_route", "death_in_transit"})
    assert first.section.id == "PSMA-2018-aggravated"
    assert first.reasons == ("offence category: migrant_smuggling", "fact: death_in_transit", "fact: sea_route")
    assert first.score == 3 + 2 + 2


def test_fact_only_matches_cross_categories(catalogue) -> None:
    found = ids(suggest_sections(catalogue, "bonded_labour", {"forged_documents"}))
    assert "PPC-1860-s471" in found  # no category match, still suggested for the fact


def test_scores_are_ordered_and_zero_scores_are_left_out(catalogue) -> None:
    found = suggest_sections(catalogue, "other", set())
    assert found, "sections tagged 'other' should be suggested on the category alone"
    assert all(s.score > 0 for s in found)
    scores = [s.score for s in suggest_sections(catalogue, "trafficking_in_persons", {"child_victim"})]
    assert scores == sorted(scores, reverse=True)


def test_deterministic_whatever_the_fact_order(catalogue) -> None:
    facts = ["money_taken", "deception", "forged_documents", "unlicensed_agency"]
    first = suggest_sections(catalogue, "emigration_fraud", facts)
    second = suggest_sections(catalogue, "emigration_fraud", list(reversed(facts)))
    assert first == second


def test_ties_prefer_verified_entries(catalogue) -> None:
    found = suggest_sections(catalogue, "emigration_fraud", {"money_taken", "unlicensed_agency"})
    by_score: dict[int, list[bool]] = {}
    for s in found:
        by_score.setdefault(s.score, []).append(s.section.verified)
    for flags in by_score.values():
        assert flags == sorted(flags, reverse=True)


def test_include_unverified_false_and_limit(catalogue) -> None:
    found = suggest_sections(catalogue, "migrant_smuggling", {"money_taken"}, include_unverified=False)
    assert found and all(s.section.verified for s in found)
    assert len(suggest_sections(catalogue, "bonded_labour", {"debt_bondage"}, limit=2)) == 2


def test_unknown_category_or_fact_is_refused(catalogue) -> None:
    with pytest.raises(ValueError, match="unknown offence category 'dunky'"):
        suggest_sections(catalogue, "dunky", set())
    with pytest.raises(ValueError, match="boat_trip"):
        suggest_sections(catalogue, "migrant_smuggling", {"boat_trip", "sea_route"})


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
        ({"max_punishment": None}, "'max_punishment' must be a non-empty string"),
        ({"offence_categories": ["human_smuggling"]}, "unknown offence categor"),
        ({"facts": ["boat_trip"]}, "not in the vocabulary: boat_trip"),
        ({"verified": "yes"}, "'verified' must be true or false"),
        ({"verified": False, "note": ""}, "unverified entry needs a 'note'"),
        ({"kind": "rule"}, "'kind' must be one of"),
        ({"facts": "child_victim"}, "'facts' must be a list of strings"),
    ],
)
def test_malformed_entry_names_the_entry(raw, changes, message) -> None:
    data = _mutated(raw, 1, **changes)
    with pytest.raises(CatalogueError, match=message) as caught:
        parse_catalogue(data, origin="test.json")
    assert f"section {raw['sections'][1]['id']}:" in str(caught.value)


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
    del data["fact_tags"]
    with pytest.raises(CatalogueError, match="missing top-level field"):
        parse_catalogue(data)


def test_bad_json_and_missing_file_raise_catalogue_error(tmp_path: Path) -> None:
    broken = tmp_path / "law_sections.json"
    broken.write_text('{"sections": [', encoding="utf-8")
    with pytest.raises(CatalogueError, match="not valid JSON"):
        load_catalogue(broken)
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue(tmp_path / "absent.json")


def test_catalogue_error_is_a_value_error() -> None:
    assert issubclass(CatalogueError, ValueError)
