"""Key safety in the app (issue 11): the strength hint follows the journal's own passphrase rule,
an unconfirmed new recovery key changes nothing, and Security… re-reads the key file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support import PASSPHRASE

from journal import Journal, LockedError
from journal.passphrase_policy import passphrase_problem
from ui.access import security_dialog
from ui.access.passphrase_form import NewPassphraseForm, strength_hint
from ui.access.recovery_dialog import RecoveryKeyDialog
from ui.access.security_dialog import SecurityDialog


def reopens(folder: Path, **secret: str) -> bool:
    try:
        Journal.open(folder, **secret).close()
    except LockedError:
        return False
    return True


@pytest.mark.parametrize("text", ["        ", "  short  ", "password1", "iloveyou", "Qwertyuiop",
                                  "abcdefgh", "lamp orbit fossil tide", "a much longer phrase"])
def test_strength_hint_accepts_exactly_what_the_journal_accepts(text: str, qtbot: Any) -> None:
    ok = strength_hint(text)[1]
    assert ok == (passphrase_problem(text) == "")
    form = NewPassphraseForm()
    qtbot.addWidget(form)
    form.passphrase.setText(text)
    form.confirm.setText(text)
    assert (form.problem() == "") == ok


def test_unconfirmed_recovery_key_changes_nothing(tmp_path: Path, qtbot: Any, alert_log: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    journal, old = Journal.create(tmp_path / "j", passphrase=PASSPHRASE)
    dialog = SecurityDialog(journal)
    qtbot.addWidget(dialog)
    shown: list[str] = []

    def closed_without_confirming(d: Any) -> bool:
        assert isinstance(d, RecoveryKeyDialog)
        shown.append(d.recovery_key)
        return False

    monkeypatch.setattr(security_dialog, "run_dialog", closed_without_confirming)
    alert_log.answers = [0]
    assert not dialog.new_recovery_key()
    assert shown and reopens(journal.folder, recovery_key=old)
    assert not reopens(journal.folder, recovery_key=shown[0])
    journal.close()


def test_security_dialog_sees_a_change_made_by_another_process(tmp_path: Path,
                                                              qtbot: Any) -> None:
    journal, recovery = Journal.create(tmp_path / "j", passphrase=PASSPHRASE)
    dialog = SecurityDialog(journal)
    qtbot.addWidget(dialog)
    assert "passphrase" in dialog.status.text()
    with Journal.open(journal.folder, recovery_key=recovery) as other:  # e.g. the CLI
        other.use_keychain()
    dialog.refresh()
    assert "In the system keychain" in dialog.status.text()
    journal.close()
