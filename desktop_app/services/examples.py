"""One example record of every register, built from the specs: what tests, the demo and screenshots write when
they need a record of each kind, linked to the others as real work links them."""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.services.records import Records
from desktop_app.services.registry import RegisterSpec, State, link_targets, load_all


def example_values(spec: RegisterSpec, made: Mapping[str, str]) -> State:
    """The register's example, with each ref and link pointed at a record already made (register → id)."""
    values: State = dict(spec.example)
    for name, rule in spec.fields.items():
        if rule.kind == "ref" and rule.ref is not None and name not in values and rule.ref in made:
            values[name] = made[rule.ref]
    for name, rule in spec.link_fields().items():
        assert rule.register_field is not None
        named = values.get(rule.register_field)
        target = named if named in made else next((r for r in link_targets(spec.name) if r in made), None)
        if target is not None and name not in values:
            values[rule.register_field], values[name] = target, made[target]
    return values


def create_examples(records: Records, made: Mapping[str, str] | None = None) -> dict[str, str]:
    """Write the example of every register a form can write (referenced registers first); register → new id.
    Registers already in `made` are not written again; their records are what the others point at."""
    ids = dict(made or {})
    for spec in load_all().values():
        if spec.internal or spec.name in ids:
            continue
        ids[spec.name] = records.create(spec.name, example_values(spec, ids)).first_id
    return ids
