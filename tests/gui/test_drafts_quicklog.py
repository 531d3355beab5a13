"""Drafts survive a window destroyed without saving; quick log; empty state and samples."""

from __future__ import annotations

from journal import EntryFilter, Journal
from journal.samples import SAMPLE_TAG
from ui.entries.quick_log import QuickLog
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow


def test_draft_recovered_after_window_destroyed(journal: Journal, qtbot,
                                                settings: AppSettings, alert_log) -> None:
    win = MainWindow(journal, settings)
    win.new_entry()
    editor = win.journal_page.editor
    editor.title.setText("Half-typed idea")
    editor.prompt.setPlainText("my precious prompt")
    qtbot.waitUntil(lambda: journal.get_setting("draft:editor") is not None, timeout=5000)
    win.journal_page.editor.autosave.stop()
    win.deleteLater()  # killed: no closeEvent, no save
    qtbot.waitUntil(lambda: not win.isVisible())
    again = MainWindow(journal, settings)
    qtbot.addWidget(again)
    alert_log.answers = [0]  # Restore
    assert again.offer_draft_restore()
    restored = again.journal_page.editor
    assert restored.title.text() == "Half-typed idea" and restored.is_dirty
    assert restored.prompt.toPlainText() == "my precious prompt"
    restored.tool.setText("Claude")
    restored.outcome.set_value("worked")
    assert restored.save() is not None
    assert journal.get_setting("draft:editor") is None


def test_close_saves_draft_of_existing_entry(journal: Journal, qtbot,
                                             settings: AppSettings, alert_log) -> None:
    entry = journal.add({"title": "Kept", "tool": "x", "outcome": "worked",
                         "minutes_without_ai": 1, "minutes_with_ai": 1})
    win = MainWindow(journal, settings)
    qtbot.addWidget(win)
    win.show_entry(entry.id)
    win.journal_page.editor.lesson.setPlainText("unsaved lesson")
    win.close()
    again = MainWindow(journal, settings)
    qtbot.addWidget(again)
    assert again.offer_draft_restore()
    assert again.journal_page.editor.entry.id == entry.id
    assert again.journal_page.editor.lesson.toPlainText() == "unsaved lesson"


def test_quick_log_saves_and_more(journal: Journal, qtbot, settings: AppSettings) -> None:
    quick = QuickLog(journal)
    qtbot.addWidget(quick)
    assert quick.save() is None and "title" in quick.error.text()
    quick.title.setText("Draft tweet thread")
    quick.tool.setText("ChatGPT")
    quick.outcome.buttons["broke"].click()
    quick.without_ai.setValue(20)
    quick.with_ai.setValue(30)
    quick.note.setText("Made up statistics")
    with qtbot.waitSignal(quick.saved):
        quick.save()
    entry = journal.list()[0]
    assert entry.what_broke == "Made up statistics" and entry.net_minutes == -10

    win = MainWindow(journal, settings)
    qtbot.addWidget(win)
    log = win.open_quick_log()
    log.title.setText("Continue me")
    log.more()
    editor = win.journal_page.editor
    assert editor.entry is None and editor.title.text() == "Continue me" and editor.is_dirty


def test_quick_log_keeps_draft(qtbot, journal: Journal) -> None:
    quick = QuickLog(journal)
    qtbot.addWidget(quick)
    quick.title.setText("typed then closed")
    quick.close()
    again = QuickLog(journal)
    qtbot.addWidget(again)
    assert again.title.text() == "typed then closed"


def test_empty_state_and_samples(journal: Journal, qtbot, settings: AppSettings) -> None:
    win = MainWindow(journal, settings)
    qtbot.addWidget(win)
    win.show()
    page = win.journal_page
    assert page.list_stack.currentWidget() is page.empty
    page.empty.samples_button.click()
    assert page.list_stack.currentWidget() is page.table
    assert journal.count(EntryFilter(tag=SAMPLE_TAG)) == 10
    assert page.samples_bar.isVisibleTo(win)
    page.remove_samples()
    assert journal.count() == 0 and journal.count(EntryFilter(trashed=True)) == 10
    assert page.list_stack.currentWidget() is page.empty
    assert page.undo_bar.isVisibleTo(win) and "10 sample entries" in page.undo_bar.label.text()
    win.menus.undo_action.trigger()
    assert journal.count() == 10 and journal.count(EntryFilter(trashed=True)) == 0


def test_remove_samples_keeps_the_users_sample_tagged_entry(journal: Journal, qtbot,
                                                            settings: AppSettings) -> None:
    mine = journal.add({"title": "Mine", "tool": "x", "outcome": "worked",
                        "minutes_without_ai": 1, "minutes_with_ai": 1, "tags": [SAMPLE_TAG]})
    win = MainWindow(journal, settings)
    qtbot.addWidget(win)
    win.show()
    page = win.journal_page
    page.add_samples()
    page.remove_samples()
    assert [e.id for e in journal.list()] == [mine.id]
    assert not page.samples_bar.isVisibleTo(win)


def test_quick_log_loads_tool_completions_after_it_is_shown(qtbot, journal: Journal) -> None:
    journal.add({"title": "Earlier", "tool": "Claude", "outcome": "worked",
                 "minutes_without_ai": 10, "minutes_with_ai": 5})
    quick = QuickLog(journal)
    qtbot.addWidget(quick)
    assert quick.tool.completer() is None or not quick.tool.completer().model().rowCount()
    quick.show()
    qtbot.waitUntil(lambda: quick.tool.completer() is not None
                    and "Claude" in quick.tool.completer().model().stringList(), timeout=3000)
