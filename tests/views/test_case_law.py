"""The case form's facts checklist and sections picker: tick facts, see suggestions with reasons, confirm sections."""

from __future__ import annotations

import re

from desktop_app.services.records import Records
from desktop_app.views import i18n
from desktop_app.views.case_law import FactsChecklist, SectionsPicker, fact_labels
from desktop_app.views.form import RecordForm


def _new_case_form(qtbot, ctx) -> RecordForm:
    form = RecordForm(ctx, "cases")
    qtbot.addWidget(form)
    form.editors["title"].set_value("Youth sent by boat to Libya")
    return form


def _choose_category(form: RecordForm, category: str) -> None:
    combo = form.editors["offence_category"].combo  # type: ignore[attr-defined]
    combo.setCurrentIndex(combo.findData(category))


def test_ticking_facts_brings_suggestions_with_reasons_and_a_tick_confirms(qtbot, ctx) -> None:
    form = _new_case_form(qtbot, ctx)
    picker, facts = form.editors["sections"], form.editors["fact_tags"]
    assert isinstance(picker, SectionsPicker) and isinstance(facts, FactsChecklist)
    assert picker.boxes == {}  # nothing to suggest before a category and facts

    _choose_category(form, "migrant_smuggling")
    for tag in ("border_crossing", "money_taken", "sea_route"):
        facts.boxes[tag].setChecked(True)

    assert {"PSMA-2018-s3", "EO-1979-s17-2"} <= set(picker.boxes)
    why = form.findChild(type(picker.disclaimer), "why-PSMA-2018-s3").text()
    assert "Why:" in why and "Punishment:" in why
    # Reasons name the facts and the category in the officer's words, never as tags or codes.
    assert "“Moved, or to be moved, across Pakistan's border”" in why and "Migrant smuggling" in why
    assert "border_crossing" not in why and "migrant_smuggling" not in why
    # Who investigates and which court: PSMA offences are the FIA's.
    assert "FIA" in picker.notes.text() and not picker.notes.isHidden()
    assert "not legal advice" in picker.disclaimer.text()
    assert not any(box.isChecked() for box in picker.boxes.values())  # suggestions are never pre-confirmed

    picker.boxes["PSMA-2018-s3"].setChecked(True)
    form.save()

    assert form.general_error.isHidden(), form.general_error.text()
    case = Records(ctx).get("cases", form.record_id)
    assert case["sections"] == ["PSMA-2018-s3"]
    assert case["fact_tags"] == ["money_taken", "border_crossing", "sea_route"]  # the catalogue's order


def test_an_unverified_suggestion_is_flagged_in_red(qtbot, ctx) -> None:
    form = _new_case_form(qtbot, ctx)
    _choose_category(form, "child_labour_kiln")
    form.editors["fact_tags"].boxes["child_at_kiln"].setChecked(True)  # type: ignore[attr-defined]

    flag = form.findChild(type(form.editors["sections"].disclaimer), "unverified-PBKA-2016-child-labour")
    assert flag is not None and flag.text().startswith("UNVERIFIED:")
    verified = form.findChild(type(flag), "unverified-PSMA-2018-s3")
    assert verified is None


def test_a_saved_case_reopens_with_its_ticks_and_keeps_what_the_catalogue_no_longer_knows(qtbot, ctx) -> None:
    records = Records(ctx)
    case = records.create(
        "cases",
        {
            "title": "Kiln case",
            "offence_category": "bonded_labour",
            "fact_tags": ["debt_bondage", "an_old_tag"],
            "sections": ["BLSA-1992-s11", "XYZ-9"],
        },
    ).first_id
    form = RecordForm(ctx, "cases", case)
    qtbot.addWidget(form)
    picker, facts = form.editors["sections"], form.editors["fact_tags"]

    assert facts.boxes["debt_bondage"].isChecked() and not facts.boxes["advance_peshgi"].isChecked()
    assert picker.boxes["BLSA-1992-s11"].isChecked()
    assert picker.boxes["XYZ-9"].isChecked()  # a confirmed id the catalogue lacks is shown, flagged, kept
    assert form.findChild(type(picker.disclaimer), "unverified-XYZ-9") is not None
    picker.boxes["XYZ-9"].setChecked(False)
    facts.boxes["advance_peshgi"].setChecked(True)
    form.save()

    saved = records.get("cases", case)
    assert saved["sections"] == ["BLSA-1992-s11"]
    assert saved["fact_tags"] == ["debt_bondage", "advance_peshgi", "an_old_tag"]


def test_the_header_names_the_case_by_its_number(qtbot, ctx) -> None:
    case = Records(ctx).create("cases", {"title": "Kiln case", "offence_category": "bonded_labour"}).first_id
    form = RecordForm(ctx, "cases", case)
    qtbot.addWidget(form)
    assert "AHTC/MBD-PHALIA/2026/001" in form.windowTitle()
    assert "AHTC/MBD-PHALIA/2026/001" in form.findChild(type(form.general_error), "summary").text()
    assert "case_number" not in form.editors  # never typed


def test_the_checklist_speaks_urdu(qtbot, ctx) -> None:
    i18n.set_language("ur")
    form = _new_case_form(qtbot, ctx)
    facts = form.editors["fact_tags"]
    arabic = re.compile(r"[\u0600-\u06FF]")
    untranslated = [tag for tag, box in facts.boxes.items() if not arabic.search(box.text())]
    assert untranslated == []
    assert len(fact_labels()) == len(facts.boxes)


def test_trafficking_and_smuggling_are_different_words_in_urdu(qtbot) -> None:
    """The sourced glossary (urdu-terms.md §2): trafficking is «انسانی ٹریفکنگ», smuggling of migrants
    «تارکین وطن کی اسمگلنگ», each with its Act where sections are chosen; never the press's bare «انسانی اسمگلنگ»."""
    from desktop_app.views.fmt import choice_source
    from desktop_app.views.i18n import tr

    i18n.set_language("ur")
    trafficking = tr(choice_source("trafficking_in_persons"))
    smuggling = tr(choice_source("migrant_smuggling"))
    assert trafficking == "انسانی ٹریفکنگ (PTPA 2018)"
    assert smuggling == "تارکین وطن کی اسمگلنگ (PSMA 2018)"
    assert "انسانی اسمگلنگ" not in trafficking + smuggling
