"""Search by partial CNIC, phone, village, spelling variants of names, and Urdu names."""

from __future__ import annotations

import pytest

from desktop_app.services import names, search
from desktop_app.services.context import Context
from desktop_app.services.records import ListQuery, Records
from tests.services.helpers import child, person, victim


def found(ctx: Context, query: str) -> set[str]:
    with ctx.store.session() as session:
        return {record_id for _, record_id in search.matching(session, query)}


@pytest.mark.parametrize("variant", ["Muhammad", "Mohammad", "Muhammed", "Mohammed", "Mohd", "muhamad"])
def test_spelling_variants_of_muhammad_meet(ctx: Context, records: Records, variant: str) -> None:
    target = person(records, name="Muhammad Tariq Gondal")
    person(records, name="Asif Cheema", cnic=None, phones=None)
    assert found(ctx, f"{variant} tariq") == {target}


@pytest.mark.parametrize(
    ("stored", "typed"), [("Hussain Awan", "husain"), ("Rehman Sahi", "rahman"), ("Ahmad Virk", "ahmed")]
)
def test_common_variant_pairs_meet(ctx: Context, records: Records, stored: str, typed: str) -> None:
    target = person(records, name=stored)
    assert target in found(ctx, typed)


def test_partial_cnic_and_phone_find_the_record(ctx: Context, records: Records) -> None:
    target = person(records, cnic="34402-7654321-3", phones="0345-9876543")
    assert found(ctx, "7654321") == {target}
    assert found(ctx, "34402-76") == {target}
    assert found(ctx, "9876543") == {target}


def test_urdu_names_are_found_across_letter_forms(ctx: Context, records: Records) -> None:
    target = child(records, name="محمد عمران", guardian_cnic="34402-1111111-1")
    assert found(ctx, "عمران") == {target}
    # Arabic-keyboard yeh and kaf, and a diacritic, must not stop a match.
    other = victim(records, name="علی ملک")
    assert found(ctx, "علي") == {other}
    assert found(ctx, "مُلك") == {other}


def test_village_finds_records(ctx: Context, records: Records) -> None:
    target = person(records, village="Kuthiala Sheikhan")
    assert found(ctx, "kuthiala") == {target}


def test_deleted_and_renamed_records_leave_the_index(ctx: Context, records: Records) -> None:
    gone = person(records, name="Zahid Bhatti")
    renamed = person(records, name="Kashif Warraich", cnic=None)
    records.delete("persons", gone)
    records.update("persons", renamed, {"name": "Kashif Tarar"})
    assert found(ctx, "bhatti") == set()
    assert found(ctx, "warraich") == set()
    assert found(ctx, "tarar") == {renamed}


def test_list_query_text_uses_the_index(records: Records) -> None:
    person(records, name="Tariq Mehmood")
    person(records, name="Imran Kharal", cnic=None)
    assert [p["name"] for p in records.list("persons", ListQuery(text="mehmud"))] == ["Tariq Mehmood"]


def test_ranking_prefers_the_closest_spelling() -> None:
    hits = search.rank("tariq mehmood", [("persons", "1", "Tariq Mahmood Butt"), ("persons", "2", "Tariq Mehmood")])
    assert [h.record_id for h in hits] == ["2", "1"]


def test_skeleton_folds_vowels_and_doubles() -> None:
    assert names.skeleton("muhammad") == names.skeleton("mohamed") == "mhmd"
