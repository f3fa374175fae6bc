"""The law-section catalogue that FIR-support summaries suggest sections from.

The catalogue is data (`resources/law_sections.json`), validated when loaded. Every entry names the text it
was read in and the date it was read; an entry whose operative text was not read is `verified = False` and is
only ever shown with an "unverified" mark. Each Act records who investigates its offences and which court tries
them, because that decides whether a police AHTC can proceed at all (PSMA: the FIA; EO: a Special Court on a
complaint with federal sanction).

Suggestions respect each Act's own definitions: a section may require a victim of a certain age or sex (PRECA's
child is under 15, PTPA's under 18, PPC s.361's a boy under 14 or a girl under 16), a place (a brick kiln, another
establishment) or certain facts. A requirement the case's records cannot answer (an age not recorded) keeps the
suggestion with a "check" line; one the records contradict rules the section out, with the reason.
Only offences are suggested as charges; procedural and evidential provisions are there for reference.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from desktop_app.errors import AhtcError
from desktop_app.models.enums import OffenceCategory

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "resources" / "law_sections.json"

CATEGORY_WEIGHT = 3
FACT_WEIGHT = 2

# Only offences are suggested as charges; the other kinds explain the law around them.
KINDS = ("offence", "prohibition", "protection", "evidence", "procedure")
KIND_LABELS = {
    "offence": "offence",
    "prohibition": "prohibition (its punishment is in another section)",
    "protection": "protection of victims (not an offence)",
    "evidence": "rule of evidence (not an offence)",
    "procedure": "procedure (not an offence)",
}
OFFENCE_CATEGORIES = frozenset(c.value for c in OffenceCategory)
PLACES = ("kiln", "establishment", "abroad")
PLACE_LABELS = {"kiln": "a brick kiln", "establishment": "an establishment other than a brick kiln", "abroad": "abroad"}
# What the offence category says about where the work was done, when no site record says it.
CATEGORY_PLACES = {"child_labour_kiln": "kiln", "child_labour_other": "establishment"}

_ID_RE = re.compile(r"^[A-Z]+-\d{4}-[a-z0-9-]+$")
_TAG_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TOP_LEVEL = ("catalogue_version", "compiled_on", "disclaimer", "fact_tags", "acts", "sections")
_TEXT_FIELDS = ("act_short", "section", "title", "covers")


class CatalogueError(AhtcError, ValueError):
    """The catalogue file is missing or malformed; the message names the entry and the field."""


@dataclass(frozen=True)
class Source:
    """Where an entry's text was read, and when."""

    document: str
    where: str
    read_on: str  # ISO date

    def printed(self) -> str:
        return f"{self.document}; {self.where}; read {self.read_on}"


@dataclass(frozen=True)
class Punishment:
    """The punishment as the text states it: `text` is printed; the parts let tests check it is complete."""

    text: str
    imprisonment: str | None = None  # e.g. "3 to 5 years", "up to 7 years", "life"
    fine: str | None = None  # e.g. "up to PKR 1,000,000", "at least PKR 15,000", "amount not stated"
    combination: str | None = None  # "and", "or both", "alternatives", "as the offence abetted", ...


@dataclass(frozen=True)
class Alert:
    """A line an Act adds to the who-investigates note when the case has one of `facts`."""

    facts: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Act:
    act_short: str
    act: str
    investigation: str  # who investigates its offences, as the text says
    trial: str  # which court tries them, and cognizable / bailable where the text says
    source: Source
    verified: bool
    note: str = ""
    alerts: tuple[Alert, ...] = ()

    def note_for(self, facts: Iterable[str]) -> str:
        """The who-investigates and which-court note printed whenever a section of this Act is chosen."""
        present = set(facts)
        lines = [f"{self.act_short} - who investigates: {self.investigation} Which court: {self.trial}"]
        lines += [a.text for a in self.alerts if present & set(a.facts)]
        if not self.verified:
            lines.append("UNVERIFIED: the Act's procedure was not read; ask the prosecutor.")
        return " ".join(lines)


@dataclass(frozen=True)
class VictimRule:
    """One kind of victim a section requires; None means 'any'."""

    age_under: int | None = None
    sex: str | None = None

    def describe(self) -> str:
        if self.sex == "female":
            who = (
                "a woman or girl"
                if self.age_under is None
                else ("a girl" if self.age_under <= 18 else "a woman or girl")
            )
        elif self.sex == "male":
            who = "a man or boy" if self.age_under is None else "a boy"
        else:
            who = "a person"
        return who if self.age_under is None else f"{who} under {self.age_under}"


