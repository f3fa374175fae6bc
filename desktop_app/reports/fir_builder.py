"""Build an FIR-support summary for one case from the store, and print it: signed, written atomically, logged.

The case draws on other registers: persons linked to it (complainant, accused, witnesses), the victims,
children, inspections and sites linked to it, the agents linked to those victims and the meetings with
their families. Victims, children and meetings are read through `Records.get(..., purpose="print")`, so
the audit chain shows whose records went into a printed summary; the print itself is one more entry
carrying the copy number and the audience.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.errors import AhtcError, NotFound
from desktop_app.models.audit import AuditEntry
from desktop_app.models.station import StationInfo
from desktop_app.reports.case_sections import (
    age_on,
    confirmed_act_notes,
    confirmed_entries,
    known_fact_tags,
    profile_from_records,
)
from desktop_app.reports.fir_pdf import RenderResult, render_fir_summary
from desktop_app.reports.fir_summary_data import (
    AUDIENCES,
    ActionEntry,
    Address,
    EvidenceEntry,
    FactEntry,
    FindingBlock,
    FirDetails,
    FirSummaryData,
    MeetingEntry,
    Occurrence,
    PersonEntry,
    Signatory,
    VictimEntry,
    format_date,
    format_pkr,
)
from desktop_app.reports.law_sections import CaseProfile, Catalogue, load_catalogue
from desktop_app.reports.summary_seal import CONTENT_FILE_NAME, Signer, ed25519_signer
from desktop_app.services import audit, permissions
from desktop_app.services.context import Context
from desktop_app.services.records import ListQuery, Records
from desktop_app.services.registry import State
from desktop_app.store.atomic import write_atomic

PRINT_ACTION = "print"
# Roles of a person linked to a case that put them among the accused on the FIR form.
ACCUSED_ROLES = ("accused", "agent", "suspect", "facilitator", "owner")
# Roles of a person linked to a victim that make them a suspect in that victim's case.
VICTIM_AGENT_ROLES = ("agent", "facilitator", "suspect")
REF_PREFIX = {"persons": "PER", "victims": "VIC", "children": "CHI", "inspections": "INS", "family_meetings": "MTG"}
_PRINT_ATTEMPTS = 3
ROUTE_LABELS = {
    "iran_turkey_greece": "Iran - Turkey - Greece land route",
    "libya_italy_sea": "Libya - Italy sea route",
    "gulf_overstay": "Gulf (overstayed visa)",
    "air_forged_documents": "air route on forged documents",
    "other": "other route",
}
# How a victim's status reads in a sentence about where it happened.
STATUS_PHRASES = {
    "missing": "went missing",
    "deceased": "died",
    "detained_abroad": "detained",
    "returned": "returned to Pakistan after the incident",
    "in_transit": "still in transit",
}
ROLE_DESIGNATIONS = {"sho": "SHO", "officer": "Officer", "district_analyst": "District analyst", "viewer": "Viewer"}
_DATED = ("inspections", "family_meetings", "referrals", "case_status_changes")


class PrintConflict(AhtcError):
    """Someone else kept printing the same case while this copy was being drawn."""


def record_ref(register: str, record_id: str) -> str:
    """A short reference an officer can read out and find again (register prefix, first 8 hex digits)."""
    return f"{REF_PREFIX.get(register, register[:3].upper())}-{record_id.replace('-', '')[:8].upper()}"


# ---------------------------------------------------------------------------------------------
# Station key
# ---------------------------------------------------------------------------------------------


def _station_private_key(ctx: Context) -> bytes:
    with ctx.store.session() as session:
        info = session.get(StationInfo, 1)
        raw = (info.identity or {}).get("sign") if info is not None else None
    if not raw:
        raise AhtcError("this store has no station signing key; it cannot sign summaries")
    return base64.b64decode(raw)


def station_signer(ctx: Context) -> Signer:
    """Signs with the station's Ed25519 key; the key stays inside the encrypted store and this process."""
    permissions.require(ctx, permissions.PRINT)
    return ed25519_signer(_station_private_key(ctx))


