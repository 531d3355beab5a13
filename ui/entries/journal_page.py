"""The Journal page: filters, the entries list (or an empty state) and the editor beside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal import Entry, Journal, OffscriptError, samples
from journal.format import plural
from ui.entries.editor import EntryEditor
from ui.entries.entry_model import EntryTableModel
from ui.entries.entry_table import make_table
from ui.entries.filter_bar import FilterBar
from ui.entries.suggestions_loader import SuggestionsLoader
from ui.infra import alerts
from ui.widgets.empty_state import EmptyState
from ui.widgets.undo_bar import UndoBar


def samples_bar() -> tuple[QWidget, QPushButton]:
    """The note shown while sample entries exist, and its Remove button."""
    widget = QWidget()
    remove = QPushButton("Remove sample entries")
    bar = QHBoxLayout(widget)
    bar.setContentsMargins(0, 0, 0, 0)
    note = QLabel("Sample entries (tag <i>sample</i>) are shown.", wordWrap=True)
    note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    bar.addWidget(note, 1)
    bar.addWidget(remove)
    return widget, remove


class JournalPage(QWidget):
    changed = Signal()  # entries were added, edited, trashed or restored
    dirty_changed = Signal(bool)  # the editor holds unsaved changes (or no longer does)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        # One item per delete: (ids moved to the Trash, what the Undo bar calls them).
        self.undo_stack: list[tuple[list[str], str]] = []
        self._has_samples = False  # checked in load_choices/reload, not per keystroke or save
        self.filter_bar = FilterBar(journal)
        self.model = EntryTableModel(journal, self.filter_bar.current_filter())
        self.table = make_table(self.model, "Entries")
        self.editor = EntryEditor(journal)
        self.empty = EmptyState()
        self.undo_bar = UndoBar()
        self.choices = SuggestionsLoader(journal, self)  # used values, counted off the GUI thread
        self.choices.loaded.connect(self._fill_choices)
        self.samples_bar, remove = samples_bar()

        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.samples_bar)
        left_layout.addWidget(self.list_stack, 1)
        left_layout.addWidget(self.undo_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.filter_bar.filter_changed.connect(self.model.set_filter)
        self.model.count_changed.connect(self._count_changed)
        self.model.query_failed.connect(self.filter_bar.show_error)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.editor.saved.connect(self._saved)
        self.editor.saved.connect(lambda _entry: self._note_hidden_entry())
        self.editor.delete_requested.connect(self.trash_entry)
        self.editor.dirty_changed.connect(self.dirty_changed)
        self.empty.new_requested.connect(self.new_entry)
        self.empty.samples_requested.connect(self.add_samples)
        self.undo_bar.undo_requested.connect(self.undo_trash)
        remove.clicked.connect(self.remove_samples)
        self._count_changed(self.model.total)

    # -- list ------------------------------------------------------------------------------
    def load_choices(self, *, in_background: bool = False) -> None:
        """Filter lists and editor completers from the values used before, and the samples bar.

        Counting the lists reads the whole suggestions index (~0.15 s at 100k entries): the
        main window asks for it right after its first paint, counted on a worker thread."""
        self._check_samples()
        if in_background:
            self.choices.request()
        else:
            self._fill_choices()

    def _fill_choices(self) -> None:
        self.filter_bar.refresh_choices()
        self.editor.refresh_suggestions()

    def reload(self, *, check_samples: bool = True, choices_in_background: bool = False) -> None:
        if choices_in_background:  # after a save: the lists follow a moment later
            self.choices.request()
        else:
            self.filter_bar.refresh_choices()
        if check_samples:
            self._check_samples()
        self.model.refresh()
        self.changed.emit()

    def refresh_from_disk(self) -> None:
        """Another process changed the journal: re-read the list and counts, keep the selected
        entry selected and leave the editor (and any unsaved edit in it) alone."""
        shown = self.editor.entry.id if self.editor.entry else None
        self.table.selectionModel().blockSignals(True)
        try:
            self.reload()
            if shown is not None:
                self.select_entry(shown)
        finally:
            self.table.selectionModel().blockSignals(False)
        self.editor.refresh_suggestions()

    def _check_samples(self) -> None:
        """Show the 'remove sample entries' bar while any flagged sample is outside the Trash
        (an index lookup since schema v9)."""
        self._has_samples = samples.has_samples(self.journal)
        self.samples_bar.setVisible(self._has_samples)

    def _count_changed(self, total: int) -> None:
        self.filter_bar.show_count(total)
        self._note_hidden_entry()
        empty = total == 0 and not self.filter_bar.is_filtered() and self.journal.count() == 0
        self.list_stack.setCurrentWidget(self.empty if empty else self.table)
        self.samples_bar.setVisible(self._has_samples)

    def _note_hidden_entry(self) -> None:
        """Say so when the filters hide the entry that is open in the editor."""
        entry = self.editor.entry
        hidden = (entry is not None and self.model.row_of(entry.id) < 0
                  and self.model.rowCount() >= self.model.total)  # all rows loaded: sure
        self.editor.set_note("The filters hide this entry from the list; clear them to see it "
                             "there." if hidden else "")

    def current_entry(self) -> Entry | None:
        return self.model.entry(self.table.currentIndex().row())

    def select_entry(self, entry_id: str) -> bool:
        row = self.model.row_of(entry_id)
        if row < 0:
            return False
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0), flags.ClearAndSelect | flags.Rows)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def open_entry(self, entry_id: str) -> None:
        """Show an entry by id, even one outside the loaded rows or the current filter."""
        if self.select_entry(entry_id) or not self.confirm_leave():
            return
        try:
            self.editor.load(self.journal.get(entry_id))
            self._note_hidden_entry()
        except OffscriptError as exc:
            alerts.warn(self, "Entry not found", str(exc))

    def _row_changed(self, current: Any, previous: Any) -> None:
        entry = self.model.entry(current.row())
        if entry is None or (self.editor.entry and self.editor.entry.id == entry.id):
            return
        if not self.confirm_leave():
            # Stay on the entry being edited: put the selection back without re-entering here.
            self.table.selectionModel().blockSignals(True)
            if previous.isValid():
                self.table.selectRow(previous.row())
            else:
                self.table.clearSelection()
            self.table.selectionModel().blockSignals(False)
            return
        self.editor.load(entry)

    # -- editing ---------------------------------------------------------------------------
    def confirm_leave(self) -> bool:
        """True when the editor may show something else (saved, discarded or unchanged)."""
        if not self.editor.is_dirty:
            return True
        choice = alerts.ask(self, "Unsaved changes", "Save the changes to this entry?",
                            ["Save", "Discard", "Keep editing"])
        if choice == 0:
            return self.editor.save() is not None
        if choice == 1:
            self.editor.revert()
            return True
        return False

    def new_entry(self, values: dict[str, Any] | None = None) -> None:
        if not self.confirm_leave():
            return
        self.table.selectionModel().blockSignals(True)
        self.table.clearSelection()
        self.table.setCurrentIndex(self.model.index(-1, -1))
        self.table.selectionModel().blockSignals(False)
        self.list_stack.setCurrentWidget(self.table)
        self.editor.load(None, values)
        self.editor.show_top(focus=True)

    def _saved(self, entry: Entry) -> None:
        if self.model.row_of(entry.id) >= 0:
            self.model.replace_entry(entry)
            self.choices.request()
            self.changed.emit()
        else:
            # Saving never makes or unmakes a sample (a flag only "Add sample entries" sets).
            self.reload(check_samples=False, choices_in_background=True)
            self.table.selectionModel().blockSignals(True)
            self.select_entry(entry.id)
            self.table.selectionModel().blockSignals(False)

    # -- trash -----------------------------------------------------------------------------
    def trash_current(self) -> None:
        entry = self.editor.entry or self.current_entry()
        if entry is not None:
            self.trash_entry(entry.id)

    def trash_entry(self, entry_id: str) -> None:
        row = self.model.row_of(entry_id)
        try:
            entry = self.journal.trash(entry_id)
        except OffscriptError as exc:
            alerts.warn(self, "Not moved to Trash", str(exc))
            return
        self.undo_stack.append(([entry.id], f"“{entry.title}”"))
        self.editor.discard()
        self.reload()
        if self.model.rowCount():
            self.table.selectRow(min(max(row, 0), self.model.rowCount() - 1))
        self.undo_bar.show_message(f"Moved “{entry.title}” to Trash.")

    def undo_trash(self) -> bool:
        if not self.undo_stack:
            return False
        entry_ids, label = self.undo_stack.pop()
        try:
            for entry_id in entry_ids:
                self.journal.restore(entry_id)
        except OffscriptError as exc:  # purged meanwhile from the Trash view
            alerts.warn(self, "Cannot undo", str(exc))
            self.reload()
            return False
        self.reload()
        self.select_entry(entry_ids[0])
        self.undo_bar.show_message(f"Restored {label}.", can_undo=bool(self.undo_stack))
        return True

    # -- samples ---------------------------------------------------------------------------
    def add_samples(self) -> None:
        samples.add_samples(self.journal)
        self.reload()
        self.table.selectRow(0)

    def remove_samples(self) -> None:
        """Samples go to the Trash like any delete, with Undo; the user's entries stay put."""
        ids = samples.remove_samples(self.journal)
        if not ids:
            return
        if self.editor.entry and self.editor.entry.id in ids:
            self.editor.discard()
        label = plural(len(ids), "sample entry")
        self.undo_stack.append((ids, label))
        self.reload()
        self.undo_bar.show_message(f"Moved {label} to Trash.")

    def focus_search(self) -> None:
        self.filter_bar.focus_search()

    # -- what the window asks of the page ----------------------------------------------------
    def save(self) -> Entry | None:
        """Save the editor's entry; None when nothing was saved (invalid, or a storage error)."""
        return self.editor.save()

    def cancel(self) -> None:
        """Esc: revert unsaved edits, or else clear a search being typed."""
        if self.editor.is_dirty:
            self.editor.revert()
        else:
            self.filter_bar.clear_focused_search()

    def reset_after_restore(self) -> None:
        """A backup replaced the journal's contents: forget undo steps, drafts and the open
        entry (their ids may not exist any more) and read everything again."""
        self.undo_stack.clear()
        self.undo_bar.hide()
        self.editor.discard()
        self.editor.refresh_suggestions()
        self.reload()  # filter choices and the entries list; emits changed

    def repaint_list(self) -> None:
        """Redraw the entries (the outcome badges) after the theme changed."""
        self.table.viewport().update()

    def pending_draft(self) -> dict[str, Any] | None:
        return self.editor.pending_draft()

    def forget_draft(self) -> None:
        self.editor.forget_draft()

    def restore_draft(self, entry: Entry | None, values: dict[str, Any]) -> None:
        """Put a draft back into the editor: over `entry` when it still exists, else as new."""
        if entry is not None:
            self.select_entry(entry.id)
        self.editor.load(entry, values)

    def save_state(self) -> str:
        """Before closing: keep unsaved typing as a draft; returns the layout for the settings."""
        self.editor.put_away()
        return bytes(self.splitter.saveState().toHex()).decode()

    def restore_state(self, state: str) -> None:
        self.splitter.restoreState(QByteArray.fromHex(state.encode()))
