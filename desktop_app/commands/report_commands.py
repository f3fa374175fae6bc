"""Subcommands for the district's figures and register exports: `report bimonthly` and `export REGISTER`."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from desktop_app.commands.common import UsageError, open_context, say
from desktop_app.reports.bimonthly import write_bimonthly
from desktop_app.reports.exports import FULL, PSEUDONYMISED, export_register
from desktop_app.reports.frames import Period
from desktop_app.services.registry import register_models
from desktop_app.services.validation import FieldError, parse_date
from desktop_app.store.faults import output_file


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = commands.add_parser("report", help="reports for the district vigilance committee")
    kinds = report.add_subparsers(dest="report_command", required=True, metavar="KIND")
    bimonthly = kinds.add_parser("bimonthly", help="the bimonthly report as an Excel workbook (and a PDF)")
    bimonthly.add_argument("--from", dest="date_from", required=True, help="first day, dd/mm/yyyy")
    bimonthly.add_argument("--to", dest="date_to", required=True, help="last day, dd/mm/yyyy (included)")
    bimonthly.add_argument("--out", required=True, type=Path, help="the workbook, F.xlsx")
    bimonthly.add_argument("--pdf", type=Path, help="also write the report as an A4 PDF with charts")
    bimonthly.add_argument("--station", help="one station's code (default: every station in this store)")
    bimonthly.add_argument("--baseline-from", help="add a baseline-versus-latest sheet: baseline first day")
    bimonthly.add_argument("--baseline-to", help="baseline last day")
    bimonthly.set_defaults(func=cmd_report_bimonthly)

    export = commands.add_parser("export", help="export one register to CSV or XLSX (pseudonymised by default)")
    export.add_argument(
        "register", choices=list(register_models()), metavar="REGISTER", help=", ".join(register_models())
    )
    export.add_argument("--out", required=True, type=Path, help="F.csv or F.xlsx")
    mode = export.add_mutually_exclusive_group()
    mode.add_argument(
        "--pseudonymised",
        dest="mode",
        action="store_const",
        const=PSEUDONYMISED,
        help="names, identity numbers and free text replaced (the default)",
    )
    mode.add_argument("--full", dest="mode", action="store_const", const=FULL, help="everything (SHO only, audited)")
    export.add_argument("--station", help="only this station's rows")
    export.set_defaults(func=cmd_export, mode=PSEUDONYMISED)


def _date(text: str, option: str) -> dt.date:
    try:
        return parse_date(text)
    except FieldError as exc:
        raise UsageError(f"{option}: {exc}") from None


def _period(start: str, end: str, options: str) -> Period:
    first, last = _date(start, options.split()[0]), _date(end, options.split()[1])
    if last < first:
        raise UsageError(f"{options}: the period ends before it starts")
    return Period(first, last)


def _writable(path: Path) -> Path:
    return output_file(path)  # a folder, or a folder that is not there: said before any work


def cmd_report_bimonthly(args: argparse.Namespace) -> None:
    period = _period(args.date_from, args.date_to, "--from --to")
    baseline = None
    if args.baseline_from or args.baseline_to:
        if not (args.baseline_from and args.baseline_to):
            raise UsageError("give both --baseline-from and --baseline-to")
        baseline = _period(args.baseline_from, args.baseline_to, "--baseline-from --baseline-to")
    _writable(args.out)
    if args.pdf is not None:
        _writable(args.pdf)
    if args.out.suffix.lower() != ".xlsx":
        raise UsageError("--out must be an .xlsx file")
    if args.pdf is not None and args.pdf.suffix.lower() != ".pdf":
        raise UsageError("--pdf must be a .pdf file")
    ctx = open_context(args)
    try:
        written = write_bimonthly(
            ctx,
            period,
            _writable(args.out),
            _writable(args.pdf) if args.pdf else None,
            station_code=args.station,
            baseline=baseline,
        )
    finally:
        ctx.store.close()
    report = written.report
    say(f"Bimonthly report {period.label()} for {report.station_label}, {report.district}")
    say(
        f"{report.indicators.inspections_total:,} inspections, {report.indicators.cases.firs_registered:,} FIRs, "
        f"{report.indicators.children.withdrawn:,} children withdrawn, from {report.source_rows:,} register rows"
    )
    for path in written.files:
        say(f"Wrote {path}")


def cmd_export(args: argparse.Namespace) -> None:
    _writable(args.out)
    ctx = open_context(args)
    try:
        result = export_register(ctx, args.register, _writable(args.out), mode=args.mode, station_code=args.station)
    finally:
        ctx.store.close()
    say(f"Wrote {result.rows:,} {result.register} rows ({result.mode}) to {result.path}")