@dataclass(frozen=True)
class Requirement:
    """One condition of a section (all of a section's requirements must hold).

    kind "facts": at least one of `facts`; "place": the work was done at one of `places`; "victim": some victim
    fits one of `victims`; "either": one of `options` holds.
    """

    kind: str
    facts: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    victims: tuple[VictimRule, ...] = ()
    options: tuple[Requirement, ...] = ()


@dataclass(frozen=True)
class LawSection:
    id: str
    act_short: str
    act: str
    section: str
    kind: str
    title: str
    covers: str
    punishment: Punishment | None  # None for a provision that is not an offence
    offence_categories: tuple[str, ...]
    facts: tuple[str, ...]
    source: Source
    verified: bool
    note: str = ""
    requires: tuple[Requirement, ...] = ()

    @property
    def citation(self) -> str:
        """Short form for a summary, e.g. 's. 3(2) PTPA 2018'."""
        return f"s. {self.section} {self.act_short}"

    @property
    def is_offence(self) -> bool:
        return self.kind == "offence"

    @property
    def max_punishment(self) -> str:
        """What the summary prints in its punishment column."""
        if self.punishment is None:
            return f"none: {KIND_LABELS[self.kind]}"
        return self.punishment.text


@dataclass(frozen=True, eq=False)
class Catalogue:
    version: str
    compiled_on: str
    disclaimer: str
    fact_tags: Mapping[str, str]
    acts: Mapping[str, Act]
    sections: tuple[LawSection, ...]
    # Ids of earlier catalogue versions that cases may still hold, e.g. PSMA-2018-smuggling -> PSMA-2018-s3.
    renamed_ids: Mapping[str, str] = field(default_factory=dict)

    def get(self, section_id: str) -> LawSection:
        section_id = self.renamed_ids.get(section_id, section_id)
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(f"no law section {section_id!r} in the catalogue")

    def act(self, act_short: str) -> Act:
        return self.acts[act_short]

    @property
    def stamp(self) -> str:
        """'law-section catalogue 2.0.0 of 01/12/2026', printed on every summary."""
        y, m, d = self.compiled_on.split("-")
        return f"law-section catalogue {self.version} of {d}/{m}/{y}"

    def __iter__(self) -> Iterator[LawSection]:
        return iter(self.sections)

    def __len__(self) -> int:
        return len(self.sections)


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------


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
    if not _DATE_RE.match(data["compiled_on"]):
        raise CatalogueError(f"{origin}: 'compiled_on' must be a date like 2026-12-01")
    tags = data["fact_tags"]
    if not isinstance(tags, dict) or not tags:
        raise CatalogueError(f"{origin}: 'fact_tags' must be a non-empty object of tag -> meaning")
    for tag, meaning in tags.items():
        if not _TAG_RE.match(tag) or not _is_text(meaning):
            raise CatalogueError(f"{origin}: fact tag {tag!r} needs a snake_case name and a meaning")
    tag_set = frozenset(tags)
    if not isinstance(data["acts"], list) or not data["acts"]:
        raise CatalogueError(f"{origin}: 'acts' must be a non-empty list")
    acts: dict[str, Act] = {}
    for index, raw in enumerate(data["acts"]):
        act = _parse_act(raw, index, tag_set, origin)
        if act.act_short in acts:
            raise CatalogueError(f"{origin}: act {act.act_short}: listed twice")
        acts[act.act_short] = act
    if not isinstance(data["sections"], list) or not data["sections"]:
        raise CatalogueError(f"{origin}: 'sections' must be a non-empty list")

    sections: list[LawSection] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["sections"]):
        section = _parse_section(raw, index, tag_set, acts, origin)
        if section.id in seen:
            raise CatalogueError(f"{origin}: section {section.id}: duplicate id")
        seen.add(section.id)
        sections.append(section)
    renamed = data.get("renamed_ids", {})
    if not isinstance(renamed, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v in seen for k, v in renamed.items()
    ):
        raise CatalogueError(f"{origin}: 'renamed_ids' must map old ids to ids of this catalogue")
    return Catalogue(
        renamed_ids=MappingProxyType(dict(renamed)),
        version=data["catalogue_version"],
        compiled_on=data["compiled_on"],
        disclaimer=data["disclaimer"],
        fact_tags=MappingProxyType(dict(tags)),
        acts=MappingProxyType(acts),
        sections=tuple(sections),
    )


