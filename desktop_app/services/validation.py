"""Field rules and the normalisers behind them: pure functions, each error a sentence an officer understands.

Registers declare their fields as `Field` rules; `validate_record` applies them all and collects every error,
so a form can mark each wrong field at once.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop_app.errors import ValidationError
from desktop_app.services.printable import unprintable_character

CNIC_DIGITS = 13
MAX_INT_DIGITS = 20  # more than any column holds (2**63 has 19 digits)


class FieldError(ValueError):
    """Raised by a normaliser; `validate_record` files it under the field's name."""


def ascii_digits(text: str) -> str:
    """Digits of any script (Urdu ۰-۹, Arabic ٠-٩, Devanagari, full-width) as ASCII 0-9; other characters kept.

    Only decimal digits (category Nd) are converted: superscripts and circled numbers are not digits an officer
    types, so they stay and the caller refuses them.
    """
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def _ascii_number(text: str) -> bool:
    return text.isascii() and text.isdigit()


def normalise_cnic(value: str) -> str:
    """Accept a CNIC typed with or without dashes or spaces, in any script's digits; store #####-#######-#."""
    digits = ascii_digits(re.sub(r"[\s\-]", "", value))
    if not _ascii_number(digits) or len(digits) != CNIC_DIGITS:
        raise FieldError("a CNIC has 13 digits, written #####-#######-# (dashes optional)")
    return f"{digits[:5]}-{digits[5:12]}-{digits[12]}"


def normalise_mobile(value: str) -> str:
    """Pakistani mobile numbers: 03XX-XXXXXXX, +92 3XX XXXXXXX or 923XXXXXXXXX; stored as 03XX-XXXXXXX."""
    digits = ascii_digits(re.sub(r"[\s\-()]", "", value))
    if digits.startswith("+92"):
        digits = "0" + digits[3:]
    elif digits.startswith("0092"):
        digits = "0" + digits[4:]
    elif digits.startswith("92") and len(digits) == 12:
        digits = "0" + digits[2:]
    if not (_ascii_number(digits) and len(digits) == 11 and digits.startswith("03")):
        raise FieldError("a mobile number looks like 0300-1234567 (11 digits starting 03) or +92 300 1234567")
    return f"{digits[:4]}-{digits[4:]}"


def normalise_phones(value: str) -> str:
    parts = [p for p in re.split(r"[,;/]", value) if p.strip()]
    return ", ".join(normalise_mobile(p) for p in parts)


def parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise FieldError("write the date as dd/mm/yyyy")


def parse_int(value: Any) -> int:
    if isinstance(value, bool):
        raise FieldError("a whole number is needed")
    if isinstance(value, int):
        return value
    text = ascii_digits(str(value).replace(",", "").strip())
    if not re.fullmatch(r"-?[0-9]+", text):
        raise FieldError("a whole number is needed")
    if len(text) > MAX_INT_DIGITS:
        # int() of thousands of digits is slow and then refused by Python itself; no register counts that far.
        raise FieldError("this number is far too large")
    return int(text)


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "y", "ہاں"}:
        return True
    if text in {"0", "false", "no", "n", "نہیں"}:
        return False
    raise FieldError("answer yes or no")


@dataclass(frozen=True)
class Field:
    """What a register adds to one of its model's columns; the column itself says the type, length and whether
    a value is required (services/registry.py fills those in), so a spec declares only what a column cannot say.

    `kind`: text, int, count, money, float, date, bool, enum, cnic, phones, json, ref (an id in the register
    `ref` names), link (an id in the register its sibling `register_field` names) or register (that sibling).
    """

    kind: str = ""  # "" until the registry takes it from the column (or from choices, ref, register_field)
    required: bool | None = None  # None until the registry takes it from the column
    # False for a column that must hold a value even though the form may leave it blank on a new record (the
    # register's defaults fill it then): blanking it later is refused rather than written as nothing.
    nullable: bool = True
    max_len: int = 0  # 0 until the registry takes it from a String column; a Text column needs it here
    choices: type[StrEnum] | None = None
    ref: str | None = None  # register a `ref` field points into
    register_field: str | None = None  # a link's sibling field that names the register it points into
    not_future: bool = False
    minimum: float | None = None
    maximum: float | None = None
    label: str | None = None
    # A number that opens another file (a passport, a licence, an FIR): exports hash it under this prefix, like a
    # CNIC, so rows about the same one still link without the number being readable.
    id_number: str | None = None
    # The tab title, in the form of the record this ref or link points at, for the rows holding it.
    related_title: str | None = None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


# Direction marks, embeddings, overrides and isolates: an RLO turns "Ali <RLO>evil<PDF> txt.exe" into what it is
# not on the screen, in exports and on a printed summary.
_DIRECTION_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def hidden_character(text: str) -> str | None:
    """The first control character (other than a line break or tab) or direction control in `text`, or None."""
    for ch in text:
        if ch in _DIRECTION_CONTROLS or (unicodedata.category(ch) == "Cc" and ch not in "\n\t"):
            return ch
    return None


