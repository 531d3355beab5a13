"""Running a modal dialog and freeing it: the one way dialogs are shown."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_modal(dialog: QDialog) -> int:
    """exec(), then deleteLater().

    Letting Python's garbage collector delete a top-level dialog instead makes PySide free
    some of its children twice, which corrupts the heap and crashes the process at exit.
    Qt deleting it (deferred) is safe; attributes read from the dialog after exec() stay valid
    until the event loop runs again.
    """
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
