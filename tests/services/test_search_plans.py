"""A list's search finds the same rows in the same order whichever plan the database runs it with.

`search.record_filter` picks a plan by how many index rows match (narrow: look the few up by rowid; broad: compare
rowids while walking the register in list order; short words: check each row's own index text, or one pass over
all of it). Each plan is forced here and compared with a brute-force filter over every row, and with the filter
lists used before the plans (the register's rows whose search rowid is among the index's matches).
"""

from __future__ import annotations

import weakref
from typing import Any

import pytest
from sqlalchemy import text

from desktop_app.services import names, search
from desktop_app.services.clock import FakeClock
from desktop_app.services.context import Context
from desktop_app.services.records import ListQuery, Records
from desktop_app.services.registry import State, spec_for
from tests.services.helpers import child, victim

QUERIES = (
    "3440",  # a CNIC prefix nearly every row shares, and children's guardians too
    "344",
    "34401",
    "34401-000",
    "34402-0000013-3",
    "0300",
    "Muhammad",
    "mohd tariq",
    "Ahmed",
    "ali",
    "ali 3440",
    "محمد",
    "علي",
    "tarar bhatta",
    "a",  # words shorter than a trigram: no index lookup
    "al",
    "zq",
    "Muhammad a",
    "3440 a",
    "Qadir",  # matches nothing
)
PLANS = {
    # (NARROW, COMMON_SHARE): what each forces
    "as chosen": (search.NARROW, search.COMMON_SHARE),
    "narrow: look matches up by rowid; short words: one pass over the index text": (10**9, 0),
    "broad: walk the register comparing rowids; short words: each row's own index text": (0, 10**9),
}
NAMES = ("Muhammad Tariq", "Mohd Imran", "Ahmad Ali", "Ahmed Raza", "Ali Hassan", "محمد عمران", "علی رضا")
SURNAMES = ("Tarar", "Gondal", "Cheema", None)
VILLAGES = ("Helan", "Bhatta", "Kuthiala Sheikhan", None)


def people(records: Records, clock: FakeClock) -> None:
    """60 persons over a few clock ticks (so many share updated_at, and the id decides their order)."""
    made: list[str] = []
    for batch in range(6):
        rows: list[State] = []
        for i in range(batch * 10, batch * 10 + 10):
            surname = SURNAMES[i % 4]
            rows.append(
                {
                    "name": NAMES[i % 7] + (f" {surname}" if surname else ""),
                    "role": "agent",
                    "cnic": None if i % 9 == 0 else f"3440{1 + i % 3}-{i:07d}-{i % 10}",
                    "phones": f"0300-{i:07d}" if i % 4 == 0 else None,
                    "village": VILLAGES[i % 4],
                }
            )
        made.extend(records.create_many("persons", rows).created)
        clock.advance(minutes=1 + batch % 2)
    records.update("persons", made[3], {"name": "Bilal Tarar"})  # re-indexed, and now the newest
    records.delete("persons", made[4])  # leaves the index
    records.delete("persons", made[40])
    # Other registers match the same CNIC prefixes and names: a search of persons must not return them.
    for i in range(5):
        child(records, name="Muhammad Ali", guardian_cnic=f"34401-{i:07d}-1", guardian_phone="0300-7654321")
        victim(records, name="Ali Ahmed", cnic=f"34402-{i:07d}-2")


def force(monkeypatch: pytest.MonkeyPatch, plan: str) -> None:
    narrow, common_share = PLANS[plan]
    monkeypatch.setattr(search, "NARROW", narrow)
    monkeypatch.setattr(search, "COMMON_SHARE", common_share)
    monkeypatch.setattr(search, "_broad", weakref.WeakKeyDictionary())  # forget searches another plan found broad


def holds(row: State, query: str) -> bool:
    """Brute force: every query word has a spelling inside the text indexed for this row.

    The trigram index looks up spellings of three letters or more; a word with none of those is matched as a
    substring of the whole text.
    """
    fields = spec_for("persons").search_fields
    body = names.index_text(*(str(row[f]) if row.get(f) is not None else None for f in fields))
    for alternatives in names.query_terms(query):
        usable = [a for a in alternatives if len(a) >= 3] or alternatives
        if not any(a in body for a in usable):
            return False
    return True


def before(ctx: Context, query: str) -> list[str]:
    """The filter as lists ran it before the plans: search rowids compared with every index match."""
    with ctx.store.session() as session:
        condition = search._condition(session, query)
        assert condition is not None
        sql = text(
            "SELECT id FROM persons WHERE deleted_at IS NULL AND ahtc_search_rowid(id) IN "
            f"(SELECT rowid FROM search_index WHERE {condition.where}) ORDER BY updated_at DESC, id DESC"
        )
        return list(session.scalars(sql, condition.params))


def ids(rows: list[State]) -> list[str]:
    return [row["id"] for row in rows]


def paged(records: Records, query: ListQuery, size: int) -> list[str]:
    """Every row of the query, fetched `size` at a time with keyset paging, as the list scrolls."""
    out: list[State] = []
    while True:
        after = (out[-1][query.order_by], out[-1]["id"]) if out else None
        page = records.list("persons", ListQuery(**{**query.__dict__, "limit": size, "after": after}))
        out.extend(page)
        if len(page) < size:
            return ids(out)


@pytest.mark.parametrize("plan", list(PLANS))
def test_every_plan_finds_the_brute_force_rows_in_list_order(
    ctx: Context, records: Records, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, plan: str
) -> None:
    people(records, clock)
    force(monkeypatch, plan)
    everyone = records.list("persons", ListQuery(limit=None))  # newest first, ties by id
    broad_and_narrow: set[int] = set()
    for query in QUERIES:
        expected = [row["id"] for row in everyone if holds(row, query)]
        broad_and_narrow.add(len(expected))
        found = records.list("persons", ListQuery(text=query, limit=None))
        assert ids(found) == expected, query
        assert ids(found) == before(ctx, query), query
        oldest_first = ListQuery(text=query, limit=None, descending=False)
        assert ids(records.list("persons", oldest_first)) == expected[::-1], query
        assert paged(records, ListQuery(text=query), size=7) == expected, query
        by_name = records.list("persons", ListQuery(text=query, limit=None, order_by="name", descending=False))
        assert ids(by_name) == [r["id"] for r in sorted(found, key=lambda r: (r["name"], r["id"]))], query
        assert records.count("persons", ListQuery(text=query)) == len(expected), query
        assert records.count("persons", ListQuery(text=query), at_most=5) == min(5, len(expected)), query
        with_deleted = ListQuery(text=query, limit=None, include_deleted=True)
        assert ids(records.list("persons", with_deleted)) == expected, query  # deleted rows leave the index
    assert 0 in broad_and_narrow and max(broad_and_narrow) >= 50  # the queries span nothing to nearly everyone


def test_a_filter_and_a_search_combine_in_every_plan(
    records: Records, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    people(records, clock)
    everyone = records.list("persons", ListQuery(limit=None))
    for plan in PLANS:
        force(monkeypatch, plan)
        for query in ("3440", "ali", "a"):
            query_args: dict[str, Any] = {"text": query, "filters": {"village": "Helan"}, "limit": None}
            expected = [r["id"] for r in everyone if holds(r, query) and r["village"] == "Helan"]
            assert ids(records.list("persons", ListQuery(**query_args))) == expected, query