def _parse_source(raw: Any, fail: Any) -> Source:
    if not isinstance(raw, dict):
        raise fail("'source' must be an object with document, where and read_on")
    for key in ("document", "where", "read_on"):
        if not _is_text(raw.get(key)):
            raise fail(f"'source.{key}' must be a non-empty string")
    if not _DATE_RE.match(raw["read_on"]):
        raise fail("'source.read_on' must be the date the text was read, like 2026-12-01")
    return Source(raw["document"], raw["where"], raw["read_on"])


def _parse_act(raw: Any, index: int, tags: frozenset[str], origin: str) -> Act:
    label = raw.get("act_short") if isinstance(raw, dict) and _is_text(raw.get("act_short")) else f"#{index}"

    def fail(message: str) -> CatalogueError:
        return CatalogueError(f"{origin}: act {label}: {message}")

    if not isinstance(raw, dict):
        raise fail("must be an object")
    for key in ("act_short", "act", "investigation", "trial"):
        if not _is_text(raw.get(key)):
            raise fail(f"'{key}' must be a non-empty string")
    if not isinstance(raw.get("verified"), bool):
        raise fail("'verified' must be true or false")
    alerts = []
    for alert in raw.get("alerts", []):
        if not isinstance(alert, dict) or not _is_text(alert.get("text")):
            raise fail("each alert needs facts and a text")
        facts = _string_list(alert.get("facts"), "alerts.facts", fail)
        if set(facts) - tags:
            raise fail(f"alert fact(s) not in the vocabulary: {', '.join(sorted(set(facts) - tags))}")
        alerts.append(Alert(facts, alert["text"]))
    return Act(
        act_short=raw["act_short"],
        act=raw["act"],
        investigation=raw["investigation"],
        trial=raw["trial"],
        source=_parse_source(raw.get("source"), fail),
        verified=raw["verified"],
        note=raw.get("note", "") or "",
        alerts=tuple(alerts),
    )


def _parse_section(raw: Any, index: int, tags: frozenset[str], acts: Mapping[str, Act], origin: str) -> LawSection:
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
    if raw["act_short"] not in acts:
        raise fail(f"act {raw['act_short']!r} is not in 'acts'")
    if not isinstance(raw.get("verified"), bool):
        raise fail("'verified' must be true or false")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise fail("'note' must be a string")
    if not raw["verified"] and not note.strip():
        raise fail("an unverified entry needs a 'note' saying what is uncertain")
    kind = raw.get("kind", "offence")
    if kind not in KINDS:
        raise fail(f"'kind' must be one of {list(KINDS)}, not {kind!r}")
    punishment = _parse_punishment(raw.get("punishment"), kind, fail)
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
    requires = raw.get("requires", [])
    if not isinstance(requires, list):
        raise fail("'requires' must be a list")
    return LawSection(
        id=raw["id"],
        act_short=raw["act_short"],
        act=acts[raw["act_short"]].act,
        section=raw["section"],
        kind=kind,
        title=raw["title"],
        covers=raw["covers"],
        punishment=punishment,
        offence_categories=categories,
        facts=facts,
        source=_parse_source(raw.get("source"), fail),
        verified=raw["verified"],
        note=note,
        requires=tuple(_parse_requirement(r, tags, fail) for r in requires),
    )


def _parse_punishment(raw: Any, kind: str, fail: Any) -> Punishment | None:
    if kind != "offence":
        if raw is not None:
            raise fail(f"a {kind} provision is not an offence and has no 'punishment'")
        return None
    if not isinstance(raw, dict) or not _is_text(raw.get("text")):
        raise fail("an offence needs 'punishment.text' as the Act states it")
    for key in ("imprisonment", "fine", "combination"):
        if raw.get(key) is not None and not _is_text(raw.get(key)):
            raise fail(f"'punishment.{key}' must be a string or null")
    return Punishment(raw["text"], raw.get("imprisonment"), raw.get("fine"), raw.get("combination"))


