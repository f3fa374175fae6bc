"""Everything the app knows about each register, kept in the register: one `RegisterSpec` per register module.

A register is its SQLAlchemy model (models/), its spec (services/registers/), its migration and its words in
the translation catalogue. The model's columns say each field's type, length and whether it is required; the
spec adds what a column cannot say (a CNIC, a closed list, a link, bounds), where the register appears, what is
personal, what reports, follow-ups and exports need, and one example record. Views, reports, exports, sync and
tests read all of it from here; nothing elsewhere lists the registers.

Register modules are found by walking the `desktop_app.services.registers` package, and the registers are put in
an order where every register comes after those it references or links to, so a caller writing one of each in
that order never points at a record not yet written.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, BigInteger, Boolean, Column, Date, Float, Integer, String

from desktop_app.models.base import RecordMixin
from desktop_app.services.validation import Field

if TYPE_CHECKING:
    from desktop_app.services.records import WriteTx

State = dict[str, Any]

REGISTER_PACKAGE = "desktop_app.services.registers"


class RegisterDefinitionError(Exception):
    """A register's spec does not fit its model or the other registers (a programming error, found at start-up)."""


@dataclass(frozen=True)
class ReportFacts:
    """What the report frames need to load a register for a period."""

    # The date saying when a row happened: rows dated after the period end are not loaded. None: every row.
    date_field: str | None = None
    # The ref field to the record a row belongs to (a visit's child): the row counts for the parent's station.
    parent_field: str | None = None


@dataclass(frozen=True)
class FollowUpFacts:
    """A register whose records fall due for a visit: the date, which records are still followed, their title."""

    due_field: str = "next_followup_due"
    active_field: str = "status"
    active_values: tuple[str, ...] = ()
    title_field: str | None = None  # the record's own words (a child's name) ...
    title: str | None = None  # ... or one English phrase for every record (translated where shown)


@dataclass(frozen=True)
class RegisterSpec:
    name: str
    model: type[RecordMixin]
    label: str
    # Only what the model's columns cannot say; after construction, every field of the model, in column order.
    fields: Mapping[str, Field]
    title: Callable[[State], str]
    # Where officers find it: its position in the navigation, or (with part_of) among its parent form's tabs.
    place: int
    # The register whose form shows these rows; a register with a parent has no screen of its own.
    part_of: str | None = None
    checks: Callable[[State], dict[str, str]] | None = None
    # Opening one of these records leaves an audit entry; exports leaving the station pseudonymise them.
    sensitive: bool = False
    # Kept by the district for every station (watch list, site registry).
    reference: bool = False
    search_fields: tuple[str, ...] = ()
    # Short codes the search box also matches, whole or in part, on the column itself (a case number): a row
    # numbered by a migration is found without rewriting the search index the upgrade must keep as it was.
    code_fields: tuple[str, ...] = ()
    # Fields an analyst may read in a pseudonymised export and reports may load; every other field is personal.
    public_fields: tuple[str, ...] = ()
    # Fields the list screen filters by: a closed list gets a drop-down, text a box.
    filter_fields: tuple[str, ...] = ()
    # Registers whose link fields may point at this register's records (a case's linked records, a referral).
    linkable_from: tuple[str, ...] = ()
    # What an exported record's name becomes: PREFIX-<keyed hash of its id>. Default: the register's name.
    pseudonym_prefix: str | None = None
    report: ReportFacts | None = None
    followup: FollowUpFacts | None = None
    # One valid record, without its ref and link fields (the builder fills those): tests, demo and screenshots.
    example: Mapping[str, Any] = field(default_factory=dict)
    # Rows only a service action writes (a case's status history), never a form.
    internal: bool = False
    # Fields computed by the service (next due dates), never taken from a form.
    derived_fields: frozenset[str] = frozenset()
    # Fields only a dedicated service call may change (a case's status goes through its workflow).
    workflow_fields: frozenset[str] = frozenset()
    # Called inside the write transaction after a row is created or updated (follow-up scheduling).
    on_saved: Callable[[WriteTx, State, State | None], None] | None = None
    # Fills derived fields from the validated ones, on create and on update (a first due date, say).
    derive: Callable[[State], State] | None = None
    # Called before validation on create, to fill defaults that depend on other fields.
    defaults: Callable[[State, dt.date], State] | None = None
    # Fills, inside the creating transaction, fields the store gives out (a case's number); list them in
    # derived_fields too, so no form or update can set them.
    assign: Callable[[WriteTx, Sequence[State]], list[State]] | None = None
    # Fields a tombstone keeps although nullable: not personal, and needed after deletion (a case's number is
    # never given again, so its deleted case keeps it).
    kept_on_delete: frozenset[str] = frozenset()
    list_columns: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.name != self.table:
            # Bundles and the change log name rows by table; the register is known by the same word everywhere.
            raise RegisterDefinitionError(f"register {self.name!r} must be named as its table {self.table!r}")
        object.__setattr__(self, "fields", resolve_fields(self.name, self.model, self.fields))
        for facet, names in (
            ("public_fields", self.public_fields),
            ("filter_fields", self.filter_fields),
            ("search_fields", self.search_fields),
            ("code_fields", self.code_fields),
            ("list_columns", self.list_columns),
        ):
            unknown = [n for n in names if n not in self.fields]
            if unknown:
                raise RegisterDefinitionError(f"{self.name}.{facet} names no field: {', '.join(unknown)}")

    @property
    def table(self) -> str:
        return self.model.__tablename__  # type: ignore[attr-defined, no-any-return]

    @property
    def personal_fields(self) -> tuple[str, ...]:
        """Every field not declared public: names, numbers and typed prose, withheld or hashed in exports."""
        return tuple(name for name in self.fields if name not in self.public_fields)

    @property
    def prefix(self) -> str:
        return self.pseudonym_prefix or self.name.upper()

    def editable_fields(self) -> dict[str, Field]:
        return {k: v for k, v in self.fields.items() if k not in self.derived_fields}

    def link_fields(self) -> dict[str, Field]:
        return {name: rule for name, rule in self.fields.items() if rule.kind == "link"}


