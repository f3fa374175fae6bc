"""The law-section catalogue that FIR-support summaries suggest sections from.

The catalogue is data (`resources/law_sections.json`), validated when loaded. Suggestions are for the
officer and the SHO to confirm against the official text; they are never legal advice, and entries
with `verified = False` were not read in their operative text when the catalogue was compiled.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from desktop_app.errors import AhtcError
from desktop_app.models.enums import OffenceCategory

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "resources" / "law_sections.json"

CATEGORY_WEIGHT = 3
FACT_WEIGHT = 2

# Ties rank offence sections (what an FIR cites) above prohibitions and procedural rules.
_KIND_ORDER = {"offence": 0, "prohibition": 1, "procedure": 2}
KINDS = frozenset(_KIND_ORDER)
OFFENCE_CATEGORIES = frozenset(c.value for c in OffenceCategory)

_ID_RE = re.compile(r"^[A-Z]+-\d{4}-[a-z0-9-]+$")
_TAG_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_TOP_LEVEL = ("catalogue_version", "compiled_on", "disclaimer", "fact_tags", "sections")
_TEXT_FIELDS = ("act", "act_short", "section", "title", "covers", "max_punishment", "source")


class CatalogueError(AhtcError, ValueError):
    """The catalogue file is missing or malformed; the message names the entry and the field."""


@dataclass(frozen=True)
class LawSection:
    id: str
    act: str
    act_short: str
    section: str
    title: str
    covers: str
    max_punishment: str
    offence_categories: tuple[str, ...]
    facts: tuple[str, ...]
    source: str
    verified: bool
    note: str = ""
    kind: str = "offence"

    @property
    def citation(self) -> str:
        """Short form for a summary, e.g. 's. 3(2) PTPA 2018'."""
        return f"s. {self.section} {self.act_short}"


@dataclass(frozen=True, eq=False)
class Catalogue:
    version: str
    compiled_on: str
    disclaimer: str
    fact_tags: Mapping[str, str]
    sections: tuple[LawSection, ...]

    def get(self, section_id: str) -> LawSection:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(f"no law section {section_id!r} in the catalogue")

    def __iter__(self) -> Iterator[LawSection]:
        return iter(self.sections)

    def __len__(self) -> int:
        return len(self.sections)


@dataclass(frozen=True)
class Suggestion:
    section: LawSection
    score: int
    reasons: tuple[str, ...]


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Read and validate the catalogue; raises CatalogueError naming what is wrong."""
    path = path or DEFAULT_PATH
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CatalogueError(f"{path}: cannot read the law-section catalogue: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"{path}: not valid JSON (line {exc.lineno}): {exc.msg}") from exc
    return parse_catalogue(data, origin=str(path))


def parse_catalogue(data: Any, origin: str = "catalogue") -> Catalogue:
    """Validate already-decoded JSON and build the Catalogue."""
    if not isinstance(data, dict):
        raise CatalogueError(f"{origin}: the top level must be an object")
    missing = [key for key in _TOP_LEVEL if key not in data]
    if missing:
        raise CatalogueError(f"{origin}: missing top-level field(s): {', '.join(missing)}")
    for key in ("catalogue_version", "compiled_on", "disclaimer"):
        if not _is_text(data[key]):
            raise CatalogueError(f"{origin}: '{key}' must be a non-empty string")
    tags = data["fact_tags"]
    if not isinstance(tags, dict) or not tags:
        raise CatalogueError(f"{origin}: 'fact_tags' must be a non-empty object of tag -> meaning")
    for tag, meaning in tags.items():
        if not _TAG_RE.match(tag) or not _is_text(meaning):
            raise CatalogueError(f"{origin}: fact tag {tag!r} needs a snake_case name and a meaning")
    if not isinstance(data["sections"], list) or not data["sections"]:
        raise CatalogueError(f"{origin}: 'sections' must be a non-empty list")

    sections: list[LawSection] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["sections"]):
        section = _parse_section(raw, index, frozenset(tags), origin)
        if section.id in seen:
            raise CatalogueError(f"{origin}: section {section.id}: duplicate id")
        seen.add(section.id)
        sections.append(section)
    return Catalogue(
        version=data["catalogue_version"],
        compiled_on=data["compiled_on"],
        disclaimer=data["disclaimer"],
        fact_tags=MappingProxyType(dict(tags)),
        sections=tuple(sections),
    )


