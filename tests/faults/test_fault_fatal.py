"""A fatal error while editing: faulthandler's dump and the slot exception reach the log (without
entry text), and the next start says the app closed unexpectedly and offers the draft."""

from __future__ import annotations

import faulthandler
import logging
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from faults.conftest import FAULTS_DIR, cli, open_again

TITLE, PROMPT = "Secret plan Zanzibar", "PROMPT-TEXT-7f3a never in a log"


@pytest.mark.slow
def test_fatal_error_is_logged_and_the_draft_offered(
        cli_env: dict[str, str], tmp_path: Path, qtbot: Any, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.paths import log_dir
    from ui.infra import alerts
    from ui.infra.crash import LOG_NAME
    from ui.infra.session import FATAL_LOG, MARKER, begin_session, end_session
    from ui.infra.settings import AppSettings
    from ui.shell.main_window import MainWindow

    assert cli(cli_env, "init").returncode == 0
    settings = tmp_path / "settings.json"
    proc = subprocess.run([sys.executable, str(FAULTS_DIR / "crash_app.py"), str(settings),
                           TITLE, PROMPT], env=cli_env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == -signal.SIGSEGV, proc.stderr
    assert proc.stdout.strip() == "DRAFT-SAVED"
    for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, cli_env[var])  # the crashed app's home is cli_env's
    folder = log_dir()
    assert (folder / MARKER).exists() and (folder / FATAL_LOG).exists()
    app_log = (folder / LOG_NAME).read_text(encoding="utf-8")
    assert "unhandled error" in app_log and "broken_slot" in app_log and "ValueError" in app_log

    caplog.set_level(logging.INFO, logger="offscript.ui")
    session = begin_session()
    try:
        assert session.crashed
        logged = caplog.text
        assert "Fatal Python error: Segmentation fault" in logged and "check" in logged
        for secret in ("Zanzibar", "PROMPT-TEXT-7f3a"):
            assert secret not in app_log and secret not in logged
            assert secret not in (folder / FATAL_LOG).read_text(encoding="utf-8")

        asked: list[str] = []
        monkeypatch.setattr(alerts, "ask", lambda _p, t, *a, **k: asked.append(t) or 0)
        journal = open_again(cli_env)
        try:
            window = MainWindow(journal, AppSettings(settings))
            qtbot.addWidget(window)
            assert window.offer_draft_restore(session.crashed)
            assert asked == ["Offscript closed unexpectedly"]
            editor = window.journal_page.editor
            assert editor.title.text() == TITLE and editor.prompt.toPlainText() == PROMPT
        finally:
            journal.close()
    finally:
        end_session(session)
    assert not (folder / MARKER).exists()
    fresh = begin_session(tmp_path / "fresh")
    end_session(fresh)
    faulthandler.enable()  # pytest's own dump on a hang
    assert not fresh.crashed
