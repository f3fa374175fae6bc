"""The register definitions: each spec agrees with its model, says everything the app needs about its register,
and the registers come in an order where nothing points at a register written after it. These read only the
registry, so a new register is checked by being there."""

from __future__ import annotations

import pytest
from sqlalchemy import String, Text

from desktop_app.models.base import RecordMixin
from desktop_app.services.registry import (
    RegisterDefinitionError,
    RegisterSpec,
    link_targets,
    load_all,
    main_registers,
    spec_for,
)
from desktop_app.services.validation import Field

REGISTERS = list(load_all())


def columns(spec: RegisterSpec) -> dict[str, object]:
    table = spec.model.__table__  # type: ignore[attr-defined]
    return {c.key: c for c in table.columns if c.key not in RecordMixin.SYSTEM_FIELDS}


@pytest.mark.parametrize("name", REGISTERS)
def test_the_spec_and_the_model_agree_on_every_field(name: str) -> None:
    spec = spec_for(name)
    cols = columns(spec)
    assert list(spec.fields) == list(cols)  # every column is a field, in the model's order
    for key, rule in spec.fields.items():
        column = cols[key]
        assert rule.required == (not column.nullable and column.default is None) or (  # type: ignore[attr-defined]
            rule.required and not column.nullable  # type: ignore[attr-defined]
        ), key
        if isinstance(column.type, String) and not isinstance(column.type, Text):  # type: ignore[attr-defined]
            assert rule.max_len == column.type.length, key  # type: ignore[attr-defined]
        if rule.kind == "text":
            assert rule.max_len > 0, key


@pytest.mark.parametrize("name", REGISTERS)
def test_every_register_says_where_it_shows_what_is_public_and_how_to_make_one(name: str) -> None:
    spec = spec_for(name)
    registers = load_all()
    assert spec.part_of is None or spec.part_of in registers
    assert spec.part_of is not None or not spec.internal, "an internal register shows in its parent's form"
    assert spec.internal or spec.example, "tests, the demo and screenshots need an example record"
    for other in spec.linkable_from:
        assert other in registers and registers[other].link_fields(), other
    for facet in (spec.public_fields, spec.filter_fields, spec.search_fields, spec.list_columns):
        assert set(facet) <= set(spec.fields)
    for field_name in spec.filter_fields:
        rule = spec.fields[field_name]
        assert rule.choices is not None or rule.kind == "text", field_name
    for rule in spec.link_fields().values():
        assert rule.register_field in spec.fields and spec.fields[rule.register_field].kind == "register"
        assert link_targets(name), "a link needs registers it may point into"
    if spec.report is not None:
        if spec.report.date_field:
            assert spec.fields[spec.report.date_field].kind == "date"
        if spec.report.parent_field:
            parent = spec.fields[spec.report.parent_field].ref
            assert parent is not None and registers[parent].report is not None
    if spec.followup is not None:
        facts = spec.followup
        assert spec.fields[facts.due_field].kind == "date"
        assert facts.active_field in spec.fields and facts.active_values
        assert (facts.title_field in spec.fields) or facts.title


def test_registers_come_after_everything_they_point_into() -> None:
    order = list(load_all())
    for position, name in enumerate(order):
        spec = spec_for(name)
        targets = {rule.ref for rule in spec.fields.values() if rule.ref} | (
            set(link_targets(name)) if spec.link_fields() else set()
        )
        assert all(order.index(t) < position for t in targets - {name}), name


def test_the_navigation_is_ordered_by_each_registers_place() -> None:
    places = [spec.place for spec in main_registers()]
    assert places == sorted(places)
    assert len(set(places)) == len(places), "two registers claim the same place in the navigation"


def test_a_field_the_model_does_not_have_is_refused_at_start_up() -> None:
    person = spec_for("persons")
    with pytest.raises(RegisterDefinitionError, match="favourite_colour"):
        RegisterSpec(
            name="persons",
            model=person.model,
            label="Persons",
            fields={"favourite_colour": Field()},
            title=lambda s: s["name"],
            place=1,
        )


def test_a_spec_cannot_stretch_a_columns_length_or_store_a_number_in_text() -> None:
    person = spec_for("persons")
    for fields, words in (
        ({"name": Field(max_len=5000)}, "column holds 200"),
        ({"name": Field("count")}, "cannot be stored"),
        ({"address": Field()}, "needs max_len"),
    ):
        with pytest.raises(RegisterDefinitionError, match=words):
            RegisterSpec(name="persons", model=person.model, label="P", fields=fields, title=str, place=1)