def _parse_section(raw: Any, index: int, tags: frozenset[str], origin: str) -> LawSection:
    label = raw.get("id") if isinstance(raw, dict) and _is_text(raw.get("id")) else f"#{index}"

    def fail(message: str) -> CatalogueError:
        return CatalogueError(f"{origin}: section {label}: {message}")

    if not isinstance(raw, dict):
        raise fail("must be an object")
    if not _is_text(raw.get("id")) or not _ID_RE.match(raw["id"]):
        raise fail("'id' must look like 'PTPA-2018-s3-1'")
    for key in _TEXT_FIELDS:
        if not _is_text(raw.get(key)):
            raise fail(f"'{key}' must be a non-empty string")
    if not isinstance(raw.get("verified"), bool):
        raise fail("'verified' must be true or false")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise fail("'note' must be a string")
    if not raw["verified"] and not note.strip():
        raise fail("an unverified entry needs a 'note' saying what is uncertain")
    kind = raw.get("kind", "offence")
    if kind not in KINDS:
        raise fail(f"'kind' must be one of {sorted(KINDS)}, not {kind!r}")
    categories = _string_list(raw.get("offence_categories"), "offence_categories", fail)
    if not categories:
        raise fail("'offence_categories' must name at least one category")
    unknown = sorted(set(categories) - OFFENCE_CATEGORIES)
    if unknown:
        raise fail(f"unknown offence categor(ies): {', '.join(unknown)}")
    facts = _string_list(raw.get("facts"), "facts", fail)
    unknown = sorted(set(facts) - tags)
    if unknown:
        raise fail(f"fact tag(s) not in the vocabulary: {', '.join(unknown)}")
    return LawSection(
        id=raw["id"],
        act=raw["act"],
        act_short=raw["act_short"],
        section=raw["section"],
        title=raw["title"],
        covers=raw["covers"],
        max_punishment=raw["max_punishment"],
        offence_categories=categories,
        facts=facts,
        source=raw["source"],
        verified=raw["verified"],
        note=note,
        kind=kind,
    )


def _string_list(value: Any, key: str, fail: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(_is_text(item) for item in value):
        raise fail(f"'{key}' must be a list of strings")
    if len(set(value)) != len(value):
        raise fail(f"'{key}' repeats a value")
    return tuple(value)


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def suggest_sections(
    catalogue: Catalogue,
    offence_category: str,
    facts: Iterable[str],
    *,
    include_unverified: bool = True,
    limit: int | None = None,
) -> list[Suggestion]:
    """Sections relevant to a case, most relevant first.

    Score: CATEGORY_WEIGHT if the section fits the case's offence category, plus FACT_WEIGHT per
    matching fact tag; sections scoring 0 are left out. Ties go to verified entries, then to offence
    sections over prohibitions and procedural rules, then to catalogue order, so the same input always
    gives the same list.
    """
    if offence_category not in OFFENCE_CATEGORIES:
        raise ValueError(f"unknown offence category {offence_category!r}; expected one of {sorted(OFFENCE_CATEGORIES)}")
    wanted = set(facts)
    unknown = sorted(wanted - set(catalogue.fact_tags))
    if unknown:
        raise ValueError(f"fact tag(s) not in the catalogue vocabulary: {', '.join(unknown)}")

    ranked: list[tuple[tuple[int, bool, int, int], Suggestion]] = []
    for position, section in enumerate(catalogue.sections):
        if not (include_unverified or section.verified):
            continue
        reasons: list[str] = []
        score = 0
        if offence_category in section.offence_categories:
            score += CATEGORY_WEIGHT
            reasons.append(f"offence category: {offence_category}")
        for fact in section.facts:
            if fact in wanted:
                score += FACT_WEIGHT
                reasons.append(f"fact: {fact}")
        if score:
            suggestion = Suggestion(section=section, score=score, reasons=tuple(reasons))
            ranked.append(((-score, not section.verified, _KIND_ORDER[section.kind], position), suggestion))
    ranked.sort(key=lambda item: item[0])
    result = [suggestion for _, suggestion in ranked]
    return result if limit is None else result[:limit]