def station_public_key(ctx: Context) -> bytes:
    """The station's raw 32-byte Ed25519 public key, which checks the seal of its summaries."""
    permissions.require(ctx, permissions.READ)
    key = Ed25519PrivateKey.from_private_bytes(_station_private_key(ctx))
    return key.public_key().public_bytes_raw()


def sealed_station_code(pdf_path: Path | str) -> str | None:
    """The station code named in a summary's embedded content, or None when it cannot be read.

    Only used to pick the key to check with: a changed station code also breaks the content hash.
    """
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(Path(pdf_path).read_bytes()))
        files = reader.attachments.get(CONTENT_FILE_NAME)
        content = json.loads(bytes(files[0]).decode("utf-8")) if files else None
    except Exception:  # any damage is reported by verify_summary itself
        return None
    code = content.get("station_code") if isinstance(content, dict) else None
    return code if isinstance(code, str) else None


# ---------------------------------------------------------------------------------------------
# Copy numbers
# ---------------------------------------------------------------------------------------------


def _prints_so_far(session: Session, case_id: str) -> int:
    stmt = (
        select(func.count())
        .select_from(AuditEntry)
        .where(AuditEntry.action == PRINT_ACTION, AuditEntry.register == "cases", AuditEntry.record_id == case_id)
    )
    return int(session.scalar(stmt) or 0)


def next_copy_number(ctx: Context, case_id: str) -> int:
    with ctx.store.session() as session:
        return _prints_so_far(session, case_id) + 1


# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------


@dataclass
class _Gathered:
    """What the builder has read for one case, before it is shaped into the summary."""

    case: State
    persons: dict[str, State]
    case_people: list[State]  # person_links on the case
    victims: list[State]
    victim_agents: dict[str, list[str]]  # person id -> victim ids
    children: list[State]
    inspections: list[State]
    sites: dict[str, State]
    meetings: list[State]
    referrals: list[State]
    status_steps: list[State]


def build_fir_summary(
    ctx: Context,
    case_id: str,
    *,
    audience: str = "police",
    copy_number: int | None = None,
    prepared_by: Signatory | None = None,
    verified_by: Signatory | None = None,
    catalogue: Catalogue | None = None,
) -> FirSummaryData:
    """The summary of one case as the store knows it now, for `audience` (masking happens at rendering).

    Needs the PRINT permission. Every victim, child and family-meeting record it uses is read with
    purpose "print", leaving its own audit entry. `copy_number` defaults to one more than the prints of
    this case already in the audit chain.
    """
    permissions.require(ctx, permissions.PRINT)
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}; expected one of {', '.join(AUDIENCES)}")
    got = _gather(ctx, case_id)
    case = got.case
    catalogue = catalogue or load_catalogue()
    if copy_number is None:
        copy_number = next_copy_number(ctx, case_id)

    accused, witnesses, complainant, informant = _people(got)
    victims = [_victim_entry(v) for v in got.victims] + [_child_entry(c, got.sites) for c in got.children]
    victims += [_person_as_victim(got.persons[link["person_id"]]) for link in _links(got, ("victim",))]

    facts = [t for t in case.get("fact_tags") or [] if isinstance(t, str)]
    known_facts, _unknown = known_fact_tags(catalogue, facts)
    fir = None
    if case.get("fir_number"):
        fir = FirDetails(case["fir_number"], case.get("fir_date"), case.get("fir_station") or "")
    return FirSummaryData(
        case_id=case["id"],
        case_number=case.get("case_number") or "",
        fir=fir,
        catalogue=catalogue.stamp,
        act_notes=confirmed_act_notes(catalogue, case.get("sections") or [], known_facts),
        case_title=case["title"],
        offence_category=case["offence_category"],
        police_station=ctx.station.station_name,
        district=ctx.station.district,
        station_code=ctx.station.station_code,
        occurrence=Occurrence(
            at=case.get("occurrence_date"),
            place=case.get("occurrence_place") or "",
            distance_and_direction_from_station=case.get("distance_direction") or "",
        ),
        report_time=case.get("report_date"),
        complainant=complainant,
        informant=informant,
        accused=tuple(accused),
        victims=tuple(victims),
        facts=tuple(_facts(got)),
        inspection_findings=tuple(_inspection_block(i, got) for i in got.inspections),
        meetings=tuple(_meeting_entry(m, got) for m in got.meetings),
        sections=confirmed_entries(catalogue, case.get("sections") or []),
        evidence=tuple(_evidence(got)),
        witnesses=tuple(witnesses),
        action_taken=tuple(_actions(got)),
        narrative=case.get("narrative") or "",
        prepared_by=prepared_by or _signatory(ctx),
        verified_by=verified_by or Signatory(),
        printed_at=ctx.clock.now(),
        copy_number=copy_number,
        audience=audience,  # checked against AUDIENCES above
    )


