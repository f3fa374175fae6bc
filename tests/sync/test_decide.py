"""The merge rule as a truth table: (row as held here, incoming change) → action (DESIGN.md §6)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.sync.decide import MERGE_REASONS, Action, Change, RowState, decide

H1, H2, H3, H4 = (f"17727{n:08d}.00000.MBD-PHALIA" for n in (1, 2, 3, 4))
assert H1 < H2 < H3 < H4  # fixed width: text order is time order

LIVE, GONE = False, True

TABLE = [
    # local (hlc, deleted, seen)   incoming (hlc, base, deleted)     → action
    (None, (H1, None, LIVE), Action.INSERT),
    (None, (H2, H1, GONE), Action.INSERT),  # a deletion of a row never seen: kept as its tombstone
    ((H2, LIVE, ()), (H2, H1, LIVE), Action.IGNORE_DUPLICATE),  # the same version again: no-op
    ((H2, GONE, ()), (H2, H1, GONE), Action.IGNORE_DUPLICATE),
    ((H1, LIVE, ()), (H2, H1, LIVE), Action.FAST_FORWARD),  # based on what we hold
    ((H1, LIVE, ()), (H2, H1, GONE), Action.FAST_FORWARD),  # a deletion based on what we hold
    ((H2, GONE, ()), (H3, H2, LIVE), Action.FAST_FORWARD),  # restored by someone who saw the deletion
    ((H3, LIVE, (H1, H2)), (H2, H1, LIVE), Action.IGNORE_STALE),  # older, already held: never overwrites
    ((H3, LIVE, (H2,)), (H2, H1, LIVE), Action.IGNORE_STALE),  # already kept as a loser: not logged twice
    ((H2, LIVE, (H1,)), (H3, H1, LIVE), Action.TAKE_INCOMING),  # concurrent, incoming later: local logged
    ((H3, LIVE, (H1,)), (H2, H1, LIVE), Action.KEEP_LOCAL),  # concurrent, local later: incoming logged
    ((H2, GONE, (H1,)), (H3, H1, LIVE), Action.UNDELETE),  # edit after deletion beats it (logged)
    ((H3, GONE, (H1,)), (H2, H1, LIVE), Action.KEEP_LOCAL),  # edit before deletion loses (logged)
    ((H2, LIVE, (H1,)), (H3, H1, GONE), Action.TAKE_INCOMING),  # deletion after an edit wins (logged)
    ((H3, LIVE, (H1,)), (H2, H1, GONE), Action.KEEP_LOCAL),  # deletion before an edit loses (logged)
    ((H2, LIVE, ()), (H3, None, LIVE), Action.TAKE_INCOMING),  # no base at all but the row exists: concurrent
    ((H3, LIVE, ()), (H4, H2, LIVE), Action.TAKE_INCOMING),  # based on a version we never held: concurrent
]


@pytest.mark.parametrize(("local", "incoming", "expected"), TABLE)
def test_truth_table(
    local: tuple[str, bool, tuple[str, ...]] | None, incoming: tuple[str, str | None, bool], expected: Action
) -> None:
    held = None if local is None else RowState(local[0], local[1], frozenset(local[2]))
    decision = decide(held, Change(*incoming))
    assert decision.action is expected


@pytest.mark.parametrize(
    ("action", "writes", "conflict"),
    [
        (Action.INSERT, True, False),
        (Action.FAST_FORWARD, True, False),
        (Action.UNDELETE, True, True),
        (Action.TAKE_INCOMING, True, True),
        (Action.KEEP_LOCAL, False, True),
        (Action.IGNORE_DUPLICATE, False, False),
        (Action.IGNORE_STALE, False, False),
    ],
)
def test_what_each_action_writes_and_logs(action: Action, writes: bool, conflict: bool) -> None:
    from desktop_app.sync.decide import Decision

    assert (Decision(action).writes, Decision(action).conflict) == (writes, conflict)


stamps = st.integers(min_value=1, max_value=9).map(lambda n: f"{1772700000000 + n:013d}.00000.MBD-PHALIA")


@given(stamps, st.booleans(), stamps, st.one_of(st.none(), stamps), st.booleans())
def test_concurrent_versions_pick_the_same_winner_in_either_order(
    local_hlc: str, local_gone: bool, in_hlc: str, base: str | None, in_gone: bool
) -> None:
    """Two stores holding the two versions swap them: both end with the version with the higher stamp."""
    if local_hlc == in_hlc or base in (local_hlc, in_hlc):
        return  # not concurrent
    here = decide(RowState(local_hlc, local_gone), Change(in_hlc, base, in_gone))
    there = decide(RowState(in_hlc, in_gone), Change(local_hlc, base, local_gone))
    winner_here = in_hlc if here.writes else local_hlc
    winner_there = local_hlc if there.writes else in_hlc
    assert winner_here == winner_there == max(local_hlc, in_hlc)
    assert here.conflict and there.conflict  # the loser is always logged, on both sides


def test_older_never_overwrites_newer() -> None:
    for seen in (frozenset(), frozenset({H1})):
        assert not decide(RowState(H3, LIVE, seen), Change(H1, None, LIVE)).writes


def test_every_conflict_reason_is_listed_for_translation() -> None:
    stamps = ["0000000000001.00000.A", "0000000000002.00000.B"]
    reasons = set()
    for local_deleted in (False, True):
        for incoming_deleted in (False, True):
            for local_hlc, incoming_hlc in (stamps, stamps[::-1]):
                decision = decide(RowState(local_hlc, local_deleted), Change(incoming_hlc, None, incoming_deleted))
                if decision.conflict:
                    reasons.add(decision.reason)
    reasons.add(decide(RowState(stamps[0], False, content="a"), Change(stamps[0], None, False, "b")).reason)
    assert reasons == set(MERGE_REASONS)


def test_one_stamp_with_two_contents_is_two_versions_and_every_store_keeps_the_same() -> None:
    stamp = "0000000000001.00000.A"
    low, high = "1" * 64, "f" * 64
    assert (
        decide(RowState(stamp, False, content=low), Change(stamp, None, False, low)).action is Action.IGNORE_DUPLICATE
    )
    taken = decide(RowState(stamp, False, content=low), Change(stamp, None, False, high))
    kept = decide(RowState(stamp, False, content=high), Change(stamp, None, False, low))
    assert taken.action is Action.TAKE_INCOMING and kept.action is Action.KEEP_LOCAL  # "high" wins in either order
    assert taken.conflict and kept.conflict
    again = decide(
        RowState(stamp, False, content=high, lost_contents=frozenset({low})), Change(stamp, None, False, low)
    )
    assert again.action is Action.IGNORE_STALE  # the loser, met again, is not filed twice
    # Without contents to compare (older callers), an equal stamp stays a duplicate.
    assert decide(RowState(stamp, False), Change(stamp, None, False, high)).action is Action.IGNORE_DUPLICATE