def clean_value(rule: Field, value: Any, today: dt.date) -> Any:
    """Normalise one value by its rule; raise FieldError with the sentence to show."""
    kind = rule.kind or "text"  # a Field outside a register (setup, accounts) is text unless it says otherwise
    if kind == "text":
        text = str(value).strip()
        hidden = hidden_character(text)
        if hidden is not None:
            raise FieldError(
                f"contains a hidden control or text-direction character (U+{ord(hidden):04X}), perhaps from a "
                "copy and paste: type the text again without it"
            )
        unprintable = unprintable_character(text)
        if unprintable is not None:
            raise FieldError(
                f"contains a character the printed summary cannot show (U+{ord(unprintable):04X}, an emoji or a "
                "letter of another script): remove it, or write it in words"
            )
        if rule.max_len and len(text) > rule.max_len:
            raise FieldError(f"keep it under {rule.max_len} characters")
        return text
    if kind in {"int", "count", "money"}:
        number = parse_int(value)
        if kind in {"count", "money"} and number < 0:
            raise FieldError("cannot be negative" if kind == "count" else "an amount in PKR cannot be negative")
        if rule.minimum is not None and number < rule.minimum:
            raise FieldError(f"must be at least {rule.minimum:,.0f}")
        if rule.maximum is not None and number > rule.maximum:
            raise FieldError(f"must be at most {rule.maximum:,.0f}")
        return number
    if kind == "float":
        try:
            number_f = float(ascii_digits(value) if isinstance(value, str) else value)
        except (TypeError, ValueError):
            raise FieldError("a number is needed") from None
        if not math.isfinite(number_f):  # "nan" passed every range test and was stored as nothing
            raise FieldError("a number is needed")
        if (rule.minimum is not None and number_f < rule.minimum) or (
            rule.maximum is not None and number_f > rule.maximum
        ):
            raise FieldError(f"must be between {rule.minimum:g} and {rule.maximum:g}")
        return number_f
    if kind == "date":
        day = parse_date(value)
        if rule.not_future and day > today:
            raise FieldError("cannot be in the future")
        if day.year < 1900:
            raise FieldError("the year looks wrong")
        return day
    if kind == "bool":
        return parse_bool(value)
    if kind == "enum":
        assert rule.choices is not None
        try:
            return rule.choices(str(value)).value
        except ValueError:
            allowed = ", ".join(c.value for c in rule.choices)
            raise FieldError(f"choose one of: {allowed}") from None
    if kind == "cnic":
        return normalise_cnic(str(value))
    if kind == "phones":
        phones = normalise_phones(str(value))
        # The column's length is what the district's database accepts; a longer list would be refused there.
        if rule.max_len and len(phones) > rule.max_len:
            room = (rule.max_len + 2) // 14  # "0300-1234567" plus ", " between numbers
            raise FieldError("there is room for one number only" if room <= 1 else f"there is room for {room} numbers")
        return phones
    if kind in {"ref", "link"}:
        text = str(value).strip()
        if not re.fullmatch(r"[0-9a-fA-F\-]{36}", text):
            raise FieldError("pick a record from the list")
        return text.lower()
    if kind == "register":
        text = str(value).strip()
        if not re.fullmatch(r"[a-z][a-z0-9_]*", text):
            raise FieldError("choose a register from the list")
        return text
    if kind == "json":
        if not isinstance(value, list):
            raise FieldError("a list is needed")
        return value
    raise AssertionError(f"unknown field kind {kind}")


def validate_record(
    rules: Mapping[str, Field],
    values: Mapping[str, Any],
    today: dt.date,
    checks: Callable[[dict[str, Any]], dict[str, str]] | None = None,
) -> dict[str, Any]:
    """Clean every declared field; collect all errors; then run the register's cross-field checks."""
    unknown = set(values) - set(rules)
    if unknown:
        raise ValidationError({name: "this field is not part of the record" for name in sorted(unknown)})
    clean: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, rule in rules.items():
        value = values.get(name)
        if _blank(value):
            if rule.required or (not rule.nullable and rule.kind != "json"):
                errors[name] = "required"
            clean[name] = [] if rule.kind == "json" else None
            continue
        try:
            clean[name] = clean_value(rule, value, today)
        except FieldError as exc:
            errors[name] = str(exc)
    if not errors and checks is not None:
        errors.update(checks(clean))
    if errors:
        raise ValidationError(errors)
    return clean


def not_more_than(clean: Mapping[str, Any], part: str, whole: str, message: str) -> dict[str, str]:
    """A count that is a subset of another (bonded workers ≤ workers) must not exceed it."""
    a, b = clean.get(part), clean.get(whole)
    if a is not None and b is not None and a > b:
        return {part: message}
    return {}
