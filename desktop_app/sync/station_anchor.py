"""District side: what a station's users, roles and history must agree with, checked at every bundle.

The district holds what a colleague at the station cannot reach: the station's grants replayed from the SHO key
it learned at enrolment, and every receipt it signed over the station's audit head. Each applied bundle is
checked against them, and whatever does not fit is flagged (kept per station, shown in `district status`):

- `grant-unsigned`: a grant not signed by an SHO the district knows (an officer signing his own promotion);
- `grant-changed` / `grant-missing`: a grant the district holds, rewritten or absent in the station's copy (absent
  is also what a restore of an older backup looks like);
- `grants-after-the-fact`: the roles of a store from before grants, signed once by its SHO, not yet confirmed
  (`ahtc district accept-grants CODE`, after checking the SHO's key with him);
- `role-without-grant`: a user whose role or active state at the station no valid grant gives;
- `author-role`: changes whose author (`updated_by`) has no granted role allowing them;
- `chain-rewritten`: the audit chain no longer passes through the entry the district receipted, or its
  entries do not hash; `chain-unproven`: the bundle does not show the chain from that entry.

The bundle is still applied: nothing is lost, and the district now knows what to look into.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.models.grants import RoleGrant, SyncFlag
from desktop_app.models.sync_state import SyncReceipt
from desktop_app.services import audit, grants, permissions
from desktop_app.services.context import Context
from desktop_app.sync.anchor_payload import ANCHOR_TABLE
from desktop_app.sync.apply import IncomingChange
from desktop_app.sync.bundle import OpenedBundle

OP_ACTIONS = {"create": permissions.CREATE, "update": permissions.UPDATE, "delete": permissions.DELETE}


def split_anchor(entries: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """(the register changes, the `station_anchor` entry or None for a bundle from an older version)."""
    anchor = next((e for e in entries if e.get("table") == ANCHOR_TABLE), None)
    return [e for e in entries if e.get("table") != ANCHOR_TABLE], anchor


# --- what the district holds -----------------------------------------------------------------------------------


def held_grants(session: Session, station: str) -> list[RoleGrant]:
    return list(session.scalars(select(RoleGrant).where(RoleGrant.station_code == station).order_by(RoleGrant.serial)))


def _root_public(rows: Sequence[RoleGrant]) -> str | None:
    """The SHO key the district trusts for this station: its first grant's, unless still unconfirmed."""
    if not rows or (rows[0].after_the_fact and rows[0].confirmed_at is None):
        return None
    return rows[0].signer_public


def station_roles(session: Session, station: str) -> grants.Replay:
    rows = held_grants(session, station)
    return grants.replay([grants.grant_json(r) for r in rows], _root_public(rows))


def take_enrolment_grants(session: Session, station: str, offered: object, now: dt.datetime) -> int:
    """At enrolment: the station's grants as its request carries them (signed with the station's key, which the
    fingerprint read out by phone confirms): the first SHO's key becomes the one the district trusts."""
    if not isinstance(offered, list):
        return 0
    valid = grants.replay([g for g in offered if isinstance(g, dict)])
    bad = {id(g) for g, _why in valid.bad}
    for row in held_grants(session, station):
        session.delete(row)  # a new enrolment starts the station's grants again from its new root
    session.flush()
    taken = 0
    for grant in offered:
        if isinstance(grant, dict) and id(grant) not in bad and grant.get("station") == station:
            row = grants.grant_row(grant)
            row.confirmed_at = now
            session.add(row)
            taken += 1
    return taken


def accept_grants(ctx: Context, station: str) -> int:
    """The district confirms the after-the-fact grants of a station (having checked with its SHO)."""
    permissions.require(ctx, permissions.MANAGE_USERS)
    with ctx.store.transaction() as session:
        rows = [r for r in held_grants(session, station) if r.after_the_fact and r.confirmed_at is None]
        for row in rows:
            row.confirmed_at = ctx.clock.now()
        audit.append_many(session, ctx, [("accept-grants", None, None, f"{station}: {len(rows)} grants")])
    return len(rows)


# --- the checks ------------------------------------------------------------------------------------------------


