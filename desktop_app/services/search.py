"""Search across persons, children, victims, sites and cases by name (Urdu or Latin), CNIC part, phone or village.

The index lives inside the encrypted store (FTS5 with the trigram tokenizer on SQLCipher, so any fragment of
three or more characters matches; a plain table with ILIKE on PostgreSQL). It is written in the same
transaction as the record, so it can never disagree with the registers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import Integer, String, bindparam, column, false, func, select, text
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


def _matching_sql(
    session: Session, query: str, registers: Sequence[str] | None, *, select_rowid: bool = False
) -> TextClause | None:
    """The SELECT of (register, record_id) whose indexed text holds every query word in some spelling."""
    terms = names.query_terms(query)
    if not terms:
        return None
    long_terms = [t for t in terms if any(len(a) >= _MIN_TRIGRAM for a in t)]
    short_terms = [t for t in terms if t not in long_terms]
    clauses: list[str] = []
    params: dict[str, object] = {}
    sqlite = _is_sqlite(session)
    if long_terms and sqlite:
        clauses.append("search_index MATCH :expr")
        params["expr"] = _fts_expression(long_terms)
    like_terms = short_terms if sqlite else terms
    for i, alternatives in enumerate(like_terms):
        ors = []
        for j, alt in enumerate(alternatives):
            params[f"t{i}_{j}"] = f"%{alt}%"
            ors.append(f"body {'LIKE' if sqlite else 'ILIKE'} :t{i}_{j}")
        clauses.append("(" + " OR ".join(ors) + ")")
    bound: list[BindParameter[Any]] = [bindparam(name, value) for name, value in params.items()]
    if registers:
        clauses.append("register IN :registers")
        bound.append(bindparam("registers", list(registers), expanding=True))
    columns = "rowid" if select_rowid else "register, record_id"
    return text(f"SELECT {columns} FROM search_index WHERE {' AND '.join(clauses)}").bindparams(*bound)


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


def record_filter(session: Session, id_column: Any, query: str, register: str) -> Any:
    """A WHERE condition keeping the rows of `register` that match `query`, evaluated inside the database.

    On SQLCipher the condition compares FTS rowids, which the index answers from its own pages; reading each
    match's record_id instead would decrypt the index's content rows one by one (half a second for a query
    such as "344" that matches every CNIC of the district).
    """
    if _is_sqlite(session):
        sql = _matching_sql(session, query, None, select_rowid=True)
        if sql is None:
            return false()
        rowids = sql.columns(column("rowid", Integer)).subquery()
        return func.ahtc_search_rowid(id_column).in_(select(rowids.c.rowid))
    sql = _matching_sql(session, query, [register])
    if sql is None:
        return false()
    return id_column.in_(
        select(sql.columns(column("register", String), column("record_id", String)).subquery().c.record_id)
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