def case_profile(ctx: Context, case_id: str, catalogue: Catalogue | None = None) -> CaseProfile:
    """What the suggestion rules look at for a case: category, ticked facts, the linked victims' and children's
    ages and sexes, and where the work was done (the linked sites' kinds; abroad for a migration victim)."""
    permissions.require(ctx, permissions.READ)
    catalogue = catalogue or load_catalogue()
    got = _gather(ctx, case_id, purpose="view")
    victims: list[tuple[int | None, str, str]] = []
    for v in got.victims:
        victims.append((v.get("age_years"), v.get("sex") or "", record_ref("victims", v["id"])))
    for c in got.children:
        victims.append((_child_age(c), c.get("sex") or "", record_ref("children", c["id"])))
    site_kinds = [site["kind"] for site in got.sites.values()]
    return profile_from_records(
        got.case["offence_category"],
        got.case.get("fact_tags") or [],
        victims=victims,
        site_kinds=site_kinds,
        abroad=bool(got.victims),
        catalogue=catalogue,
    )


def _signatory(ctx: Context) -> Signatory:
    """By default the summary is prepared by whoever prints it; the rank is left to be written by hand."""
    return Signatory(name=ctx.actor.display_name, designation=ROLE_DESIGNATIONS.get(ctx.actor.role, ctx.actor.role))