# -- field facts from the model ---------------------------------------------------------------------------------

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1

# The first type a column is an instance of gives its kind.
_COLUMN_KINDS: tuple[tuple[type, str], ...] = (
    (JSON, "json"),
    (Boolean, "bool"),
    (Date, "date"),
    (Float, "float"),
    (Integer, "int"),
    (String, "text"),
)
# Kinds a spec may declare on a column of each type (count and money are whole numbers; a CNIC is text).
_KINDS_ON = {
    "json": {"json"},
    "bool": {"bool"},
    "date": {"date"},
    "float": {"float"},
    "int": {"int", "count", "money"},
    "text": {"text", "enum", "cnic", "phones", "ref", "link", "register"},
}


def column_kind(column: Column[Any]) -> str:
    for sa_type, kind in _COLUMN_KINDS:
        if isinstance(column.type, sa_type):
            return kind
    raise RegisterDefinitionError(f"{column.table.name}.{column.key}: no field kind for {column.type!r}")


def resolve_fields(name: str, model: type[RecordMixin], declared: Mapping[str, Field]) -> dict[str, Field]:
    """Every non-system column of the model as a complete Field: the column's facts, then the spec's additions."""
    columns = {
        c.key: c
        for c in model.__table__.columns  # type: ignore[attr-defined]
        if c.key not in RecordMixin.SYSTEM_FIELDS
    }
    unknown = sorted(set(declared) - set(columns))
    if unknown:
        raise RegisterDefinitionError(f"{name}: fields without a column in the model: {', '.join(unknown)}")
    siblings = {rule.register_field for rule in declared.values() if rule.register_field}
    out: dict[str, Field] = {}
    for key, column in columns.items():
        out[key] = _resolve(name, key, column, declared.get(key, Field()), key in siblings)
    return out


def _resolve(register: str, key: str, column: Column[Any], rule: Field, is_register_field: bool) -> Field:
    base = column_kind(column)
    kind = rule.kind or (
        "enum"
        if rule.choices
        else "ref"
        if rule.ref
        else "link"
        if rule.register_field
        else "register"
        if is_register_field
        else base
    )
    if kind not in _KINDS_ON[base]:
        raise RegisterDefinitionError(f"{register}.{key}: a {kind} field cannot be stored in a {base} column")
    required = rule.required if rule.required is not None else (not column.nullable and column.default is None)
    if required and column.nullable:
        raise RegisterDefinitionError(f"{register}.{key}: required, but its column accepts no value")
    length = getattr(column.type, "length", None)
    if rule.max_len and length and rule.max_len != length:
        raise RegisterDefinitionError(f"{register}.{key}: max_len {rule.max_len} but the column holds {length}")
    max_len = rule.max_len or length or 0
    if kind == "text" and not max_len:
        raise RegisterDefinitionError(f"{register}.{key}: a Text column needs max_len in its Field")
    maximum, minimum = rule.maximum, rule.minimum
    if base == "int":
        # What the column holds everywhere, PostgreSQL at a district included (INTEGER is 32-bit there): a
        # larger number is refused at the form, not by the database after the officer pressed Save.
        top = INT64_MAX if isinstance(column.type, BigInteger) else INT32_MAX
        maximum = top if maximum is None else min(maximum, top)
        minimum = -top - 1 if minimum is None else max(minimum, -top - 1)
    return replace(
        rule,
        kind=kind,
        required=required,
        max_len=max_len,
        nullable=bool(column.nullable),
        maximum=maximum,
        minimum=minimum,
    )


