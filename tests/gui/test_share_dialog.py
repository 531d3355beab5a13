"""The Share dialog: the preview is the export, highlights can be kept, terms can be added."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from share.corpus import CREATED, LOGIN, add_terms, journal_entries

from journal import Journal
from journal.share import build_summary, lists, render, summary
from ui.share.dialog import ShareDialog


@pytest.fixture
def dialog(journal: Journal, qtbot: object, monkeypatch: pytest.MonkeyPatch
           ) -> Iterator[ShareDialog]:
    monkeypatch.setattr(lists, "login_names", lambda: [LOGIN])
    # A JSON summary carries its build time to the second: a rebuild in the test must not
    # differ from the dialog's because a second ticked between the two (it did, once in ~10).
    monkeypatch.setattr(summary, "created_now", lambda: CREATED)
    journal.add_many(journal_entries())
    add_terms(journal)
    dlg = ShareDialog(journal)
    qtbot.addWidget(dlg)  # type: ignore[attr-defined]
    dlg.show()
    settle(dlg, qtbot)
    yield dlg
    dlg.done(0)


def settle(dlg: ShareDialog, qtbot: object) -> None:
    qtbot.waitUntil(lambda: not dlg.busy() and dlg.data != b"", timeout=10000)  # type: ignore[attr-defined]


def choose(dlg: ShareDialog, qtbot: object, **choice: str) -> None:
    dlg.panel.set_choice(**choice)  # type: ignore[arg-type]
    settle(dlg, qtbot)
    assert dlg.data_options == dlg.panel.options()


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
def test_preview_bytes_are_the_exported_bytes(dialog: ShareDialog, qtbot: object,
                                              tmp_path: Path, fmt: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    choose(dialog, qtbot, detail="full", include="all", fmt=fmt)
    opts = dialog.panel.options()
    assert dialog.data == render(build_summary(dialog.journal, opts), fmt)
    assert dialog.preview.toPlainText() == dialog.data.decode().replace("\r\n", "\n")
    target = tmp_path / f"out.{fmt}"
    asked: list[str] = []
    monkeypatch.setattr(dialog, "ask_path", lambda name: asked.append(name) or str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert target.read_bytes() == dialog.data
    assert asked[0].startswith("offscript-summary-") and asked[0].endswith(f".{fmt}")
    assert dialog.history.rowCount() == 1
    assert lists.export_log(dialog.journal)[0]["file"] == f"out.{fmt}"


def test_replacements_are_highlighted(dialog: ShareDialog, qtbot: object) -> None:
    choose(dialog, qtbot, detail="full", include="all", fmt="md")
    labels = {m.label for m in dialog.preview.marks}
    assert {"Client 1", "Project 1", "Person 1", "[email]", "[secret]"} <= labels
    assert len(dialog.preview.extraSelections()) == len(dialog.preview.marks)
    assert any(m.uncertain for m in dialog.preview.marks)
    assert "client" in dialog.counts.text()
    # Counts agree with their nouns ("pink: 1 guesses" and "2 person" were shown before).
    text = dialog.counts.text()
    unsure = sum(1 for i in dialog.summary.report.items if i.uncertain)
    assert f"pink: {unsure} {'guess' if unsure == 1 else 'guesses'}," in text
    assert not re.search(r"\b(?:[02-9]|\d\d+) person\b|\b1 people\b", text)


def _click(dialog: ShareDialog, qtbot: object, position: int) -> None:
    cursor = QTextCursor(dialog.preview.document())
    cursor.setPosition(position)
    point = dialog.preview.cursorRect(cursor).center()
    qtbot.mouseClick(dialog.preview.viewport(), Qt.MouseButton.LeftButton,  # type: ignore[attr-defined]
                     pos=point)


def test_clicking_a_guess_keeps_the_word_and_updates_the_preview(dialog: ShareDialog,
                                                                 qtbot: object) -> None:
    choose(dialog, qtbot, detail="full", include="all", fmt="md")
    guesses = [m for m in dialog.preview.marks if m.uncertain]
    assert guesses, "the corpus should give the redactor at least one uncertain name"
    mark = guesses[0]
    originals = {i.original for i in dialog.preview.items_for(mark.label) if i.uncertain}
    assert not any(o.encode() in dialog.data for o in originals)
    cursor = QTextCursor(dialog.preview.document())
    cursor.setPosition(mark.start)
    dialog.preview.setTextCursor(cursor)
    dialog.preview.ensureCursorVisible()
    _click(dialog, qtbot, mark.start + 1)
    settle(dialog, qtbot)
    assert originals <= set(lists.words(dialog.journal, lists.KEEP_KEY))
    assert all(o.encode() in dialog.data for o in originals)


def test_clicking_a_certain_replacement_explains_instead(dialog: ShareDialog,
                                                         qtbot: object) -> None:
    choose(dialog, qtbot, detail="full", include="all", fmt="md")
    dialog.keep_label("[email]")
    assert "always removed" in dialog.status.text()
    assert lists.words(dialog.journal, lists.KEEP_KEY) == []


def test_add_selection_to_terms(dialog: ShareDialog, qtbot: object,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    choose(dialog, qtbot, detail="full", include="all", fmt="md")
    text = dialog.preview.toPlainText()
    start = text.index("XLOOKUP")
    cursor = QTextCursor(dialog.preview.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len("XLOOKUP"), QTextCursor.MoveMode.KeepAnchor)
    dialog.preview.setTextCursor(cursor)
    assert dialog.add_term_button.isEnabled()
    monkeypatch.setattr(dialog, "ask_kind", lambda text: "project")
    qtbot.mouseClick(dialog.add_term_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    settle(dialog, qtbot)
    assert ("XLOOKUP", "project") in {(t.text, t.kind) for t in lists.terms(dialog.journal)}
    assert b"XLOOKUP" not in dialog.data and b"Project 2" in dialog.data


def test_stale_builds_are_dropped(dialog: ShareDialog, qtbot: object) -> None:
    for fmt in ("json", "csv", "html", "md", "json"):
        dialog.panel.set_choice(fmt=fmt)  # type: ignore[arg-type]
        dialog.refresh()
    settle(dialog, qtbot)
    assert dialog.data_options == dialog.panel.options()
    assert dialog.data.startswith(b"{")


def test_totals_preview_has_no_free_text(dialog: ShareDialog, qtbot: object) -> None:
    choose(dialog, qtbot, detail="totals", include="all", fmt="md")
    assert b"XLOOKUP" not in dialog.data and b"Lesson" not in dialog.data


def test_closed_dialog_is_freed(journal: Journal, qtbot: object) -> None:
    import gc
    dlg = ShareDialog(journal)
    settle(dlg, qtbot)
    ref = weakref.ref(dlg)
    dlg.done(0)
    dlg.deleteLater()
    del dlg
    qtbot.wait(50)  # type: ignore[attr-defined]
    gc.collect()
    assert ref() is None


def test_each_replacement_names_its_class(dialog: ShareDialog, qtbot: object) -> None:
    choose(dialog, qtbot, detail="full", include="all", fmt="md")
    tips = {m.label: dialog.preview.tooltip_for(m) for m in dialog.preview.marks}
    assert "(e-mail address)" in tips["[email]"]
    assert "(client or organisation)" in tips["Client 1"]
    assert "remove it from your terms" in tips["Client 1"]
    assert "(secret (key, token, password))" in tips["[secret]"]
    person = next(t for label, t in tips.items() if label.startswith("Person"))
    assert "(person)" in person


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_rendered_view_has_the_same_highlights(dialog: ShareDialog, qtbot: object,
                                               fmt: str) -> None:
    choose(dialog, qtbot, detail="full", include="all", fmt=fmt)
    exact = [m.label for m in dialog.preview.marks]
    shown = [label for _s, _e, label in dialog.rendered.marked]
    assert exact and sorted(set(shown)) == sorted(set(exact))
    if fmt == "md":  # no markup hides a label, so each one shows up as often
        assert sorted(shown) == sorted(exact)
    assert "|" not in dialog.rendered.toPlainText().split("\n")[0]  # drawn, not raw Markdown
    assert dialog.data == render(build_summary(dialog.journal, dialog.panel.options()), fmt)


def test_rendered_view_explains_data_formats(dialog: ShareDialog, qtbot: object) -> None:
    choose(dialog, qtbot, fmt="csv")
    assert "Exact bytes" in dialog.rendered.toPlainText()
    assert dialog.rendered.marked == []


def _many(journal: Journal, n: int) -> None:
    from journal import Entry
    journal.add_many([Entry(title=f"Draft {i} for Ada Lovelace", tool="Claude", outcome="worked",
                            minutes_without_ai=30, minutes_with_ai=10, share=True,
                            lesson="mail ada@example.org " * 20) for i in range(n)])


def test_progress_reaches_the_bar_from_the_worker(journal: Journal, qtbot: object) -> None:
    _many(journal, 150)
    dlg = ShareDialog(journal)
    qtbot.addWidget(dlg)  # type: ignore[attr-defined]
    reports: list[tuple[int, int, int]] = []
    dlg._worker.progress.connect(reports.append)  # noqa: SLF001
    dlg.refresh()
    dlg.wait()
    assert reports and reports[-1][0] == dlg._generation  # noqa: SLF001
    assert {total for _g, _d, total in reports} == {150}
    assert dlg.data and not dlg.busy()
    dlg.done(0)


def test_closing_mid_build_stops_it_and_frees_the_dialog(journal: Journal, qtbot: object) -> None:
    import gc
    import threading
    _many(journal, 400)
    dlg = ShareDialog(journal)
    dlg.refresh()  # a build is running on its thread
    assert any(t.name == "share-preview" for t in threading.enumerate())
    ref = weakref.ref(dlg)
    dlg.done(0)  # stops the build; nothing waits for it
    dlg.deleteLater()
    del dlg
    qtbot.wait(50)  # type: ignore[attr-defined]
    gc.collect()
    assert ref() is None
    qtbot.waitUntil(lambda: not any(t.name == "share-preview"  # type: ignore[attr-defined]
                                    for t in threading.enumerate()), timeout=10000)
    qtbot.wait(50)  # type: ignore[attr-defined]  # a late result finds no dialog: no crash
