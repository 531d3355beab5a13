"""Drafts are throttled, not debounced: continuous typing is saved every second, every field."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt

from journal import Journal
from ui.entries.drafts import DRAFT_MS, DraftStore
from ui.entries.quick_log import QuickLog
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow

KEY_GAP_MS = 40  # a fast typist; a debounce of any length above this would never fire


def _record(store: DraftStore) -> list[dict[str, Any]]:
    saves: list[dict[str, Any]] = []
    original = store.save
    store.save = lambda data: (saves.append(data), original(data))[1]  # type: ignore[method-assign]
    return saves


def _type_slowly(qtbot: Any, widget: Any, text: str) -> None:
    for char in text:
        qtbot.keyClicks(widget, char)
        qtbot.wait(KEY_GAP_MS)


def test_editor_saves_while_typing_goes_on(journal: Journal, qtbot: Any,
                                           settings: AppSettings) -> None:
    win = MainWindow(journal, settings)
    qtbot.addWidget(win)
    win.new_entry()
    editor = win.journal_page.editor
    saves = _record(editor.drafts)
    text = "x" * (3 * DRAFT_MS // KEY_GAP_MS)  # about three seconds of unbroken typing
    _type_slowly(qtbot, editor.title, text)
    assert len(saves) >= 2, f"{len(saves)} drafts during 3 s of typing"


def test_every_editor_field_reaches_the_draft(journal: Journal, qtbot: Any,
                                             settings: AppSettings) -> None:
    win = MainWindow(journal, settings)
    qtbot.addWidget(win)
    win.new_entry()
    editor = win.journal_page.editor
    editor.title.setText("All fields")
    qtbot.waitUntil(lambda: journal.get_setting("draft:editor") is not None, timeout=5000)
    # The last fields changed, each alone, must still reach the draft within the throttle.
    for change, key, expected in (
            (lambda: editor.tags.setText("email, weekly"), "tags", ["email", "weekly"]),
            (editor.outcome.buttons["broke"].click, "outcome", "broke"),
            (lambda: editor.share.setChecked(True), "share", True)):
        change()
        qtbot.waitUntil(lambda k=key, e=expected: json.loads(
            journal.get_setting("draft:editor") or "{}")["values"][k] == e, timeout=5000)


def test_quick_log_saves_while_typing_goes_on(journal: Journal, qtbot: Any) -> None:
    quick = QuickLog(journal)
    qtbot.addWidget(quick)
    saves = _record(quick.drafts)
    quick.outcome.buttons["partly"].click()
    _type_slowly(qtbot, quick.note, "y" * (3 * DRAFT_MS // KEY_GAP_MS))
    assert len(saves) >= 2, f"{len(saves)} drafts during 3 s of typing"
    assert all(s["outcome"] == "partly" for s in saves)
    qtbot.keyClick(quick.note, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: saves[-1]["note"].endswith("z"), timeout=5000)
