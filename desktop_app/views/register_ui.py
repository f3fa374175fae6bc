"""What a register's form offers beyond its fields, kept on the view side because it is Qt (a case's "Change
status…" and "Print FIR summary…"): the module that builds the dialog registers the button, and the generic form
shows the buttons its register has, without knowing any register by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop_app.services.context import Context


@dataclass(frozen=True)
class FormAction:
    label: str  # English source, shown through tr()
    object_name: str
    run: Callable[[Any], Any]  # called with the open form
    allowed: Callable[[Context], bool] = lambda _ctx: True


_ACTIONS: dict[str, list[FormAction]] = {}


def register_form_action(register: str, action: FormAction) -> None:
    known = _ACTIONS.setdefault(register, [])
    if all(a.object_name != action.object_name for a in known):
        known.append(action)


def form_actions(register: str) -> list[FormAction]:
    return list(_ACTIONS.get(register, ()))