def _parse_requirement(raw: Any, tags: frozenset[str], fail: Any) -> Requirement:
    if not isinstance(raw, dict) or len(raw) != 1:
        raise fail("each requirement is an object with one of: facts, place, victim, either")
    ((key, value),) = raw.items()
    if key == "facts":
        facts = _string_list(value, "requires.facts", fail)
        if not facts or set(facts) - tags:
            raise fail(f"requirement facts must be known tags: {value!r}")
        return Requirement("facts", facts=facts)
    if key == "place":
        places = _string_list(value, "requires.place", fail)
        if not places or set(places) - set(PLACES):
            raise fail(f"requirement places must be among {list(PLACES)}: {value!r}")
        return Requirement("place", places=places)
    if key == "victim":
        if not isinstance(value, list) or not value:
            raise fail("'victim' must list the kinds of victim that fit")
        rules = []
        for item in value:
            if not isinstance(item, dict) or set(item) - {"age_under", "sex"} or not item:
                raise fail(f"a victim rule takes age_under and/or sex: {item!r}")
            age, sex = item.get("age_under"), item.get("sex")
            if age is not None and (not isinstance(age, int) or isinstance(age, bool) or not 0 < age < 120):
                raise fail(f"age_under must be a whole number of years: {age!r}")
            if sex is not None and sex not in ("male", "female"):
                raise fail(f"sex must be male or female: {sex!r}")
            rules.append(VictimRule(age, sex))
        return Requirement("victim", victims=tuple(rules))
    if key == "either":
        if not isinstance(value, list) or len(value) < 2:
            raise fail("'either' needs at least two requirements")
        return Requirement("either", options=tuple(_parse_requirement(v, tags, fail) for v in value))
    raise fail(f"unknown requirement {key!r}")


