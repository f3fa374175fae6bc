"""One form for every register, built from its RegisterSpec: the right editor per field, the services'
validation shown on the field at fault, drafts kept every few seconds, soft delete, history one click away, and
below the fields the rows that belong to the record (views/related.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AhtcError, ValidationError
from desktop_app.services import permissions
from desktop_app.services.clock import local_today
from desktop_app.services.context import Context
from desktop_app.services.drafts import delete_draft, form_key, load_draft, save_draft
from desktop_app.services.records import Changed, Records
from desktop_app.services.registers.cases import CASE_STATUS_CHANGES, CASES, TRANSITIONS, change_case_status
from desktop_app.services.registry import RegisterSpec, State, in_screen_order, link_targets, points_into, spec_for
from desktop_app.views import dialogs, ops
from desktop_app.views.case_law import law_editors, wire_law_editors
from desktop_app.views.editors import ChoiceEditor, DateEditor, Editor, LineEditor, RefEditor, editor_for
from desktop_app.views.fit import fit_to_screen
from desktop_app.views.fmt import choice_source, date_text, display, label, register_label
from desktop_app.views.i18n import tr
from desktop_app.views.register_ui import FormAction, form_actions, register_form_action
from desktop_app.views.related import RelatedTabs, related_rows

DRAFT_EVERY_MS = 3000
OpenForm = Callable[..., "RecordForm"]


def related_registers(spec: RegisterSpec) -> list[tuple[RegisterSpec, str]]:
    """Registers whose rows belong to a record of `spec` (its follow-ups, visits, meetings), and the link field."""
    out = []
    for other in in_screen_order():
        if other.internal:
            continue
        for name, rule in other.fields.items():
            if rule.kind == "ref" and rule.ref == spec.name and rule.required:
                out.append((other, name))
    return out


def linking_registers(spec: RegisterSpec) -> list[tuple[RegisterSpec, str]]:
    """Registers of their own (a referral) whose link may point at a record of `spec`, and the link field.
    Links that are part of another record (a case's linked records) are added from that record."""
    out = []
    for other in in_screen_order():
        if other.internal or other.part_of or spec.name not in link_targets(other.name):
            continue
        out.extend((other, name) for name in other.link_fields())
    return out


class RecordForm(QDialog):
    saved = Signal(str)

    def __init__(
        self,
        ctx: Context,
        register: str,
        record_id: str | None = None,
        *,
        preset: State | None = None,
        open_form: OpenForm | None = None,
        restore_draft: bool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.records, self.spec = ctx, Records(ctx), spec_for(register)
        self.record_id = record_id
        self.open_form = open_form or open_record_form
        self.state: State = self.records.get(register, record_id, purpose="edit") if record_id else {}
        self.key = form_key(register, record_id)
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, QLabel] = {}
        self.dirty = False
        self._closing_ok = False
        name = self.spec.title(self.state) if record_id else tr("New record")
        self.setWindowTitle(f"{register_label(self.spec)} — {name}")
        self.setObjectName(f"form-{register}")
        self._build(preset or {})
        self._draft_timer = QTimer(self, interval=DRAFT_EVERY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._draft_timer.start()
        self._offer_draft(restore_draft)

    # -- building ---------------------------------------------------------------------------------------------

    def form_fields(self) -> list[str]:
        hidden = self.spec.derived_fields | self.spec.workflow_fields
        return [name for name in self.spec.fields if name not in hidden]

    def _build(self, preset: State) -> None:
        outer = QVBoxLayout(self)
        self.general_error = QLabel()
        self.general_error.setObjectName("general-error")
        self.general_error.setStyleSheet("color: #b00020; font-weight: bold")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        outer.addWidget(self.general_error)
        if self.record_id and (self.spec.workflow_fields or self.spec.derived_fields):
            outer.addWidget(self._summary())
        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        values = {**self.state, **preset}
        special = law_editors(self.ctx, self.spec.name, self.record_id)
        for name in self.form_fields():
            rule = self.spec.fields[name]
            if name in special:
                editor: Editor = special[name]
            elif rule.kind == "register":
                targets = link_targets(self.spec.name)
                editor = ChoiceEditor([(register_label(spec_for(r)), r) for r in targets])
            else:
                editor = editor_for(rule, self.records, points_into(self.spec, name, values))
            editor.setObjectName(f"field-{name}")
            editor.set_value(values.get(name))
            editor.edited.connect(self._mark_dirty)
            error = QLabel()
            error.setObjectName(f"error-{name}")
            error.setStyleSheet("color: #b00020")
            error.setWordWrap(True)
            error.hide()
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(editor)
            column.addWidget(error)
            text = label(name, rule) + (" *" if rule.required else "")
            form.addRow(text, cell)
            self.editors[name], self.errors[name] = editor, error
        for name in self.editors:
            sibling = self.spec.fields[name].register_field
            ref_editor = self.editors[name]
            if sibling and isinstance(ref_editor, RefEditor) and sibling in self.editors:
                chooser = self.editors[sibling]
                chooser.edited.connect(lambda r=ref_editor, c=chooser: r.set_register(c.value()))
        wire_law_editors(self.editors)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        # A saved record shows the rows that belong to it (status history, links, visits) below its fields.
        self.related: RelatedTabs | None = None
        if self.record_id and related_rows(self.spec):
            self.related = RelatedTabs(self.ctx, self.spec, self.record_id, self._open_related)
            split = QSplitter(Qt.Orientation.Vertical)
            split.setChildrenCollapsible(False)
            split.addWidget(scroll)
            split.addWidget(self.related)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 2)
            outer.addWidget(split, 1)
        else:
            outer.addWidget(scroll, 1)
        outer.addLayout(self._buttons())
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        if self.editors:
            next(iter(self.editors.values())).setFocus()
        fit_to_screen(self, 760 if self.related is not None else 640, 720)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.record_id:
            QTimer.singleShot(0, self, self._caret_at_end)

    def _caret_at_end(self) -> None:
        """A saved record opens with the caret at the end of its first field, its text not selected: one stray
        key must not replace a child's name."""
        inner = next(iter(self.editors.values())).focusProxy() if self.editors else None
        if isinstance(inner, QLineEdit):
            inner.deselect()
            inner.setCursorPosition(len(inner.text()))

    def _summary(self) -> QWidget:
        parts = []
        for name in sorted(self.spec.workflow_fields | self.spec.derived_fields, key=list(self.spec.fields).index):
            value = display(self.spec.fields[name], self.state.get(name))
            if value:
                parts.append(f"<b>{label(name, self.spec.fields[name])}:</b> {value}")
        summary = QLabel(" &nbsp; ".join(parts) or "")
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        return summary

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(tr("Save (Ctrl+S)"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.save_button.setDefault(True)
        row.addWidget(self.save_button)
        if self.record_id:
            history = QPushButton(tr("History"))
            history.setObjectName("history")
            history.clicked.connect(self.show_history)
            row.addWidget(history)
            for other, field in related_registers(self.spec):
                button = QPushButton(tr("Add: %s") % tr(other.fields[field].related_title or other.label))
                button.setObjectName(f"add-{other.name}")
                button.clicked.connect(
                    lambda _c=False, o=other, f=field: self._add_related(o.name, {f: self.record_id})
                )
                row.addWidget(button)
            for other, field in linking_registers(self.spec):
                named = other.fields[field].register_field
                button = QPushButton(tr("Add: %s") % tr(other.label))
                button.setObjectName(f"add-{other.name}")
                button.clicked.connect(
                    lambda _c=False, o=other, f=field, n=named: self._add_related(
                        o.name, {n: self.spec.name, f: self.record_id}
                    )
                )
                row.addWidget(button)
            for action in form_actions(self.spec.name):
                if action.allowed(self.ctx):
                    extra = QPushButton(tr(action.label))
                    extra.setObjectName(action.object_name)
                    extra.clicked.connect(lambda _c=False, a=action: a.run(self))
                    row.addWidget(extra)
            if permissions.allowed(self.ctx, permissions.DELETE, reference_register=self.spec.reference):
                delete = QPushButton(tr("Delete…"))
                delete.setObjectName("delete")
                delete.clicked.connect(self.delete)
                row.addWidget(delete)
        row.addStretch(1)
        close = QPushButton(tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        row.addWidget(close)
        return row

    # -- drafts -----------------------------------------------------------------------------------------------

    def _mark_dirty(self) -> None:
        self.dirty = True

    def set_values(self, values: State) -> None:
        """Fill editors (a draft, or a caller's values); a link follows the register its sibling field names."""
        known = {k: v for k, v in values.items() if k in self.editors}
        for name, value in known.items():
            if not isinstance(self.editors[name], RefEditor):
                self.editors[name].set_value(value)
        for name, value in known.items():
            editor = self.editors[name]
            if isinstance(editor, RefEditor):
                sibling = self.spec.fields[name].register_field
                if sibling and sibling in self.editors:
                    editor.register = self.editors[sibling].value()
                editor.set_value(value)

    def values(self) -> State:
        return {name: editor.value() for name, editor in self.editors.items()}

    def save_draft(self) -> None:
        if self.dirty:
            save_draft(self.ctx, self.key, {n: e.draft_value() for n, e in self.editors.items()})

    def _offer_draft(self, restore: bool | None) -> None:
        draft = load_draft(self.ctx, self.key)
        if draft is None:
            return
        if restore is None:
            restore = dialogs.ask(
                self,
                tr("Unsaved typing found"),
                tr("This form was not saved last time (%s). Bring back what was typed?") % date_text(draft.saved_at),
                default_yes=True,  # bringing the typing back loses nothing
            )
        if restore:
            self.set_values(draft.payload)
            self.dirty = True
        else:
            delete_draft(self.ctx, self.key)

    # -- saving -----------------------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        self.general_error.hide()
        for error in self.errors.values():
            error.hide()

    def show_errors(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            first = None
            other = []
            for name, message in exc.errors.items():
                if name in self.errors:
                    self.errors[name].setText(tr(message))
                    self.errors[name].show()
                    first = first or name
                else:
                    other.append(f"{label(name, self.spec.fields.get(name))}: {tr(message)}")
            if other:
                self.general_error.setText("\n".join(other))
                self.general_error.show()
            if first:
                self.editors[first].setFocus()
            return
        self.general_error.setText(dialogs.error_text(exc))
        self.general_error.show()

    def save(self) -> None:
        self.clear_errors()
        values = self.values()
        if self.record_id:
            expected = self.state["hlc"]
            rid = self.record_id

            def write() -> Changed:
                return self.records.update(self.spec.name, rid, values, expected_hlc=expected)
        else:
            fresh = {k: v for k, v in values.items() if v is not None and v != []}

            def write() -> Changed:
                return self.records.create(self.spec.name, fresh)

        ops.write(write, self._saved, self.show_errors)

    def _saved(self, changed: Changed) -> None:
        if self.record_id is None:
            self.record_id = sorted(changed.ids & self._new_ids(changed))[0] if changed.ids else None
        delete_draft(self.ctx, self.key)
        self.dirty = False
        self.saved.emit(self.record_id or "")
        self._closing_ok = True
        self.accept()

    def _new_ids(self, changed: Changed) -> set[str]:
        # A create may also touch the parent (a visit moves the child's next due date): pick the new row's id.
        own = {row["id"] for row in self.records.list(self.spec.name, _ids_query(changed.ids))}
        return own or set(changed.ids)

    def delete(self) -> None:
        if not self.record_id:
            return
        if not dialogs.ask(
            self, tr("Delete this record?"), tr("The record is kept in the history but leaves every list. Delete it?")
        ):
            return
        rid = self.record_id
        ops.write(lambda: self.records.delete(self.spec.name, rid), lambda _c: self._deleted(), self.show_errors)

    def _deleted(self) -> None:
        delete_draft(self.ctx, self.key)
        self.dirty = False
        self._closing_ok = True
        self.accept()

    # -- other actions ----------------------------------------------------------------------------------------

    def _add_related(self, register: str, preset: State) -> None:
        self.open_form(self.ctx, register, None, preset=preset, parent=self.parentWidget())

    def _open_related(self, register: str, record_id: str) -> None:
        self.open_form(self.ctx, register, record_id, parent=self.parentWidget())

    def show_history(self) -> HistoryDialog:
        assert self.record_id
        dialog = HistoryDialog(self.records.history(self.spec.name, self.record_id), self)
        dialog.show()
        return dialog

    def change_status(self) -> StatusDialog:
        dialog = StatusDialog(self.ctx, self.state, self)
        dialog.show()
        return dialog

    def print_summary(self) -> QDialog:
        from desktop_app.views.print_case import PrintCaseDialog

        assert self.record_id
        dialog = PrintCaseDialog(self.ctx, self.record_id, self.spec.title(self.state), self)
        dialog.show()
        return dialog

    def reject(self) -> None:
        if self.dirty and not self._closing_ok:
            answer = dialogs.ask_unsaved(self)
            if answer == dialogs.SAVE:
                self.save()  # closes the form once saved; a refused value keeps it open with the reason shown
                return
            if answer != dialogs.DISCARD:
                return
            delete_draft(self.ctx, self.key)
        self._draft_timer.stop()
        super().reject()

    def lock_away(self) -> None:
        """The app is locking: keep the typing as a draft and close without asking."""
        self.save_draft()
        self._draft_timer.stop()
        self._closing_ok = True
        super().reject()


def _ids_query(ids: frozenset[str]) -> Any:
    from desktop_app.services.records import ListQuery

    return ListQuery(filters={"id": sorted(ids)}, limit=None)


class HistoryDialog(QDialog):
    """A record's audit entries: who created, changed, viewed or printed it, and when."""

    def __init__(self, entries: list[State], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("History"))
        table = QTableWidget(len(entries), 4)
        table.setObjectName("history-table")
        table.setHorizontalHeaderLabels([tr("When"), tr("User"), tr("Action"), tr("Detail")])
        for row, entry in enumerate(entries):
            cells = [
                date_text(entry["at"]),
                entry["username"],
                tr(choice_source(entry["action"])),
                entry["detail"] or "",
            ]
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        self.table = table
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        fit_to_screen(self, 620, 360)


class StatusDialog(QDialog):
    """Move a case one step along its workflow (draft → with SHO → FIR registered → …)."""

    def __init__(self, ctx: Context, case: State, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.case = ctx, case
        self.setWindowTitle(tr("Change status…"))
        self.target = QComboBox()
        for status in sorted(TRANSITIONS[case["status"]]):
            self.target.addItem(tr(choice_source(status)), status)
        today = lambda: local_today(ctx.clock)  # noqa: E731
        self.date = DateEditor(today)
        self.date.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.date.set_value(local_today(ctx.clock))
        self.note = QLineEdit()
        self.fir_number, self.fir_date, self.fir_station = LineEditor(), DateEditor(today), LineEditor()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(tr("New status"), self.target)
        form.addRow(tr("Date"), self.date)
        form.addRow(tr("Note"), self.note)
        form.addRow(tr("FIR number"), self.fir_number)
        form.addRow(tr("FIR date"), self.fir_date)
        form.addRow(tr("FIR police station"), self.fir_station)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def apply(self) -> None:
        day: dt.date | None = self.date.value()

        def write() -> Changed:
            changed: Changed = change_case_status(
                self.ctx,
                self.case["id"],
                self.target.currentData(),
                date=day or "",
                note=self.note.text() or None,
                fir_number=self.fir_number.value(),
                fir_date=self.fir_date.value(),
                fir_station=self.fir_station.value(),
            )
            return changed

        ops.write(write, lambda _c: self.accept(), self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            rules = {**CASE_STATUS_CHANGES.fields, **CASES.fields}
            self.error.setText("\n".join(f"{label(k, rules.get(k))}: {tr(v)}" for k, v in exc.errors.items()))
        elif isinstance(exc, AhtcError):
            self.error.setText(dialogs.error_text(exc))
        else:
            raise exc


_open_forms: list[RecordForm] = []


def open_record_form(
    ctx: Context, register: str, record_id: str | None = None, *, preset: State | None = None, parent: Any = None
) -> RecordForm:
    """Open (non-modal) a form; the caller may keep the returned form."""
    form = RecordForm(ctx, register, record_id, preset=preset, parent=parent)
    form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_forms.append(form)
    form.destroyed.connect(lambda *_a, f=form: _open_forms.remove(f) if f in _open_forms else None)
    form.show()
    return form


# A case moves along its workflow through its own dialog, and its FIR summary is printed from its form.
register_form_action("cases", FormAction("Change status…", "change-status", lambda form: form.change_status()))
register_form_action(
    "cases",
    FormAction(
        "Print FIR summary…",
        "print-summary",
        lambda form: form.print_summary(),
        lambda ctx: permissions.allowed(ctx, permissions.PRINT),
    ),
)
