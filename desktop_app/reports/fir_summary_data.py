"""The plain, frozen data an FIR-support summary prints, with the masking rules for each audience.

Another part builds a `FirSummaryData` from the store; the renderer (`fir_pdf`) and the seal
(`summary_seal`) only ever see this object, so what is printed, hashed and verified is one thing.
The formatting helpers here (dates, CNIC, PKR, section labels) are shared by the renderer and the
verifier, which must agree to the character on how a value appears on paper.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

try:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    PAKISTAN: dt.tzinfo = ZoneInfo("Asia/Karachi")
except (ImportError, ZoneInfoNotFoundError):  # pragma: no cover - Windows without the tzdata package
    # Pakistan has kept UTC+5 without daylight saving since 2009, so a fixed offset prints the same.
    PAKISTAN = dt.timezone(dt.timedelta(hours=5), "PKT")

Audience = Literal["police", "prosecutor", "ngo_referral"]
AUDIENCES: tuple[Audience, ...] = ("police", "prosecutor", "ngo_referral")

AUDIENCE_LABELS: Mapping[str, str] = {
    "police": "Police (full detail)",
    "prosecutor": "Prosecutor (child victims' contacts masked)",
    "ngo_referral": "NGO referral (victims and witnesses masked)",
}

# How codes stored in the registers read on paper (never "Fir registered" from a capitalised code).
OFFENCE_LABELS: Mapping[str, str] = {
    "trafficking_in_persons": "Trafficking in persons (PTPA 2018)",
    "migrant_smuggling": "Smuggling of migrants (PSMA 2018)",
    "emigration_fraud": "Emigration fraud (Emigration Ordinance 1979)",
    "bonded_labour": "Bonded labour",
    "child_labour_kiln": "Child labour at a brick kiln",
    "child_labour_other": "Child labour (other establishment)",
    "other": "Other",
}
PERSON_STATUS_LABELS: Mapping[str, str] = {
    "documented": "on record",
    "warned": "warned",
    "fir_registered": "named in an FIR",
    "arrested": "arrested",
    "absconding": "absconding",
}
VICTIM_STATUS_LABELS: Mapping[str, str] = {
    "missing": "missing",
    "deceased": "deceased",
    "detained_abroad": "detained abroad",
    "returned": "returned",
    "in_transit": "in transit",
}
SEX_LABELS: Mapping[str, str] = {"male": "male", "female": "female", "other": "other"}


def label_of(code: str, table: Mapping[str, str]) -> str:
    """The printed word for a stored code; an unknown code prints with spaces, not underscores."""
    return table.get(code, (code or "").replace("_", " "))


SCHEMA = "ahtc-fir-summary/1"


# ---------------------------------------------------------------------------------------------
# Formatting shared by the renderer and the verifier
# ---------------------------------------------------------------------------------------------


def format_date(value: dt.date | dt.datetime | None) -> str:
    """dd/mm/yyyy; a datetime is first moved to Asia/Karachi (a naive one is taken as UTC, as stored)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return _local(value).strftime("%d/%m/%Y")
    return value.strftime("%d/%m/%Y")


