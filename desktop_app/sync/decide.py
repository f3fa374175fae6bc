"""The merge rule: what to do with one incoming change, given the row as this store holds it.

One pure function, the same on every installation, so every store picks the same winner (DESIGN.md §6):
- an unknown row is inserted (a deletion of an unknown row is inserted as its tombstone);
- the same stamp again is a no-op (re-imports are harmless) — unless its content differs: a stamp issued twice
  (a store restored while its PC clock was behind, before stamps were reserved outside the database) is two
  versions, and the one with the higher content hash wins everywhere, the other kept as the loser;
- an incoming change based on exactly the version we hold fast-forwards;
- a version we have already held (and moved past) is stale and ignored: older never overwrites newer;
- anything else is concurrent: the higher HLC wins and the loser goes to the conflicts table, never dropped.
  That makes an edit made after a deletion win over the deletion (logged), like KeePassXC's merger.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Action(StrEnum):
    INSERT = "insert"
    FAST_FORWARD = "fast-forward"
    UNDELETE = "undelete"  # a later edit revives a row deleted here; the tombstone is logged as the loser
    TAKE_INCOMING = "take-incoming"  # concurrent, incoming is newer: local version logged as the loser
    KEEP_LOCAL = "keep-local"  # concurrent, local is newer: incoming version logged as the loser
    IGNORE_DUPLICATE = "ignore-duplicate"  # the very version we hold
    IGNORE_STALE = "ignore-stale"  # a version we already held or already logged as a loser


@dataclass(frozen=True)
class RowState:
    """The row as this store holds it, and which of its versions this store has seen before."""

    hlc: str
    deleted: bool
    # Stamps of earlier versions this store held (change log) or kept as losers (conflicts table).
    seen: frozenset[str] = frozenset()
    # Content hash of the version held (None: not compared), and of versions under its stamp that lost here.
    content: str | None = None
    lost_contents: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Change:
    hlc: str
    base_hlc: str | None
    deleted: bool
    content: str | None = None  # content hash of the incoming version (None: not compared)


@dataclass(frozen=True)
class Decision:
    action: Action
    reason: str = ""

    @property
    def writes(self) -> bool:
        """Whether the incoming version becomes the row."""
        return self.action in (Action.INSERT, Action.FAST_FORWARD, Action.UNDELETE, Action.TAKE_INCOMING)

    @property
    def conflict(self) -> bool:
        """Whether a losing version goes to the conflicts table."""
        return self.action in (Action.UNDELETE, Action.TAKE_INCOMING, Action.KEEP_LOCAL)


SAME_STAMP = "two versions under one time stamp: the same one is kept everywhere"
# Every reason a conflict can give (stored with it in English; the app shows them translated).
MERGE_REASONS = (
    "edited after it was deleted: the edit wins",
    "deleted after a concurrent edit: the deletion wins",
    "concurrent edits: the later one wins",
    "edited before it was deleted: the deletion wins",
    "deleted before a concurrent edit: the edit wins",
    SAME_STAMP,
)


def decide(local: RowState | None, incoming: Change) -> Decision:
    """The action for `incoming` against `local` (None: the row is not here). HLC text order is time order."""
    if local is None:
        return Decision(Action.INSERT)
    if incoming.hlc == local.hlc:
        if incoming.content is None or local.content is None or incoming.content == local.content:
            return Decision(Action.IGNORE_DUPLICATE)
        if incoming.content in local.lost_contents:
            return Decision(Action.IGNORE_STALE)
        if incoming.content > local.content:
            return Decision(Action.TAKE_INCOMING, SAME_STAMP)
        return Decision(Action.KEEP_LOCAL, SAME_STAMP)
    if incoming.hlc in local.seen:
        return Decision(Action.IGNORE_STALE)
    if incoming.base_hlc == local.hlc:
        if local.deleted and not incoming.deleted:
            # Made by someone who saw the deletion: a deliberate restore, not a conflict.
            return Decision(Action.FAST_FORWARD, "restored after deletion")
        return Decision(Action.FAST_FORWARD)
    if incoming.hlc > local.hlc:
        if local.deleted and not incoming.deleted:
            return Decision(Action.UNDELETE, "edited after it was deleted: the edit wins")
        if incoming.deleted and not local.deleted:
            return Decision(Action.TAKE_INCOMING, "deleted after a concurrent edit: the deletion wins")
        return Decision(Action.TAKE_INCOMING, "concurrent edits: the later one wins")
    if local.deleted and not incoming.deleted:
        return Decision(Action.KEEP_LOCAL, "edited before it was deleted: the deletion wins")
    if incoming.deleted and not local.deleted:
        return Decision(Action.KEEP_LOCAL, "deleted before a concurrent edit: the edit wins")
    return Decision(Action.KEEP_LOCAL, "concurrent edits: the later one wins")
