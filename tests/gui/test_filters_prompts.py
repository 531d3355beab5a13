"""Filters say what they hide ("Outcome: broke"), the editor says when a filter hides its entry,
and the Prompts page never shows a blank pane beside its list."""

from __future__ import annotations

from journal import Journal
from ui.entries.prompts_view import PromptsView
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow


def _add(journal: Journal, title: str, outcome: str, prompt: str = "") -> None:
    journal.add({"title": title, "tool": "Claude", "outcome": outcome, "prompt": prompt,
                 "minutes_without_ai": 20, "minutes_with_ai": 5})


def test_set_filter_reads_name_and_value_and_editor_notes_hidden_entry(
        journal: Journal, qtbot, settings: AppSettings) -> None:
    _add(journal, "Good one", "worked")
    _add(journal, "Bad one", "broke")
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.journal_page
    page.load_choices()
    bar = page.filter_bar
    bar.outcome.setCurrentIndex(bar.outcome.findData("broke"))
    assert bar.outcome.currentText() == "Outcome: broke"
    bar.tool.setCurrentIndex(bar.tool.findData("Claude"))
    assert bar.tool.currentText() == "Tool: Claude"
    bar.outcome.setCurrentIndex(0)
    bar.tool.setCurrentIndex(0)
    good = next(r for r in range(page.model.rowCount()) if page.model.entry(r).title == "Good one")
    page.table.selectRow(good)
    assert page.editor.entry.title == "Good one" and not page.editor.note.isVisibleTo(page)
    bar.outcome.setCurrentIndex(bar.outcome.findData("broke"))
    assert page.editor.entry.title == "Good one"
    assert page.editor.note.isVisibleTo(page) and "filters hide" in page.editor.note.text()
    bar.outcome.setCurrentIndex(0)
    assert not page.editor.note.isVisibleTo(page)


def test_prompts_page_shows_the_first_prompt(journal: Journal, qtbot) -> None:
    _add(journal, "With a prompt", "worked", prompt="Summarise this in 3 bullets")
    view = PromptsView(journal)
    qtbot.addWidget(view)
    assert view.preview.toPlainText() == "Summarise this in 3 bullets"
    assert view.copy_button.isEnabled()


def test_empty_prompts_page_explains(journal: Journal, qtbot) -> None:
    view = PromptsView(journal)
    qtbot.addWidget(view)
    assert "Choose a prompt" in view.preview.placeholderText()
    assert "No prompts yet" in view.info.text()


def test_a_set_filter_shows_its_whole_text(journal: Journal, qtbot, settings: AppSettings) -> None:
    """At 1280x800 "Outcome: partly" was cut to "Outcome: part" (the lists keep a narrow
    minimum); a chosen value now widens its list to fit."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    _add(journal, "Half", "partly")
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    bar = window.journal_page.filter_bar
    bar.outcome.setCurrentIndex(bar.outcome.findData("partly"))
    bar.failure_mode.setCurrentIndex(bar.failure_mode.findData("lost_context"))
    for combo, text in ((bar.outcome, "Outcome: partly"),
                        (bar.failure_mode, "Failure: lost context")):
        qtbot.waitUntil(lambda c=combo: c.width() >= c.sizeHint().width())
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
        assert combo.currentText() == text
        assert field.width() >= combo.fontMetrics().horizontalAdvance(text), text
        assert combo.toolTip() == text
