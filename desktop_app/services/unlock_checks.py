"""What every sign-in checks before handing over the register: roles against signed grants, and the audit chain
from the last point found intact.

These checks catch the careless, not the determined: whoever holds the data key can rewrite grants, the chain
and this mark too. What they cannot rewrite is the district's copy of the grants and its receipts
(sync/station_anchor.py, docs/security.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from desktop_app.models.enums import Role
from desktop_app.models.grants import IntegrityMark
from desktop_app.services import audit, grants
from desktop_app.services.context import Context

AUDIT_MARK = "audit"


@dataclass
class UnlockFindings:
    refused: grants.RoleProblem | None = None  # the signing-in user's own role is not granted
    problems: list[str] = field(default_factory=list)  # sentences for the user (no personal data)
    events: list[audit.AuditItem] = field(default_factory=list)  # what goes into the audit


def check_roles(session: Session, ctx: Context) -> UnlockFindings:
    """Compare the users table with the valid grants; a store from before grants gets them signed by its SHO."""
    found = UnlockFindings()
    station = ctx.station.station_code
    if not grants.has_grants(session, station):
        key = ctx.signing_key
        if ctx.actor.role == Role.SHO and key is not None:
            publics = {}
            for username, _role, _active in grants.users_state(session):
                keys = ctx.store.slots.public_keys(username)
                if keys is not None:
                    publics[username] = keys[1]
            count = grants.sign_current_roles(session, ctx, key, publics)
            found.events.append(("grants-signed", "users", None, f"{count} roles signed after the fact"))
        return found
    replay, problems = grants.check_store(session, station)
    for grant, why in replay.bad:
        found.events.append(("grant-invalid", "users", None, f"grant {grant.get('serial')}: {why}"))
        found.problems.append(f"role grant {grant.get('serial')} does not count: {why}")
    for problem in problems:
        found.events.append(("role-mismatch", "users", None, problem.text()))
        if problem.username == ctx.actor.username:
            found.refused = problem
        else:
            found.problems.append(problem.text() + ": that account is refused at its next sign-in")
    return found


def check_chain(session: Session, ctx: Context) -> UnlockFindings:
    """Check the audit entries written since the last intact point, then move the point to the head."""
    found = UnlockFindings()
    mark = session.get(IntegrityMark, AUDIT_MARK)
    report = audit.verify_chain(session, (mark.seq, mark.hash) if mark is not None else None)
    if not report.ok:
        found.problems.append(f"the audit chain is broken: {report.problem}; the SHO should run 'ahtc verify'")
        found.events.append(("audit-chain-broken", None, None, report.problem))
        return found
    seq, digest = audit.head(session)
    if mark is None:
        session.add(IntegrityMark(name=AUDIT_MARK, seq=seq, hash=digest, at=ctx.clock.now()))
    else:
        mark.seq, mark.hash, mark.at = seq, digest, ctx.clock.now()
    return found
