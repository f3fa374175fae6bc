"""A case's law sections: the ones the officer confirmed (printed on the summary) and the catalogue's suggestions.

The catalogue only suggests; a case stores the ids the officer confirmed (`Case.sections`). The summary
prints only confirmed sections, and marks a confirmed entry the catalogue itself has not verified, because
law-sections.md requires every printed unverified entry to say so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop_app.reports.fir_summary_data import SectionEntry
from desktop_app.reports.law_sections import Catalogue, LawSection, suggest_sections


@dataclass(frozen=True)
class SectionChoice:
    """One line of a case's section list: a catalogue entry, whether it is confirmed, and why it is suggested."""

    section: LawSection | None  # None when a confirmed id is no longer in the catalogue
    section_id: str
    confirmed: bool
    score: int = 0  # 0 when the catalogue does not suggest it for this case
    reasons: tuple[str, ...] = ()

    @property
    def suggested(self) -> bool:
        return self.score > 0


def section_entry(catalogue: Catalogue, section_id: str) -> SectionEntry:
    """The printed form of a confirmed section; an id the catalogue no longer knows is printed as such,
    never dropped, so the SHO sees that the case names something the catalogue cannot back."""
    try:
        section = catalogue.get(section_id)
    except KeyError:
        return SectionEntry(
            act_short=section_id,
            section="?",
            title=f"not in the law-section catalogue {catalogue.version}; check the official text",
        )
    title = section.title
    if not section.verified:
        note = f": {section.note}" if section.note else ""
        title = f"{title} [UNVERIFIED in the catalogue - read the official text{note}]"
    return SectionEntry(
        act_short=section.act_short,
        section=section.section,
        title=title,
        max_punishment=section.max_punishment,
    )


def confirmed_entries(catalogue: Catalogue, section_ids: Iterable[str]) -> tuple[SectionEntry, ...]:
    """Confirmed catalogue ids, in the order the officer confirmed them, without duplicates."""
    seen: list[str] = []
    for section_id in section_ids:
        if isinstance(section_id, str) and section_id and section_id not in seen:
            seen.append(section_id)
    return tuple(section_entry(catalogue, s) for s in seen)


def known_fact_tags(catalogue: Catalogue, tags: Iterable[str]) -> tuple[list[str], list[str]]:
    """(tags the catalogue knows, tags it does not): a case saved under an older vocabulary must not
    stop the suggestion list from showing."""
    known: list[str] = []
    unknown: list[str] = []
    for tag in tags:
        (known if tag in catalogue.fact_tags else unknown).append(tag)
    return known, unknown


def section_choices(
    catalogue: Catalogue, offence_category: str, fact_tags: Sequence[str], confirmed_ids: Sequence[str]
) -> list[SectionChoice]:
    """Suggestions for the case, most relevant first, each marked confirmed or not; then any confirmed
    section the catalogue does not suggest for these facts (the officer's choice stands)."""
    known, _unknown = known_fact_tags(catalogue, fact_tags)
    confirmed = [s for s in confirmed_ids if isinstance(s, str)]
    choices = [
        SectionChoice(s.section, s.section.id, s.section.id in confirmed, s.score, s.reasons)
        for s in suggest_sections(catalogue, offence_category, known)
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
    return choices