def _gather(ctx: Context, case_id: str, *, purpose: str = "print") -> _Gathered:
    records = Records(ctx)
    case = records.get("cases", case_id, purpose=purpose)

    def listed(register_name: str, /, **filters: Any) -> list[State]:
        if any(isinstance(v, list | tuple | set) and not v for v in filters.values()):
            return []
        order = "date" if register_name in _DATED else "created_at"
        return records.list(register_name, ListQuery(filters=filters, order_by=order, descending=False, limit=None))

    def sensitive(register: str, ids: Iterable[str]) -> list[State]:
        out = []
        for record_id in dict.fromkeys(ids):
            with contextlib.suppress(NotFound):  # a linked record deleted since: nothing to print
                out.append(records.get(register, record_id, purpose=purpose))
        return out

    links = listed("case_links", case_id=case_id)
    linked: dict[str, list[str]] = {}
    for link in links:
        linked.setdefault(link["register"], []).append(link["record_id"])

    victims = sensitive("victims", linked.get("victims", []))
    victim_ids = [v["id"] for v in victims]
    inspections = listed("inspections", id=linked.get("inspections", []))
    inspection_ids = [i["id"] for i in inspections]
    # Children rescued at a linked inspection belong to the case as surely as directly linked ones.
    found_at = [c["id"] for c in listed("children", inspection_id=inspection_ids)]
    children = sensitive("children", [*linked.get("children", []), *found_at])
    meeting_ids = [m["id"] for m in listed("family_meetings", victim_id=victim_ids)]
    meetings = sensitive("family_meetings", [*meeting_ids, *linked.get("family_meetings", [])])
    meetings.sort(key=lambda m: (m["date"], m["id"]))

    case_people = listed("person_links", register="cases", record_id=case_id)
    agent_links = [
        link
        for link in listed("person_links", register="victims", record_id=victim_ids)
        if link["role"] in VICTIM_AGENT_ROLES
    ]
    victim_agents: dict[str, list[str]] = {}
    for link in agent_links:
        victim_agents.setdefault(link["person_id"], []).append(link["record_id"])

    site_ids = {i["site_id"] for i in inspections} | set(linked.get("sites", []))
    site_ids |= {c["site_id"] for c in children if c.get("site_id")}
    sites = {s["id"]: s for s in listed("sites", id=sorted(site_ids))}
    owner_ids = {s["owner_id"] for s in sites.values() if s.get("owner_id")}
    person_ids = {link["person_id"] for link in case_people} | set(victim_agents) | owner_ids
    persons = {p["id"]: p for p in listed("persons", id=sorted(person_ids))}
    subject_ids = [*victim_ids, *(c["id"] for c in children)]
    referrals = listed("referrals", subject_id=subject_ids) + listed("referrals", id=linked.get("referrals", []))
    referrals = list({r["id"]: r for r in referrals}.values())
    steps = listed("case_status_changes", case_id=case_id)
    return _Gathered(
        case=case,
        persons=persons,
        case_people=[link for link in case_people if link["person_id"] in persons],
        victims=victims,
        victim_agents={p: v for p, v in victim_agents.items() if p in persons},
        children=children,
        inspections=inspections,
        sites=sites,
        meetings=meetings,
        referrals=referrals,
        status_steps=steps,
    )


def _links(got: _Gathered, roles: Sequence[str]) -> list[State]:
    return [link for link in got.case_people if link["role"] in roles]


def _pretty(code: str | None) -> str:
    return (code or "").replace("_", " ")


def _address(row: State) -> Address | None:
    line = (row.get("address") or "").strip()
    village = (row.get("village") or "").strip()
    if village and village.casefold() not in line.casefold():
        line = f"{line}, {village}" if line else village
    tehsil = (row.get("tehsil") or "").strip()
    if not (line or tehsil):
        return None
    return Address(line=line, tehsil=tehsil)


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (value or "").split(",") if x.strip())


def _person_entry(person: State, role: str) -> PersonEntry:
    return PersonEntry(
        name=person["name"],
        record_ref=record_ref("persons", person["id"]),
        father_name=person.get("father_name") or "",
        cnic=person.get("cnic") or "",
        phones=_split(person.get("phones")),
        address=_address(person),
        role=role,
        status=person.get("status") or "",
        aliases=_split(person.get("aliases")),
    )


def _people(got: _Gathered) -> tuple[list[PersonEntry], list[PersonEntry], PersonEntry | None, PersonEntry | None]:
    """(accused, witnesses, complainant, informant): the first complainant linked to the case is the
    complainant, a second the informant; further complainants are listed with the witnesses."""
    accused: list[PersonEntry] = []
    placed: set[str] = set()
    for link in _links(got, ACCUSED_ROLES):
        person = got.persons[link["person_id"]]
        if person["id"] in placed:
            continue
        placed.add(person["id"])
        role = link["role"]
        if role == "accused" and person["role"] in ACCUSED_ROLES and person["role"] != "accused":
            role = f"accused ({person['role']})"
        accused.append(_person_entry(person, role))
    # Agents of the linked victims, not yet linked to the case themselves, are who the FIR is usually against.
    for person_id, victim_ids in got.victim_agents.items():
        if person_id in placed:
            continue
        placed.add(person_id)
        person = got.persons[person_id]
        count = len(set(victim_ids))
        role = f"{person['role']} of {count} linked victims" if count > 1 else f"{person['role']} of a linked victim"
        accused.append(_person_entry(person, role))

    complainants = [_person_entry(got.persons[x["person_id"]], "complainant") for x in _links(got, ("complainant",))]
    witnesses = [_person_entry(got.persons[x["person_id"]], "witness") for x in _links(got, ("witness",))]
    complainant = complainants[0] if complainants else None
    informant = complainants[1] if len(complainants) > 1 else None
    return accused, [*witnesses, *complainants[2:]], complainant, informant


