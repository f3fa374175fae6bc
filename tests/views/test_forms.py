"""The generic register form: create and edit every register, inline validation, drafts, delete, history."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.errors import NotFound
from desktop_app.services.drafts import load_draft
from desktop_app.services.examples import example_values
from desktop_app.services.records import ListQuery, Records
from desktop_app.services.registry import load_all
from desktop_app.views.editors import CnicEditor
from desktop_app.views.form import RecordForm

DAY = dt.date(2026, 2, 20)


def fill_and_save(qtbot, ctx, register, values, record_id=None):
    form = RecordForm(ctx, register, record_id)
    qtbot.addWidget(form)
    form.set_values(values)
    form.save()
    assert form.general_error.isHidden(), form.general_error.text()
    shown = {n: e.text() for n, e in form.errors.items() if not e.isHidden()}
    assert not shown, shown
    return form.record_id


def every_register(qtbot, ctx) -> dict[str, str]:
    """One record of every register a form can write (each spec's example), created through the form, linked as
    real work is."""
    made: dict[str, str] = {}
    for name, spec in load_all().items():
        if not spec.internal:
            made[name] = fill_and_save(qtbot, ctx, name, example_values(spec, made))
    return made


def test_every_register_can_be_created_and_edited_through_its_form(qtbot, ctx, records):
    made = every_register(qtbot, ctx)
    writable = {name for name, spec in load_all().items() if not spec.internal}
    assert set(made) == writable
    for register, record_id in made.items():
        form = RecordForm(ctx, register, record_id)
        qtbot.addWidget(form)
        text_field = next(
            n
            for n in form.form_fields()
            if form.spec.fields[n].kind == "text" and n not in ("register", "subject_register")
        )
        form.editors[text_field].set_value("Edited in the form")
        if register == "children":  # the visit found the child attending: the school must now be named
            form.editors["school_name"].set_value("Govt. Primary School Helan")
        form.save()
        assert form.general_error.isHidden(), (register, form.general_error.text())
        assert all(e.isHidden() for e in form.errors.values()), register
        assert records.get(register, record_id)[text_field] == "Edited in the form", register


def test_urdu_typed_into_a_form_is_stored_and_shown(qtbot, ctx, records):
    made = every_register(qtbot, ctx)
    assert records.get("children", made["children"])["name"] == "علی رضا"
    form = RecordForm(ctx, "children", made["children"])
    qtbot.addWidget(form)
    assert form.editors["name"].value() == "علی رضا"


def test_a_bad_cnic_is_explained_on_the_cnic_field(qtbot, ctx, records):
    form = RecordForm(ctx, "persons")
    qtbot.addWidget(form)
    form.set_values({"name": "Ahmad", "role": "agent"})
    cnic = form.editors["cnic"]
    assert isinstance(cnic, CnicEditor)
    qtbot.keyClicks(cnic.line, "3440112")
    form.save()
    assert not form.errors["cnic"].isHidden()
    assert "13 digits" in form.errors["cnic"].text()
    assert form.errors["name"].isHidden()
    assert records.count("persons", ListQuery()) == 0


def test_a_future_date_is_refused_on_its_field(qtbot, ctx, clock):
    form = RecordForm(ctx, "victims")
    qtbot.addWidget(form)
    tomorrow = clock.now().date() + dt.timedelta(days=2)
    form.set_values(
        {"name": "Usman", "sex": "male", "status": "missing", "route": "other", "date_of_departure": tomorrow}
    )
    form.save()
    assert form.errors["date_of_departure"].text() == "cannot be in the future"
    assert not form.errors["date_of_departure"].isHidden()


def test_required_fields_are_marked_all_at_once(qtbot, ctx):
    form = RecordForm(ctx, "sites")
    qtbot.addWidget(form)
    form.save()
    assert {n for n, e in form.errors.items() if not e.isHidden()} == {"kind", "name", "tehsil"}


def test_ctrl_s_saves(qtbot, ctx, records):
    from PySide6.QtCore import Qt

    form = RecordForm(ctx, "persons")
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.set_values({"name": "Bilal", "role": "witness"})
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert records.count("persons", ListQuery()) == 1


def test_a_draft_comes_back_after_the_window_was_killed(qtbot, ctx, answers):
    form = RecordForm(ctx, "persons")
    form.show()
    qtbot.keyClicks(form.editors["name"].line, "Nadeem Akhtar")
    qtbot.wait(10)
    form.save_draft()  # what the 3-second timer does
    form.deleteLater()  # killed: no close, no question, no clean-up
    del form
    assert load_draft(ctx, "persons:new") is not None

    again = RecordForm(ctx, "persons")
    qtbot.addWidget(again)
    assert "Unsaved typing found" in answers.asked
    assert again.editors["name"].value() == "Nadeem Akhtar"


def test_declining_a_draft_discards_it(qtbot, ctx, answers):
    form = RecordForm(ctx, "persons")
    qtbot.addWidget(form)
    form.set_values({"name": "X"})
    form.dirty = True
    form.save_draft()
    answers.queue.append(False)
    again = RecordForm(ctx, "persons")
    qtbot.addWidget(again)
    assert again.editors["name"].value() is None
    assert load_draft(ctx, "persons:new") is None


def test_saving_removes_the_draft(qtbot, ctx, answers):
    form = RecordForm(ctx, "persons")
    qtbot.addWidget(form)
    form.set_values({"name": "Saved Person", "role": "witness"})
    form.dirty = True
    form.save_draft()
    form.save()
    assert load_draft(ctx, "persons:new") is None


def test_closing_with_changes_asks_first(qtbot, ctx, answers):
    form = RecordForm(ctx, "persons")
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.editors["name"].line, "Half typed")
    answers.queue.append(False)
    form.reject()
    assert form.isVisible()
    assert answers.asked == ["Close without saving?"]


def test_delete_asks_and_then_removes_the_record_from_lists(qtbot, ctx, records, answers):
    made = fill_and_save(qtbot, ctx, "persons", {"name": "To Delete", "role": "other"})
    form = RecordForm(ctx, "persons", made)
    qtbot.addWidget(form)
    answers.queue.append(False)
    form.delete()
    assert records.count("persons", ListQuery()) == 1
    form.delete()
    assert records.count("persons", ListQuery()) == 0
    with pytest.raises(NotFound):
        records.get("persons", made)


def test_history_shows_who_created_and_changed_the_record(qtbot, ctx, records):
    made = fill_and_save(qtbot, ctx, "persons", {"name": "Tariq", "role": "agent"})
    fill_and_save(qtbot, ctx, "persons", {"name": "Tariq Mehmood"}, made)
    form = RecordForm(ctx, "persons", made)
    qtbot.addWidget(form)
    history = form.show_history()
    qtbot.addWidget(history)
    actions = [history.table.item(r, 2).text() for r in range(history.table.rowCount())]
    assert actions == ["Create", "Update"]
    assert history.table.item(0, 1).text() == "sho.phalia"


def test_a_follow_up_is_added_from_its_child(qtbot, ctx, records):
    made = every_register(qtbot, ctx)
    opened = []
    form = RecordForm(ctx, "children", made["children"], open_form=lambda *a, **k: opened.append((a, k)))
    qtbot.addWidget(form)
    form.findChild(type(form.save_button), "add-child_followups").click()
    (_, register, _rid), kwargs = opened[0]
    assert register == "child_followups"
    assert kwargs["preset"] == {"child_id": made["children"]}


def test_a_case_moves_to_the_sho(qtbot, ctx, records):
    made = every_register(qtbot, ctx)
    form = RecordForm(ctx, "cases", made["cases"])
    qtbot.addWidget(form)
    dialog = form.change_status()
    qtbot.addWidget(dialog)
    dialog.target.setCurrentIndex(dialog.target.findData("with_sho"))
    dialog.apply()
    assert records.get("cases", made["cases"])["status"] == "with_sho"


def test_someone_elses_later_save_is_reported_not_overwritten(qtbot, ctx, records):
    made = fill_and_save(qtbot, ctx, "persons", {"name": "First", "role": "agent"})
    form = RecordForm(ctx, "persons", made)
    qtbot.addWidget(form)
    Records(ctx).update("persons", made, {"name": "Changed meanwhile"})
    form.editors["name"].set_value("Mine")
    form.save()
    assert not form.general_error.isHidden()
    assert records.get("persons", made)["name"] == "Changed meanwhile"
