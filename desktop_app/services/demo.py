"""Synthetic demo data for Mandi Bahauddin district: realistic in shape, invented in every detail.

No real person's data: names are drawn from common name lists, CNICs and phone numbers are random but
well-formed. Everything goes through the same services as an officer's typing (validation, change log,
audit chain, search index), in batches, so `--records 100000` also serves the benchmarks.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop_app.errors import AhtcError
from desktop_app.models.cases import Case
from desktop_app.services.clock import local_today
from desktop_app.services.context import Context
from desktop_app.services.examples import create_examples
from desktop_app.services.records import Records, WriteTx
from desktop_app.services.registers.cases import CASES, apply_status_change
from desktop_app.services.setup import init_store, read_slots, unlock
from desktop_app.store.keyslots import KdfParams
from desktop_app.store.store import StorePaths

DEMO_USER = "sho.demo"
# An invented station, so a demo is never taken for a real police station's register (ui-review.md §9).
DEMO_STATION_CODE = "MBD-SABZPUR"
DEMO_STATION_NAME = "Sabzpur (demo)"
DEMO_PASSPHRASE = "demo passphrase 2026"
DEFAULT_RECORDS = 800
_BATCH = 2000

TEHSILS = ("Mandi Bahauddin", "Phalia", "Malakwal")
VILLAGES = {
    "Mandi Bahauddin": ("Chak Fateh Shah", "Pindi Bahauddin", "Jokalian", "Wasu", "Kadhar", "Chot Dheeran", "Mona"),
    "Phalia": ("Helan", "Kuthiala Sheikhan", "Pahrianwali", "Mangat", "Gohar Pur", "Bhikhi Sharif", "Chak Jani"),
    "Malakwal": ("Miana Gondal", "Bosal", "Rasul", "Chillianwala", "Sohawa Bolani", "Dhok Kasib", "Haria"),
}
POLICE_STATIONS = (
    "City Mandi Bahauddin",
    "Saddar Mandi Bahauddin",
    "Phalia City",
    "Phalia Saddar",
    "Malakwal",
    "Qadirabad",
    "Pahrianwali",
    "Kuthiala Sheikhan",
    "Bosal",
    "Rasul",
    "Miana Gondal",
    "Helan",
)
MALE = (
    "Muhammad",
    "Mohammad",
    "Muhammed",
    "Ali",
    "Ahmed",
    "Ahmad",
    "Imran",
    "Tariq",
    "Bilal",
    "Usman",
    "Asif",
    "Zahid",
    "Shahid",
    "Naveed",
    "Kashif",
    "Adnan",
    "Irfan",
    "Sajid",
    "Waqas",
    "Hamza",
    "Umar",
    "Faisal",
    "Rizwan",
    "Nadeem",
    "Arshad",
    "Abid",
    "Aslam",
    "Akram",
    "Hussain",
    "Husain",
)
FEMALE = ("Ayesha", "Fatima", "Zainab", "Sana", "Rukhsana", "Nasreen", "Shazia", "Amna", "Iqra", "Maryam", "Sadia")
FAMILY = (
    "Gondal",
    "Ranjha",
    "Warraich",
    "Cheema",
    "Tarar",
    "Bhatti",
    "Chaudhry",
    "Butt",
    "Awan",
    "Sahi",
    "Virk",
    "Kharal",
    "Mirza",
    "Qureshi",
    "Mehmood",
    "Iqbal",
    "Rehman",
    "Rahman",
)
URDU = {
    "Muhammad": "محمد",
    "Ali": "علی",
    "Ahmed": "احمد",
    "Imran": "عمران",
    "Tariq": "طارق",
    "Bilal": "بلال",
    "Usman": "عثمان",
    "Asif": "آصف",
    "Zahid": "زاہد",
    "Hamza": "حمزہ",
    "Umar": "عمر",
    "Ayesha": "عائشہ",
    "Fatima": "فاطمہ",
    "Zainab": "زینب",
    "Gondal": "گوندل",
    "Ranjha": "رانجھا",
    "Cheema": "چیمہ",
    "Tarar": "تارڑ",
    "Bhatti": "بھٹی",
    "Awan": "اعوان",
    "Iqbal": "اقبال",
    "Mehmood": "محمود",
}
KILN_NAMES = ("Al-Madina", "Bismillah", "Al-Rehman", "Madni", "Gondal", "New Punjab", "Shaheen", "Al-Noor", "Ittefaq")
AGENCY_NAMES = ("Sky Link", "Al-Haram", "Global Visa", "Star", "Gulf Express", "Euro Dreams", "Royal", "Falcon")
WORKSHOP_KINDS = ("auto workshop", "welding workshop", "furniture workshop", "tyre shop", "hotel kitchen")
COUNTRIES = {
    "iran_turkey_greece": ("Iran", "Turkey", "Greece"),
    "libya_italy_sea": ("Libya", "Italy", "Tunisia"),
    "gulf_overstay": ("UAE", "Oman", "Saudi Arabia"),
    "air_forged_documents": ("Spain", "Azerbaijan"),
    "other": ("Serbia",),
}
DIRECTIONS = ("north", "south", "east", "west", "north-east", "south-west")
NOTIFIED_RATE_PER_1000 = 1658  # the demo's notified kiln minimum wage per 1,000 bricks (synthetic figure)

# How the requested record count is shared among registers (roughly what a busy station records).
SHARES = {
    "persons": 0.17,
    "sites": 0.07,
    "inspections": 0.13,
    "children": 0.10,
    "child_followups": 0.14,
    "agreements": 0.03,
    "agreement_followups": 0.06,
    "victims": 0.07,
    "family_meetings": 0.09,
    "cases": 0.04,
    "person_links": 0.05,
    "referrals": 0.02,
    "tips": 0.04,
    "outreach_sessions": 0.03,
    "advisories": 0.02,
    "trainings": 0.01,
    "committee_meetings": 0.01,
    "joint_inspections": 0.02,
}


@dataclass(frozen=True)
class DemoSummary:
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def is_demo_store(data_dir: Path) -> bool:
    """Whether the store in `data_dir` was created as a demo (its label says so, readable before any unlock)."""
    slots = read_slots(Path(data_dir)) if StorePaths(Path(data_dir)).exists() else None
    return bool(slots is not None and slots.label is not None and slots.label.demo)


def already_filled(ctx: Context) -> int:
    """How many persons the demo store holds: a second `ahtc demo` adds nothing (the same seed would write the
    same record ids again)."""
    return Records(ctx).count("persons")


class NotADemoStore(AhtcError):
    """`ahtc demo` was pointed at a store that was not created as a demo."""


def ensure_demo_store(data_dir: Path, passphrase: str, user: str = DEMO_USER, kdf: KdfParams | None = None) -> Context:
    """Open the demo store in `data_dir`, creating the invented demo station there if there is none.

    A store not marked as a demo at its creation is refused before any unlock: synthetic people written into a
    real register would go to the district as real records.
    """
    if StorePaths(Path(data_dir)).exists():
        slots = read_slots(Path(data_dir))
        label = slots.label if slots is not None else None
        if label is None or not label.demo:
            which = f"the register of {label.station_code}" if label is not None else "a real register"
            raise NotADemoStore(
                f"{data_dir} holds {which}, not a demo store; 'ahtc demo' adds synthetic records only to a demo "
                "store it created itself. Nothing was changed. For a demo, choose an empty folder with --data-dir."
            )
        return unlock(Path(data_dir), user, passphrase)
    return init_store(
        Path(data_dir),
        station_code=DEMO_STATION_CODE,
        station_name=DEMO_STATION_NAME,
        district="Mandi Bahauddin",
        district_code="MBD",
        admin=user,
        admin_name="SHO Demo",
        passphrase=passphrase,
        kdf=kdf,
        demo=True,
    )


class _Maker:
    """Draws one register's synthetic rows; every choice comes from one seeded generator."""

    def __init__(self, rng: random.Random, today: dt.date) -> None:
        self.rng, self.today = rng, today

    def day(self, back_from: int = 700, back_to: int = 1) -> dt.date:
        return self.today - dt.timedelta(days=self.rng.randint(back_to, back_from))

    def cnic(self, female: bool = False) -> str:
        body = f"3440{self.rng.randint(1, 4)}{self.rng.randint(0, 9_999_999):07d}"
        last = self.rng.choice("02468" if female else "13579")
        return f"{body[:5]}-{body[5:]}-{last}"

    def passport(self) -> str:
        letters = "ABCDEFGH"
        return f"{self.rng.choice(letters)}{self.rng.choice(letters)}{self.rng.randint(1000000, 9999999)}"

    def phone(self) -> str:
        return f"03{self.rng.randint(0, 49):02d}-{self.rng.randint(0, 9_999_999):07d}"

    def name(self, female: bool = False) -> str:
        first = self.rng.choice(FEMALE if female else MALE)
        family = self.rng.choice(FAMILY)
        if self.rng.random() < 0.25 and first in URDU and family in URDU:
            return f"{URDU[first]} {URDU[family]}"
        middle = self.rng.choice(MALE) + " " if not female and self.rng.random() < 0.3 else ""
        return f"{first} {middle}{family}"

    def place(self) -> tuple[str, str]:
        tehsil = self.rng.choice(TEHSILS)
        return tehsil, self.rng.choice(VILLAGES[tehsil])