def check_bundle(
    session: Session,
    ctx: Context,
    opened: OpenedBundle,
    anchor: dict[str, Any] | None,
    changes: Sequence[IncomingChange],
) -> list[str]:
    """Check an applied station bundle against what the district holds; flag and return what does not fit."""
    manifest = opened.manifest
    station = manifest["sender"]
    found: list[tuple[str, str]] = []
    if anchor is not None:
        found += _take_grants(session, station, anchor.get("grants"))
    roles = station_roles(session, station)
    if anchor is not None and roles.state:
        users = [tuple(u) for u in anchor.get("users", []) if isinstance(u, list) and len(u) == 3]
        found += [
            ("role-without-grant", p.text())
            for p in grants.role_problems([(str(n), str(r), bool(a)) for n, r, a in users], roles)
        ]
    if roles.state:
        found += _author_flags(changes, roles)
    found += _chain_flags(session, ctx, station, manifest, anchor)
    return [_flag(session, ctx, opened, check, detail) for check, detail in found]


def _take_grants(session: Session, station: str, offered: object) -> list[tuple[str, str]]:
    if not isinstance(offered, list):
        return []
    offered = [g for g in offered if isinstance(g, dict) and g.get("station") == station]
    rows = held_grants(session, station)
    held = {r.serial: r for r in rows}
    sent = {int(g.get("serial", 0)): g for g in offered}
    flags: list[tuple[str, str]] = []
    for serial, row in held.items():
        grant = sent.get(serial)
        if grant is None:
            # After a restore of an older backup this is expected (the grants made since are not in it).
            flags.append(
                (
                    "grant-missing",
                    f"grant {serial} ({row.username} as {row.role}) held here is not at the station (deleted, or "
                    "the station restored an older backup)",
                )
            )
        elif _content(grant) != _content(grants.grant_json(row)):
            flags.append(("grant-changed", f"grant {serial} ({row.username} as {row.role}) was changed at the station"))
    new = [g for serial, g in sorted(sent.items()) if serial not in held]
    if not new:
        return flags
    replayed = grants.replay([*(grants.grant_json(r) for r in rows), *new], _root_public(rows))
    bad = {id(g): why for g, why in replayed.bad}
    for grant in new:
        why = bad.get(id(grant))
        if why is not None:
            flags.append(
                (
                    "grant-unsigned",
                    f"grant {grant.get('serial')} ({grant.get('user')} as {grant.get('role')}) does not count: {why}",
                )
            )
            continue
        session.add(grants.grant_row(grant))
    session.flush()
    if not rows and new and new[0].get("after_the_fact"):
        flags.append(
            (
                "grants-after-the-fact",
                f"roles signed after the fact by {new[0].get('signer')}: confirm with the SHO, then "
                f"'ahtc district accept-grants {station}'",
            )
        )
    return flags


def _content(grant: dict[str, Any]) -> dict[str, Any]:
    return {name: grant.get(name) for name in (*grants.GRANT_FIELDS, "signature")}


def _author_flags(changes: Sequence[IncomingChange], roles: grants.Replay) -> list[tuple[str, str]]:
    wrong: Counter[tuple[str, str, str]] = Counter()
    for change in changes:
        action = OP_ACTIONS.get(change.op)
        author = str(change.state.get("updated_by") or "")
        if action is None:
            continue
        granted = roles.state.get(author)
        role = granted.role if granted is not None and granted.active else "none"
        if action not in permissions.ROLE_ACTIONS.get(role, frozenset()):
            wrong[(author[:64], change.op, role)] += 1
    return [
        ("author-role", f"{n} change(s) ({op}) by {author}, whose granted role '{role}' does not allow them")
        for (author, op, role), n in sorted(wrong.items())
    ]


