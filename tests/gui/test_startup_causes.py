"""The app's open-failure dialog keeps the cause's own words: a full or read-only disk is not
called damage (issue 11 item 7)."""

from __future__ import annotations

from pathlib import Path

from journal import disk_errors
from ui.access import startup


def test_full_or_read_only_disk_is_not_called_damaged(tmp_path: Path) -> None:
    (tmp_path / "vault.json").write_text("{}")
    (tmp_path / "journal.db").write_bytes(b"")
    for error in (disk_errors.disk_full(tmp_path), disk_errors.read_only(tmp_path),
                  disk_errors.lock_timeout()):
        text, choices = startup.explain(tmp_path, error)
        assert str(error) in text
        assert "damaged" not in text.lower(), text
        assert text.count("Nothing was changed") == 1, text
        assert startup.RETRY in choices


def test_real_damage_still_says_so(tmp_path: Path) -> None:
    error = disk_errors.damaged(tmp_path / "journal.db", ValueError("malformed"))
    text, _ = startup.explain(tmp_path, error)
    assert "damaged" in text and "backup" in text