def fill(
    ctx: Context,
    *,
    records: int = DEFAULT_RECORDS,
    seed: int = 2026,
    progress: Callable[[str, int], None] | None = None,
    confirm_sections: Callable[[str, list[str]], list[str]] | None = None,
) -> DemoSummary:
    """Add about `records` synthetic records of every register to the store, linked as real work would be.

    `confirm_sections(category, fact_tags)` plays the officer who confirms suggested law sections; the law-section
    catalogue lives above the services, so the caller passes it in.
    """
    rng = random.Random(seed)
    make = _Maker(rng, local_today(ctx.clock))
    service = Records(ctx)
    counts: Counter[str] = Counter()
    n = {reg: max(2, round(records * share)) for reg, share in SHARES.items()}
    first: dict[str, str] = {}

    def add(register: str, rows: list[dict[str, Any]]) -> list[str]:
        ids: list[str] = []
        for start in range(0, len(rows), _BATCH):
            chunk = rows[start : start + _BATCH]
            for row in chunk:
                row.setdefault("id", _uuid(rng))
            service.create_many(register, chunk)
            ids.extend(row["id"] for row in chunk)
            first.setdefault(register, ids[0])
            counts[register] += len(chunk)
            if progress:
                progress(register, counts[register])
        return ids

    persons = _persons(make, n["persons"])
    person_ids = add("persons", persons)
    agents = [p["id"] for p in persons if p["role"] in ("agent", "facilitator")]
    owners = [p["id"] for p in persons if p["role"] == "owner"] or person_ids[:1]

    sites = _sites(make, n["sites"], owners)
    site_ids = add("sites", sites)
    kilns = [s["id"] for s in sites if s["kind"] == "brick_kiln"] or site_ids[:1]
    kind_of = {s["id"]: s["kind"] for s in sites}

    inspections = _inspections(make, n["inspections"], site_ids, kind_of)
    add("inspections", inspections)
    with_children = [i for i in inspections if i["children_withdrawn"]] or inspections[:1]

    children = _children(make, n["children"], with_children)
    child_ids = add("children", children)
    add("child_followups", _child_visits(make, n["child_followups"], children))

    agreements = _agreements(make, n["agreements"], kilns)
    add("agreements", agreements)
    add("agreement_followups", _agreement_visits(make, n["agreement_followups"], agreements))

    victims = _victims(make, n["victims"])
    victim_ids = add("victims", victims)
    add("family_meetings", _meetings(make, n["family_meetings"], victims))

    drawn = _cases(
        make,
        n["cases"],
        persons=persons,
        sites={s["id"]: s for s in sites},
        inspections=inspections,
        victims=victims,
        confirm_sections=confirm_sections,
    )
    case_ids = add("cases", drawn.cases)
    _walk_cases(ctx, make, case_ids, counts)
    add("person_links", drawn.person_links + _agent_links(make, n["person_links"], agents, victim_ids))
    add("case_links", drawn.case_links)
    referral_ids = add("referrals", _referrals(make, n["referrals"], child_ids, victim_ids))
    actions = {"inspections": [i["id"] for i in inspections], "cases": case_ids, "referrals": referral_ids}
    add("tips", _tips(make, n["tips"], actions, [s for s in sites if s["kind"] == "brick_kiln"] or sites))
    add("outreach_sessions", _sessions(make, n["outreach_sessions"], sites))
    add("advisories", _advisories(make, n["advisories"], [s for s in sites if s["kind"] == "travel_agency"] or sites))
    add("trainings", _trainings(make, n["trainings"]))
    meetings = _committee_meetings(make, n["committee_meetings"])
    add("committee_meetings", meetings)
    add("committee_attendance", _attendance(make, meetings))
    add("committee_actions", _committee_actions(make, meetings))
    add("joint_inspections", _joint_inspections(make, n["joint_inspections"], inspections, meetings))
    add("targets", _targets(make))
    # A register the generators above do not know yet still shows with its spec's example record.
    for register, record_id in create_examples(service, first).items():
        if register not in first:
            first[register] = record_id
            counts[register] += 1
    return DemoSummary(dict(counts))


