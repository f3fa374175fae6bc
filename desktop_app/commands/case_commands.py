"""Subcommands for cases and their FIR-support summaries: `case list`, `case sections`, `fir-summary`,
`verify-summary`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.commands.common import UsageError, open_context, say
from desktop_app.errors import InputDamaged, NotFound
from desktop_app.models.enums import CaseStatus
from desktop_app.reports.case_sections import UNVERIFIED_MARK, known_fact_tags, section_list
from desktop_app.reports.fir_builder import (
    case_profile,
    print_fir_summary,
    record_ref,
    sealed_station_code,
    station_public_key,
)
from desktop_app.reports.fir_summary_data import AUDIENCE_LABELS, AUDIENCES
from desktop_app.reports.law_sections import load_catalogue
from desktop_app.reports.summary_seal import SealKey, verify_summary
from desktop_app.services.case_numbers import parse_number
from desktop_app.services.context import Context
from desktop_app.services.records import ListQuery, Records
from desktop_app.store.faults import input_file, output_file


class SummaryNotVerified(InputDamaged):
    """A summary PDF failed one or more seal checks (each reason was printed on its own line)."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    case = commands.add_parser("case", help="cases: list them, see the law sections suggested for one")
    case_commands = case.add_subparsers(dest="case_command", required=True, metavar="ACTION")
    lst = case_commands.add_parser("list", help="one case a line: id, status, offence category, title")
    lst.add_argument("--status", choices=[s.value for s in CaseStatus], help="only cases with this status")
    lst.set_defaults(func=cmd_case_list)
    sections = case_commands.add_parser(
        "sections", help="law sections suggested for a case (to confirm), and the ones confirmed"
    )
    sections.add_argument("case_id")
    sections.set_defaults(func=cmd_case_sections)

    fir = commands.add_parser("fir-summary", help="print a case's FIR-support summary to a signed PDF")
    fir.add_argument("case_id")
    fir.add_argument("--out", required=True, type=Path, help="the PDF to write, F.pdf")
    fir.add_argument(
        "--audience",
        choices=AUDIENCES,
        default="police",
        help="police (full detail), prosecutor or ngo_referral (victims and children masked)",
    )
    fir.set_defaults(func=cmd_fir_summary)

    verify = commands.add_parser("verify-summary", help="check the seal of an FIR-support summary PDF")
    verify.add_argument("pdf", type=Path)
    verify.add_argument(
        "--keys",
        type=Path,
        help="the district's key list (ahtc district keys --out F): check without a station account",
    )
    verify.set_defaults(func=cmd_verify_summary)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def cmd_case_list(args: argparse.Namespace) -> None:
    ctx = open_context(args)
    filters = {"status": args.status} if args.status else {}
    query = ListQuery(filters=filters, order_by="created_at", descending=False, limit=None)
    for case in Records(ctx).list("cases", query):
        number = case.get("case_number") or "-"
        say("\t".join((number, case["id"], case["status"], case["offence_category"], _one_line(case["title"]))))


def _number_of(ctx: Context, case_id: str) -> str:
    return str(Records(ctx).get("cases", case_id).get("case_number") or record_ref("cases", case_id))


def _case_id(ctx: Context, ref: str) -> str:
    """A case named by its number (AHTC/MBD-PHALIA/2026/014) or its record id."""
    if parse_number(ref) is None:
        return ref
    found = Records(ctx).list("cases", ListQuery(filters={"case_number": ref.strip()}, limit=1))
    if not found:
        raise NotFound(f"no case numbered {ref.strip()}")
    return str(found[0]["id"])