def _victim_entry(v: State) -> VictimEntry:
    cnic = v.get("cnic") or ""
    return VictimEntry(
        name=v["name"],
        record_ref=record_ref("victims", v["id"]),
        father_name=v.get("father_name") or "",
        age_years=v.get("age_years"),
        sex=v.get("sex") or "",
        id_number=cnic,
        id_kind="cnic" if cnic else "",
        status=v.get("status") or "",
        route=ROUTE_LABELS.get(v.get("route") or "", _pretty(v.get("route"))),
        country_of_incident=v.get("country_of_incident") or "",
        date_of_departure=v.get("date_of_departure"),
        date_of_incident=v.get("date_of_incident"),
        amount_paid_pkr=v.get("amount_paid_pkr"),
        ransom_paid_pkr=v.get("ransom_paid_pkr"),
        address=_address(v),
        family_phone=v.get("family_phone") or "",
    )


def _child_age(c: State) -> int | None:
    if c.get("age_years") is not None:
        return int(c["age_years"])
    return age_on(c.get("date_of_birth"), c.get("rescue_date"))


def _child_entry(c: State, sites: dict[str, State]) -> VictimEntry:
    site = sites.get(c.get("site_id") or "")
    status = "withdrawn from labour" + (f" (now {_pretty(c['status'])})" if c.get("status") != "withdrawn" else "")
    return VictimEntry(
        name=c["name"],
        record_ref=record_ref("children", c["id"]),
        father_name=c.get("father_name") or c.get("guardian_name") or "",
        age_years=_child_age(c),
        sex=c.get("sex") or "",
        id_number=c.get("b_form_no") or "",
        id_kind="b_form" if c.get("b_form_no") else "",
        status=status,
        route=f"found at {site['name']}" if site else "",
        date_of_incident=c.get("rescue_date"),
        address=_address(c),
        family_phone=c.get("guardian_phone") or "",
    )


def _person_as_victim(p: State) -> VictimEntry:
    return VictimEntry(
        name=p["name"],
        record_ref=record_ref("persons", p["id"]),
        father_name=p.get("father_name") or "",
        id_number=p.get("cnic") or "",
        id_kind="cnic" if p.get("cnic") else "",
        address=_address(p),
        family_phone=next(iter(_split(p.get("phones"))), ""),
    )


def _site_label(site: State | None) -> str:
    if site is None:
        return "a site not in this store"
    return f"{site['name']} ({_pretty(site['kind'])}, {site.get('village') or site['tehsil']})"


def _count(value: int | None, total: int | None = None) -> str:
    if value is None:
        return "not counted"
    return f"{value} of {total}" if total else str(value)


def _yes_no(value: bool | None) -> str:
    return "not recorded" if value is None else ("yes" if value else "no")