def _string_list(value: Any, key: str, fail: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(_is_text(item) for item in value):
        raise fail(f"'{key}' must be a list of strings")
    if len(set(value)) != len(value):
        raise fail(f"'{key}' repeats a value")
    return tuple(value)


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


# ---------------------------------------------------------------------------------------------
# What a case says, and what follows
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VictimProfile:
    """A victim as far as the definitions need: age in years and sex ('' when not recorded)."""

    age: int | None = None
    sex: str = ""
    label: str = "the victim"  # how a reason names him or her: a record reference, never a name


@dataclass(frozen=True)
class CaseProfile:
    """What the suggestion rules look at: the category, the ticked facts, the victims and where it happened."""

    offence_category: str
    facts: frozenset[str] = frozenset()
    victims: tuple[VictimProfile, ...] = ()
    places: frozenset[str] = frozenset()

    @classmethod
    def of(cls, offence_category: str, facts: Iterable[str] = (), **more: Any) -> CaseProfile:
        return cls(offence_category, frozenset(facts), **more)

    @property
    def all_places(self) -> frozenset[str]:
        implied = CATEGORY_PLACES.get(self.offence_category)
        return self.places | ({implied} if implied else set())


@dataclass(frozen=True)
class Suggestion:
    section: LawSection
    score: int
    reasons: tuple[str, ...]
    checks: tuple[str, ...] = ()  # conditions the records cannot answer: the officer must check them

    @property
    def unverified(self) -> bool:
        return not self.section.verified


@dataclass(frozen=True)
class RuledOut:
    section: LawSection
    reason: str


@dataclass(frozen=True)
class Assessment:
    suggestions: tuple[Suggestion, ...]
    ruled_out: tuple[RuledOut, ...] = field(default_factory=tuple)


MET, UNKNOWN, NOT_MET = "met", "unknown", "not met"


def _check_victims(rules: tuple[VictimRule, ...], profile: CaseProfile) -> tuple[str, str]:
    wanted = " or ".join(rule.describe() for rule in rules)
    victims = profile.victims
    if not victims:
        if "woman_victim" in profile.facts and any(r.sex == "female" and r.age_under is None for r in rules):
            return MET, f"fact ticked: the victim is a woman or girl ({wanted})"
        if "child_victim" in profile.facts and any(r.sex is None and (r.age_under or 0) >= 18 for r in rules):
            return MET, f"fact ticked: the victim is a child ({wanted})"
        return UNKNOWN, f"no victim is linked to the case: check that the victim is {wanted}"
    unknown: list[str] = []
    for victim in victims:
        for rule in rules:
            age_ok = rule.age_under is None or (victim.age is not None and victim.age < rule.age_under)
            sex_ok = rule.sex is None or victim.sex == rule.sex
            if age_ok and sex_ok:
                return MET, f"{victim.label} ({_victim_words(victim)}) is {rule.describe()}"
            age_maybe = age_ok or victim.age is None
            sex_maybe = sex_ok or not victim.sex
            if age_maybe and sex_maybe:
                unknown.append(victim.label)
    if unknown:
        return (
            UNKNOWN,
            f"age or sex not recorded for {', '.join(dict.fromkeys(unknown))}: check that a victim is {wanted}",
        )
    seen = ", ".join(f"{v.label} ({_victim_words(v)})" for v in victims)
    return NOT_MET, f"needs a victim who is {wanted}; the case has {seen}"


def _victim_words(victim: VictimProfile) -> str:
    parts = [f"aged {victim.age}" if victim.age is not None else "age not recorded"]
    if victim.sex:
        parts.append(victim.sex)
    return ", ".join(parts)


def _check(req: Requirement, profile: CaseProfile, catalogue: Catalogue) -> tuple[str, str]:
    if req.kind == "facts":
        hit = [f for f in req.facts if f in profile.facts]
        if hit:
            return MET, "fact: " + ", ".join(hit)
        return NOT_MET, "needs one of the facts: " + ", ".join(req.facts)
    if req.kind == "place":
        wanted = " or ".join(PLACE_LABELS[p] for p in req.places)
        places = profile.all_places
        if places & set(req.places):
            return MET, f"the work was done at {wanted}"
        if not places:
            return UNKNOWN, f"where the work was done is not recorded: check that it was {wanted}"
        return NOT_MET, f"applies only to work at {wanted}; the case is about " + " and ".join(
            PLACE_LABELS[p] for p in sorted(places)
        )
    if req.kind == "victim":
        return _check_victims(req.victims, profile)
    results = [_check(option, profile, catalogue) for option in req.options]
    for status in (MET, UNKNOWN):
        found = [text for state, text in results if state == status]
        if found:
            return status, found[0]
    return NOT_MET, " and ".join(text for _, text in results)


def assess(
    catalogue: Catalogue,
    profile: CaseProfile,
    *,
    include_unverified: bool = True,
    kinds: tuple[str, ...] = ("offence",),
) -> Assessment:
    """Sections relevant to a case, most relevant first, and those its records rule out (with the reason).

    A section is a candidate when it fits the category or one of the facts. Its requirements then decide:
    all met - suggested; one not answerable from the records - suggested with a check line; one contradicted -
    ruled out. Score: CATEGORY_WEIGHT for the category plus FACT_WEIGHT per matching fact. Ties go to verified
    entries, then catalogue order, so the same input always gives the same list.
    """
    if profile.offence_category not in OFFENCE_CATEGORIES:
        raise ValueError(
            f"unknown offence category {profile.offence_category!r}; expected one of {sorted(OFFENCE_CATEGORIES)}"
        )
    unknown = sorted(set(profile.facts) - set(catalogue.fact_tags))
    if unknown:
        raise ValueError(f"fact tag(s) not in the catalogue vocabulary: {', '.join(unknown)}")
    ranked: list[tuple[tuple[int, bool, int], Suggestion]] = []
    ruled_out: list[RuledOut] = []
    for position, section in enumerate(catalogue.sections):
        if section.kind not in kinds or not (include_unverified or section.verified):
            continue
        reasons: list[str] = []
        score = 0
        if profile.offence_category in section.offence_categories:
            score += CATEGORY_WEIGHT
            reasons.append(f"offence category: {profile.offence_category}")
        for fact in sorted(f for f in section.facts if f in profile.facts):
            score += FACT_WEIGHT
            reasons.append(f"fact: {fact}")
        if not score:
            continue
        checks: list[str] = []
        refused = ""
        for requirement in section.requires:
            status, text = _check(requirement, profile, catalogue)
            if status == NOT_MET:
                refused = text
                break
            if status == UNKNOWN:
                checks.append(text)
            elif requirement.kind != "facts":
                reasons.append(text)
        if refused:
            ruled_out.append(RuledOut(section, refused))
            continue
        suggestion = Suggestion(section, score, tuple(reasons), tuple(checks))
        ranked.append(((-score, not section.verified, position), suggestion))
    ranked.sort(key=lambda item: item[0])
    return Assessment(tuple(s for _, s in ranked), tuple(ruled_out))


def suggest_sections(
    catalogue: Catalogue,
    profile: CaseProfile,
    *,
    include_unverified: bool = True,
    limit: int | None = None,
) -> list[Suggestion]:
    """The offences to suggest as charges for `profile`, most relevant first (see `assess`)."""
    found = list(assess(catalogue, profile, include_unverified=include_unverified).suggestions)
    return found if limit is None else found[:limit]


def act_notes(catalogue: Catalogue, sections: Iterable[LawSection], facts: Iterable[str] = ()) -> list[str]:
    """One who-investigates / which-court note per Act among `sections`, in the order first met."""
    facts = set(facts)
    seen: list[str] = []
    for section in sections:
        if section.act_short not in seen:
            seen.append(section.act_short)
    return [catalogue.act(short).note_for(facts) for short in seen]
