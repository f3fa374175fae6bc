"""A failure at any point of a write leaves no record, no change-log row, no audit entry, no index row."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from desktop_app.models import AuditEntry, ChangeLogEntry, Person
from desktop_app.services import audit, search
from desktop_app.services.context import Context
from desktop_app.services.records import Records


def counts(ctx: Context) -> tuple[int, int, int, int]:
    with ctx.store.session() as session:
        return (
            session.scalar(select(func.count()).select_from(Person)) or 0,
            session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0,
            session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            session.execute(text("SELECT count(*) FROM search_index")).scalar_one(),
        )


class PowerCut(Exception):
    pass


@pytest.mark.parametrize("failing", ["search.index_rows", "audit.append_many"])
def test_failure_mid_write_leaves_nothing(
    ctx: Context, records: Records, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    before = counts(ctx)
    module, name = failing.split(".")
    target = {"search": search, "audit": audit}[module]

    def cut(*_args: object, **_kwargs: object) -> None:
        raise PowerCut

    monkeypatch.setattr(target, name, cut)
    with pytest.raises(PowerCut):
        records.create_many("persons", [{"name": "Half Written", "role": "agent"}, {"name": "Second", "role": "agent"}])
    monkeypatch.undo()
    assert counts(ctx) == before
    # And the store still takes the next write normally.
    records.create("persons", {"name": "After The Cut", "role": "agent"})
    assert counts(ctx)[0] == before[0] + 1


def test_failure_in_a_follow_up_hook_rolls_back_the_follow_up_too(
    ctx: Context, records: Records, monkeypatch: pytest.MonkeyPatch
) -> None:
    child_id = records.create(
        "children", {"name": "C", "sex": "male", "age_years": 10, "rescue_date": "2026-02-01"}
    ).first_id
    before = records.get("children", child_id)
    from desktop_app.services import records as records_module

    def cut(*_args: object, **_kwargs: object) -> None:
        raise PowerCut

    monkeypatch.setattr(records_module.WriteTx, "update_row", cut)
    with pytest.raises(PowerCut):
        records.create("child_followups", {"child_id": child_id, "date": "2026-02-20", "attending_school": True})
    monkeypatch.undo()
    assert records.count("child_followups") == 0
    assert records.get("children", child_id)["version"] == before["version"]
