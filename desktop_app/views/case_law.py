"""The case form's law part: a checklist of facts in plain words, and a picker of the sections they suggest.

The officer ticks what happened (in English or Urdu); the law-section catalogue suggests sections for those facts,
the case's category and its linked victims and places, each with its reasons; the officer ticks the sections
to confirm. Only confirmed sections are stored (`Case.sections`) and printed. Unverified catalogue entries carry a
visible mark, and the catalogue's disclaimer and who-investigates / which-court notes stay on screen.

The form asks `law_editors()` for these two fields' editors and `wire_law_editors()` connects them, so the
picker follows every tick and every change of category.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop_app.models.enums import OffenceCategory
from desktop_app.reports.case_sections import SectionChoice, known_fact_tags, section_list
from desktop_app.reports.fir_builder import case_profile
from desktop_app.reports.law_sections import KIND_LABELS, OFFENCE_CATEGORIES, CaseProfile, Catalogue, load_catalogue
from desktop_app.services.context import Context
from desktop_app.views.editors import Editor
from desktop_app.views.fmt import choice_source
from desktop_app.views.i18n import tr

RED = "#b00020"


def fact_labels() -> dict[str, str]:
    """Each catalogue fact as an officer would say it, in the UI language (the catalogue's longer English
    definition is the box's tooltip)."""
    return {
        "child_victim": tr("The victim is a child"),
        "woman_victim": tr("The victim is a woman or girl"),
        "debt_bondage": tr("Works to pay off a debt, not free to leave"),
        "advance_peshgi": tr("An advance (peshgi) was given"),
        "bonded_debt_collected": tr("A creditor still collects on a bonded debt"),
        "property_withheld": tr("The creditor took or kept the family's property"),
        "forced_labour": tr("Made to work by force or threat"),
        "deception": tr("Deceived with false promises (job, wages, visa)"),
        "money_taken": tr("Money taken for a job, visa or travel abroad"),
        "forged_documents": tr("Forged or fake passport, visa or ID"),
        "documents_confiscated": tr("Passport or ID card taken away"),
        "border_crossing": tr("Moved, or to be moved, across Pakistan's border"),
        "sea_route": tr("The journey included a boat crossing"),
        "death_in_transit": tr("Someone died on the journey or while exploited"),
        "serious_injury": tr("Seriously injured or fell gravely ill"),
        "ransom": tr("Ransom demanded from the family"),
        "kidnapping": tr("Taken by force or deceit, or a minor taken from the guardian"),
        "confinement": tr("Locked up or not free to move"),
        "threats": tr("The victim or family was threatened"),
        "organised_group": tr("A gang or agent network acting for profit"),
        "repeat_offender": tr("The accused has done this before"),
        "facilitator_involved": tr("Someone helped: sub-agent, transporter, parent, official"),
        "unlicensed_agency": tr("Sent abroad by someone without a promoter's licence"),
        "overseas_employment_promoter": tr("A licensed overseas employment promoter is involved"),
        "unlawful_advertisement": tr("Jobs abroad advertised without permission"),
        "child_at_kiln": tr("A child was found working at a brick kiln"),
        "hazardous_work": tr("Hazardous work for a child or adolescent"),
        "no_written_contract": tr("No written agreement with the employer"),
        "sexual_exploitation": tr("Used for prostitution or sexual exploitation"),
        "sale_of_person": tr("A person was sold, bought or handed over for money"),
        "forced_marriage": tr("A woman or girl was forced to marry"),
        "inhuman_treatment": tr("Treated cruelly or inhumanly"),
        "harbouring_foreigner": tr("A foreigner without papers was harboured"),
        "passport_misuse": tr("A passport was misused, forged or traded"),
        "false_government_claim": tr("Someone falsely claimed a government job or summons"),
        "unlawful_departure_by_accused": tr("The accused himself left Pakistan unlawfully"),
        "other_emigration_breach": tr("Another breach of the Emigration Ordinance"),
        "forced_begging": tr("Made to beg"),
    }


_FACT_LIST = re.compile(r"(facts?(?: ticked)?: )([a-z_]+(?:, [a-z_]+)*)")
_CATEGORY = re.compile(r"offence category: ([a-z_]+)")


def plain_reason(text: str) -> str:
    """A catalogue reason with its fact tags and category codes in the officer's words: 'fact: sea_route' reads
    'fact: “The journey included a boat crossing”'."""
    labels = fact_labels()

    def facts(match: re.Match[str]) -> str:
        names = [f"“{labels[t]}”" if t in labels else t for t in match.group(2).split(", ")]
        return match.group(1) + ", ".join(names)

    def category(match: re.Match[str]) -> str:
        code = match.group(1)
        return tr("Offence category") + f": {tr(choice_source(code))}" if code in OFFENCE_CATEGORIES else match.group(0)

    return _CATEGORY.sub(category, _FACT_LIST.sub(facts, text))


class FactsChecklist(Editor):
    """One tick box per catalogue fact, in two columns; a stored tag the catalogue no longer has is kept."""

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.boxes: dict[str, QCheckBox] = {}
        self._kept: list[str] = []  # tags of an older catalogue: never dropped by opening and saving a case
        labels = fact_labels()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        for index, (tag, definition) in enumerate(catalogue.fact_tags.items()):
            box = QCheckBox(labels.get(tag, definition))
            box.setObjectName(f"fact-{tag}")
            box.setToolTip(definition)
            box.toggled.connect(lambda _on: self.edited.emit())
            grid.addWidget(box, index // 2, index % 2)
            self.boxes[tag] = box
        if self.boxes:
            self.setFocusProxy(next(iter(self.boxes.values())))

    def value(self) -> list[str]:
        return [tag for tag, box in self.boxes.items() if box.isChecked()] + self._kept

    def set_value(self, value: Any) -> None:
        tags = [t for t in (value or []) if isinstance(t, str)]
        known, unknown = known_fact_tags(self.catalogue, tags)
        self._kept = unknown
        for tag, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(tag in known)
            box.blockSignals(False)


class SectionsPicker(Editor):
    """The catalogue's suggestions for the case as it stands, each with why; a tick confirms a section."""

    def __init__(self, catalogue: Catalogue, profile: CaseProfile) -> None:
        super().__init__()
        self.catalogue, self.profile = catalogue, profile
        self._confirmed: list[str] = []
        self.boxes: dict[str, QCheckBox] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(tr("Suggested from the facts ticked. Tick each section you confirm: only those are printed."))
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.rows = QWidget()
        self.rows.setObjectName("section-rows")
        self.rows_layout = QVBoxLayout(self.rows)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.rows)
        self.ruled_out = QLabel()
        self.ruled_out.setObjectName("sections-ruled-out")
        self.ruled_out.setWordWrap(True)
        self.ruled_out.setStyleSheet("color: #555")
        outer.addWidget(self.ruled_out)
        self.notes = QLabel()
        self.notes.setObjectName("sections-notes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("background: #fff8e1; padding: 4px")
        outer.addWidget(self.notes)
        self.disclaimer = QLabel(tr("Law-section catalogue") + f": {catalogue.stamp}. {catalogue.disclaimer}")
        self.disclaimer.setObjectName("sections-disclaimer")
        self.disclaimer.setWordWrap(True)
        self.disclaimer.setStyleSheet("color: #555; font-size: 9pt")
        outer.addWidget(self.disclaimer)
        self.refresh()

    # -- the Editor interface ---------------------------------------------------------------------------------

    def value(self) -> list[str]:
        return list(self._confirmed)

    def set_value(self, value: Any) -> None:
        self._confirmed = []
        for item in value or []:
            if isinstance(item, str) and item and item not in self._confirmed:
                self._confirmed.append(item)
        self.refresh()

    # -- following the case -----------------------------------------------------------------------------------

    def follow(self, offence_category: Any, facts: list[str]) -> None:
        known, _unknown = known_fact_tags(self.catalogue, facts)
        category = offence_category if isinstance(offence_category, str) else ""
        self.profile = replace(self.profile, offence_category=category, facts=frozenset(known))
        self.refresh()

    def refresh(self) -> None:
        profile = self.profile
        if profile.offence_category not in OFFENCE_CATEGORIES:  # none chosen yet: the facts alone still suggest
            profile = replace(profile, offence_category=OffenceCategory.OTHER.value)
        listing = section_list(self.catalogue, profile, self._confirmed)
        while self.rows_layout.count():
            item = self.rows_layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()  # deleted later: hidden now, so it is never painted over the new rows
                old.setParent(None)
                old.deleteLater()
        self.boxes = {}
        if not listing.choices:
            empty = QLabel(tr("No section is suggested yet: choose the offence category and tick the facts."))
            empty.setObjectName("sections-none")
            empty.setWordWrap(True)
            self.rows_layout.addWidget(empty)
        for choice in listing.choices:
            self.rows_layout.addWidget(self._row(choice))
        ruled = [f"{r.section.citation}: {plain_reason(r.reason)}" for r in listing.ruled_out]
        self.ruled_out.setText(tr("Not suggested") + ":\n" + "\n".join(ruled) if ruled else "")
        self.ruled_out.setVisible(bool(ruled))
        notes = list(listing.notes)
        self.notes.setText(tr("Who investigates and which court tries") + ":\n" + "\n".join(notes) if notes else "")
        self.notes.setVisible(bool(notes))

    def _row(self, choice: SectionChoice) -> QWidget:
        row = QGroupBox()
        row.setObjectName(f"section-{choice.section_id}")
        layout = QVBoxLayout(row)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        section = choice.section
        heading = choice.section_id if section is None else f"{section.citation} — {section.title}"
        if section is not None and not section.is_offence:
            heading += f" ({KIND_LABELS[section.kind]})"
        box = QCheckBox(heading)
        box.setObjectName(f"confirm-{choice.section_id}")
        box.setChecked(choice.confirmed)
        box.toggled.connect(lambda on, sid=choice.section_id: self._toggle(sid, on))
        layout.addWidget(box)
        self.boxes[choice.section_id] = box
        if choice.unverified:
            why = tr("not in the catalogue: read the official text") if section is None else section.note
            flag = QLabel(tr("UNVERIFIED") + f": {why}")
            flag.setObjectName(f"unverified-{choice.section_id}")
            flag.setWordWrap(True)
            flag.setStyleSheet(f"color: {RED}; font-weight: bold")
            layout.addWidget(flag)
        lines: list[str] = []
        if section is not None:
            lines.append(tr("Punishment") + f": {section.max_punishment}")
        if choice.suggested:
            lines.append(tr("Why") + ": " + "; ".join(plain_reason(r) for r in choice.reasons))
        elif choice.confirmed:
            lines.append(tr("Confirmed by you; the catalogue does not suggest it for these facts."))
        lines += [tr("Check") + f": {plain_reason(check)}" for check in choice.checks]
        detail = QLabel("\n".join(lines))
        detail.setObjectName(f"why-{choice.section_id}")
        detail.setWordWrap(True)
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(detail)
        return row

    def _toggle(self, section_id: str, on: bool) -> None:
        if on and section_id not in self._confirmed:
            self._confirmed.append(section_id)
        elif not on and section_id in self._confirmed:
            self._confirmed.remove(section_id)
        self.edited.emit()


def law_editors(ctx: Context, register: str, record_id: str | None) -> dict[str, Editor]:
    """The case form's editors for its facts and sections (nothing for other registers)."""
    if register != "cases":
        return {}
    catalogue = load_catalogue()
    # A saved case's linked victims and sites count too (ages, sexes, kiln or abroad); a new one has none yet.
    profile = case_profile(ctx, record_id, catalogue) if record_id else CaseProfile.of("")
    return {"fact_tags": FactsChecklist(catalogue), "sections": SectionsPicker(catalogue, profile)}


def wire_law_editors(editors: Mapping[str, Editor]) -> None:
    """Make the picker follow the category and the ticked facts, now and on every change."""
    picker, facts, category = editors.get("sections"), editors.get("fact_tags"), editors.get("offence_category")
    if not isinstance(picker, SectionsPicker) or not isinstance(facts, FactsChecklist) or category is None:
        return

    def follow() -> None:
        picker.follow(category.value(), facts.value())

    facts.edited.connect(follow)
    category.edited.connect(follow)
    follow()
