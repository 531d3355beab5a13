"""What a new journal shows instead of an empty table: what to log, and a way to start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

TEXT = """<h2>Your journal is empty</h2>
<p>Log each time you try an AI tool for real work — it takes 20 seconds:</p>
<ul>
<li><b>what</b> you tried and <b>which tool</b>,</li>
<li>whether it <b>worked</b>, worked <b>partly</b> or <b>broke</b>,</li>
<li>roughly how many <b>minutes</b> it would take by hand, and how long it took with AI,</li>
<li>the <b>prompt</b>, what broke and the <b>lesson</b> — your future self will thank you.</li>
</ul>
<p>Everything stays encrypted on this computer.</p>"""


class EmptyState(QWidget):
    new_requested = Signal()
    samples_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = QLabel(TEXT, wordWrap=True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setMaximumWidth(520)
        new = QPushButton("New entry  (Ctrl+N)")
        new.setDefault(True)
        samples = QPushButton("Add sample entries")
        samples.setToolTip("Adds 10 made-up entries tagged 'sample'; remove them in one click.")
        hint = QLabel("Samples are tagged <i>sample</i> and can be removed in one click.",
                      wordWrap=True)
        hint.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(samples)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(text)
        column.addLayout(buttons)
        column.addWidget(hint)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column)
        outer.addStretch(1)
        new.clicked.connect(self.new_requested)
        samples.clicked.connect(self.samples_requested)
        self.samples_button = samples
