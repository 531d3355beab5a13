"""Templates fill the editor and the quick log; the by-hand median shows as a hint only."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from journal import Journal
from ui.entries.editor import EntryEditor
from ui.entries.quick_log import QuickLog


def _menu_texts(button) -> list[str]:
    button.refill()
    return [a.text() for a in button.menu().actions() if a.text()]


def test_a_template_fills_the_empty_editor_fields(qtbot: QtBot, journal: Journal) -> None:
    editor = EntryEditor(journal)
    qtbot.addWidget(editor)
    editor.show()
    assert "Write or fix code" in _menu_texts(editor.template_button)
    editor.title.setText("Fix the CSV parser")
    editor.tool.setText("Copilot")
    code = journal.templates.get("Write or fix code").fields()
    editor.template_button.picked.emit(code)
    values = editor.values()
    assert values["title"] == "Fix the CSV parser" and values["tool"] == "Copilot"  # typed stays
    assert values["category"] == "coding" and values["tags"] == ["code"]
    assert values["prompt"].startswith("Language and version") and values["minutes_without_ai"] == 45
    assert editor.is_dirty


def test_save_as_template_and_pick_it_again(qtbot: QtBot, journal: Journal) -> None:
    editor = EntryEditor(journal)
    qtbot.addWidget(editor)
    editor.set_values({"title": "Standup notes", "tool": "Claude", "category": "meetings",
                       "tags": ["standup"], "minutes_without_ai": 20})
    editor.template_button.save_requested.emit("Standup")
    assert "Standup" in _menu_texts(editor.template_button)
    assert journal.templates.get("standup").fields()["tags"] == ["standup"]


def test_minutes_hint_is_the_category_median_and_not_filled_in(qtbot: QtBot,
                                                                journal: Journal) -> None:
    for minutes in (30, 60, 90):
        journal.add({"title": "t", "tool": "x", "outcome": "worked", "category": "analysis",
                     "minutes_without_ai": minutes, "minutes_with_ai": 5})
    editor = EntryEditor(journal)
    qtbot.addWidget(editor)
    editor.category.setCurrentText("analysis")
    assert "60 min" in editor.minutes_hint.text()
    assert editor.without_ai.value() == 0


def test_quick_log_template_carries_its_fields_into_the_entry(qtbot: QtBot,
                                                              journal: Journal) -> None:
    quick = QuickLog(journal)
    qtbot.addWidget(quick)
    quick.template_button.picked.emit(journal.templates.get("Draft an e-mail").fields())
    assert quick.without_ai.value() == 15
    quick.title.setText("Reply to the landlord")
    quick.tool.setText("ChatGPT")
    quick.outcome.set_value("worked")
    quick.with_ai.setValue(3)
    entry = quick.save()
    assert entry is not None and entry.category == "writing" and entry.tags == ["email"]
    assert entry.prompt and entry.prompt.startswith("Draft a <tone>")
