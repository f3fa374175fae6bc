"""Status history, links and follow-up visits live in their record's form, not in the navigation."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services.records import Records
from desktop_app.services.registers.cases import change_case_status
from desktop_app.services.registry import load_all
from desktop_app.views import i18n, ops
from desktop_app.views.form import RecordForm
from desktop_app.views.mainwindow import MainWindow, screen_keys
from tests.views.test_forms import every_register

DAY = dt.date(2026, 2, 20)
PARTS = ("case_status_changes", "case_links", "person_links", "child_followups", "agreement_followups")
OFFICERS_ORDER = [
    "sites",
    "inspections",
    "children",
    "agreements",
    "victims",
    "family_meetings",
    "persons",
    "cases",
    "referrals",
]


def open_form(qtbot, ctx, register, record_id, **kwargs) -> RecordForm:
    form = RecordForm(ctx, register, record_id, **kwargs)
    qtbot.addWidget(form)
    return form


def related(form: RecordForm, register: str, field: str | None = None):
    tabs = form.findChild(type(form.related), "related")
    assert tabs is not None, f"{form.spec.name} shows no related rows"
    return tabs.table(register, field)


def tab_text(form: RecordForm, register: str, field: str | None = None) -> str:
    table = related(form, register, field)
    return form.related.tabText(form.related.indexOf(table))


def test_the_navigation_lists_the_registers_officers_work_in_and_no_link_tables(qtbot, ctx):
    keys = screen_keys(ctx)
    assert not set(PARTS) & set(keys)
    registers = [k for k in keys if k not in ("dashboard", "sync", "conflicts", "reports", "settings", "users")]
    # Field work first, then people and cases, as officers asked; a register added later takes its own place.
    assert [k for k in registers if k in OFFICERS_ORDER] == OFFICERS_ORDER
    assert registers == [s.name for s in sorted(load_all().values(), key=lambda s: s.place) if not s.part_of]
    assert {name for name, spec in load_all().items() if spec.part_of} >= set(PARTS)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    shown = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert not {"Case status history", "Records linked to cases", "Person links", "Child follow-up visits"} & set(shown)


def test_a_case_form_shows_its_status_history(qtbot, ctx, records):
    case = records.create("cases", {"title": "Bonded labour at Bhatta No. 7", "offence_category": "bonded_labour"})
    case_id = case.first_id
    change_case_status(ctx, case_id, "with_sho", date=DAY, note="Sent up for approval")
    form = open_form(qtbot, ctx, "cases", case_id)
    history = related(form, "case_status_changes")
    assert history.texts() == [["20/02/2026", "Draft", "With SHO", "Sent up for approval"]]
    assert tab_text(form, "case_status_changes") == "Case status history (1)"


def test_the_status_history_in_an_open_case_form_follows_a_status_change(qtbot, ctx, records):
    case_id = records.create("cases", {"title": "Child at kiln", "offence_category": "child_labour_kiln"}).first_id
    form = open_form(qtbot, ctx, "cases", case_id)
    assert related(form, "case_status_changes").texts() == []
    dialog = form.change_status()
    qtbot.addWidget(dialog)
    dialog.target.setCurrentIndex(dialog.target.findData("with_sho"))
    dialog.apply()
    rows = related(form, "case_status_changes").texts()
    assert [row[1:3] for row in rows] == [["Draft", "With SHO"]]
    assert tab_text(form, "case_status_changes") == "Case status history (1)"


def test_a_status_step_opens_no_form(qtbot, ctx, records):
    case_id = records.create("cases", {"title": "Child at kiln", "offence_category": "child_labour_kiln"}).first_id
    change_case_status(ctx, case_id, "with_sho", date=DAY)
    opened = []
    form = open_form(qtbot, ctx, "cases", case_id, open_form=lambda *a, **k: opened.append(a))
    history = related(form, "case_status_changes")
    history.activated.emit(history.model().index(0, 0))
    assert opened == []


def test_a_case_form_shows_its_linked_records_and_the_persons_linked_to_it(qtbot, ctx, records):
    made = every_register(qtbot, ctx)
    form = open_form(qtbot, ctx, "cases", made["cases"])
    assert related(form, "case_links", "case_id").texts() == [["Migration victims", "Usman Tariq", ""]]
    assert tab_text(form, "case_links", "case_id") == "Linked records (1)"
    assert related(form, "person_links", "record_id").texts() == [["Ahmad Ali", "Accused"]]


def test_a_person_form_shows_the_records_the_person_is_linked_to(qtbot, ctx, records):
    made = every_register(qtbot, ctx)
    form = open_form(qtbot, ctx, "persons", made["persons"])
    assert related(form, "person_links", "person_id").texts() == [
        ["Cases", "AHTC/MBD-PHALIA/2026/001 · Child labour at Bhatta No. 7", "Accused"]
    ]


@pytest.mark.parametrize(
    ("part", "parent"),
    [
        ("child_followups", "children"),
        ("agreement_followups", "agreements"),
        ("case_links", "cases"),
        ("person_links", "persons"),
    ],
)
def test_every_link_and_follow_up_shows_in_its_parent_record(qtbot, ctx, records, part, parent):
    made = every_register(qtbot, ctx)
    form = open_form(qtbot, ctx, parent, made[parent])
    table = related(form, part)
    assert table.model().rowCount() == 1
    assert table.model().record_id(0) == made[part]


def test_opening_a_follow_up_visit_in_a_child_form_opens_the_visit(qtbot, ctx, records):
    made = every_register(qtbot, ctx)
    opened = []
    form = open_form(qtbot, ctx, "children", made["children"], open_form=lambda *a, **k: opened.append(a))
    visits = related(form, "child_followups")
    visits.activated.emit(visits.model().index(0, 0))
    assert opened == [(ctx, "child_followups", made["child_followups"])]


def test_a_visit_added_elsewhere_appears_in_the_open_child_form(qtbot, ctx, records):
    made = every_register(qtbot, ctx)
    form = open_form(qtbot, ctx, "children", made["children"])
    visit = {"child_id": made["children"], "date": DAY + dt.timedelta(days=6), "attending_school": True}
    ops.write(lambda: Records(ctx).create("child_followups", visit))
    assert tab_text(form, "child_followups") == "Child follow-up visits (2)"


def test_a_new_record_has_no_related_rows_yet(qtbot, ctx):
    form = open_form(qtbot, ctx, "cases", None)
    assert form.related is None


def test_the_related_rows_speak_urdu(qtbot, ctx, records):
    made = every_register(qtbot, ctx)
    i18n.set_language("ur")
    form = open_form(qtbot, ctx, "cases", made["cases"])
    assert tab_text(form, "case_status_changes") == "مقدمے کی کیفیت کی تاریخ (0)"
    assert tab_text(form, "case_links", "case_id") == "منسلک ریکارڈ (1)"


def test_every_register_left_out_of_the_navigation_shows_in_another_records_form(ctx):
    from desktop_app.views.related import related_rows

    keys = set(screen_keys(ctx))
    shown_in_forms = {rows.register for spec in load_all().values() for rows in related_rows(spec)}
    assert set(load_all()) - keys <= shown_in_forms
