"""Search across persons, children, victims, sites and cases by name (Urdu or Latin), CNIC part, phone or village.

The index lives inside the encrypted store (FTS5 with the trigram tokenizer on SQLCipher, so any fragment of
three or more characters matches; a plain table with ILIKE on PostgreSQL). It is written in the same
transaction as the record, so it can never disagree with the registers.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import Integer, String, and_, bindparam, column, exists, false, func, literal, select, table, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter, TextClause

from desktop_app.services import names
from desktop_app.services.registry import RegisterSpec, State
from desktop_app.store.engine import search_rowid

_MIN_TRIGRAM = 3


def _rowid(record_id: str) -> int:
    # Deleting or filtering by rowid is instant; by an unindexed column it reads every row of the index.
    rowid = search_rowid(record_id)
    assert rowid is not None
    return rowid


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def index_rows(session: Session, spec: RegisterSpec, rows: Sequence[State], *, replace: bool) -> None:
    if not spec.search_fields:
        return
    if replace:
        unindex(session, [row["id"] for row in rows])
    live = [row for row in rows if row.get("deleted_at") is None]
    if not live:
        return
    params = [
        {
            "rowid": _rowid(row["id"]),
            "record_id": row["id"],
            "register": spec.name,
            "body": names.index_text(*(str(row[f]) if row.get(f) is not None else None for f in spec.search_fields)),
        }
        for row in live
    ]
    if _is_sqlite(session):
        # FTS5 flushes its pending index to disk whenever a rowid is lower than the one before it: ascending
        # rowids let a batch of thousands of rows go in as one flush instead of one per row.
        params.sort(key=lambda p: p["rowid"])
        session.execute(
            text(
                "INSERT INTO search_index(rowid, record_id, register, body) "
                "VALUES (:rowid, :record_id, :register, :body)"
            ),
            params,
        )
    else:
        session.execute(
            text("INSERT INTO search_index(record_id, register, body) VALUES (:record_id, :register, :body)"), params
        )


def unindex(session: Session, record_ids: Iterable[str]) -> None:
    ids = list(record_ids)
    if not ids:
        return
    if _is_sqlite(session):
        session.execute(text("DELETE FROM search_index WHERE rowid = :rowid"), [{"rowid": _rowid(i)} for i in ids])
    else:
        session.execute(
            text("DELETE FROM search_index WHERE record_id IN :ids").bindparams(bindparam("ids", expanding=True)),
            {"ids": ids},
        )


def _fts_expression(terms: list[list[str]]) -> str:
    def quoted(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    groups = []
    for alternatives in terms:
        usable = [a for a in alternatives if len(a) >= _MIN_TRIGRAM]
        groups.append("(" + " OR ".join(quoted(a) for a in usable) + ")")
    return " AND ".join(groups)


@dataclass(frozen=True)
class _Condition:
    """Which search_index rows hold every word of a query, as SQL on that table with its parameters."""

    fts: str | None  # the MATCH expression of the words of three letters or more, answered by the trigram index
    likes: str | None  # LIKEs on the body for shorter words (every word on PostgreSQL): they read the stored text
    params: dict[str, object]

    @property
    def where(self) -> str:
        return " AND ".join(c for c in ("search_index MATCH :expr" if self.fts else None, self.likes) if c)

    def bound(self, *, likes_only: bool = False) -> list[BindParameter[Any]]:
        return [bindparam(n, v) for n, v in self.params.items() if not (likes_only and n == "expr")]


def _condition(session: Session, query: str) -> _Condition | None:
    terms = names.query_terms(query)
    if not terms:
        return None
    long_terms = [t for t in terms if any(len(a) >= _MIN_TRIGRAM for a in t)]
    short_terms = [t for t in terms if t not in long_terms]
    params: dict[str, object] = {}
    sqlite = _is_sqlite(session)
    fts = None
    if long_terms and sqlite:
        fts = _fts_expression(long_terms)
        params["expr"] = fts
    like_terms = short_terms if sqlite else terms
    clauses = []
    for i, alternatives in enumerate(like_terms):
        ors = []
        for j, alt in enumerate(alternatives):
            params[f"t{i}_{j}"] = f"%{alt}%"
            ors.append(f"body {'LIKE' if sqlite else 'ILIKE'} :t{i}_{j}")
        clauses.append("(" + " OR ".join(ors) + ")")
    return _Condition(fts, " AND ".join(clauses) or None, params)


def _select(condition: _Condition, columns: str, registers: Sequence[str] | None) -> TextClause:
    where = condition.where
    bound = condition.bound()
    if registers:
        where += " AND register IN :registers"
        bound.append(bindparam("registers", list(registers), expanding=True))
    return text(f"SELECT {columns} FROM search_index WHERE {where}").bindparams(*bound)


def _matching_sql(session: Session, query: str, registers: Sequence[str] | None) -> TextClause | None:
    """The SELECT of (register, record_id) whose indexed text holds every query word in some spelling."""
    condition = _condition(session, query)
    return None if condition is None else _select(condition, "register, record_id", registers)


def matching(
    session: Session, query: str, registers: Sequence[str] | None = None, limit: int = 500
) -> list[tuple[str, str]]:
    """(register, record_id) pairs whose indexed text contains every word of the query in some spelling."""
    sql = _matching_sql(session, query, registers)
    if sql is None:
        return []
    return [(r, i) for r, i in session.execute(sql).fetchmany(limit)]


def matching_ids(session: Session, query: str, registers: Sequence[str] | None = None) -> list[str]:
    return [record_id for _, record_id in matching(session, query, registers, limit=100_000)]


# A search whose trigram matches (in all registers) number at most this many is narrow: looking each one up by
# rowid, then the register's row by primary key, costs less than the pass over the register a broad search needs.
NARROW = 1000
# Short words only (no trigram to look up): the search is common when at least 1 in COMMON_SHARE of a sample of
# _SAMPLE of the register's index rows holds it.
COMMON_SHARE = 4
_SAMPLE = 256
_INDEX = table("search_index", column("rowid", Integer), column("body", String))


# MATCH expressions found broad, per store: a list asks for its page, then its count, then more pages of the same
# search, and need not list NARROW + 1 matches each time to learn it again. A broad verdict that has gone stale
# (after mass deletions) only keeps the broad plan, which finds the same rows.
_broad: weakref.WeakKeyDictionary[Engine | Connection, set[str]] = weakref.WeakKeyDictionary()


def _few_rowids(session: Session, fts: str) -> list[int] | None:
    """The rowids the MATCH expression finds, if there are at most NARROW of them (read from the index alone)."""
    broad = _broad.setdefault(session.get_bind(), set())
    if fts in broad:
        return None
    sql = text("SELECT rowid FROM search_index WHERE search_index MATCH :expr LIMIT :n")
    rowids = [int(r) for r in session.scalars(sql, {"expr": fts, "n": NARROW + 1})]
    if len(rowids) <= NARROW:
        return rowids
    if len(broad) >= 1000:
        broad.clear()
    broad.add(fts)
    return None


def _common(session: Session, likes: str, condition: _Condition, register: str) -> bool:
    """Whether at least 1 in COMMON_SHARE of a sample of the register's index rows meets the LIKEs."""
    sql = text(
        f"SELECT count(*), coalesce(sum(CASE WHEN {likes} THEN 1 ELSE 0 END), 0) "
        "FROM (SELECT body FROM search_index WHERE register = :sample_register LIMIT :sample_size)"
    ).bindparams(
        *condition.bound(likes_only=True), bindparam("sample_register", register), bindparam("sample_size", _SAMPLE)
    )
    sampled, held = session.execute(sql).one()
    return int(sampled) > 0 and int(held) * COMMON_SHARE >= int(sampled)


