"""The desktop app killed with an unsaved edit: the next start offers the draft back."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from faults.conftest import FAULTS_DIR, open_again


@pytest.mark.slow
def test_unsaved_edit_survives_sigkill(seeded: dict[str, str], tmp_path: Path, qtbot: Any,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    title, prompt = "Half-typed experiment", "a prompt I never saved\nsecond line"
    proc = subprocess.Popen(
        [sys.executable, str(FAULTS_DIR / "draft_app.py"), str(tmp_path / "settings.json"),
         title, prompt], env=seeded, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line == "DRAFT-SAVED", proc.stderr.read() if proc.stderr else line
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    from ui.entries.drafts import DraftStore
    from ui.infra import alerts
    from ui.infra.settings import AppSettings
    from ui.shell.main_window import MainWindow

    asked: list[str] = []
    monkeypatch.setattr(alerts, "ask", lambda _p, t, *a, **k: asked.append(t) or 0)
    journal = open_again(seeded)
    try:
        draft = DraftStore(journal, "editor").load()
        assert draft is not None and draft["values"]["title"] == title
        window = MainWindow(journal, AppSettings(tmp_path / "settings.json"))
        qtbot.addWidget(window)
        assert window.offer_draft_restore()
        assert asked == ["Restore unsaved changes?"]
        editor = window.journal_page.editor
        assert editor.title.text() == title
        assert editor.prompt.toPlainText() == prompt
    finally:
        journal.close()
