"""Editor details seen on a real screen: a long title must not widen (and clip) the form, and
a 'required' hint goes away as soon as the field is filled."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea

from journal import Journal
from ui.entries.editor import EntryEditor


def test_long_title_wraps_instead_of_clipping_the_form(journal: Journal, qtbot) -> None:
    editor = EntryEditor(journal)
    qtbot.addWidget(editor)
    editor.resize(460, 760)
    editor.show()
    body = editor.findChild(QScrollArea).widget()
    data = {"tool": "Claude", "outcome": "partly", "minutes_without_ai": 40, "minutes_with_ai": 25}
    editor.load(journal.add({"title": "Short", **data}))
    before = body.minimumSizeHint().width()
    editor.load(journal.add({"title": "Explain a flaky integration test in the payments service "
                             * 3, **data}))
    assert body.minimumSizeHint().width() <= before
    assert editor.heading.text().startswith("Editing: Explain")


def test_heading_is_plain_text(journal: Journal, qtbot) -> None:
    editor = EntryEditor(journal)
    qtbot.addWidget(editor)
    entry = journal.add({"title": "<b>bold</b> <a href='x'>link</a>", "tool": "x",
                         "outcome": "worked", "minutes_without_ai": 1, "minutes_with_ai": 1})
    editor.load(entry)
    assert editor.heading.textFormat().name == "PlainText"


def test_required_hint_clears_once_filled(journal: Journal, qtbot) -> None:
    editor = EntryEditor(journal)
    qtbot.addWidget(editor)
    editor.show()
    editor.load(None)
    assert editor.save() is None and editor.error_for("title") == "title is required"
    editor.tool.setText("Claude")  # another field: the title hint stays
    assert editor.error_for("title") == "title is required"
    editor.title.setText("Now it has a title")
    assert editor.error_for("title") == ""