# -- the registry -----------------------------------------------------------------------------------------------

REGISTERS: dict[str, RegisterSpec] = {}
_ordered = False


def register(spec: RegisterSpec) -> RegisterSpec:
    global _ordered
    REGISTERS[spec.name] = spec
    _ordered = False
    return spec


def spec_for(name: str) -> RegisterSpec:
    load_all()
    try:
        return REGISTERS[name]
    except KeyError:
        raise KeyError(f"unknown register {name!r}") from None


def load_all() -> dict[str, RegisterSpec]:
    """Every register, referenced first. Imports each module of the registers package the first time; each
    module registers its specs when it is imported."""
    global _ordered
    if not _ordered:
        package = importlib.import_module(REGISTER_PACKAGE)
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{REGISTER_PACKAGE}.{module.name}")
        ordered = referenced_first(REGISTERS)
        REGISTERS.clear()
        REGISTERS.update(ordered)
        _ordered = True
    return REGISTERS


def register_models() -> dict[str, type[RecordMixin]]:
    """Register name → model, referenced first (export, demo and sync apply rows in this order)."""
    return {name: spec.model for name, spec in load_all().items()}


def referenced_first(specs: Mapping[str, RegisterSpec]) -> dict[str, RegisterSpec]:
    """The registers ordered so each comes after every register its ref and link fields point into.

    Among registers free to go next, the one shown first in the navigation goes first (a part with its parent),
    so the order is the same on every machine whatever was imported first.
    """
    needs = {name: _points_into(spec, specs) - {name} for name, spec in specs.items()}
    unknown = {f"{name} → {other}" for name, others in needs.items() for other in others if other not in specs}
    if unknown:
        raise RegisterDefinitionError(f"references to registers that do not exist: {', '.join(sorted(unknown))}")
    done: dict[str, RegisterSpec] = {}
    while len(done) < len(specs):
        ready = [name for name in specs if name not in done and needs[name] <= set(done)]
        if not ready:
            circle = sorted(name for name in specs if name not in done)
            raise RegisterDefinitionError(f"registers reference each other in a circle: {', '.join(circle)}")
        first = min(ready, key=lambda name: _screen_key(specs, name))
        done[first] = specs[first]
    return done


def _points_into(spec: RegisterSpec, specs: Mapping[str, RegisterSpec]) -> set[str]:
    found = {rule.ref for rule in spec.fields.values() if rule.ref}
    if spec.link_fields():
        found |= {name for name, other in specs.items() if spec.name in other.linkable_from}
    return found


def _screen_key(specs: Mapping[str, RegisterSpec], name: str) -> tuple[int, int, int, str]:
    spec = specs[name]
    parent = specs.get(spec.part_of) if spec.part_of else None
    return (parent.place if parent else spec.place, 1 if parent else 0, spec.place, name)


# -- questions views, reports and sync ask ---------------------------------------------------------------------


def main_registers() -> list[RegisterSpec]:
    """The registers officers open from the navigation, in its order."""
    return sorted((s for s in load_all().values() if s.part_of is None), key=lambda s: (s.place, s.name))


def in_screen_order() -> list[RegisterSpec]:
    """Every register as officers meet them: the navigation's order, each part right after its parent."""
    specs = load_all()
    return sorted(specs.values(), key=lambda s: _screen_key(specs, s.name))


def reference_registers() -> tuple[str, ...]:
    """Registers the district keeps for every station and hands back to each (watch list, site registry)."""
    return tuple(name for name, spec in load_all().items() if spec.reference)


def link_targets(register: str) -> tuple[str, ...]:
    """The registers a link field of `register` may point into, in navigation order."""
    specs = load_all()
    return tuple(
        s.name for s in sorted(specs.values(), key=lambda s: _screen_key(specs, s.name)) if register in s.linkable_from
    )


def points_into(spec: RegisterSpec, field_name: str, values: Mapping[str, Any]) -> str | None:
    """The register a ref or link field points into, for a record with these values (a link names it)."""
    rule = spec.fields[field_name]
    if rule.ref:
        return rule.ref
    if rule.register_field:
        named = values.get(rule.register_field)
        return named if isinstance(named, str) and named else None
    return None
