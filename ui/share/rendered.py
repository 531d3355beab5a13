"""The rendered preview: the summary as the team will see it (Markdown drawn by Qt, or the
HTML export itself), with the same replacement highlights as the exact bytes beside it.

Only a view: the bytes that are exported are the exact ones in PreviewPane, never this text.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from ui.share.preview import SURE, SURE_DARK, UNSURE, UNSURE_DARK, Mark, display_text

NOT_A_DOCUMENT = ("{fmt} is data for a spreadsheet or a script, not a page: the Exact bytes "
                  "tab shows what your team gets.")


class RenderedPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Rendered preview")
        self.setOpenLinks(False)  # nothing in a summary should be followed, even by a click
        self.setOpenExternalLinks(False)
        self.marked: list[tuple[int, int, str]] = []

    def show_summary(self, data: bytes, fmt: str, marks: list[Mark], labels: dict[str, bool],
                     dark: bool = False) -> None:
        """`labels`: replacement label -> uncertain; highlighted wherever they appear."""
        bar = self.verticalScrollBar().value()
        text = display_text(data)
        if fmt == "md":
            self.setMarkdown(text)
        elif fmt == "html":
            self.setHtml(text)
        else:
            self.setPlainText(NOT_A_DOCUMENT.format(fmt=fmt.upper()))
            labels = {}
        self._highlight(labels, dark)
        self.verticalScrollBar().setValue(bar)

    def _highlight(self, labels: dict[str, bool], dark: bool) -> None:
        sure, unsure = QTextCharFormat(), QTextCharFormat()
        sure.setBackground(QColor(SURE_DARK if dark else SURE))
        unsure.setBackground(QColor(UNSURE_DARK if dark else UNSURE))
        unsure.setFontUnderline(True)
        self.marked = []
        document = self.document()
        flags = QTextDocument.FindFlag.FindCaseSensitively
        # Longest first, so "Person 12" is not marked as "Person 1" plus a stray digit.
        for label in sorted(labels, key=len, reverse=True):
            cursor = QTextCursor(document)
            while True:
                cursor = document.find(label, cursor, flags)
                if cursor.isNull():
                    break
                if any(s < cursor.selectionEnd() and cursor.selectionStart() < e
                       for s, e, _ in self.marked):
                    continue
                cursor.mergeCharFormat(unsure if labels[label] else sure)
                self.marked.append((cursor.selectionStart(), cursor.selectionEnd(), label))
        self.marked.sort()
