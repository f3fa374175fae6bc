"""A stateful simulation of two stations and their district (hypothesis `RuleBasedStateMachine`, real stores).

Stations create, edit, delete and watch-list records; the district keeps reference rows of its own; bundles are
exported, lost, carried twice, delivered late and in any order, and so are the district's returns; any store
backs up and restores an older backup; PC clocks drift, and roll back hours (a flat CMOS battery). At the end
everything in flight is delivered, then every station syncs until a full round changes nothing, and:

1. the district holds, for every row, the newest version its owner wrote that survives (delivered to the
   district, or still in the owner's change log), field by field; no version it holds was never written;
2. every station holds its own rows as the district holds them, and exactly the district's version of every
   reference row of others (sites; persons with a watch-listed version) — rows of the district's own that a
   district restore took from it excepted (docs/sync.md, "Restoring the district");
3. a conflict is filed only between two versions that are truly concurrent (neither descends from the other),
   at a station only on its own rows, never twice; no stamp was ever issued twice for different content;
4. a further sync round changes nothing, and `verify` passes on every store.

CI runs a few short examples, derandomized. `AHTC_SIM_EXAMPLES` and `AHTC_SIM_STEPS` make it longer (random
unless `--hypothesis-seed` is given), `AHTC_SIM_DIR` puts the stores elsewhere (a RAM disk for long runs) and
`AHTC_SIM_REPORT` names a JSON file for the tally of what happened (docs/reliability.md).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from sqlalchemy import select

from desktop_app.errors import ValidationError
from desktop_app.models.changelog import ChangeLogEntry, Conflict
from desktop_app.services.clock import FakeClock
from desktop_app.services.context import Context
from desktop_app.services.maintenance import backup_store, restore_store, verify_store
from desktop_app.services.records import Records
from desktop_app.services.registry import reference_registers, register_models
from desktop_app.services.setup import unlock
from desktop_app.sync.conflicts import conflict_detail, list_conflicts, mark_reviewed, restore_other_version
from desktop_app.sync.district_side import build_return_bundle
from desktop_app.sync.export import build_station_bundle
from desktop_app.sync.importer import import_bundle
from tests.conftest import PASSPHRASE
from tests.sync.conftest import enrol

DISTRICT = "MBD"
STATIONS = ("MBD-PHALIA", "MBD-MALAKWAL")
USERS = {"MBD": "dpo.mbd", "MBD-PHALIA": "sho.phalia", "MBD-MALAKWAL": "sho.malakwal"}
REGISTERS = ("persons", "sites")
START = dt.datetime(2026, 3, 1, 6, 0, tzinfo=dt.UTC)
MAX_SETTLE_ROUNDS = 6


def step(**strategies: Any) -> Any:
    """An action of the simulation and how its arguments are drawn (the rules below choose actions by weight)."""

    def mark(function: Any) -> Any:
        function.strategies = strategies
        return function

    return mark


# The actions, by weight (the convergence study's mix: mostly work and syncs, some mishaps). One rule draws them:
# hypothesis's swarm testing switches whole rules off per example, which here left most examples without writes.
ACTIONS = (
    *["create"] * 5,
    *["edit"] * 5,
    "delete",
    "review_conflict",
    *["sync"] * 6,
    *["export"] * 2,
    *["deliver_to_district"] * 3,
    *["deliver_return"] * 3,
    *["backup"] * 2,
    *["restore"] * 2,
    "clock_drift",
)


class SkewedClock:
    """One store's PC clock: the world's time plus this PC's error."""

    def __init__(self, world: FakeClock) -> None:
        self.world, self.skew = world, dt.timedelta(0)

    def now(self) -> dt.datetime:
        return self.world.now() + self.skew