def _uuid(rng: random.Random) -> str:
    import uuid

    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _persons(make: _Maker, count: int) -> list[dict[str, Any]]:
    rows = []
    roles = ["agent"] * 4 + ["facilitator"] * 2 + ["owner"] * 3 + ["suspect", "complainant", "witness"]
    for _ in range(count):
        role = make.rng.choice(roles)
        tehsil, village = make.place()
        status = (
            make.rng.choice(["documented", "warned", "fir_registered", "arrested", "absconding"])
            if role in ("agent", "facilitator", "suspect")
            else "documented"
        )
        rows.append(
            {
                "name": make.name(),
                "father_name": make.name(),
                "cnic": make.cnic(),
                "phones": make.phone() if make.rng.random() < 0.8 else None,
                "tehsil": tehsil,
                "village": village,
                "address": f"Mohalla {make.rng.choice(FAMILY)}, {village}",
                "role": role,
                "status": status,
                "aliases": f"{make.rng.choice(MALE)} {make.rng.choice(['Agent', 'Bhai', 'Sahib'])}"
                if role == "agent" and make.rng.random() < 0.4
                else None,
                "watchlisted": role == "agent" and status in ("fir_registered", "absconding"),
                # Agents work across the district: many are already known at another police station.
                "notes": f"Also named in a complaint at PS {make.rng.choice(POLICE_STATIONS)}"
                if role == "agent" and make.rng.random() < 0.3
                else None,
            }
        )
    return rows


def _sites(make: _Maker, count: int, owners: list[str]) -> list[dict[str, Any]]:
    rows = []
    for _ in range(count):
        kind = make.rng.choices(["brick_kiln", "workshop", "travel_agency", "other"], [5, 3, 2, 0.3])[0]
        tehsil, village = make.place()
        if kind == "brick_kiln":
            name = f"{make.rng.choice(KILN_NAMES)} Brick Kiln {make.rng.randint(1, 40)}"
        elif kind == "travel_agency":
            name = f"{make.rng.choice(AGENCY_NAMES)} Travel & Tours"
        else:
            name = f"{make.rng.choice(FAMILY)} {make.rng.choice(WORKSHOP_KINDS)}"
        registered = make.rng.random() < (0.55 if kind == "travel_agency" else 0.7)
        rows.append(
            {
                "kind": kind,
                "name": name,
                "tehsil": tehsil,
                "village": village,
                "owner_id": make.rng.choice(owners),
                "address": f"{village} road, tehsil {tehsil}",
                "gps_lat": round(32.4 + make.rng.random() * 0.5, 5),
                "gps_lon": round(73.2 + make.rng.random() * 0.6, 5),
                "registration_status": "registered" if registered else "unregistered",
                "licence_no": f"OEP-{make.rng.randint(1000, 9999)}/RWP"
                if registered and kind == "travel_agency"
                else None,
            }
        )
    return rows


