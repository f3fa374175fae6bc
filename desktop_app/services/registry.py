"""What the services know about each register: its model, field rules, checks and follow-up hooks.

Each register module (sites.py, children.py, ...) declares a `RegisterSpec`; the generic record service
(records.py) does the rest the same way for all of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop_app.models.base import RecordMixin
from desktop_app.services.validation import Field

if TYPE_CHECKING:
    from desktop_app.services.records import WriteTx

State = dict[str, Any]


@dataclass(frozen=True)
class RegisterSpec:
    name: str
    model: type[RecordMixin]
    label: str
    fields: Mapping[str, Field]
    title: Callable[[State], str]
    checks: Callable[[State], dict[str, str]] | None = None
    # Opening one of these records leaves an audit entry; exports leaving the station pseudonymise them.
    sensitive: bool = False
    # Kept by the district for every station (watch list, site registry).
    reference: bool = False
    search_fields: tuple[str, ...] = ()
    personal_fields: tuple[str, ...] = ()
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
    list_columns: tuple[str, ...] = field(default=())

    @property
    def table(self) -> str:
        return self.model.__tablename__  # type: ignore[attr-defined, no-any-return]

    def editable_fields(self) -> dict[str, Field]:
        return {k: v for k, v in self.fields.items() if k not in self.derived_fields}


REGISTERS: dict[str, RegisterSpec] = {}


def register(spec: RegisterSpec) -> RegisterSpec:
    REGISTERS[spec.name] = spec
    return spec


def spec_for(name: str) -> RegisterSpec:
    load_all()
    try:
        return REGISTERS[name]
    except KeyError:
        raise KeyError(f"unknown register {name!r}") from None


def load_all() -> dict[str, RegisterSpec]:
    """Import every register module, so REGISTERS is complete whichever of them a caller imported first.

    The import statement is cheap after the first call (Python caches modules); each module registers its
    specs when it is first imported.
    """
    from desktop_app.services import (  # noqa: F401
        agreements,
        cases,
        children,
        inspections,
        meetings,
        persons,
        referrals,
        sites,
        victims,
    )

    return REGISTERS
