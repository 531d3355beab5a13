"""What the windows' widgets cost in PySide alone, for the start rows of issue 15.

`main_widgets()` builds the kinds and numbers of widgets the main window shows at its first
paint (menus, sidebar, search box, date and list filters, a 200-row table, the editor's form);
`quick_widgets()` those of the quick-log window. No journal, no key, no module of ours: plain
PySide with placeholder text. Set against a bare window they show how much of a start ratio the
widgets take before any of our work, i.e. what a goal leaves for everything else.
"""

from __future__ import annotations

from typing import Any


def _outcome_buttons(layout: Any) -> None:
    from PySide6.QtWidgets import QButtonGroup, QPushButton

    group = QButtonGroup(layout)
    for label in ("Worked", "Partly", "Broke"):
        button = QPushButton(label, checkable=True)
        group.addButton(button)
        layout.addWidget(button)


def quick_widgets() -> Any:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QDialog,
        QFormLayout,
        QHBoxLayout,
        QLabel,
        QLineEdit,
        QPushButton,
        QSpinBox,
        QVBoxLayout,
    )

    dialog = QDialog()
    dialog.setWindowTitle("Quick log")
    form = QFormLayout()
    form.addRow("Title", QLineEdit(placeholderText="What did you try?"))
    form.addRow("Tool", QLineEdit(placeholderText="Tool"))
    outcome = QHBoxLayout()
    _outcome_buttons(outcome)
    form.addRow("Outcome", outcome)
    minutes = QHBoxLayout()
    for suffix in (" min by hand", " min with AI"):
        minutes.addWidget(QSpinBox(maximum=100_000, suffix=suffix))
    minutes.addWidget(QLabel("Net: 0 min"))
    form.addRow("Minutes", minutes)
    form.addRow("Note", QLineEdit(placeholderText="One line"))
    buttons = QHBoxLayout()
    for label in ("Template", "More…", "Save"):
        buttons.addWidget(QPushButton(label))
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(QLabel("", alignment=Qt.AlignmentFlag.AlignRight))
    layout.addLayout(buttons)
    dialog.resize(520, 300)
    return dialog


def _menus(window: Any) -> None:
    from PySide6.QtGui import QKeySequence

    for title, actions in (("&File", ("New entry", "Quick log", "Share…", "Backups…", "Quit")),
                           ("&Edit", ("Save", "Revert", "Move to Trash", "Undo", "Find")),
                           ("&View", ("Journal", "Prompts", "Trash", "Dashboard", "Team")),
                           ("&Help", ("About",))):
        menu = window.menuBar().addMenu(title)
        for number, name in enumerate(actions, start=1):
            action = menu.addAction(name)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))


def _filters() -> Any:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QVBoxLayout

    box = QVBoxLayout()
    box.addWidget(QLineEdit(placeholderText="Search everything…"))
    row = QHBoxLayout()
    for _ in range(2):
        edit = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setSpecialValueText("any")
        row.addWidget(edit)
    for name in ("Tool", "Outcome", "Failure", "Tag", "Category"):
        combo = QComboBox()
        combo.addItems([name, f"{name}: one", f"{name}: two"])
        row.addWidget(combo)
    box.addLayout(row)
    return box


def _table() -> Any:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = QStandardItemModel(200, 6)
    for r in range(200):
        for c, text in enumerate(("2026-11-28 09:00", f"Entry {r}", "Claude", "worked",
                                  "+20 min", "email, summary")):
            model.setItem(r, c, QStandardItem(text))
    view = QTableView()
    model.setParent(view)  # lives as long as the view
    view.setModel(model)
    return view


def _editor() -> Any:
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QDateTimeEdit,
        QFormLayout,
        QHBoxLayout,
        QLineEdit,
        QPlainTextEdit,
        QPushButton,
        QSpinBox,
        QWidget,
    )

    editor = QWidget()
    form = QFormLayout(editor)
    form.addRow("When", QDateTimeEdit(calendarPopup=True))
    for name in ("Title", "Tool", "Version", "Tags"):
        form.addRow(name, QLineEdit(placeholderText=name))
    form.addRow("Category", QComboBox(editable=True))
    outcome = QHBoxLayout()
    _outcome_buttons(outcome)
    form.addRow("Outcome", outcome)
    for name in ("By hand", "With AI", "Iterations"):
        form.addRow(name, QSpinBox(maximum=100_000))
    for name in ("Prompt", "What broke", "Lesson"):
        form.addRow(name, QPlainTextEdit(placeholderText=name))
    form.addRow("", QCheckBox("May appear in shared summaries"))
    buttons = QHBoxLayout()
    for label in ("Save", "Revert", "Move to Trash"):
        buttons.addWidget(QPushButton(label))
    form.addRow(buttons)
    return editor


def main_widgets() -> Any:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QHBoxLayout,
        QListWidget,
        QMainWindow,
        QPushButton,
        QSplitter,
        QVBoxLayout,
        QWidget,
    )

    window = QMainWindow()
    window.setWindowTitle("Offscript")
    _menus(window)
    sidebar = QListWidget()
    sidebar.addItems(["Journal", "Prompts that worked", "Trash", "Dashboard", "Team"])
    side = QVBoxLayout()
    side.addWidget(sidebar, 1)
    side.addWidget(QPushButton("Share…"))
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.addLayout(_filters())
    left_layout.addWidget(_table(), 1)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(_editor())
    central = QWidget()
    layout = QHBoxLayout(central)
    layout.addLayout(side)
    layout.addWidget(splitter, 1)
    window.setCentralWidget(central)
    window.statusBar().showMessage("Journal: …")
    window.resize(1280, 800)
    return window
