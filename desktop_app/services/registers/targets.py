"""Targets per period: set by the district for each station or for the district as a whole (or by a station for
itself), handed to every station with the other reference registers, and shown against the results."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.errors import ValidationError
from desktop_app.models.targets import Target, TargetMeasure
from desktop_app.services.registry import RegisterSpec, State, register
from desktop_app.services.validation import Field

if TYPE_CHECKING:
    from desktop_app.services.records import WriteTx


def _checks(clean: dict[str, Any]) -> dict[str, str]:
    if clean["period_end"] < clean["period_start"]:
        return {"period_end": "the period ends before it starts"}
    if (clean["period_end"] - clean["period_start"]).days > 366:
        return {"period_end": "a target's period is at most a year"}
    return {}


def _saved(tx: WriteTx, state: State, before: State | None) -> None:
    # A station answers for its own work: only the district sets a target for another station.
    station = tx.ctx.station
    if not station.is_district and state.get("for_station") not in (None, "", station.station_code):
        message = f"a station sets targets only for itself ({station.station_code}); the district sets the others"
        raise ValidationError({"for_station": message})


TARGETS = register(
    RegisterSpec(
        name="targets",
        model=Target,
        label="Targets",
        place=120,
        fields={
            "for_station": Field(label="For station"),  # blank: the station, or district, that sets it
            "measure": Field(choices=TargetMeasure),
            "target": Field("count"),
            "notes": Field(max_len=2000),
        },
        title=lambda s: f"Target {s['period_start']:%d/%m/%Y} to {s['period_end']:%d/%m/%Y}",
        checks=_checks,
        # The district's targets reach every station with the site registry; reports read them from the table.
        reference=True,
        public_fields=("period_start", "period_end", "for_station", "measure", "target"),
        filter_fields=("measure",),
        example={"period_start": "2026-01-01", "period_end": "2026-02-28", "measure": "inspections", "target": 30},
        on_saved=_saved,
        list_columns=("period_start", "period_end", "measure", "target", "for_station"),
    )
)