def cmd_case_sections(args: argparse.Namespace) -> None:
    ctx = open_context(args)
    case = Records(ctx).get("cases", _case_id(ctx, args.case_id))
    catalogue = load_catalogue()
    tags = [t for t in case.get("fact_tags") or [] if isinstance(t, str)]
    confirmed = [s for s in case.get("sections") or [] if isinstance(s, str)]
    known, unknown = known_fact_tags(catalogue, tags)
    profile = case_profile(ctx, case["id"], catalogue)
    say(f"Case {case.get('case_number') or case['id']}: {_one_line(case['title'])}")
    say(f"Offence category: {case['offence_category']}; facts: {', '.join(known) or 'none ticked'}")
    if unknown:
        say(f"Fact tags not in the {catalogue.stamp} (ignored): {', '.join(unknown)}")
    say("")
    listing = section_list(catalogue, profile, confirmed)
    if not listing.choices:
        say("The catalogue suggests no section for this category and these facts: tick the facts that apply.")
    for choice in listing.choices:
        mark = "[confirmed] " if choice.confirmed else "[suggested] "
        section = choice.section
        if section is None:
            say(f"{mark}{choice.section_id}: not in the {catalogue.stamp}; check the official text")
            continue
        flags = "" if section.verified else f" ({UNVERIFIED_MARK}: {section.note})"
        why = f"score {choice.score}: {'; '.join(choice.reasons)}" if choice.suggested else "confirmed by the officer"
        say(f"{mark}{section.citation} - {section.title}{flags} [{section.id}]")
        say(f"    punishment: {section.max_punishment}")
        say(f"    why: {why}")
        for check in choice.checks:
            say(f"    check: {check}")
    for ruled in listing.ruled_out:
        say(f"[not suggested] {ruled.section.citation} - {ruled.section.title}: {ruled.reason}")
    if listing.notes:
        say("")
        say("Who investigates and which court tries:")
        for note in listing.notes:
            say(f"  {note}")
    say("")
    say(
        "Suggestions are for the officer to confirm or remove; only confirmed sections are printed on the "
        "FIR-support summary."
    )
    say(f"{catalogue.stamp}: {catalogue.disclaimer}")


def cmd_fir_summary(args: argparse.Namespace) -> None:
    out: Path = args.out
    output_file(out)
    if out.suffix.lower() != ".pdf":
        raise UsageError("--out must be a .pdf file")
    ctx = open_context(args)
    result = print_fir_summary(ctx, _case_id(ctx, args.case_id), out, audience=args.audience)
    say(
        f"Wrote {out}: {result.page_count} pages, {AUDIENCE_LABELS[args.audience]}, "
        f"case {_number_of(ctx, result.case_id)} ({result.case_id})."
    )
    say(f"Seal SHA-256 {result.sha256}; {'signed by ' + ctx.station.station_code if result.signed else 'UNSIGNED'}.")
    say("The print is logged in the audit chain with its copy number and audience.")


def cmd_verify_summary(args: argparse.Namespace) -> None:
    pdf: Path = args.pdf
    input_file(pdf)
    if args.keys is not None:
        _verify_with_key_list(pdf, args.keys)
        return
    ctx = open_context(args)
    named = sealed_station_code(pdf)
    ours = ctx.station.station_code
    other_station = named is not None and named != ours
    # A station holds only its own key; other stations' summaries are checked with the district's key list.
    key = None if other_station else station_public_key(ctx)
    result = verify_summary(pdf, key)
    reasons = list(result.reasons)
    if other_station:
        reasons.append(
            f"The summary names station {named}: check it with the district's key list "
            f"(ahtc verify-summary {pdf} --keys district-keys.json)."
        )
    _report(pdf, result.case_id, result.sha256, reasons, f"signature of {ours} valid")


def _verify_with_key_list(pdf: Path, key_file: Path) -> None:
    from desktop_app.sync.key_list import read_key_list

    keys = read_key_list(key_file)
    seal_keys = [
        SealKey(
            station_code=s.station_code,
            public_key=s.sign_public,
            label=s.label,
            replaced_at=s.since if s.status == "replaced" else None,
            revoked_at=s.since if s.status == "revoked" else None,
        )
        for s in keys.stations
    ]
    result = verify_summary(pdf, seal_keys)
    district = f"key list of {keys.district_name} ({keys.district_code}), fingerprint {keys.fingerprint}"
    _report(pdf, result.case_id, result.sha256, list(result.reasons), f"signed by {result.signed_by}; {district}")


def _report(pdf: Path, case_id: str | None, sha256: str | None, reasons: list[str], how: str) -> None:
    if not reasons:
        say(f"OK {case_id} {sha256} ({how}; pages re-drawn from the sealed content and compared)")
        return
    for reason in reasons:
        print(f"ahtc verify-summary: {reason}", file=sys.stderr)
    raise SummaryNotVerified(f"{pdf} is not a verified summary ({len(reasons)} problem(s) above)")
