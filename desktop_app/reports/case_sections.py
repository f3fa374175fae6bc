"""A case's law sections: the ones the officer confirmed (printed on the summary) and the catalogue's suggestions.

The catalogue only suggests; a case stores the ids the officer confirmed (`Case.sections`). The summary
prints only confirmed sections, marks a confirmed entry the catalogue has not verified, and says for each Act
who investigates and which court tries it. Suggestions look at the case's profile: its category, the facts the
officer ticked, and the victims' ages and sexes and the places of work that its linked records show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.reports.fir_summary_data import SectionEntry
from desktop_app.reports.law_sections import (
    KIND_LABELS,
    CaseProfile,
    Catalogue,
    LawSection,
    RuledOut,
    VictimProfile,
    act_notes,
    assess,
)

# Site kinds as the catalogue's places: a kiln, or another establishment.
SITE_PLACES = {"brick_kiln": "kiln", "workshop": "establishment", "other": "establishment"}


@dataclass(frozen=True)
class SectionChoice:
    """One line of a case's section list: a catalogue entry, whether it is confirmed, and why it is suggested."""

    section: LawSection | None  # None when a confirmed id is no longer in the catalogue
    section_id: str
    confirmed: bool
    score: int = 0  # 0 when the catalogue does not suggest it for this case
    reasons: tuple[str, ...] = ()
    checks: tuple[str, ...] = ()  # what the officer must check before confirming

    @property
    def suggested(self) -> bool:
        return self.score > 0

    @property
    def unverified(self) -> bool:
        return self.section is None or not self.section.verified


UNVERIFIED_MARK = "UNVERIFIED"


def section_entry(catalogue: Catalogue, section_id: str) -> SectionEntry:
    """The printed form of a confirmed section; an id the catalogue no longer knows is printed as such,
    never dropped, so the SHO sees that the case names something the catalogue cannot back."""
    try:
        section = catalogue.get(section_id)
    except KeyError:
        return SectionEntry(
            act_short=section_id,
            section="?",
            title=f"not in the {catalogue.stamp}; check the official text",
            unverified=True,
        )
    title = section.title
    if not section.is_offence:
        title = f"{title} ({KIND_LABELS[section.kind]})"
    if not section.verified:
        title = f"{title} [{UNVERIFIED_MARK}: {section.note}]"
    return SectionEntry(
        act_short=section.act_short,
        section=section.section,
        title=title,
        max_punishment=section.max_punishment,
        unverified=not section.verified,
        offence=section.is_offence,
    )


def _confirmed_ids(section_ids: Iterable[Any]) -> list[str]:
    seen: list[str] = []
    for section_id in section_ids:
        if isinstance(section_id, str) and section_id and section_id not in seen:
            seen.append(section_id)
    return seen


def confirmed_entries(catalogue: Catalogue, section_ids: Iterable[Any]) -> tuple[SectionEntry, ...]:
    """Confirmed catalogue ids, in the order the officer confirmed them, without duplicates."""
    return tuple(section_entry(catalogue, s) for s in _confirmed_ids(section_ids))


def confirmed_act_notes(catalogue: Catalogue, section_ids: Iterable[Any], facts: Iterable[str]) -> tuple[str, ...]:
    """Who investigates and which court tries, once per Act among the confirmed sections."""
    sections = []
    for section_id in _confirmed_ids(section_ids):
        try:
            sections.append(catalogue.get(section_id))
        except KeyError:
            continue
    return tuple(act_notes(catalogue, sections, facts))


def known_fact_tags(catalogue: Catalogue, tags: Iterable[str]) -> tuple[list[str], list[str]]:
    """(tags the catalogue knows, tags it does not): a case saved under an older vocabulary must not
    stop the suggestion list from showing."""
    known: list[str] = []
    unknown: list[str] = []
    for tag in tags:
        (known if tag in catalogue.fact_tags else unknown).append(tag)
    return known, unknown


def age_on(born: dt.date | None, on: dt.date | None) -> int | None:
    if born is None or on is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def profile_from_records(
    offence_category: str,
    fact_tags: Iterable[str],
    *,
    victims: Sequence[tuple[int | None, str, str]] = (),
    site_kinds: Iterable[str] = (),
    abroad: bool = False,
    catalogue: Catalogue,
) -> CaseProfile:
    """A case's profile from plain values its builder read: victims as (age, sex, reference), the kinds of the
    sites involved, and whether a victim was taken abroad."""
    known, _unknown = known_fact_tags(catalogue, [t for t in fact_tags if isinstance(t, str)])
    places = {SITE_PLACES[k] for k in site_kinds if k in SITE_PLACES}
    if abroad:
        places.add("abroad")
    return CaseProfile(
        offence_category=offence_category,
        facts=frozenset(known),
        victims=tuple(VictimProfile(age, sex or "", label) for age, sex, label in victims),
        places=frozenset(places),
    )


@dataclass(frozen=True)
class SectionList:
    choices: tuple[SectionChoice, ...]
    ruled_out: tuple[RuledOut, ...]
    notes: tuple[str, ...]  # who investigates / which court, per Act among the suggested and confirmed


def section_list(catalogue: Catalogue, profile: CaseProfile, confirmed_ids: Sequence[Any]) -> SectionList:
    """Suggestions for the case, most relevant first, each marked confirmed or not; then any confirmed
    section the catalogue does not suggest for these facts (the officer's choice stands); what the records
    rule out; and the Acts' who-investigates notes."""
    confirmed = _confirmed_ids(confirmed_ids)
    found = assess(catalogue, profile)
    choices = [
        SectionChoice(s.section, s.section.id, s.section.id in confirmed, s.score, s.reasons, s.checks)
        for s in found.suggestions
    ]
    listed = {c.section_id for c in choices}
    for section_id in confirmed:
        if section_id in listed:
            continue
        listed.add(section_id)
        try:
            section: LawSection | None = catalogue.get(section_id)
        except KeyError:
            section = None
        choices.append(SectionChoice(section, section_id, True))
    ruled_out = tuple(r for r in found.ruled_out if r.section.id not in confirmed)
    sections = [c.section for c in choices if c.section is not None]
    return SectionList(tuple(choices), ruled_out, tuple(act_notes(catalogue, sections, profile.facts)))


def section_choices(catalogue: Catalogue, profile: CaseProfile, confirmed_ids: Sequence[Any]) -> list[SectionChoice]:
    return list(section_list(catalogue, profile, confirmed_ids).choices)