def _inspection_block(i: State, got: _Gathered) -> FindingBlock:
    site = got.sites.get(i["site_id"])
    items: list[tuple[str, str]] = [("Officers", i["officers"])]
    if site is not None:
        owner = got.persons.get(site.get("owner_id") or "")
        registration = _pretty(site.get("registration_status"))
        if site.get("licence_no"):
            registration += f", licence {site['licence_no']}"
        items += [("Site registration", registration)]
        if owner is not None:
            items.append(("Owner", owner["name"]))
    total = i.get("workers_total")
    if total is not None:
        items += [
            ("Workers found", str(total)),
            ("In debt bondage (peshgi)", _count(i.get("workers_bonded"), total)),
            ("Unaware of the minimum wage", _count(i.get("workers_unaware_min_wage"), total)),
            ("Illiterate", _count(i.get("workers_illiterate"), total)),
            ("With a written contract", _count(i.get("workers_with_contract"), total)),
            ("EOBI-registered", _count(i.get("workers_eobi"), total)),
        ]
    items.append(("Children found / withdrawn", f"{i.get('children_found') or 0} / {i.get('children_withdrawn') or 0}"))
    if i.get("hazards"):
        items.append(("Hazards", i["hazards"]))
    if any(i.get(k) is not None for k in ("licence_shown", "staff_list_shown", "advisory_shown")):
        items += [
            ("Licence shown", _yes_no(i.get("licence_shown"))),
            ("Staff list shown", _yes_no(i.get("staff_list_shown"))),
            ("Public advisory shown", _yes_no(i.get("advisory_shown"))),
        ]
    if i.get("notice_issued"):
        deadline = format_date(i.get("compliance_deadline")) or "no deadline set"
        items.append(("Notice issued", f"yes, comply by {deadline}; complied: {_yes_no(i.get('notice_complied'))}"))
    if i.get("fir_recommended"):
        items.append(("FIR recommended", "yes"))
    if i.get("findings"):
        items.append(("Findings", i["findings"]))
    title = f"Inspection {format_date(i['date'])} at {_site_label(site)} (ref {record_ref('inspections', i['id'])})"
    return FindingBlock(title=title, items=tuple(items))


def _meeting_entry(m: State, got: _Gathered) -> MeetingEntry:
    victim = next((v for v in got.victims if v["id"] == m["victim_id"]), None)
    about = f"Family of {victim['name']}. " if victim else ""
    parts = [about.strip()]
    if m.get("support_given"):
        parts.append(f"Support given: {m['support_given']}.")
    if m.get("agent_information"):
        parts.append(f"On the agents: {m['agent_information']}")
    parts.append(
        "The family is willing to be the complainant."
        if m.get("family_willing_complainant")
        else "The family has not agreed to be the complainant."
    )
    if m.get("notes"):
        parts.append(m["notes"])
    if m.get("next_followup_due"):
        parts.append(f"Next follow-up due {format_date(m['next_followup_due'])}.")
    attendees = "; ".join(x.strip() for x in (m.get("attendees") or "").splitlines() if x.strip())
    return MeetingEntry(
        date=m["date"],
        place=m.get("place") or "",
        attendees=f"{attendees}. Officers: {m['officers']}" if attendees else f"Officers: {m['officers']}",
        summary=" ".join(p for p in parts if p),
    )


def _agents_of(got: _Gathered, victim_id: str) -> list[str]:
    return [got.persons[p]["name"] for p, victims in got.victim_agents.items() if victim_id in victims]