def format_datetime(value: dt.date | dt.datetime | None) -> str:
    """dd/mm/yyyy HH:MM in Asia/Karachi; a bare date prints as a date (the hour is often unknown)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return _local(value).strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def _local(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(PAKISTAN)


def format_cnic(value: str) -> str:
    """A 13-digit CNIC or B-form number as #####-#######-#; anything else (e.g. an already masked
    number, a passport number) is printed as given."""
    digits = re.sub(r"\D", "", value or "")
    if len(digits) == 13 and re.fullmatch(r"[\d\s-]+", value.strip()):
        return f"{digits[:5]}-{digits[5:12]}-{digits[12]}"
    return (value or "").strip()


def mask_cnic(value: str) -> str:
    """Only the last four digits stay readable: *****-****567-8."""
    digits = re.sub(r"\D", "", value or "")
    if not digits:
        return ""
    last4 = digits[-4:]
    if len(digits) == 13:
        return f"*****-****{last4[:3]}-{last4[3]}"
    return "*" * max(len(digits) - 4, 0) + last4


def mask_phone(value: str) -> str:
    digits = re.sub(r"\D", "", value or "")
    return ("*" * max(len(digits) - 4, 0) + digits[-4:]) if digits else ""


def format_pkr(amount: int | None) -> str:
    """PKR with thousands separators: PKR 2,500,000."""
    if amount is None:
        return ""
    return f"PKR {amount:,}"


def initials(name: str) -> str:
    """'Muhammad Imran' -> 'M. I.'; used instead of a victim's or child's name outside the police."""
    parts = [p for p in re.split(r"[\s.]+", name or "") if p]
    return " ".join(f"{p[0].upper()}." for p in parts) or "—"


# ---------------------------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Address:
    """An address kept in parts, so that masking can keep the tehsil and district and drop the rest."""

    line: str = ""  # house, street, village / mohalla
    tehsil: str = ""
    district: str = ""

    def printed(self) -> str:
        parts = [self.line.strip()]
        if self.tehsil:
            parts.append(f"Tehsil {self.tehsil}")
        if self.district:
            parts.append(f"District {self.district}")
        return ", ".join(p for p in parts if p)

    def reduced_to_tehsil(self) -> Address:
        return Address(line="", tehsil=self.tehsil, district=self.district)


@dataclass(frozen=True)
class PersonEntry:
    """A complainant, informant, accused or witness, as the summary prints them."""

    name: str
    record_ref: str = ""  # short reference into the Persons register, printed when the name is masked
    name_urdu: str = ""
    father_name: str = ""
    cnic: str = ""
    phones: tuple[str, ...] = ()
    address: Address | None = None
    role: str = ""  # e.g. "agent", "sub-agent", "facilitator"
    status: str = ""  # e.g. "absconding", "arrested"
    aliases: tuple[str, ...] = ()
    age_years: int | None = None
    sex: str = ""
    is_child: bool = False


@dataclass(frozen=True)
class VictimEntry:
    """A trafficked or smuggled person, or a child found at work."""

    name: str
    record_ref: str = ""
    name_urdu: str = ""
    father_name: str = ""
    age_years: int | None = None
    sex: str = ""
    id_number: str = ""  # CNIC, or B-form number for a child
    id_kind: Literal["cnic", "b_form", ""] = ""
    status: str = ""  # missing, deceased, detained abroad, returned, in transit, withdrawn from labour
    route: str = ""
    country_of_incident: str = ""
    date_of_departure: dt.date | None = None
    date_of_incident: dt.date | None = None
    amount_paid_pkr: int | None = None
    ransom_paid_pkr: int | None = None
    address: Address | None = None
    family_phone: str = ""

    @property
    def is_child(self) -> bool:
        return self.age_years is not None and self.age_years < 18


@dataclass(frozen=True)
class Occurrence:
    at: dt.date | dt.datetime | None = None  # a date when the hour is unknown
    until: dt.date | dt.datetime | None = None  # for offences that run over a period (bondage, a journey)
    place: str = ""
    distance_and_direction_from_station: str = ""  # e.g. "about 14 km north-west"


@dataclass(frozen=True)
class FactEntry:
    """One dated line of the brief facts, with where the officer learnt it."""

    date: dt.date | None
    text: str
    source: str = ""  # e.g. "Inspection 12/03/2026 at Al-Madina brick kiln"


@dataclass(frozen=True)
class FindingBlock:
    """A small block of inspection findings: a heading and key/value lines."""

    title: str
    items: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class MeetingEntry:
    date: dt.date | None
    place: str = ""
    attendees: str = ""
    summary: str = ""


@dataclass(frozen=True)
class SectionEntry:
    """A law section the officer confirmed for the FIR (the catalogue only suggests)."""

    act_short: str  # e.g. "PTPA 2018", "PPC"
    section: str  # e.g. "3", "420"
    title: str = ""
    max_punishment: str = ""
    unverified: bool = False  # the catalogue did not read this section's text: printed with an UNVERIFIED mark
    offence: bool = True  # False for a procedural or evidential provision (never a charge)

    def label(self) -> str:
        return section_label(self.act_short, self.section)


def section_label(act_short: str, section: str) -> str:
    return f"{act_short} s. {section}".strip()


@dataclass(frozen=True)
class EvidenceEntry:
    item: str
    detail: str = ""
    reference: str = ""  # e.g. the record or exhibit it comes from


@dataclass(frozen=True)
class ActionEntry:
    date: dt.date | None
    text: str


@dataclass(frozen=True)
class FirDetails:
    """An FIR already registered for the case: it leads section 0 and changes the summary's title."""

    number: str
    date: dt.date | None = None
    police_station: str = ""