def _ids_in(id_column: Any, sql: TextClause) -> Any:
    return id_column.in_(select(sql.columns(column("record_id", String)).subquery().c.record_id))


def record_filter(session: Session, id_column: Any, query: str, register: str) -> Any:
    """A WHERE condition keeping the rows of `register` that match `query`, evaluated inside the database.

    On SQLCipher the condition takes the form that is cheapest for how many rows match. A list asks for its
    first page of 200 in its own order, and a count; every form keeps exactly the rows whose index row matches,
    since an index row's rowid is ahtc_search_rowid(its record_id) and is unique.

    - Narrow (at most NARROW trigram matches, which the index lists first: a full CNIC, a name and a village):
      `id IN (record_id of those rowids)`, each looked up by rowid (it decrypts one content row), then found by
      the register's primary key. (Comparing rowids instead walked every one of 17,000 persons to fill a page
      of 100 hits, and again to count them.)
    - Broad ("3440", a CNIC prefix every person shares): compare rowids with the set of matching rowids, which
      the index answers from its own pages; the list walks the register in its (updated_at, id) order and stops
      after a page of hits. Reading every match's record_id instead would decrypt tens of thousands of content
      rows (half a second for "344").
    - Words shorter than a trigram ("a", "Muhammad A") need each candidate's stored text. When they are common,
      each row the walk reaches reads its own index row by rowid, so a page reads a few hundred texts rather
      than every text in the index; when rare, one pass over the index text finds the few.
    """
    condition = _condition(session, query)
    if condition is None:
        return false()
    if not _is_sqlite(session):
        return _ids_in(id_column, _select(condition, "record_id", [register]))
    own_rowid = func.ahtc_search_rowid(id_column)
    if condition.fts is not None:
        few = _few_rowids(session, condition.fts)
        if few is not None:
            if not few:
                return false()
            where = " AND ".join(c for c in ("rowid IN :rowids AND register = :register", condition.likes) if c)
            ids = text(f"SELECT record_id FROM search_index WHERE {where}").bindparams(
                bindparam("rowids", few, expanding=True),
                bindparam("register", register),
                *condition.bound(likes_only=True),
            )
            return _ids_in(id_column, ids)
        rowids = _select(_Condition(condition.fts, None, {"expr": condition.fts}), "rowid", None)
        matched = own_rowid.in_(select(rowids.columns(column("rowid", Integer)).subquery().c.rowid))
        if condition.likes is None:
            return matched
        return and_(matched, _own_row_holds(own_rowid, condition.likes, condition))
    assert condition.likes is not None
    if _common(session, condition.likes, condition, register):
        return _own_row_holds(own_rowid, condition.likes, condition)
    # One pass over the index text, which reads each row's record_id and register with it: the few found.
    return _ids_in(id_column, _select(condition, "record_id", [register]))


def _own_row_holds(own_rowid: Any, likes: str, condition: _Condition) -> Any:
    """The row's own index row (looked up by rowid) meets the LIKEs."""
    return exists(
        select(literal(1))
        .select_from(_INDEX)
        .where(_INDEX.c.rowid == own_rowid, text(likes).bindparams(*condition.bound(likes_only=True)))
    )


@dataclass(frozen=True)
class SearchHit:
    register: str
    record_id: str
    title: str
    score: float


def rank(query: str, hits: Iterable[tuple[str, str, str]]) -> list[SearchHit]:
    """Order (register, id, title) hits by how closely the title matches the query's folded spelling."""
    folded_query = names.fold(query)
    scored = [
        SearchHit(register, record_id, title, fuzz.WRatio(folded_query, names.fold(title)))
        for register, record_id, title in hits
    ]
    return sorted(scored, key=lambda h: (-h.score, h.title))
