"""registers, accounts, change log and audit chain

Revision ID: 0001
Revises:
Create Date: 2026-11-29 02:29:49.609259
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "agreement_followups",
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("observed_rate_per_1000", sa.Integer(), nullable=True),
        sa.Column("workers_paid_as_agreed", sa.Integer(), nullable=True),
        sa.Column("eobi_registrations_done", sa.Integer(), nullable=True),
        sa.Column("outstanding_advances_pkr", sa.Integer(), nullable=True),
        sa.Column("compliance", sa.String(length=16), nullable=False),
        sa.Column("action", sa.Text(), nullable=True),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agreement_followups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_followups_agreement_id"), ["agreement_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreement_followups_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreement_followups_station_code"), ["station_code"], unique=False)

    op.create_table(
        "agreements",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("committed_rate_per_1000", sa.Integer(), nullable=False),
        sa.Column("notified_min_rate_per_1000", sa.Integer(), nullable=False),
        sa.Column("workers_covered", sa.Integer(), nullable=False),
        sa.Column("eobi_committed", sa.Integer(), nullable=False),
        sa.Column("followup_interval_days", sa.Integer(), nullable=False),
        sa.Column("next_followup_due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("terms", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreements_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_next_followup_due"), ["next_followup_due"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_site_id"), ["site_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agreements_station_code"), ["station_code"], unique=False)

    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("register", sa.String(length=40), nullable=True),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_record_id"), ["record_id"], unique=False)

    op.create_table(
        "case_links",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("register", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("case_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_links_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_links_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_links_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_links_station_code"), ["station_code"], unique=False)

    op.create_table(
        "case_status_changes",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("from_status", sa.String(length=32), nullable=True),
        sa.Column("to_status", sa.String(length=32), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("case_status_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_status_changes_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_status_changes_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_status_changes_station_code"), ["station_code"], unique=False)

    op.create_table(
        "cases",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("offence_category", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=True),
        sa.Column("occurrence_date", sa.Date(), nullable=True),
        sa.Column("occurrence_place", sa.String(length=300), nullable=True),
        sa.Column("distance_direction", sa.String(length=200), nullable=True),
        sa.Column("report_date", sa.Date(), nullable=True),
        sa.Column("fir_number", sa.String(length=32), nullable=True),
        sa.Column("fir_date", sa.Date(), nullable=True),
        sa.Column("fir_station", sa.String(length=100), nullable=True),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("fact_tags", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("action_taken", sa.Text(), nullable=True),
        sa.Column("outcome_date", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_offence_category"), ["offence_category"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_report_date"), ["report_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_station_code"), ["station_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_status"), ["status"], unique=False)

    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=16), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("base_hlc", sa.String(length=64), nullable=True),
        sa.Column("origin_station", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_log_origin_station"), ["origin_station"], unique=False)
        batch_op.create_index(batch_op.f("ix_change_log_row_id"), ["row_id"], unique=False)

    op.create_table(
        "child_followups",
        sa.Column("child_id", sa.String(length=36), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("attending_school", sa.Boolean(), nullable=False),
        sa.Column("back_at_work", sa.Boolean(), nullable=False),
        sa.Column("officer", sa.String(length=200), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("child_followups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_child_followups_child_id"), ["child_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_child_followups_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_child_followups_station_code"), ["station_code"], unique=False)

    op.create_table(
        "children",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("father_name", sa.String(length=200), nullable=True),
        sa.Column("guardian_name", sa.String(length=200), nullable=True),
        sa.Column("guardian_cnic", sa.String(length=15), nullable=True),
        sa.Column("guardian_phone", sa.String(length=20), nullable=True),
        sa.Column("b_form_no", sa.String(length=15), nullable=True),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("age_years", sa.Integer(), nullable=True),
        sa.Column("sex", sa.String(length=16), nullable=False),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("tehsil", sa.String(length=100), nullable=True),
        sa.Column("village", sa.String(length=100), nullable=True),
        sa.Column("inspection_id", sa.String(length=36), nullable=True),
        sa.Column("site_id", sa.String(length=36), nullable=True),
        sa.Column("rescue_date", sa.Date(), nullable=False),
        sa.Column("work", sa.String(length=200), nullable=True),
        sa.Column("hours_per_day", sa.Integer(), nullable=True),
        sa.Column("handed_over_to", sa.String(length=200), nullable=True),
        sa.Column("school_name", sa.String(length=200), nullable=True),
        sa.Column("enrolment_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("followup_interval_days", sa.Integer(), nullable=False),
        sa.Column("next_followup_due", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("children", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_children_guardian_cnic"), ["guardian_cnic"], unique=False)
        batch_op.create_index(batch_op.f("ix_children_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_children_inspection_id"), ["inspection_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_children_next_followup_due"), ["next_followup_due"], unique=False)
        batch_op.create_index(batch_op.f("ix_children_rescue_date"), ["rescue_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_children_site_id"), ["site_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_children_station_code"), ["station_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_children_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_children_tehsil"), ["tehsil"], unique=False)

    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("kept_hlc", sa.String(length=64), nullable=False),
        sa.Column("lost_hlc", sa.String(length=64), nullable=False),
        sa.Column("lost_origin", sa.String(length=32), nullable=False),
        sa.Column("lost_state", sa.JSON(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conflicts_row_id"), ["row_id"], unique=False)

    op.create_table(
        "drafts",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("form_key", sa.String(length=80), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("username", "form_key"),
    )
    op.create_table(
        "family_meetings",
        sa.Column("victim_id", sa.String(length=36), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("attendees", sa.Text(), nullable=False),
        sa.Column("officers", sa.String(length=400), nullable=False),
        sa.Column("support_given", sa.Text(), nullable=True),
        sa.Column("agent_information", sa.Text(), nullable=True),
        sa.Column("family_willing_complainant", sa.Boolean(), nullable=False),
        sa.Column("next_followup_due", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("family_meetings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_family_meetings_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_family_meetings_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_family_meetings_station_code"), ["station_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_family_meetings_victim_id"), ["victim_id"], unique=False)

    op.create_table(
        "inspections",
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("officers", sa.String(length=400), nullable=False),
        sa.Column("workers_total", sa.Integer(), nullable=True),
        sa.Column("workers_bonded", sa.Integer(), nullable=True),
        sa.Column("workers_unaware_min_wage", sa.Integer(), nullable=True),
        sa.Column("workers_illiterate", sa.Integer(), nullable=True),
        sa.Column("workers_with_contract", sa.Integer(), nullable=True),
        sa.Column("workers_eobi", sa.Integer(), nullable=True),
        sa.Column("children_found", sa.Integer(), nullable=False),
        sa.Column("children_withdrawn", sa.Integer(), nullable=False),
        sa.Column("hazards", sa.Text(), nullable=True),
        sa.Column("licence_shown", sa.Boolean(), nullable=True),
        sa.Column("staff_list_shown", sa.Boolean(), nullable=True),
        sa.Column("advisory_shown", sa.Boolean(), nullable=True),
        sa.Column("notice_issued", sa.Boolean(), nullable=False),
        sa.Column("compliance_deadline", sa.Date(), nullable=True),
        sa.Column("notice_complied", sa.Boolean(), nullable=True),
        sa.Column("fir_recommended", sa.Boolean(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspections_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspections_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspections_site_id"), ["site_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspections_station_code"), ["station_code"], unique=False)

    op.create_table(
        "person_links",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("register", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("person_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_links_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_links_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_links_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_links_station_code"), ["station_code"], unique=False)

    op.create_table(
        "persons",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("father_name", sa.String(length=200), nullable=True),
        sa.Column("cnic", sa.String(length=15), nullable=True),
        sa.Column("phones", sa.String(length=200), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("tehsil", sa.String(length=100), nullable=True),
        sa.Column("village", sa.String(length=100), nullable=True),
        sa.Column("aliases", sa.String(length=400), nullable=True),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("watchlisted", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_persons_cnic"), ["cnic"], unique=False)
        batch_op.create_index(batch_op.f("ix_persons_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_persons_station_code"), ["station_code"], unique=False)

    op.create_table(
        "referrals",
        sa.Column("subject_register", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("department", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("outcome_date", sa.Date(), nullable=True),
        sa.Column("outcome_notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referrals_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_station_code"), ["station_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_subject_id"), ["subject_id"], unique=False)

    op.create_table(
        "sites",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("tehsil", sa.String(length=100), nullable=False),
        sa.Column("village", sa.String(length=100), nullable=True),
        sa.Column("gps_lat", sa.Float(), nullable=True),
        sa.Column("gps_lon", sa.Float(), nullable=True),
        sa.Column("registration_status", sa.String(length=32), nullable=False),
        sa.Column("licence_no", sa.String(length=64), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sites_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_sites_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_sites_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sites_station_code"), ["station_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_sites_tehsil"), ["tehsil"], unique=False)

    op.create_table(
        "station_info",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("station_name", sa.String(length=200), nullable=False),
        sa.Column("district", sa.String(length=100), nullable=False),
        sa.Column("district_code", sa.String(length=32), nullable=True),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("identity", sa.JSON(), nullable=False),
        sa.Column("last_hlc", sa.String(length=64), nullable=True),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "users",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("username"),
    )
    op.create_table(
        "victims",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("father_name", sa.String(length=200), nullable=True),
        sa.Column("cnic", sa.String(length=15), nullable=True),
        sa.Column("passport_no", sa.String(length=20), nullable=True),
        sa.Column("sex", sa.String(length=16), nullable=False),
        sa.Column("age_years", sa.Integer(), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("tehsil", sa.String(length=100), nullable=True),
        sa.Column("village", sa.String(length=100), nullable=True),
        sa.Column("family_phone", sa.String(length=20), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("route", sa.String(length=32), nullable=False),
        sa.Column("country_of_incident", sa.String(length=100), nullable=True),
        sa.Column("date_of_departure", sa.Date(), nullable=True),
        sa.Column("date_of_incident", sa.Date(), nullable=True),
        sa.Column("amount_paid_pkr", sa.Integer(), nullable=True),
        sa.Column("ransom_paid_pkr", sa.Integer(), nullable=True),
        sa.Column("next_followup_due", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("victims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_victims_cnic"), ["cnic"], unique=False)
        batch_op.create_index(batch_op.f("ix_victims_hlc"), ["hlc"], unique=False)
        batch_op.create_index(batch_op.f("ix_victims_next_followup_due"), ["next_followup_due"], unique=False)
        batch_op.create_index(batch_op.f("ix_victims_station_code"), ["station_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_victims_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_victims_tehsil"), ["tehsil"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("victims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_victims_tehsil"))
        batch_op.drop_index(batch_op.f("ix_victims_status"))
        batch_op.drop_index(batch_op.f("ix_victims_station_code"))
        batch_op.drop_index(batch_op.f("ix_victims_next_followup_due"))
        batch_op.drop_index(batch_op.f("ix_victims_hlc"))
        batch_op.drop_index(batch_op.f("ix_victims_cnic"))

    op.drop_table("victims")
    op.drop_table("users")
    op.drop_table("station_info")
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sites_tehsil"))
        batch_op.drop_index(batch_op.f("ix_sites_station_code"))
        batch_op.drop_index(batch_op.f("ix_sites_owner_id"))
        batch_op.drop_index(batch_op.f("ix_sites_kind"))
        batch_op.drop_index(batch_op.f("ix_sites_hlc"))

    op.drop_table("sites")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_subject_id"))
        batch_op.drop_index(batch_op.f("ix_referrals_station_code"))
        batch_op.drop_index(batch_op.f("ix_referrals_hlc"))
        batch_op.drop_index(batch_op.f("ix_referrals_date"))

    op.drop_table("referrals")
    with op.batch_alter_table("persons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_persons_station_code"))
        batch_op.drop_index(batch_op.f("ix_persons_hlc"))
        batch_op.drop_index(batch_op.f("ix_persons_cnic"))

    op.drop_table("persons")
    with op.batch_alter_table("person_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_links_station_code"))
        batch_op.drop_index(batch_op.f("ix_person_links_record_id"))
        batch_op.drop_index(batch_op.f("ix_person_links_person_id"))
        batch_op.drop_index(batch_op.f("ix_person_links_hlc"))

    op.drop_table("person_links")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspections_station_code"))
        batch_op.drop_index(batch_op.f("ix_inspections_site_id"))
        batch_op.drop_index(batch_op.f("ix_inspections_hlc"))
        batch_op.drop_index(batch_op.f("ix_inspections_date"))

    op.drop_table("inspections")
    with op.batch_alter_table("family_meetings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_meetings_victim_id"))
        batch_op.drop_index(batch_op.f("ix_family_meetings_station_code"))
        batch_op.drop_index(batch_op.f("ix_family_meetings_hlc"))
        batch_op.drop_index(batch_op.f("ix_family_meetings_date"))

    op.drop_table("family_meetings")
    op.drop_table("drafts")
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflicts_row_id"))

    op.drop_table("conflicts")
    with op.batch_alter_table("children", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_children_tehsil"))
        batch_op.drop_index(batch_op.f("ix_children_status"))
        batch_op.drop_index(batch_op.f("ix_children_station_code"))
        batch_op.drop_index(batch_op.f("ix_children_site_id"))
        batch_op.drop_index(batch_op.f("ix_children_rescue_date"))
        batch_op.drop_index(batch_op.f("ix_children_next_followup_due"))
        batch_op.drop_index(batch_op.f("ix_children_inspection_id"))
        batch_op.drop_index(batch_op.f("ix_children_hlc"))
        batch_op.drop_index(batch_op.f("ix_children_guardian_cnic"))

    op.drop_table("children")
    with op.batch_alter_table("child_followups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_child_followups_station_code"))
        batch_op.drop_index(batch_op.f("ix_child_followups_hlc"))
        batch_op.drop_index(batch_op.f("ix_child_followups_child_id"))

    op.drop_table("child_followups")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_log_row_id"))
        batch_op.drop_index(batch_op.f("ix_change_log_origin_station"))

    op.drop_table("change_log")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_status"))
        batch_op.drop_index(batch_op.f("ix_cases_station_code"))
        batch_op.drop_index(batch_op.f("ix_cases_report_date"))
        batch_op.drop_index(batch_op.f("ix_cases_offence_category"))
        batch_op.drop_index(batch_op.f("ix_cases_hlc"))

    op.drop_table("cases")
    with op.batch_alter_table("case_status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_status_changes_station_code"))
        batch_op.drop_index(batch_op.f("ix_case_status_changes_hlc"))
        batch_op.drop_index(batch_op.f("ix_case_status_changes_case_id"))

    op.drop_table("case_status_changes")
    with op.batch_alter_table("case_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_links_station_code"))
        batch_op.drop_index(batch_op.f("ix_case_links_record_id"))
        batch_op.drop_index(batch_op.f("ix_case_links_hlc"))
        batch_op.drop_index(batch_op.f("ix_case_links_case_id"))

    op.drop_table("case_links")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_record_id"))

    op.drop_table("audit_log")
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreements_station_code"))
        batch_op.drop_index(batch_op.f("ix_agreements_site_id"))
        batch_op.drop_index(batch_op.f("ix_agreements_next_followup_due"))
        batch_op.drop_index(batch_op.f("ix_agreements_hlc"))
        batch_op.drop_index(batch_op.f("ix_agreements_date"))

    op.drop_table("agreements")
    with op.batch_alter_table("agreement_followups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_followups_station_code"))
        batch_op.drop_index(batch_op.f("ix_agreement_followups_hlc"))
        batch_op.drop_index(batch_op.f("ix_agreement_followups_agreement_id"))

    op.drop_table("agreement_followups")
