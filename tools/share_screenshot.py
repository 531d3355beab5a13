"""The Share dialog for `make screenshots`: sample entries, a client term, lessons detail."""

from __future__ import annotations

from pathlib import Path

from journal import Journal
from journal.samples import sample_entries
from journal.share import lists
from ui.share.dialog import ShareDialog


def build_share_preview(folder: Path) -> ShareDialog:
    journal, _ = Journal.create(folder / "journal")
    journal.add_many(sample_entries())
    lists.add_terms(journal, ["Initrode"], "client")
    dialog = ShareDialog(journal)
    dialog.panel.set_choice(detail="lessons", include="all", fmt="md")
    dialog.refresh()  # build now rather than after the debounce
    dialog.wait()
    return dialog
