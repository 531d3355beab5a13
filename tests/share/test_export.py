"""Export: the rendered bytes, written atomically, logged inside the journal; lists in settings."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from journal import Journal
from journal.errors import StorageError, ValidationError
from journal.share import (
    ExportExists,
    ShareOptions,
    build_summary,
    export_log,
    export_summary,
    lists,
    load_policy,
    render,
)
from share.conftest import REAL_LOGIN_NAMES


def test_export_writes_the_rendered_bytes_and_logs_them(share_journal: Journal,
                                                       tmp_path: Path) -> None:
    opts = ShareOptions(detail="lessons", include="all", fmt="html")
    target = tmp_path / "out" / "summary.html"
    target.parent.mkdir()
    record = export_summary(share_journal, opts, target)
    data = target.read_bytes()
    assert data == render(build_summary(share_journal, opts), "html")
    assert record.sha256 == hashlib.sha256(data).hexdigest()
    log = export_log(share_journal)
    assert log == [record.log_record()]
    assert log[0]["file"] == "summary.html"  # the name only, never the folder
    assert str(tmp_path) not in str(log)
    assert (log[0]["detail"], log[0]["format"], log[0]["entries"]) == ("lessons", "html", 11)
    assert not list(target.parent.glob(".*.tmp"))


def test_failed_write_leaves_the_target_untouched(share_journal: Journal, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out" / "summary.md"
    target.parent.mkdir()
    target.write_bytes(b"previous export")

    def boom(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(StorageError, match="No space left"):
        export_summary(share_journal, ShareOptions(fmt="md"), target)
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in target.parent.iterdir()) == ["summary.md"]  # no temp file left
    assert export_log(share_journal) == []  # nothing was shared, nothing logged


def test_export_refuses_to_overwrite_unless_asked(share_journal: Journal, tmp_path: Path) -> None:
    target = tmp_path / "summary.csv"
    target.write_text("keep me")
    with pytest.raises(ExportExists):
        export_summary(share_journal, ShareOptions(fmt="csv"), target, overwrite=False)
    assert target.read_text() == "keep me"
    export_summary(share_journal, ShareOptions(fmt="csv"), target, overwrite=True)
    assert target.read_text().startswith("ref,date")


def test_terms_allow_and_keep_live_in_the_journal(journal: Journal) -> None:
    lists.add_terms(journal, ["Initrode", "Globex"], "client")
    lists.add_terms(journal, ["initrode"], "project")  # same text, new kind: replaced
    assert [(t.text, t.kind) for t in lists.terms(journal)] == [
        ("Globex", "client"), ("initrode", "project")]
    kept, missing = lists.remove_terms(journal, ["GLOBEX", "nope"])
    assert [t.text for t in kept] == ["initrode"] and missing == ["nope"]
    with pytest.raises(ValidationError):
        lists.add_terms(journal, ["x"], "planet")
    with pytest.raises(ValidationError):
        lists.add_terms(journal, ["   "], "client")
    assert lists.add_words(journal, lists.ALLOW_KEY, ["Falcon", "falcon", "Ada"]) == [
        "Ada", "Falcon"]
    lists.add_words(journal, lists.KEEP_KEY, ["Invented"])
    policy = load_policy(journal)
    assert policy.allow == frozenset({"Ada", "Falcon"})
    assert policy.keep == frozenset({"Invented"})
    assert policy.os_user == "jdoe" and policy.linkable_key is None


def test_linkable_key_is_made_once_and_kept(journal: Journal) -> None:
    assert journal.get_setting(lists.HMAC_KEY) is None
    first = load_policy(journal, linkable=True).linkable_key
    assert first is not None and len(first) == 32
    assert load_policy(journal, linkable=True).linkable_key == first
    assert journal.get_setting(lists.HMAC_KEY) == first.hex()


def test_generic_login_names_are_not_redacted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lists, "login_names", REAL_LOGIN_NAMES)  # the real one, a fake OS
    monkeypatch.setattr(lists.getpass, "getuser", lambda: "root")
    monkeypatch.setattr(lists.Path, "home", classmethod(lambda cls: Path("/root")))
    assert lists.login_names() == []
    monkeypatch.setattr(lists.getpass, "getuser", lambda: "bob")
    monkeypatch.setattr(lists.Path, "home", classmethod(lambda cls: Path("/home/bob")))
    assert lists.login_names() == ["bob"]
    monkeypatch.setattr(lists.getpass, "getuser", lambda: "jsmith")
    monkeypatch.setattr(lists.Path, "home", classmethod(lambda cls: Path("/home/john.smith")))
    assert lists.login_names() == ["jsmith", "john.smith"]


def test_damaged_settings_read_as_empty(journal: Journal) -> None:
    journal.set_setting(lists.TERMS_KEY, "{not json")
    journal.set_setting(lists.LOG_KEY, "[1, {\"when\": 2}]")
    assert lists.terms(journal) == [] and export_log(journal) == []