def _inspections(make: _Maker, count: int, site_ids: list[str], kind_of: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for _ in range(count):
        site = make.rng.choice(site_ids)
        kind = kind_of[site]
        day = make.day()
        row: dict[str, Any] = {"site_id": site, "date": day, "officers": f"SI {make.name()}, ASI {make.name()}"}
        if kind == "brick_kiln":
            total = make.rng.randint(15, 120)
            row |= {
                "workers_total": total,
                "workers_bonded": round(total * make.rng.uniform(0.7, 1.0)),
                "workers_unaware_min_wage": round(total * make.rng.uniform(0.4, 0.9)),
                "workers_illiterate": round(total * make.rng.uniform(0.5, 0.95)),
                "workers_with_contract": round(total * make.rng.uniform(0.0, 0.3)),
                "workers_eobi": round(total * make.rng.uniform(0.0, 0.25)),
                "hazards": make.rng.choice(["open kiln flues", "no drinking water", "children carrying bricks", None]),
            }
        elif kind == "workshop":
            row |= {"workers_total": make.rng.randint(2, 12)}
        elif kind == "travel_agency":
            licence = make.rng.random() < 0.6
            row |= {
                "licence_shown": licence,
                "staff_list_shown": make.rng.random() < 0.5,
                "advisory_shown": make.rng.random() < 0.4,
            }
            if not licence:
                row |= {
                    "notice_issued": True,
                    "compliance_deadline": min(day + dt.timedelta(days=15), make.today),
                    "notice_complied": make.rng.choice([True, False, None]),
                }
        found = make.rng.choices([0, 1, 2, 3, 4], [5, 2, 2, 1, 1])[0] if kind in ("brick_kiln", "workshop") else 0
        row |= {"children_found": found, "children_withdrawn": found, "fir_recommended": make.rng.random() < 0.1}
        rows.append(row)
    return rows


def _children(make: _Maker, count: int, inspections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # One child record for each child an inspection says it withdrew, so the registers agree with each other.
    places = [i for i in inspections for _ in range(i["children_withdrawn"])] or inspections
    make.rng.shuffle(places)
    rows = []
    for found_at in places[:count]:
        female = make.rng.random() < 0.3
        tehsil, village = make.place()
        rescue = found_at["date"]
        enrolled = make.rng.random() < 0.75 and rescue < make.today - dt.timedelta(days=10)
        rows.append(
            {
                "name": make.name(female),
                "father_name": make.name(),
                "guardian_cnic": make.cnic(),
                "guardian_phone": make.phone(),
                "age_years": make.rng.randint(7, 15),
                "sex": "female" if female else "male",
                "tehsil": tehsil,
                "village": village,
                "address": f"House {make.rng.randint(1, 300)}, {village}",
                "inspection_id": found_at["id"],
                "site_id": found_at["site_id"],
                "rescue_date": rescue,
                "work": make.rng.choice(
                    ["moulding bricks", "carrying bricks", "car repair helper", "welding helper", "dish washing"]
                ),
                "hours_per_day": make.rng.randint(6, 12),
                "handed_over_to": "parents",
                "school_name": f"Govt. Primary School {village}" if enrolled else None,
                "enrolment_date": min(rescue + dt.timedelta(days=make.rng.randint(3, 20)), make.today)
                if enrolled
                else None,
                "status": "enrolled" if enrolled else "withdrawn",
            }
        )
    return rows


def _recent_or_any(make: _Maker, start: dt.date, recent_days: int) -> dt.date | None:
    """A visit date after `start`: usually within the last `recent_days` (a station keeping up), else any time."""
    span = (make.today - start).days
    if span < 2:
        return None
    if make.rng.random() < 0.8:
        return make.today - dt.timedelta(days=make.rng.randint(0, min(span - 1, recent_days)))
    return start + dt.timedelta(days=make.rng.randint(1, span))


def _child_visits(make: _Maker, count: int, children: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    enrolled = [c for c in children if c["enrolment_date"]] or children
    for _ in range(count):
        child = make.rng.choice(enrolled)
        day = _recent_or_any(make, child["enrolment_date"] or child["rescue_date"], 28)
        if day is None:
            continue
        back = make.rng.random() < 0.08
        rows.append(
            {
                "child_id": child["id"],
                "date": day,
                "attending_school": not back and make.rng.random() < 0.88,
                "back_at_work": back,
                "officer": f"ASI {make.name()}",
            }
        )
    return sorted(rows, key=lambda r: r["date"])


def _agreements(make: _Maker, count: int, kilns: list[str]) -> list[dict[str, Any]]:
    rows = []
    for _ in range(count):
        covered = make.rng.randint(20, 100)
        rows.append(
            {
                "site_id": make.rng.choice(kilns),
                "date": make.day(600, 20),
                "committed_rate_per_1000": round(NOTIFIED_RATE_PER_1000 * 1.2),
                "notified_min_rate_per_1000": NOTIFIED_RATE_PER_1000,
                "workers_covered": covered,
                "eobi_committed": covered,
                "followup_interval_days": make.rng.choice([30, 60, 90]),
                "terms": "Notified minimum wage + 20 %, EOBI registration of all workers, no new peshgi.",
            }
        )
    return rows


def _agreement_visits(make: _Maker, count: int, agreements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for _ in range(count):
        agreement = make.rng.choice(agreements)
        day = _recent_or_any(make, agreement["date"], agreement["followup_interval_days"] - 2)
        if day is None:
            continue
        compliance = make.rng.choices(["compliant", "partial", "non_compliant"], [5, 3, 2])[0]
        committed = agreement["committed_rate_per_1000"]
        observed = {
            "compliant": committed,
            "partial": round(committed * 0.9),
            "non_compliant": NOTIFIED_RATE_PER_1000 - make.rng.randint(50, 300),
        }[compliance]
        covered = agreement["workers_covered"]
        rows.append(
            {
                "agreement_id": agreement["id"],
                "date": day,
                "observed_rate_per_1000": observed,
                "workers_paid_as_agreed": covered if compliance == "compliant" else make.rng.randint(0, covered),
                "eobi_registrations_done": make.rng.randint(0, covered),
                "outstanding_advances_pkr": make.rng.randint(0, 40) * 5000,
                "compliance": compliance,
                "action": {
                    "compliant": "Owner appreciated",
                    "partial": "Warning issued",
                    "non_compliant": "Report to Labour Department",
                }[compliance],
            }
        )
    return sorted(rows, key=lambda r: r["date"])


def _victims(make: _Maker, count: int) -> list[dict[str, Any]]:
    rows = []
    for _ in range(count):
        route = make.rng.choices(list(COUNTRIES), [5, 4, 1, 1, 0.3])[0]
        tehsil, village = make.place()
        departure = make.day(900, 30)
        incident = min(departure + dt.timedelta(days=make.rng.randint(10, 120)), make.today)
        status = make.rng.choices(
            ["missing", "deceased", "detained_abroad", "returned", "in_transit"], [4, 2, 2, 3, 1]
        )[0]
        rows.append(
            {
                "name": make.name(),
                "father_name": make.name(),
                "cnic": make.cnic(),
                "passport_no": make.passport(),
                "age_years": make.rng.randint(17, 38),
                "sex": "male",
                "tehsil": tehsil,
                "village": village,
                "address": f"{village}, tehsil {tehsil}",
                "family_phone": make.phone(),
                "status": status,
                "route": route,
                "country_of_incident": make.rng.choice(COUNTRIES[route]),
                "date_of_departure": departure,
                "date_of_incident": incident,
                "amount_paid_pkr": make.rng.randint(15, 45) * 100_000,
                "ransom_paid_pkr": make.rng.randint(5, 30) * 100_000 if make.rng.random() < 0.25 else None,
            }
        )
    return rows


def _meetings(make: _Maker, count: int, victims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for _ in range(count):
        victim = make.rng.choice(victims)
        day = _recent_or_any(make, victim["date_of_departure"], 25)
        if day is None:
            continue
        rows.append(
            {
                "victim_id": victim["id"],
                "date": day,
                "place": f"House of the family, {victim['village']}",
                "attendees": f"{make.name()} (father)\n{make.name(True)} (mother)",
                "officers": f"SI {make.name()}",
                "support_given": make.rng.choice(
                    ["Contact with FIA arranged", "Legal aid explained", "Referral to social welfare", None]
                ),
                "agent_information": "Family named the local agent and paid him in instalments."
                if make.rng.random() < 0.6
                else None,
                "family_willing_complainant": make.rng.random() < 0.45,
                "next_followup_due": day + dt.timedelta(days=make.rng.choice([14, 30, 45])),
            }
        )
    return sorted(rows, key=lambda r: r["date"])


# category, weight, fact tags, narrative
_CASE_KINDS: list[tuple[str, float, list[str], str]] = [
    (
        "migrant_smuggling",
        4,
        ["money_taken", "sea_route", "deception"],
        "The complainant stated that the accused took PKR {amount} to send {victim} to Europe, arranged travel by "
        "road to Libya without lawful documents and onward by boat, and stopped answering the family's calls.",
    ),
    (
        "trafficking_in_persons",
        2,
        ["deception", "money_taken", "threats", "confinement"],
        "The complainant stated that {victim} was promised work in Europe, taken through Iran to Turkey, held in a "
        "room by the accused's associates and released only after the family paid more money.",
    ),
    (
        "emigration_fraud",
        1,
        ["unlicensed_agency", "deception", "money_taken"],
        "The accused ran a travel agency without a licence from the Bureau of Emigration and took PKR {amount} from "
        "{victim} for a work visa that never came.",
    ),
    (
        "bonded_labour",
        2,
        ["debt_bondage", "advance_peshgi"],
        "During inspection of {site} the workers stated that the owner withholds wages against advances (peshgi) "
        "and does not let indebted families leave the kiln.",
    ),
    (
        "child_labour_kiln",
        2,
        ["child_at_kiln", "child_victim", "hazardous_work"],
        "During inspection of {site} children were found moulding and carrying bricks; they were withdrawn and "
        "handed over to their parents.",
    ),
]


@dataclass
class _DemoCases:
    cases: list[dict[str, Any]]
    case_links: list[dict[str, Any]]
    person_links: list[dict[str, Any]]


def _cases(
    make: _Maker,
    count: int,
    *,
    persons: list[dict[str, Any]],
    sites: dict[str, dict[str, Any]],
    inspections: list[dict[str, Any]],
    victims: list[dict[str, Any]],
    confirm_sections: Callable[[str, list[str]], list[str]] | None,
) -> _DemoCases:
    """Cases drawn from the records they would really grow from: a victim and the agent behind them, or a kiln
    inspection and its owner; each with a complainant and a witness, linked by role."""
    by_role = {role: [p["id"] for p in persons if p["role"] == role] for role in ("agent", "complainant", "witness")}
    kiln_visits = [i for i in inspections if sites[i["site_id"]]["kind"] == "brick_kiln"] or inspections
    # A child-labour case grows from a visit where children were found (and rescued: they are its victims).
    visits_with_children = [i for i in kiln_visits if i["children_withdrawn"]] or kiln_visits
    out = _DemoCases([], [], [])
    for _ in range(count):
        category, _weight, tags, story = make.rng.choices(_CASE_KINDS, [k[1] for k in _CASE_KINDS])[0]
        case_id = _uuid(make.rng)
        if category in ("bonded_labour", "child_labour_kiln"):
            visit = make.rng.choice(visits_with_children if category == "child_labour_kiln" else kiln_visits)
            site = sites[visit["site_id"]]
            title = ("Debt bondage of families at " if category == "bonded_labour" else "Children working at ") + site[
                "name"
            ]
            occurred, place = visit["date"], f"{site['name']}, {site['village']}, tehsil {site['tehsil']}"
            narrative = story.format(site=site["name"])
            out.case_links.append({"case_id": case_id, "register": "inspections", "record_id": visit["id"]})
            accused = site.get("owner_id")
        else:
            routes = {"migrant_smuggling": ("libya_italy_sea",), "trafficking_in_persons": ("iran_turkey_greece",)}
            fitting = [v for v in victims if v["route"] in routes.get(category, (v["route"],))] or victims
            victim = make.rng.choice(fitting)
            amount = f"{victim['amount_paid_pkr']:,}"
            title = {
                "migrant_smuggling": f"Agent sent {victim['name']} abroad by sea route for PKR {amount}",
                "trafficking_in_persons": f"Trafficking of {victim['name']} through Iran and Turkey",
                "emigration_fraud": f"Unlicensed agency took PKR {amount} from {victim['name']}",
            }[category]
            occurred = victim["date_of_departure"]
            place = f"{victim['village']}, tehsil {victim['tehsil']}"
            narrative = story.format(victim=victim["name"], amount=amount)
            out.case_links.append({"case_id": case_id, "register": "victims", "record_id": victim["id"]})
            accused = make.rng.choice(by_role["agent"]) if by_role["agent"] else None
            if accused:
                out.person_links.append(
                    {"person_id": accused, "register": "victims", "record_id": victim["id"], "role": "agent"}
                )
        for person_id, role in (
            (accused, "accused"),
            (make.rng.choice(by_role["complainant"] or [None]), "complainant"),
            (make.rng.choice(by_role["witness"] or [None]), "witness"),
        ):
            if person_id:
                out.person_links.append(
                    {"person_id": person_id, "register": "cases", "record_id": case_id, "role": role}
                )
        out.cases.append(
            {
                "id": case_id,
                "title": title,
                "offence_category": category,
                "occurrence_date": occurred,
                "report_date": min(occurred + dt.timedelta(days=make.rng.randint(0, 60)), make.today),
                "occurrence_place": place,
                "distance_direction": f"{make.rng.randint(2, 35)} km {make.rng.choice(DIRECTIONS)} of the station",
                "narrative": narrative,
                "fact_tags": tags,
                "sections": confirm_sections(category, tags) if confirm_sections else [],
                "evidence": "Receipts of payment, call records, statements of family members"
                if category not in ("bonded_labour", "child_labour_kiln")
                else "Inspection record, workers' statements",
            }
        )
    return out


_PATHS = [
    [],
    ["with_sho"],
    ["with_sho", "fir_registered"],
    ["with_sho", "fir_registered", "challan"],
    ["with_sho", "fir_registered", "challan", "court"],
    ["with_sho", "fir_registered", "challan", "court", "convicted"],
    ["with_sho", "fir_registered", "challan", "court", "acquitted"],
    ["closed"],
]


def _walk_cases(ctx: Context, make: _Maker, case_ids: list[str], counts: Counter[str]) -> None:
    """Move demo cases along their workflow so every status appears, in batches of one transaction each."""
    for start in range(0, len(case_ids), _BATCH):
        with ctx.store.transaction() as session:
            tx = WriteTx(ctx, session)
            cases = {
                c.id: c.to_state()
                for c in session.scalars(select(Case).where(Case.id.in_(case_ids[start : start + _BATCH])))
            }
            for number, case_id in enumerate(case_ids[start : start + _BATCH], start):
                state = _typed(cases[case_id])
                day = state["report_date"]
                # Round the paths so that even a small demo shows every status a case can have.
                for target in _PATHS[number % len(_PATHS)]:
                    day = min(day + dt.timedelta(days=make.rng.randint(1, 40)), make.today)
                    fir = {}
                    if target == "fir_registered":
                        fir = {
                            "fir_number": f"{make.rng.randint(1, 900)}/{day.year % 100:02d}",
                            "fir_date": day,
                            "fir_station": ctx.station.station_name,
                        }
                    state = apply_status_change(tx, state, {"to_status": target, "date": day, "note": None}, fir)
                    counts["case_status_changes"] += 1
            tx.finish()


def _typed(state: dict[str, Any]) -> dict[str, Any]:
    """A to_state() row with its date columns back as dates (the write path compares typed values)."""
    typed = dict(state)
    for column in CASES.model.__table__.columns:  # type: ignore[attr-defined]
        value = typed.get(column.key)
        if isinstance(value, str) and column.type.python_type is dt.date:
            typed[column.key] = dt.date.fromisoformat(value)
        elif isinstance(value, str) and column.key in ("created_at", "updated_at"):
            typed[column.key] = dt.datetime.fromisoformat(value)
    return typed


def _agent_links(make: _Maker, count: int, agents: list[str], victims: list[str]) -> list[dict[str, Any]]:
    """A few agents behind many victims: the pattern the district most needs to see."""
    rows, seen = [], set()
    ring = agents[: max(1, len(agents) // 4)]
    for _ in range(count if agents and victims else 0):
        key = (make.rng.choice(ring), make.rng.choice(victims))
        if key not in seen:
            seen.add(key)
            rows.append({"person_id": key[0], "register": "victims", "record_id": key[1], "role": "agent"})
    return rows


def _referrals(make: _Maker, count: int, children: list[str], victims: list[str]) -> list[dict[str, Any]]:
    rows = []
    for _ in range(count):
        if make.rng.random() < 0.6:
            subject, register = make.rng.choice(children), "children"
            department = make.rng.choice(["child_protection_bureau", "education", "social_welfare"])
        else:
            subject, register = make.rng.choice(victims), "victims"
            department = make.rng.choice(["fia", "legal_aid", "social_welfare", "health"])
        rows.append(
            {
                "subject_register": register,
                "subject_id": subject,
                "department": department,
                "date": make.day(300, 1),
                "reason": "Support after rescue" if register == "children" else "Family support and complaint to FIA",
                "outcome": make.rng.choice(["pending", "accepted", "service_given", "declined"]),
            }
        )
    return rows


TIP_STORIES = {
    "child_labour_kiln": "Children under 14 are moulding bricks at {site}; the caller saw them at night",
    "bonded_labour": "A family at {site} cannot leave: the owner says they owe an advance (peshgi)",
    "migrant_smuggling": "An agent near {place} collects money to send young men to Europe by boat",
    "emigration_fraud": "A travel office in {place} takes passports and fees for jobs abroad that never come",
    "trafficking_in_persons": "Girls from {place} were taken to the city for work and have not come back",
}


def _tips(make: _Maker, count: int, actions: dict[str, list[str]], sites: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tips at every step: waiting to be verified (some overdue, some just in), verified, acted on and closed, and
    found unfounded; about half anonymous (nothing of the tipster kept), the rest with a name and a number."""
    rows = []
    steps = ["received", "verified", "action_taken", "closed", "unfounded"]
    for index in range(count):
        step = steps[index % len(steps)]
        # Every fifth tip came in during the last three days, so the dashboard shows some due and not yet overdue.
        received = make.day(3, 0) if index % 5 == 0 and step == "received" else make.day(240, 20)
        category = make.rng.choice(list(TIP_STORIES))
        site = make.rng.choice(sites)
        tehsil, village = make.place()
        channel = make.rng.choice(["citizen_app", "citizen_app", "helpline", "walk_in", "other_agency"])
        row: dict[str, Any] = {
            "received_on": received,
            "channel": channel,
            "from_agency": make.rng.choice(["fia", "labour", "child_protection_bureau"])
            if channel == "other_agency"
            else None,
            "anonymous": make.rng.random() < 0.5,
            "category": category,
            "urgency": make.rng.choice(["urgent", "high", "normal", "normal"]),
            "place": site["name"] if category in ("child_labour_kiln", "bonded_labour") else village,
            "tehsil": site["tehsil"] if category in ("child_labour_kiln", "bonded_labour") else tehsil,
            "site_id": site["id"] if category in ("child_labour_kiln", "bonded_labour") else None,
            "details": TIP_STORIES[category].format(site=site["name"], place=village),
        }
        if not row["anonymous"]:
            row["tipster_name"] = make.name(female=make.rng.random() < 0.3)
            row["tipster_phone"] = make.phone()
        if make.rng.random() < 0.4:
            row["persons_named"] = make.name()

        def after(day: dt.date, most: int) -> dt.date:
            return min(make.today, day + dt.timedelta(days=make.rng.randint(0, most)))

        if step != "received":
            row["verified_on"] = after(received, 6)
            row["finding"] = "unfounded" if step == "unfounded" else "confirmed"
        if step in ("action_taken", "closed"):
            register = make.rng.choice([r for r, ids in actions.items() if ids])
            row["action_on"] = after(row["verified_on"], 12)
            row["action_register"], row["action_id"] = register, make.rng.choice(actions[register])
        if step in ("closed", "unfounded") and make.rng.random() < 0.8:
            row["closed_on"] = after(row.get("action_on") or row["verified_on"], 20)
            row["closing_note"] = "Found false on the spot" if step == "unfounded" else "Action complete"
        rows.append(row)
    return rows


SESSION_PLACES = {
    "school": ("Govt. High School", "students"),
    "college": ("Govt. Degree College", "students"),
    "madrassa": ("Madrassa Jamia", "students"),
    "brick_kiln": (None, "workers"),
    "travel_agency": (None, "prospective_migrants"),
    "public_place": ("Chowk", "general_public"),
    "mosque": ("Jamia Masjid", "general_public"),
}


def _sessions(make: _Maker, count: int, sites: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for index in range(count):
        venue = list(SESSION_PLACES)[index % len(SESSION_PLACES)]
        prefix, audience = SESSION_PLACES[venue]
        tehsil, village = make.place()
        at = [s for s in sites if s["kind"] == venue]
        site = make.rng.choice(at) if at and prefix is None else None
        if venue == "school" and make.rng.random() < 0.4:
            audience = "parents_and_teachers"
        rows.append(
            {
                "date": make.day(300, 1),
                "venue": venue,
                "institution": site["name"] if site else f"{prefix or 'Chowk'} {village}",
                "tehsil": site["tehsil"] if site else tehsil,
                "site_id": site["id"] if site else None,
                "audience": audience,
                "audience_count": make.rng.randint(15, 250),
                "officers": f"SI {make.name()}",
                "materials": make.rng.choice(["Leaflets on the helpline", "Banner and leaflets", "Short film", None]),
            }
        )
    return rows


def _advisories(make: _Maker, count: int, agencies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for index in range(count):
        at_agency = index % 2 == 0
        site = make.rng.choice(agencies) if at_agency else None
        tehsil, village = make.place()
        posted = make.day(300, 5)
        row: dict[str, Any] = {
            "posted_on": posted,
            "venue": "travel_agency" if at_agency else make.rng.choice(["bus_terminal", "public_place", "school"]),
            "location": f"Notice board, {site['name']}" if site else f"Main gate, {village}",
            "tehsil": site["tehsil"] if site else tehsil,
            "site_id": site["id"] if site else None,
            "topic": "illegal_migration"
            if at_agency
            else make.rng.choice(["helpline", "child_labour", "minimum_wage"]),
            "copies": make.rng.randint(1, 20),
        }
        if make.rng.random() < 0.6:
            row["checked_on"] = min(make.today, posted + dt.timedelta(days=make.rng.randint(14, 60)))
            row["still_displayed"] = make.rng.random() < 0.7
        rows.append(row)
    return rows


def _trainings(make: _Maker, count: int) -> list[dict[str, Any]]:
    topics = [
        ("trafficking_law", "Trafficking in persons under PTPA 2018", "fia"),
        ("smuggling_law", "Smuggling of migrants under PSMA 2018", "fia"),
        ("victim_identification", "Telling trafficking from smuggling", "fia"),
        ("child_and_bonded_labour_law", "Kiln child labour and bonded labour laws", "labour"),
        ("interviewing_victims", "Interviewing children and victims", "child_protection_bureau"),
        ("using_the_register", "Using the AHTC register", "police"),
    ]
    rows = []
    for index in range(count):
        topic, title, agency = topics[index % len(topics)]
        trained = make.rng.randint(8, 30)
        rows.append(
            {
                "date": make.day(300, 1),
                "topic": topic,
                "title": title,
                "trainees_count": trained,
                "trainees": "\n".join(f"ASI {make.name()}" for _ in range(min(trained, 5))),
                "trainer": f"Inspector {make.name()}",
                "trainer_agency": agency,
                "place": "Police Lines, Mandi Bahauddin",
                "hours": make.rng.choice([3, 6, 12]),
            }
        )
    return rows


COMMITTEE_AGENCIES = ("police", "fia", "intelligence_bureau", "labour", "child_protection_bureau", "social_welfare")
COMMITTEE_ACTIONS = (
    ("labour", "Inspect the kilns where children were found, with the police"),
    ("fia", "Check the licences of the travel agencies on the unregistered list"),
    ("child_protection_bureau", "Admit the withdrawn children to school and report attendance"),
    ("social_welfare", "Support the families of the missing migrants"),
    ("police", "Register FIRs on the confirmed tips of bonded labour"),
    ("intelligence_bureau", "Share the names of agents active on the Libya route"),
)


def _committee_meetings(make: _Maker, count: int) -> list[dict[str, Any]]:
    """Meetings about every two months, the latest ones recent, so some action items are open, some overdue."""
    rows = []
    for index in range(count):
        day = make.today - dt.timedelta(days=10 + 60 * index + make.rng.randint(0, 10))
        rows.append(
            {
                "id": _uuid(make.rng),
                "date": day,
                "committee": "district_vigilance" if index % 3 == 2 else "district_monitoring",
                "chair": "Deputy Commissioner Mandi Bahauddin",
                "venue": "DC Office, Mandi Bahauddin",
                "decisions": "Joint inspections of kilns; list unlicensed travel agencies; report on school admissions",
            }
        )
    return rows


def _attendance(make: _Maker, meetings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for meeting in meetings:
        present = ["police", *make.rng.sample(COMMITTEE_AGENCIES[1:], make.rng.randint(2, 5))]
        for agency in present:
            rows.append({"meeting_id": meeting["id"], "agency": agency, "representative": f"{make.name()}"})
    return rows


def _committee_actions(make: _Maker, meetings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every meeting sets three or four items; older ones are mostly done (some late, one dropped), newer ones
    open, some of them past their due date."""
    rows = []
    for meeting in meetings:
        for agency, action in make.rng.sample(COMMITTEE_ACTIONS, make.rng.randint(3, 4)):
            due = meeting["date"] + dt.timedelta(days=make.rng.choice([14, 21, 30]))
            row: dict[str, Any] = {"meeting_id": meeting["id"], "action": action, "owner_agency": agency}
            row["due_on"] = due
            roll = make.rng.random()
            if due < make.today - dt.timedelta(days=20) and roll < 0.8:
                row["status"] = "done"
                row["done_on"] = min(make.today, due + dt.timedelta(days=make.rng.randint(-10, 12)))
                row["follow_up"] = "Reported done at the next meeting"
            elif roll > 0.95:
                row["status"], row["follow_up"] = "dropped", "Overtaken by the provincial campaign"
            else:
                row["status"] = "open"
                row["follow_up"] = "Asked for progress" if due < make.today else None
            rows.append(row)
    return rows


def _joint_inspections(
    make: _Maker, count: int, inspections: list[dict[str, Any]], meetings: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    rows = []
    for visit in make.rng.sample(inspections, min(count, len(inspections))):
        # The meeting that asked for it, when one was held in the two months before the visit.
        asked = [m["id"] for m in meetings if dt.timedelta(0) <= visit["date"] - m["date"] <= dt.timedelta(days=60)]
        for agency in make.rng.sample(["labour", "fia", "child_protection_bureau"], make.rng.randint(1, 2)):
            rows.append(
                {
                    "inspection_id": visit["id"],
                    "agency": agency,
                    "officer": f"{make.name()}",
                    "meeting_id": asked[0] if asked else None,
                }
            )
    return rows


DEMO_TARGETS = {
    "inspections": 12,
    "children_withdrawn": 8,
    "fir_registered": 2,
    "followups_overdue": 10,
    "awareness_sessions": 3,
    "officers_trained": 20,
    "tips_closed": 2,
}


def _targets(make: _Maker) -> list[dict[str, Any]]:
    """The station's targets for the running two-month period and the three before it."""
    rows = []
    start = make.today.replace(month=(make.today.month - 1) // 2 * 2 + 1, day=1)
    for _ in range(4):
        end_month = start.replace(day=28) + dt.timedelta(days=40)  # into the month after the period's second
        end = end_month.replace(day=1) - dt.timedelta(days=1)
        for measure, target in DEMO_TARGETS.items():
            rows.append({"period_start": start, "period_end": end, "measure": measure, "target": target})
        start = (start - dt.timedelta(days=1)).replace(day=1)
        start = (start - dt.timedelta(days=1)).replace(day=1)
    return rows
