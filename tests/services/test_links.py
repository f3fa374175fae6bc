"""Links into another register (a case's linked records, a person's links, a referral's subject) are checked by
the service like any reference: a made-up record, a deleted one, or a register that may not be linked from here
is refused on create and on update, on every register that links, and nothing is written."""

from __future__ import annotations

import pytest

from desktop_app.errors import ValidationError
from desktop_app.services.records import ListQuery, Records
from desktop_app.services.registry import link_targets, load_all, spec_for
from tests.services.helpers import one_of_each

MADE_UP = "00000000-dead-beef-0000-000000000000"
# Every register with a link field, and that field (read from the registry, so a new linking register is covered).
LINKS = [(name, field) for name, spec in load_all().items() for field in spec.link_fields()]


def test_the_registers_that_link_are_the_ones_officers_use() -> None:
    assert {name for name, _ in LINKS} >= {"case_links", "person_links", "referrals"}


def link_values(ids: dict[str, str], register: str, field: str, target: str, record_id: str) -> dict[str, object]:
    spec = spec_for(register)
    values = {k: v for k, v in spec.example.items()}
    for name, rule in spec.fields.items():
        if rule.kind == "ref" and rule.ref in ids:
            values[name] = ids[rule.ref]
    named = spec.fields[field].register_field
    assert named is not None
    return values | {named: target, field: record_id}


def count(records: Records, register: str) -> int:
    return records.count(register, ListQuery())


@pytest.mark.parametrize(("register", "field"), LINKS)
def test_a_link_to_a_made_up_record_is_refused(records: Records, register: str, field: str) -> None:
    ids = one_of_each(records)
    target = link_targets(register)[0]
    before = count(records, register)
    with pytest.raises(ValidationError) as caught:
        records.create(register, link_values(ids, register, field, target, MADE_UP))
    assert field in caught.value.errors
    assert count(records, register) == before


@pytest.mark.parametrize(("register", "field"), LINKS)
def test_a_link_to_a_deleted_record_is_refused(records: Records, register: str, field: str) -> None:
    ids = one_of_each(records)
    target = next(t for t in link_targets(register) if t != register)
    records.delete(target, ids[target])
    with pytest.raises(ValidationError) as caught:
        records.create(register, link_values(ids, register, field, target, ids[target]))
    assert field in caught.value.errors


@pytest.mark.parametrize(("register", "field"), LINKS)
def test_a_link_into_a_register_it_may_not_point_into_is_refused(records: Records, register: str, field: str) -> None:
    ids = one_of_each(records)
    named = spec_for(register).fields[field].register_field
    forbidden = [name for name in ids if name not in link_targets(register)] + ["case_status_changes", "nonsense"]
    for target in forbidden:
        record_id = ids.get(target, MADE_UP)
        with pytest.raises(ValidationError) as caught:
            records.create(register, link_values(ids, register, field, target, record_id))
        assert named in caught.value.errors, target


@pytest.mark.parametrize(("register", "field"), LINKS)
def test_an_existing_link_cannot_be_moved_to_a_made_up_or_forbidden_record(
    records: Records, register: str, field: str
) -> None:
    ids = one_of_each(records)
    named = spec_for(register).fields[field].register_field
    assert named is not None
    target = link_targets(register)[0]
    link_id = records.create(register, link_values(ids, register, field, target, ids[target])).first_id
    with pytest.raises(ValidationError) as caught:
        records.update(register, link_id, {field: MADE_UP})
    assert field in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        records.update(register, link_id, {named: "case_status_changes"})
    assert named in caught.value.errors
    assert records.get(register, link_id)[field] == ids[target]


@pytest.mark.parametrize(("register", "field"), LINKS)
def test_a_link_to_every_register_it_may_point_into_is_accepted(records: Records, register: str, field: str) -> None:
    ids = one_of_each(records)
    for target in link_targets(register):
        records.create(register, link_values(ids, register, field, target, ids[target]))