def _facts(got: _Gathered) -> list[FactEntry]:
    """Dated facts from every linked record, oldest first; undated ones last, in the order found."""
    facts: list[FactEntry] = []
    case = got.case
    if case.get("occurrence_date"):
        place = f" at {case['occurrence_place']}" if case.get("occurrence_place") else ""
        facts.append(FactEntry(case["occurrence_date"], f"Occurrence{place}: {case['title']}.", "Case record"))
    for v in got.victims:
        source = f"Victim record {record_ref('victims', v['id'])}"
        agents = _agents_of(got, v["id"])
        if v.get("date_of_departure"):
            # Facts open with an English word: a line whose first letter is Urdu is set right to left.
            text = f"Victim {v['name']} left for {v.get('country_of_incident') or 'abroad'}"
            route = ROUTE_LABELS.get(v.get("route") or "", _pretty(v.get("route")))
            text += f" by the {route}" if route else ""
            text += f" through {', '.join(agents)}" if agents else ""
            if v.get("amount_paid_pkr"):
                text += f"; {format_pkr(v['amount_paid_pkr'])} paid"
            facts.append(FactEntry(v["date_of_departure"], text + ".", source))
        if v.get("date_of_incident") or v.get("status"):
            status = v.get("status") or ""
            text = f"Victim {v['name']} {STATUS_PHRASES.get(status, _pretty(status))}"
            if v.get("country_of_incident"):
                text += f" ({v['country_of_incident']})" if status == "returned" else f" in {v['country_of_incident']}"
            if v.get("ransom_paid_pkr"):
                text += f"; ransom of {format_pkr(v['ransom_paid_pkr'])} paid by the family"
            facts.append(FactEntry(v.get("date_of_incident"), text + ".", source))
    for i in got.inspections:
        site = got.sites.get(i["site_id"])
        text = f"Inspection of {_site_label(site)}"
        counts = []
        if i.get("workers_total") is not None:
            counts.append(f"{i['workers_total']} workers")
        if i.get("workers_bonded"):
            counts.append(f"{i['workers_bonded']} in debt bondage (peshgi)")
        if i.get("children_found"):
            counts.append(f"{i['children_found']} children found at work, {i.get('children_withdrawn') or 0} withdrawn")
        if counts:
            text += ": " + ", ".join(counts)
        if i.get("findings"):
            text += f". {i['findings']}"
        source = f"Inspection {format_date(i['date'])} ({record_ref('inspections', i['id'])})"
        facts.append(FactEntry(i["date"], text.rstrip(".") + ".", source))
    for c in got.children:
        site = got.sites.get(c.get("site_id") or "")
        age = _child_age(c)
        work = [x for x in (c.get("work"), c.get("hours_per_day") and f"{c['hours_per_day']} hours a day") if x]
        text = f"Child {c['name']}" + (f", aged {age}," if age is not None else "")
        text += " found at work" + (f" ({', '.join(work)})" if work else "")
        text += f" at {site['name']}" if site else ""
        text += "; withdrawn from labour"
        text += f" and handed over to {c['handed_over_to']}" if c.get("handed_over_to") else ""
        facts.append(FactEntry(c["rescue_date"], text + ".", f"Rescued child record {record_ref('children', c['id'])}"))
    for m in got.meetings:
        if m.get("agent_information"):
            facts.append(
                FactEntry(
                    m["date"],
                    f"At a meeting with the family: {m['agent_information']}",
                    f"Family meeting {format_date(m['date'])} ({record_ref('family_meetings', m['id'])})",
                )
            )
    if case.get("report_date"):
        facts.append(FactEntry(case["report_date"], "Reported to the police station.", "Case record"))
    return sorted(facts, key=lambda f: (f.date is None, f.date or dt.date.min))


def _evidence(got: _Gathered) -> list[EvidenceEntry]:
    out = [EvidenceEntry(line.strip()) for line in (got.case.get("evidence") or "").splitlines() if line.strip()]
    for i in got.inspections:
        out.append(
            EvidenceEntry(
                "Inspection record",
                f"{format_date(i['date'])}, {_site_label(got.sites.get(i['site_id']))}; officers {i['officers']}",
                record_ref("inspections", i["id"]),
            )
        )
    for m in got.meetings:
        out.append(
            EvidenceEntry(
                "Statement of the family at a meeting",
                f"{format_date(m['date'])}, {m.get('place') or ''}".strip(", "),
                record_ref("family_meetings", m["id"]),
            )
        )
    return out