@dataclass(frozen=True)
class Signatory:
    """Who prepared or verified the summary; a blank one prints lines to fill in by hand."""

    name: str = ""
    rank: str = ""
    designation: str = ""


@dataclass(frozen=True)
class FirSummaryData:
    case_id: str
    case_title: str
    offence_category: str
    police_station: str
    district: str
    station_code: str
    occurrence: Occurrence
    report_time: dt.date | dt.datetime | None
    complainant: PersonEntry | None
    printed_at: dt.datetime
    informant: PersonEntry | None = None
    accused: tuple[PersonEntry, ...] = ()
    victims: tuple[VictimEntry, ...] = ()
    facts: tuple[FactEntry, ...] = ()
    inspection_findings: tuple[FindingBlock, ...] = ()
    meetings: tuple[MeetingEntry, ...] = ()
    sections: tuple[SectionEntry, ...] = ()
    evidence: tuple[EvidenceEntry, ...] = ()
    witnesses: tuple[PersonEntry, ...] = ()
    action_taken: tuple[ActionEntry, ...] = ()
    narrative: str = ""
    prepared_by: Signatory = field(default_factory=Signatory)
    verified_by: Signatory = field(default_factory=Signatory)
    copy_number: int = 1
    audience: Audience = "police"
    masked: bool = False  # set by masked_for_audience(); a masked copy is never masked twice
    case_number: str = ""  # the number people say aloud, e.g. AHTC/PHALIA/2026/014; the id stays in the seal
    fir: FirDetails | None = None
    catalogue: str = ""  # e.g. "law-section catalogue 2.0.0 of 01/12/2026"
    act_notes: tuple[str, ...] = ()  # who investigates and which court tries, per Act of the chosen sections
    masking_note: str = ""  # exactly what this copy masks (set by masked_for_audience)

    @property
    def reference(self) -> str:
        """How the summary names the case on every page: its number, or the record id when it has none."""
        return self.case_number or self.case_id

    def __post_init__(self) -> None:
        if self.audience not in AUDIENCES:
            raise ValueError(f"unknown audience {self.audience!r}; expected one of {', '.join(AUDIENCES)}")
        if not self.case_id or "|" in self.case_id:
            # The case id is a field of the QR payload, which is '|'-separated.
            raise ValueError("case_id must be non-empty and must not contain '|'")
        if self.copy_number < 1:
            raise ValueError("copy_number starts at 1")

    def masked_for_audience(self) -> FirSummaryData:
        """The copy that may be printed for `audience`, with `masking_note` saying exactly what it hides.

        Police: nothing is masked. Prosecutor: everyone's particulars in full (the accused, complainant and
        witnesses, and the victims, whom the prosecutor must summon), except a child victim's B-form or CNIC,
        family phone and street address (tehsil and district stay). NGO referral: victims' and children's
        names become initials plus a record reference (their fathers' names too), witnesses' names likewise,
        every CNIC/B-form and phone keeps its last four digits, addresses keep tehsil and district, and the
        masked names and numbers are replaced in the free text.
        """
        if self.masked or self.audience == "police":
            note = "Nothing is masked in this copy." if self.audience == "police" else self.masking_note
            return replace(self, masked=True, masking_note=note)
        if self.audience == "prosecutor":
            return self._masked_for_prosecutor()
        return self._masked_for_referral()

    def _masked_for_prosecutor(self) -> FirSummaryData:
        scrub: dict[str, str] = {}
        hidden: list[str] = []

        def victim(v: VictimEntry) -> VictimEntry:
            if not v.is_child:
                return v
            hidden.append(v.record_ref or initials(v.name))
            _add_number_scrubs(scrub, v.id_number, v.family_phone)
            return replace(
                v,
                id_number=mask_cnic(v.id_number),
                family_phone=mask_phone(v.family_phone),
                address=v.address.reduced_to_tehsil() if v.address else None,
            )

        victims = tuple(victim(v) for v in self.victims)
        if hidden:
            note = (
                f"Masked in this copy: the B-form or CNIC number (last 4 digits kept), the family phone (last 4 "
                f"digits kept) and the street address (tehsil and district kept) of the {len(hidden)} child "
                f"victim(s) ({', '.join(hidden)}). Everything else is printed in full. Child-victim identities: "
                "do not disclose."
            )
        else:
            note = "Nothing is masked in this copy (no child victim)."
        return self._with_free_text_scrubbed(scrub, victims=victims, masking_note=note)

    def _masked_for_referral(self) -> FirSummaryData:
        scrub: dict[str, str] = {}

        def person(p: PersonEntry, *, hide_name: bool) -> PersonEntry:
            hide_name = hide_name or p.is_child
            name = p.name
            if hide_name:
                name = _masked_name(p.name, p.record_ref)
                scrub.update(_name_scrubs(p.name, name, p.name_urdu, p.father_name))
            _add_number_scrubs(scrub, p.cnic, *p.phones)
            return replace(
                p,
                name=name,
                name_urdu="" if hide_name else p.name_urdu,
                father_name=initials(p.father_name) if hide_name and p.father_name else p.father_name,
                aliases=() if hide_name else p.aliases,
                cnic=mask_cnic(p.cnic),
                phones=tuple(mask_phone(x) for x in p.phones),
                address=p.address.reduced_to_tehsil() if p.address else None,
            )

        def victim(v: VictimEntry) -> VictimEntry:
            name = _masked_name(v.name, v.record_ref)
            scrub.update(_name_scrubs(v.name, name, v.name_urdu, v.father_name))
            _add_number_scrubs(scrub, v.id_number, v.family_phone)
            return replace(
                v,
                name=name,
                name_urdu="",
                father_name=initials(v.father_name) if v.father_name else "",
                id_number=mask_cnic(v.id_number),
                family_phone=mask_phone(v.family_phone),
                address=v.address.reduced_to_tehsil() if v.address else None,
            )

        victims = tuple(victim(v) for v in self.victims)
        complainant = person(self.complainant, hide_name=False) if self.complainant else None
        informant = person(self.informant, hide_name=False) if self.informant else None
        accused = tuple(person(p, hide_name=False) for p in self.accused)
        witnesses = tuple(person(p, hide_name=True) for p in self.witnesses)
        note = (
            "Masked in this copy: victims' and witnesses' names (initials and a record reference), their fathers' "
            "names and Urdu names; everyone's CNIC/B-form and phone numbers (last 4 digits kept); everyone's street "
            "address (tehsil and district kept); the same names and numbers in the free text."
        )
        return self._with_free_text_scrubbed(
            scrub,
            victims=victims,
            complainant=complainant,
            informant=informant,
            accused=accused,
            witnesses=witnesses,
            masking_note=note,
        )

    def _with_free_text_scrubbed(self, scrub: dict[str, str], **changed: Any) -> FirSummaryData:
        # A victim's father is often the complainant, named in full where the case needs him; free
        # text keeps the name of anyone the copy prints unmasked, so the copy does not contradict itself.
        people = (
            changed.get("complainant", self.complainant),
            changed.get("informant", self.informant),
            *changed.get("accused", self.accused),
            *changed.get("witnesses", self.witnesses),
        )
        named = {p.name.casefold() for p in people if p}
        scrub = {k: v for k, v in scrub.items() if k.casefold() not in named}

        def text(s: str) -> str:
            return _scrub_text(s, scrub)

        return replace(
            self,
            **changed,
            occurrence=replace(self.occurrence, place=text(self.occurrence.place)),
            facts=tuple(replace(f, text=text(f.text), source=text(f.source)) for f in self.facts),
            inspection_findings=tuple(
                replace(b, title=text(b.title), items=tuple((k, text(v)) for k, v in b.items))
                for b in self.inspection_findings
            ),
            meetings=tuple(
                replace(m, place=text(m.place), attendees=text(m.attendees), summary=text(m.summary))
                for m in self.meetings
            ),
            evidence=tuple(replace(e, item=text(e.item), detail=text(e.detail)) for e in self.evidence),
            action_taken=tuple(replace(a, text=text(a.text)) for a in self.action_taken),
            narrative=text(self.narrative),
            case_title=text(self.case_title),
            masked=True,
        )

    def to_content_dict(self) -> dict[str, Any]:
        """Plain JSON-able content (dates as ISO strings), the input of the document hash."""
        content: dict[str, Any] = _jsonable(dataclasses.asdict(self))
        content["schema"] = SCHEMA
        return content