@pytest.fixture(scope="module")
def enrolled_template(
    district_template: Path, station_template: Path, station_b_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A district and two stations, enrolled once; every example copies the folders."""
    root = tmp_path_factory.mktemp("simulation-template")
    for code, template in (
        ("MBD", district_template),
        ("MBD-PHALIA", station_template),
        ("MBD-MALAKWAL", station_b_template),
    ):
        shutil.copytree(template, root / code)
    clock = FakeClock(START - dt.timedelta(minutes=30))
    stores = {code: unlock(root / code, USERS[code], PASSPHRASE, clock) for code in USERS}
    for code in STATIONS:
        enrol(stores[code], stores[DISTRICT], root / "enrolment")
    for ctx in stores.values():
        ctx.store.checkpoint()
        ctx.store.close()
    return root


class Convergence(RuleBasedStateMachine):
    template: ClassVar[Path]
    workdir: ClassVar[Path]
    tally: ClassVar[Counter[str]] = Counter()

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(dir=self.workdir))
        for code in USERS:
            shutil.copytree(self.template / code, self.root / code)
        (self.root / "backups").mkdir()
        self.world = FakeClock(START)
        self.clocks = {code: SkewedClock(self.world) for code in USERS}
        self.ctx: dict[str, Context] = {
            code: unlock(self.root / code, USERS[code], PASSPHRASE, self.clocks[code]) for code in USERS
        }
        self.in_flight: list[tuple[str, bytes]] = []  # station bundles on their way to the district
        self.returns: dict[str, list[bytes]] = {code: [] for code in STATIONS}
        self.backups: dict[str, list[Path]] = {code: [] for code in USERS}
        # Every version an owner wrote: row id -> stamp -> (base stamp, state); and stamps issued twice.
        self.written: dict[str, dict[str, tuple[str | None, dict[str, Any]]]] = {}
        self.reused: list[str] = []
        # Versions the district has taken (row id, stamp), and what each district backup held of them.
        self.delivered: set[tuple[str, str]] = set()
        self.delivered_at: dict[Path, set[tuple[str, str]]] = {}
        self.district_restored = False
        self.rng = random.Random(0)
        self.serial = 0

    # --- the world --------------------------------------------------------------------------------------------

    @initialize(seed=st.integers(0, 2**32 - 1))
    def seed(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def _station_takes(self, code: str, answer: bytes) -> None:
        report = import_bundle(self.ctx[code], answer).report
        self.tally["returns imported"] += 1
        self.tally["rows recovered"] += int(report.get("recovered", 0))
        self.tally["conflicts filed at stations"] += int(report.get("conflicts", 0))

    def _tick(self) -> None:
        self.world.advance(seconds=self.rng.randint(0, 300))

    def _harvest(self, code: str) -> None:
        """Remember every version `code` wrote (its own change-log entries), and any stamp given twice."""
        with self.ctx[code].store.session() as session:
            log = ChangeLogEntry.__table__
            rows = session.execute(
                select(log.c.row_id, log.c.hlc, log.c.base_hlc, log.c.state).where(
                    log.c.source == "local", log.c.table_name.in_(REGISTERS)
                )
            )
            for row_id, hlc, base, state in rows:
                versions = self.written.setdefault(row_id, {})
                if hlc in versions and versions[hlc][1] != state:
                    self.reused.append(f"{row_id} {hlc}")
                versions.setdefault(hlc, (base, state))

    def _own_live(self, code: str, register: str) -> list[str]:
        rows = Records(self.ctx[code]).list(register)
        return sorted(row["id"] for row in rows if row["station_code"] == code)

    # --- what officers do -------------------------------------------------------------------------------------

    @step(code=st.sampled_from(STATIONS), kind=st.sampled_from(["witness", "agent", "watched", "site"]))
    def create(self, code: str, kind: str) -> None:
        self.tally["step: create"] += 1
        self._tick()
        self.serial += 1
        records = Records(self.ctx[code])
        if kind == "site":
            records.create("sites", {"kind": "brick_kiln", "name": f"Kiln {self.serial}", "tehsil": "Phalia"})
        else:
            role = "witness" if kind == "witness" else "agent"
            values = {"name": f"Person {self.serial}", "role": role, "watchlisted": kind == "watched"}
            records.create("persons", values)
        self._harvest(code)

    @step(code=st.sampled_from([*STATIONS, DISTRICT]), data=st.data())
    def edit(self, code: str, data: st.DataObject) -> None:
        self.tally["step: edit"] += 1
        register = data.draw(st.sampled_from(REGISTERS))
        if code == DISTRICT:
            register = "sites"
        ids = self._own_live(code, register)
        if not ids:
            if code == DISTRICT:
                self.serial += 1
                Records(self.ctx[code]).create(
                    "sites", {"kind": "workshop", "name": f"District site {self.serial}", "tehsil": "Helan"}
                )
                self._harvest(code)
            return
        row_id = data.draw(st.sampled_from(ids))
        self._tick()
        self.serial += 1
        if register == "sites":
            changes: dict[str, Any] = {"name": f"Site {self.serial}"}
        elif data.draw(st.booleans()):
            changes = {"watchlisted": not Records(self.ctx[code]).get("persons", row_id)["watchlisted"]}
        else:
            changes = {"status": data.draw(st.sampled_from(["documented", "warned", "fir_registered", "arrested"]))}
        Records(self.ctx[code]).update(register, row_id, changes)
        self._harvest(code)

    @step(code=st.sampled_from(STATIONS), data=st.data())
    def delete(self, code: str, data: st.DataObject) -> None:
        self.tally["step: delete"] += 1
        register = data.draw(st.sampled_from(REGISTERS))
        ids = self._own_live(code, register)
        if not ids:
            return
        self._tick()
        Records(self.ctx[code]).delete(register, data.draw(st.sampled_from(ids)))
        self._harvest(code)

    @step(code=st.sampled_from(STATIONS), data=st.data())
    def review_conflict(self, code: str, data: st.DataObject) -> None:
        self.tally["step: review_conflict"] += 1
        open_ones = list_conflicts(self.ctx[code])
        if not open_ones:
            return
        conflict = data.draw(st.sampled_from(open_ones))
        self._tick()
        if data.draw(st.booleans()):
            mark_reviewed(self.ctx[code], conflict.id)
            return
        detail = conflict_detail(self.ctx[code], conflict.id)
        try:
            restore_other_version(self.ctx[code], conflict.id, detail.current_hlc)
        except ValidationError:
            return  # not restorable (another station's version, or a deletion): the screen says why
        self._harvest(code)

    # --- bundles on their way ---------------------------------------------------------------------------------

    @step(code=st.sampled_from(STATIONS), fate=st.sampled_from(["carried", "carried", "carried", "lost", "twice"]))
    def export(self, code: str, fate: str) -> None:
        self.tally["step: export"] += 1
        self._tick()
        exported = build_station_bundle(self.ctx[code], allow_empty=True)
        assert exported is not None
        if fate != "lost":
            self.in_flight.append((code, exported.data))
        if fate == "twice":
            self.in_flight.append((code, exported.data))

    def _district_takes(self, sender: str, data: bytes) -> None:
        district = self.ctx[DISTRICT]
        result = import_bundle(district, data)
        assert result.opened is not None
        self.tally["district imports"] += 1
        self.tally["duplicates at the district"] += result.status == "duplicate"
        self.tally["conflicts filed at the district"] += int(result.report.get("conflicts", 0))
        if result.status == "applied":
            self.delivered |= {(e["row_id"], e["hlc"]) for e in result.opened.entries if e["table"] in REGISTERS}
        self.returns[sender].append(build_return_bundle(district, result.opened).data)

    @step(data=st.data(), keep=st.sampled_from([False, False, False, False, False, True]))
    def deliver_to_district(self, data: st.DataObject, keep: bool) -> None:
        self.tally["step: deliver_to_district"] += 1
        if not self.in_flight:
            return
        index = data.draw(st.integers(0, len(self.in_flight) - 1))
        sender, bundle = self.in_flight[index] if keep else self.in_flight.pop(index)
        self._tick()
        self._district_takes(sender, bundle)
        self._harvest(DISTRICT)

    @step(
        code=st.sampled_from(STATIONS), data=st.data(), keep=st.sampled_from([False, False, False, False, False, True])
    )
    def deliver_return(self, code: str, data: st.DataObject, keep: bool) -> None:
        self.tally["step: deliver_return"] += 1
        if not self.returns[code]:
            return
        index = data.draw(st.integers(0, len(self.returns[code]) - 1))
        answer = self.returns[code][index] if keep else self.returns[code].pop(index)
        self._tick()
        self._station_takes(code, answer)
        self._harvest(code)

    @step(code=st.sampled_from(STATIONS), hold_return=st.sampled_from([False, False, False, True]))
    def sync(self, code: str, hold_return: bool) -> None:
        """The usual path: export, the district imports and answers, the station imports the answer (or the
        answer stays on the stick for later)."""
        self.tally["step: sync"] += 1
        self._tick()
        exported = build_station_bundle(self.ctx[code], allow_empty=True)
        assert exported is not None
        self._district_takes(code, exported.data)
        if not hold_return:
            self._station_takes(code, self.returns[code].pop())
            self._harvest(code)

    # --- backups, restores, clocks ----------------------------------------------------------------------------

    @step(code=st.sampled_from([*STATIONS, *STATIONS, DISTRICT]))
    def backup(self, code: str) -> None:
        self.tally["step: backup"] += 1
        self._tick()
        path = self.root / "backups" / f"{code}-{len(self.backups[code])}.ahtcbak"
        backup_store(self.ctx[code], path)
        self.backups[code].append(path)
        if code == DISTRICT:
            self.delivered_at[path] = set(self.delivered)

    @step(code=st.sampled_from([*STATIONS, *STATIONS, DISTRICT]), data=st.data())
    def restore(self, code: str, data: st.DataObject) -> None:
        self.tally["step: restore"] += 1
        if not self.backups[code]:
            return
        path = data.draw(st.sampled_from(self.backups[code]))
        self._tick()
        self._harvest(code)
        self.ctx[code].store.close()
        self.ctx[code] = restore_store(path, self.root / code, USERS[code], PASSPHRASE, self.clocks[code])
        self.tally[f"restores of {'the district' if code == DISTRICT else 'a station'}"] += 1
        if code == DISTRICT:
            self.district_restored = True
            self.delivered = set(self.delivered_at[path])

    @step(code=st.sampled_from([*STATIONS, DISTRICT]), minutes=st.integers(-10, 10), rollback=st.booleans())
    def clock_drift(self, code: str, minutes: int, rollback: bool) -> None:
        self.tally["step: clock_drift"] += 1
        # Usually a small drift; sometimes the PC's date falls back hours (a flat CMOS battery) or is corrected.
        if rollback:
            self.clocks[code].skew = dt.timedelta(0) if self.clocks[code].skew else dt.timedelta(hours=-6)
        else:
            self.clocks[code].skew += dt.timedelta(minutes=minutes)

    # --- the rules: each draws one action by weight ---------------------------------------------------------

    def _run(self, action: str, data: st.DataObject) -> None:
        method = getattr(self, action)
        arguments = {
            name: data if name == "data" else data.draw(strategy, label=name)
            for name, strategy in method.strategies.items()
        }
        method(**arguments)

    @rule(action=st.sampled_from(ACTIONS), data=st.data())
    def act(self, action: str, data: st.DataObject) -> None:
        self._run(action, data)

    # --- the end: settle, then check --------------------------------------------------------------------------

    def teardown(self) -> None:
        try:
            if len(self.written) or self.in_flight:
                self._settle_and_check()
        finally:
            for ctx in self.ctx.values():
                ctx.store.close()
            shutil.rmtree(self.root, ignore_errors=True)

    def _state(self) -> Any:
        out = []
        for code in USERS:
            with self.ctx[code].store.session() as session:
                rows = {
                    name: sorted(session.execute(select(model.__table__.c.id, model.__table__.c.hlc)).all())  # type: ignore[attr-defined]
                    for name, model in register_models().items()
                }
                conflicts = sorted(session.execute(select(Conflict.row_id, Conflict.lost_hlc)).all())
                log_size = len(session.scalars(select(ChangeLogEntry.seq)).all())
            out.append((code, rows, conflicts, log_size))
        return out

    def _round(self) -> None:
        for code in STATIONS:
            self.world.advance(seconds=30)
            exported = build_station_bundle(self.ctx[code], allow_empty=True)
            assert exported is not None
            self._district_takes(code, exported.data)
            self._station_takes(code, self.returns[code].pop())
            self._harvest(code)

    def _settle_and_check(self) -> None:
        for clock in self.clocks.values():
            clock.skew = dt.timedelta(0)  # the officers correct the dates before the last syncs
        self.rng.shuffle(self.in_flight)
        for sender, bundle in self.in_flight:
            self._district_takes(sender, bundle)
        self.in_flight.clear()
        for code in STATIONS:
            answers = self.returns[code]
            self.rng.shuffle(answers)
            for answer in answers:
                self._station_takes(code, answer)
            answers.clear()
        before = None
        for rounds in range(1, MAX_SETTLE_ROUNDS + 1):
            self._round()
            now = self._state()
            if now == before:
                self.tally[f"settled after {rounds} rounds"] += 1
                break
            before = now
        else:
            raise AssertionError(f"no quiescence after {MAX_SETTLE_ROUNDS} sync rounds")
        for code in USERS:
            self._harvest(code)
        problems = [f"stamp issued twice: {r}" for r in self.reused]
        problems += self._district_problems() + self._station_problems() + self._conflict_problems()
        for code, ctx in self.ctx.items():
            report = verify_store(ctx)
            problems += [f"{code} verify: {p}" for p in report.problems()]
        self.tally["examples checked"] += 1
        self.tally["rows at the district"] += len(self._rows(DISTRICT))
        assert not problems, "\n".join(problems[:20])

    def _rows(self, code: str) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        with self.ctx[code].store.session() as session:
            for name in REGISTERS:
                table = register_models()[name].__table__  # type: ignore[attr-defined]
                for row in session.execute(select(table)).mappings():
                    out[row["id"]] = {"register": name, **row}
        return out

    def _survivors(self) -> dict[str, set[str]]:
        """Per row, the versions that must not be lost: delivered to the district, or in the owner's log."""
        must: dict[str, set[str]] = {}
        for row_id, hlc in self.delivered:
            must.setdefault(row_id, set()).add(hlc)
        for code in USERS:
            with self.ctx[code].store.session() as session:
                log = ChangeLogEntry.__table__
                for row_id, hlc in session.execute(
                    select(log.c.row_id, log.c.hlc).where(
                        log.c.source.in_(("local", "recovered")), log.c.table_name.in_(REGISTERS)
                    )
                ):
                    must.setdefault(row_id, set()).add(hlc)
        return must

    def _district_problems(self) -> list[str]:
        held = self._rows(DISTRICT)
        problems = []
        for row_id, stamps in self._survivors().items():
            newest = max(stamps)
            row = held.get(row_id)
            if row is None:
                problems.append(f"I1 district lacks {row_id} (newest {newest})")
            elif row["hlc"] != newest:
                problems.append(f"I1 district holds {row_id} at {row['hlc']}, newest surviving is {newest}")
        for row_id, row in held.items():
            version = self.written.get(row_id, {}).get(row["hlc"])
            if version is None:
                problems.append(f"I1 district holds {row_id} at {row['hlc']}, a version nobody wrote")
            elif any(row[k] != v for k, v in version[1].items() if k in ("name", "status", "watchlisted")):
                problems.append(f"I1 district's {row_id} differs from the version its owner wrote at {row['hlc']}")
        return problems

    def _reference_ids(self, station: str) -> set[str]:
        """What the district sends a station: others' sites, and others' persons with a watch-listed version."""
        with self.ctx[DISTRICT].store.session() as session:
            log = ChangeLogEntry.__table__
            watched = set(
                session.scalars(
                    select(log.c.row_id).where(
                        log.c.table_name == "persons", log.c.state["watchlisted"].as_boolean().is_(True)
                    )
                )
            )
        held = self._rows(DISTRICT)
        return {
            row_id
            for row_id, row in held.items()
            if row["station_code"] != station
            and row["register"] in reference_registers()
            and (row["register"] == "sites" or row_id in watched)
        }

    def _station_problems(self) -> list[str]:
        district = self._rows(DISTRICT)
        problems = []
        for code in STATIONS:
            held = self._rows(code)
            expected = self._reference_ids(code)
            for row_id in expected:
                if row_id not in held:
                    problems.append(f"I2 {code} lacks reference row {row_id}")
                elif held[row_id]["hlc"] != district[row_id]["hlc"]:
                    problems.append(
                        f"I2 {code} holds {row_id} at {held[row_id]['hlc']}, district at {district[row_id]['hlc']}"
                    )
            for row_id, row in held.items():
                if row["station_code"] == code:
                    other = district.get(row_id)
                    if other is None or other != row:
                        problems.append(f"I2own {code}'s own {row_id} differs from the district's")
                elif row_id not in expected:
                    lost_by_district_restore = self.district_restored and row["station_code"] == DISTRICT
                    if not lost_by_district_restore:
                        problems.append(f"I2 {code} holds {row_id} of {row['station_code']}, not reference data there")
            for row_id, row in district.items():
                if row["station_code"] == code and row_id not in held:
                    problems.append(f"I2own {code} lacks its own {row_id} that the district holds")
        return problems

    def _ancestors(self, row_id: str, hlc: str) -> set[str]:
        versions, out = self.written.get(row_id, {}), set()
        step = versions.get(hlc, (None, {}))[0]
        while step is not None and step not in out:
            out.add(step)
            step = versions.get(step, (None, {}))[0]
        return out

    def _conflict_problems(self) -> list[str]:
        problems = []
        for code in USERS:
            with self.ctx[code].store.session() as session:
                conflicts = list(session.scalars(select(Conflict)))
            seen: set[tuple[str, str]] = set()
            for c in conflicts:
                where = f"I3 {code} conflict on {c.row_id} (lost {c.lost_hlc}, kept {c.kept_hlc})"
                if (c.row_id, c.lost_hlc) in seen:
                    problems.append(f"{where}: filed twice")
                seen.add((c.row_id, c.lost_hlc))
                if code != DISTRICT and c.lost_origin != code:
                    problems.append(f"{where}: on another station's row")
                versions = self.written.get(c.row_id, {})
                if c.lost_hlc not in versions or c.kept_hlc not in versions:
                    problems.append(f"{where}: a version its owner never wrote")
                    continue
                if c.lost_hlc in self._ancestors(c.row_id, c.kept_hlc) or c.kept_hlc in self._ancestors(
                    c.row_id, c.lost_hlc
                ):
                    problems.append(f"{where}: not concurrent (one descends from the other)")
        return problems


@pytest.fixture
def simulation_dir(tmp_path: Path) -> Iterator[Path]:
    elsewhere = os.environ.get("AHTC_SIM_DIR")
    if not elsewhere:
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(dir=elsewhere, prefix="ahtc-sim-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_sync_converges_whatever_happens(enrolled_template: Path, simulation_dir: Path) -> None:
    Convergence.template, Convergence.workdir = enrolled_template, simulation_dir
    run_state_machine_as_test(
        Convergence,
        settings=settings(
            max_examples=int(os.environ.get("AHTC_SIM_EXAMPLES", "3")),
            stateful_step_count=int(os.environ.get("AHTC_SIM_STEPS", "30")),
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize="AHTC_SIM_EXAMPLES" not in os.environ,
            database=None,
        ),
    )
    report = os.environ.get("AHTC_SIM_REPORT")
    if report:
        Path(report).write_text(json.dumps(dict(sorted(Convergence.tally.items())), indent=1))
