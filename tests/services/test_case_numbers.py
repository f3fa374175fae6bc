"""Case numbers: given at creation, offline, per station and year; never given twice, not even after a restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from desktop_app.errors import ValidationError
from desktop_app.services.case_numbers import HIGH_WATER_FILE, parse_number
from desktop_app.services.context import Context
from desktop_app.services.maintenance import backup_store, restore_store
from desktop_app.services.records import ListQuery, Records
from desktop_app.services.registry import spec_for
from tests.conftest import PASSPHRASE


def _case(records: Records, title: str = "Child labour at Bhatta No. 7") -> str:
    return records.create("cases", {"title": title, "offence_category": "child_labour_kiln"}).first_id


def _number(records: Records, case_id: str) -> str:
    return str(records.get("cases", case_id)["case_number"])


def test_each_case_gets_the_next_number_of_its_station_and_year(records: Records) -> None:
    first, second = _case(records), _case(records)
    assert _number(records, first) == "AHTC/MBD-PHALIA/2026/001"
    assert _number(records, second) == "AHTC/MBD-PHALIA/2026/002"


def test_a_new_year_starts_again_at_one(records: Records, ctx: Context) -> None:
    _case(records)
    ctx.clock.advance(days=320)  # type: ignore[attr-defined]  # 2027-01-15 in Pakistan
    assert _number(records, _case(records)) == "AHTC/MBD-PHALIA/2027/001"


def test_the_number_cannot_be_typed_or_changed(records: Records) -> None:
    case = records.create(
        "cases", {"title": "A", "offence_category": "child_labour_kiln", "case_number": "AHTC/MBD-PHALIA/2026/900"}
    ).first_id
    assert _number(records, case) == "AHTC/MBD-PHALIA/2026/001"  # the typed one is ignored
    with pytest.raises(ValidationError) as refused:
        records.update("cases", case, {"case_number": "AHTC/MBD-PHALIA/2026/002"})
    assert "case_number" in refused.value.errors


def test_a_deleted_case_keeps_its_number_and_it_is_not_given_again(records: Records, ctx: Context) -> None:
    _case(records)
    last = _case(records)
    records.delete("cases", last)
    (ctx.store.paths.data_dir / HIGH_WATER_FILE).unlink()  # only the store's own rows say what was given
    deleted = records.list("cases", ListQuery(include_deleted=True, filters={"id": last}))[0]
    assert deleted["case_number"] == "AHTC/MBD-PHALIA/2026/002" and deleted["title"] == ""
    assert _number(records, _case(records)) == "AHTC/MBD-PHALIA/2026/003"


def test_the_store_refuses_a_second_case_with_the_same_number(records: Records, ctx: Context) -> None:
    from sqlalchemy import update

    from desktop_app.models.cases import Case

    first, second = _case(records), _case(records)
    with pytest.raises(IntegrityError), ctx.store.transaction() as session:
        session.execute(update(Case).where(Case.id == second).values(case_number=_number(records, first)))


def test_a_restore_does_not_give_a_number_again(ctx: Context, tmp_path: Path) -> None:
    records = Records(ctx)
    _case(records)
    backup_store(ctx, tmp_path / "station.ahtcbak")
    after_backup = [_case(records), _case(records)]  # 002 and 003, perhaps printed on a summary already
    assert [_number(records, c) for c in after_backup][-1] == "AHTC/MBD-PHALIA/2026/003"
    folder = ctx.store.paths.data_dir
    ctx.store.close()

    restored = restore_store(tmp_path / "station.ahtcbak", folder, "sho.phalia", PASSPHRASE, ctx.clock)

    again = Records(restored)
    assert {r["case_number"] for r in again.list("cases")} == {"AHTC/MBD-PHALIA/2026/001"}  # the backup's
    assert _number(again, _case(again)) == "AHTC/MBD-PHALIA/2026/004"  # not 002 a second time
    restored.store.close()


def test_without_the_high_water_file_a_restore_would_rewind(ctx: Context, tmp_path: Path) -> None:
    """The file is what stops the rewind: the same restore, with it gone, gives 002 again (the case the
    district's copy then keeps apart, tests/sync/test_case_numbers_sync.py)."""
    records = Records(ctx)
    _case(records)
    backup_store(ctx, tmp_path / "station.ahtcbak")
    _case(records)
    folder = ctx.store.paths.data_dir
    ctx.store.close()
    (folder / HIGH_WATER_FILE).unlink()

    restored = restore_store(tmp_path / "station.ahtcbak", folder, "sho.phalia", PASSPHRASE, ctx.clock)

    assert _number(Records(restored), _case(Records(restored))) == "AHTC/MBD-PHALIA/2026/002"
    restored.store.close()


def test_a_damaged_high_water_file_falls_back_to_the_store(records: Records, ctx: Context) -> None:
    _case(records)
    (ctx.store.paths.data_dir / HIGH_WATER_FILE).write_text("{not json", encoding="utf-8")
    assert _number(records, _case(records)) == "AHTC/MBD-PHALIA/2026/002"


def test_a_case_is_found_by_its_number_or_part_of_it(records: Records) -> None:
    _case(records, "Kiln case")
    wanted = _case(records, "Agent case")
    for text in ("AHTC/MBD-PHALIA/2026/002", "2026/002", "PHALIA/2026/002"):
        found = records.list("cases", ListQuery(text=text))
        assert [r["id"] for r in found] == [wanted], text


def test_the_number_is_the_first_column_of_the_cases_list() -> None:
    assert spec_for("cases").list_columns[0] == "case_number"


def test_numbers_parse_back() -> None:
    assert parse_number("AHTC/MBD-PHALIA/2026/014") == ("MBD-PHALIA", 2026, 14)
    assert parse_number("AHTC/MBD-PHALIA/2026/1014-0a1b2c3d") == ("MBD-PHALIA", 2026, 1014)
    assert parse_number("AHTC/MBD-PHALIA/26/014") is None


def test_a_case_numbered_by_the_upgrade_is_found_without_its_index_entry(records: Records, ctx: Context) -> None:
    """Migration 0010 numbers old cases without rewriting the search index (an upgrade keeps every stored row as
    it was): the number is matched on the column itself."""
    from sqlalchemy import text

    from desktop_app.services.search import unindex

    case = _case(records, "Old kiln case")
    with ctx.store.transaction() as session:
        unindex(session, [case])
        assert session.execute(text("SELECT count(*) FROM search_index")).scalar_one() == 0
    for typed in ("AHTC/MBD-PHALIA/2026/001", "2026/001", "phalia/2026/001"):
        assert [r["id"] for r in records.list("cases", ListQuery(text=typed))] == [case], typed
        assert records.count("cases", ListQuery(text=typed)) == 1
    assert records.list("cases", ListQuery(text="2026/002")) == []
    assert records.list("cases", ListQuery(text="50%_")) == []  # LIKE's wildcards are taken as typed