def _chain_flags(
    session: Session, ctx: Context, station: str, manifest: dict[str, Any], anchor: dict[str, Any] | None
) -> list[tuple[str, str]]:
    receipt = session.scalar(
        select(SyncReceipt)
        .where(
            SyncReceipt.district_code == ctx.station.station_code,
            SyncReceipt.station_code == station,
            SyncReceipt.store_id == manifest["store_id"],
        )
        .order_by(SyncReceipt.audit_seq.desc(), SyncReceipt.id.desc())
        .limit(1)
    )
    tail = anchor.get("audit") if anchor is not None else None
    if receipt is None or receipt.audit_seq == 0:
        return [] if tail is None else _tail_flags(tail, manifest)
    when = receipt.signed_at[:16]
    if not isinstance(tail, list) or not tail:
        return [("chain-unproven", f"the bundle does not show its audit chain from entry {receipt.audit_seq}")]
    problems = _tail_flags(tail, manifest)
    if problems:
        return problems
    by_seq = {int(e[0]): e for e in tail}
    first = int(tail[0][0])
    at_receipt = by_seq.get(receipt.audit_seq)
    if at_receipt is not None:
        if at_receipt[8] != receipt.audit_hash:
            return [
                (
                    "chain-rewritten",
                    f"the audit chain no longer passes through entry {receipt.audit_seq} receipted on {when}: "
                    "history up to it was rewritten",
                )
            ]
        return []
    if first > receipt.audit_seq:
        return [("chain-unproven", f"the bundle shows the audit chain from entry {first}, not {receipt.audit_seq}")]
    return [
        (
            "chain-rewritten",
            f"the audit chain ends at entry {int(tail[-1][0])}, before entry {receipt.audit_seq} receipted on {when}",
        )
    ]


def _tail_flags(tail: object, manifest: dict[str, Any]) -> list[tuple[str, str]]:
    """The tail's entries must follow one another and hash as written, up to the head the manifest claims."""
    if not isinstance(tail, list):
        return [("chain-rewritten", "the bundle's audit entries cannot be read")]
    prev: str | None = None
    last_seq: int | None = None
    for entry in tail:
        try:
            seq, at, user, action, register, record_id, detail, prev_hash, digest = entry
            recomputed = audit.entry_hash(
                int(seq), dt.datetime.fromisoformat(at), user, action, register, record_id, detail, prev_hash
            )
        except (TypeError, ValueError):
            return [("chain-rewritten", "the bundle's audit entries cannot be read")]
        if (
            recomputed != digest
            or (prev is not None and prev_hash != prev)
            or (last_seq is not None and int(seq) != last_seq + 1)
        ):
            return [("chain-rewritten", f"audit entry {seq} does not hash or does not follow the one before it")]
        prev, last_seq = digest, int(seq)
    head = manifest.get("extra", {}).get("audit_head")
    if tail and isinstance(head, dict) and (head.get("seq") != last_seq or head.get("hash") != prev):
        return [("chain-rewritten", "the audit head the bundle claims is not the end of the entries it carries")]
    return []


def _flag(session: Session, ctx: Context, opened: OpenedBundle, check: str, detail: str) -> str:
    """Keep a flag once per station and sentence (the same finding in every later bundle is not news)."""
    station = opened.manifest["sender"]
    known = session.scalar(
        select(SyncFlag.id).where(SyncFlag.sender == station, SyncFlag.check == check, SyncFlag.detail == detail)
    )
    if known is None:
        session.add(
            SyncFlag(
                sender=station,
                check=check,
                bundle_no=opened.manifest["bundle_no"],
                sha256=opened.sha256,
                detail=detail,
                at=ctx.clock.now(),
            )
        )
        audit.append_many(session, ctx, [("sync-flag", None, None, f"{station}: {check}")])
    return f"flagged ({check}): {detail}"


def flags_by_station(session: Session) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {}
    for sender, check in session.execute(select(SyncFlag.sender, SyncFlag.check)):
        counts.setdefault(sender, Counter())[check] += 1
    return counts


def latest_flag(session: Session, station: str) -> SyncFlag | None:
    return session.scalar(select(SyncFlag).where(SyncFlag.sender == station).order_by(SyncFlag.id.desc()).limit(1))


def receipt_grants(session: Session, station: str) -> tuple[int, str]:
    """(highest serial, hash) of the station's grants the district holds, for the receipt it signs."""
    rows = held_grants(session, station)
    return (rows[-1].serial if rows else 0), grants.grants_hash(grants.grant_json(r) for r in rows)