def _masked_name(name: str, record_ref: str) -> str:
    return f"{initials(name)} (ref {record_ref})" if record_ref else initials(name)


def _name_scrubs(name: str, replacement: str, name_urdu: str, father_name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    if name.strip():
        out[name] = replacement
    if name_urdu.strip():
        out[name_urdu] = replacement
    if father_name.strip():
        out[father_name] = initials(father_name)
    return out


def _add_number_scrubs(scrub: dict[str, str], *numbers: str) -> None:
    for number in numbers:
        digits = re.sub(r"\D", "", number or "")
        if len(digits) >= 7:
            # Free text may write the number with or without dashes or spaces.
            scrub[number] = mask_cnic(number) if len(digits) == 13 else mask_phone(number)


def _scrub_text(text: str, scrub: Mapping[str, str]) -> str:
    if not text or not scrub:
        return text
    for original in sorted(scrub, key=len, reverse=True):
        digits = re.sub(r"\D", "", original)
        if len(digits) >= 7 and digits == re.sub(r"[\s-]", "", original):
            pattern = r"(?<!\d)" + r"[\s-]?".join(re.escape(d) for d in digits) + r"(?!\d)"
        else:
            pattern = r"(?<!\w)" + re.escape(original.strip()) + r"(?!\w)"
        # A function, not a string, so a replacement is never read as a regex template.
        text = re.sub(pattern, functools.partial(_constant, scrub[original]), text, flags=re.IGNORECASE)
    return text


def _constant(value: str, _match: re.Match[str]) -> str:
    return value


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def printed_people(content: Mapping[str, Any], key: str) -> Iterable[Mapping[str, Any]]:
    """The person dicts under `key` of a content dict (one for complainant/informant, a list otherwise)."""
    value = content.get(key)
    if value is None:
        return []
    if isinstance(value, Mapping):
        return [value]
    return list(value)


# ---------------------------------------------------------------------------------------------
# Back from the sealed JSON (the verifier re-renders what was sealed and compares the pages)
# ---------------------------------------------------------------------------------------------


def _date(value: str | None) -> dt.date | dt.datetime | None:
    if not value:
        return None
    if "T" in value:
        return dt.datetime.fromisoformat(value)
    return dt.date.fromisoformat(value)


def _day(value: str | None) -> dt.date | None:
    parsed = _date(value)
    return parsed.date() if isinstance(parsed, dt.datetime) else parsed


def _address_from(value: Mapping[str, Any] | None) -> Address | None:
    return Address(**value) if value else None


def _person_from(value: Mapping[str, Any] | None) -> PersonEntry | None:
    if value is None:
        return None
    fields = dict(value)
    fields["phones"] = tuple(fields.get("phones", ()))
    fields["aliases"] = tuple(fields.get("aliases", ()))
    fields["address"] = _address_from(fields.get("address"))
    return PersonEntry(**fields)


def _victim_from(value: Mapping[str, Any]) -> VictimEntry:
    fields = dict(value)
    fields["address"] = _address_from(fields.get("address"))
    fields["date_of_departure"] = _day(fields.get("date_of_departure"))
    fields["date_of_incident"] = _day(fields.get("date_of_incident"))
    return VictimEntry(**fields)


def from_content_dict(content: Mapping[str, Any]) -> FirSummaryData:
    """Rebuild the printed data from `to_content_dict()` output (extra keys such as schema are ignored)."""
    occurrence = dict(content["occurrence"])
    printed_at = _date(content["printed_at"])
    assert isinstance(printed_at, dt.datetime)
    return FirSummaryData(
        case_id=content["case_id"],
        case_title=content["case_title"],
        offence_category=content["offence_category"],
        police_station=content["police_station"],
        district=content["district"],
        station_code=content["station_code"],
        occurrence=Occurrence(
            at=_date(occurrence.get("at")),
            until=_date(occurrence.get("until")),
            place=occurrence.get("place", ""),
            distance_and_direction_from_station=occurrence.get("distance_and_direction_from_station", ""),
        ),
        report_time=_date(content.get("report_time")),
        complainant=_person_from(content.get("complainant")),
        informant=_person_from(content.get("informant")),
        accused=tuple(p for p in (_person_from(x) for x in content.get("accused", ())) if p),
        victims=tuple(_victim_from(x) for x in content.get("victims", ())),
        facts=tuple(FactEntry(_day(x["date"]), x["text"], x.get("source", "")) for x in content.get("facts", ())),
        inspection_findings=tuple(
            FindingBlock(x["title"], tuple((k, v) for k, v in x.get("items", ())))
            for x in content.get("inspection_findings", ())
        ),
        meetings=tuple(
            MeetingEntry(_day(x["date"]), x.get("place", ""), x.get("attendees", ""), x.get("summary", ""))
            for x in content.get("meetings", ())
        ),
        sections=tuple(SectionEntry(**x) for x in content.get("sections", ())),
        evidence=tuple(EvidenceEntry(**x) for x in content.get("evidence", ())),
        witnesses=tuple(p for p in (_person_from(x) for x in content.get("witnesses", ())) if p),
        action_taken=tuple(ActionEntry(_day(x["date"]), x["text"]) for x in content.get("action_taken", ())),
        narrative=content.get("narrative", ""),
        prepared_by=Signatory(**content.get("prepared_by", {})),
        verified_by=Signatory(**content.get("verified_by", {})),
        printed_at=printed_at,
        copy_number=int(content.get("copy_number", 1)),
        audience=content.get("audience", "police"),
        masked=bool(content.get("masked", False)),
        case_number=content.get("case_number", ""),
        fir=_fir_from(content.get("fir")),
        catalogue=content.get("catalogue", ""),
        act_notes=tuple(content.get("act_notes", ())),
        masking_note=content.get("masking_note", ""),
    )


def _fir_from(value: Mapping[str, Any] | None) -> FirDetails | None:
    if not value:
        return None
    return FirDetails(value["number"], _day(value.get("date")), value.get("police_station", ""))