def _actions(got: _Gathered) -> list[ActionEntry]:
    actions: list[ActionEntry] = []
    for line in (got.case.get("action_taken") or "").splitlines():
        if line.strip():
            actions.append(ActionEntry(None, line.strip()))
    for i in got.inspections:
        site = _site_label(got.sites.get(i["site_id"]))
        if i.get("children_withdrawn"):
            actions.append(ActionEntry(i["date"], f"{i['children_withdrawn']} children withdrawn from work at {site}."))
        if i.get("notice_issued"):
            deadline = format_date(i.get("compliance_deadline"))
            actions.append(
                ActionEntry(
                    i["date"], f"Notice issued to {site}" + (f", to comply by {deadline}." if deadline else ".")
                )
            )
        if i.get("fir_recommended"):
            actions.append(ActionEntry(i["date"], f"FIR recommended after the inspection of {site}."))
    for r in got.referrals:
        reason = f": {r['reason']}" if r.get("reason") else ""
        outcome = f" (outcome: {_pretty(r['outcome'])})" if r.get("outcome") else ""
        actions.append(ActionEntry(r["date"], f"Referred to {_pretty(r['department'])}{reason}{outcome}."))
    for step in got.status_steps:
        text = _step_sentence(step["to_status"], got.case)
        if step.get("note"):
            text += f" {step['note'].strip()}"
        actions.append(ActionEntry(step["date"], text))
    undated = [a for a in actions if a.date is None]
    return undated + sorted((a for a in actions if a.date is not None), key=lambda a: a.date or dt.date.min)


# How an officer writes each step of a case in the action-taken column.
STEP_SENTENCES = {
    "draft": "Case opened.",
    "with_sho": "Put up to the SHO.",
    "challan": "Challan submitted to the court.",
    "court": "Case sent up for trial.",
    "convicted": "The court convicted the accused.",
    "acquitted": "The court acquitted the accused.",
    "closed": "Case closed.",
}


def _step_sentence(status: str, case: State) -> str:
    if status == "fir_registered":
        if not case.get("fir_number"):
            return "FIR registered."
        station = f" at PS {case['fir_station']}" if case.get("fir_station") else ""
        return f"FIR No. {case['fir_number']} registered{station}."
    return STEP_SENTENCES.get(status, f"Status set to {_pretty(status)}.")


# ---------------------------------------------------------------------------------------------
# Print
# ---------------------------------------------------------------------------------------------


def print_fir_summary(
    ctx: Context,
    case_id: str,
    out_path: Path | str | None,
    *,
    audience: str = "police",
    prepared_by: Signatory | None = None,
    verified_by: Signatory | None = None,
) -> RenderResult:
    """Build, sign and write the summary atomically, and log the print (copy number, audience) in the
    audit chain in the same transaction: a copy that was written was logged, and a copy that was not
    written left no entry. With `out_path` None the PDF stays in memory (`pdf_bytes`, for a printer).

    The copy number is checked again under the write lock; if someone printed the same case meanwhile,
    the summary is drawn again with the next number, so no two copies carry the same one.
    """
    permissions.require(ctx, permissions.PRINT)
    target = Path(out_path) if out_path is not None else None
    signer = station_signer(ctx)
    catalogue = load_catalogue()
    for _attempt in range(_PRINT_ATTEMPTS):
        data = build_fir_summary(
            ctx, case_id, audience=audience, prepared_by=prepared_by, verified_by=verified_by, catalogue=catalogue
        )
        result = render_fir_summary(data, signer=signer)
        written = False
        try:
            with ctx.store.transaction() as session:
                if _prints_so_far(session, case_id) + 1 != data.copy_number:
                    continue
                audit.append_many(
                    session,
                    ctx,
                    [(PRINT_ACTION, "cases", case_id, f"copy {data.copy_number} audience {data.audience}")],
                )
                if target is not None:
                    write_atomic(target, result.pdf_bytes)
                    written = True
        except BaseException:
            if written and target is not None:  # the log entry did not commit: take back the copy it covered
                with contextlib.suppress(OSError):
                    target.unlink()
            raise
        return replace(result, out_path=target)
    raise PrintConflict("the case was printed by someone else at the same moment several times; try again")
