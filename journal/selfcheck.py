"""`offscript --self-check`: exercise the whole stack in a throw-away journal, print a verdict.

Works the same from source and from the frozen bundle. It never opens the user's journal or
keychain: everything happens in a TemporaryDirectory in passphrase mode, and the keyring check
only asks which backend would be used. The Qt check lives in ui/ (journal/ never imports Qt)
and is passed in by the caller as `qt_check`; it includes the Qt binding's None-refcount probe
(ui/infra/binding_probe.py), so a frozen bundle built on a defective PySide6 fails here.
"""

from __future__ import annotations

import secrets
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from journal import Journal, __version__
from journal.format import plural, signed_minutes

QtCheck = Callable[[], tuple[bool, str]]
PASSPHRASE = "self-check passphrase"  # noqa: S105 - a throw-away journal, deleted at the end


@dataclass
class _Context:
    """What the checks share: the temp journal and the canary hidden in it."""

    folder: Path
    canary: str = field(default_factory=lambda: f"CANARY{secrets.token_hex(8).upper()}")
    journal: Journal | None = None

    @property
    def open_journal(self) -> Journal:
        if self.journal is None:
            raise RuntimeError("the journal was not created")
        return self.journal


def _create(ctx: _Context) -> str:
    ctx.journal, recovery = Journal.create(ctx.folder, passphrase=PASSPHRASE)
    return f"encrypted journal created ({ctx.journal.mode} mode, recovery key {len(recovery)} chars)"


def _add(ctx: _Context) -> str:
    j = ctx.open_journal
    samples: list[dict[str, Any]] = [
        {"title": "Summarize the retro notes", "tool": "ChatBot", "outcome": "worked",
         "minutes_without_ai": 40, "minutes_with_ai": 10, "share": True,
         "prompt": f"Summarize the notes Alice Johnson sent. {ctx.canary}",
         "lesson": "Mail alice.johnson@example.com or call +44 20 7946 0958 for the raw notes.",
         "tags": ["selfcheck"]},
        {"title": "Refactor the parser", "tool": "CodeHelper", "outcome": "partly",
         "minutes_without_ai": 60, "minutes_with_ai": 45, "failure_modes": ["lost_context"],
         "share": True, "tags": ["selfcheck"]},
        {"title": "Draft the quarterly report", "tool": "ChatBot", "outcome": "broke",
         "minutes_without_ai": 30, "minutes_with_ai": 50, "failure_modes": ["hallucination"],
         "what_broke": "Invented numbers", "tags": ["selfcheck"]},
    ]
    for data in samples:
        j.add(data)
    count = j.count()
    if count != len(samples):
        raise AssertionError(f"expected {len(samples)} entries, found {count}")
    return f"{plural(count, 'entry')} added"


def _search(ctx: _Context) -> str:
    j = ctx.open_journal
    hits = j.search("retro")
    if [e.title for e in hits] != ["Summarize the retro notes"]:
        raise AssertionError(f"search 'retro' returned {[e.title for e in hits]}")
    either = j.search("retro OR parser")
    if len(either) != 2:
        raise AssertionError(f"search 'retro OR parser' returned {len(either)} entries")
    tagged = j.search("selfcheck")
    if len(tagged) != 3:
        raise AssertionError(f"search 'selfcheck' returned {len(tagged)} entries")
    return "full-text search finds 1, 2 and 3 entries as expected"


def _stats(ctx: _Context) -> str:
    totals = ctx.open_journal.stats().totals
    if totals.entries != 3 or totals.net_minutes != (30 + 15 - 20):
        raise AssertionError(f"totals: {totals.entries} entries, {totals.net_minutes} net min")
    return f"{plural(totals.entries, 'entry')}, {signed_minutes(totals.net_minutes)} net"


def _redact(ctx: _Context) -> str:
    """The real share path end to end: a failure here fails the check, with no stand-in."""
    from journal.share import ShareOptions, build_summary, render

    text = render(build_summary(ctx.open_journal, ShareOptions(detail="full", fmt="md")), "md")
    summary = text if isinstance(text, str) else bytes(text).decode("utf-8")
    leaked = [s for s in ("alice.johnson@example.com", "7946 0958") if s in summary]
    if leaked:
        raise AssertionError(f"the summary still contains {leaked}")
    if "Refactor the parser" not in summary:
        raise AssertionError("the summary is missing a shared entry")
    return f"summary redacted via journal.share ({len(summary)} chars, e-mail and phone removed)"


def _encrypted(ctx: _Context) -> str:
    ctx.open_journal.close()
    ctx.journal = None
    needle = ctx.canary.encode("utf-8")
    files = [p for p in ctx.folder.rglob("*") if p.is_file()]
    found = [p.name for p in files if needle in p.read_bytes()]
    if found:
        raise AssertionError(f"canary found in plain text in {found}")
    reopened = Journal.open(ctx.folder, passphrase=PASSPHRASE)
    try:
        if ctx.canary not in (reopened.search("retro")[0].prompt or ""):
            raise AssertionError("the canary did not survive a reopen")
    finally:
        reopened.close()
    return f"canary absent from {len(files)} journal file(s); reopened with the passphrase"


def _keyring(_ctx: _Context) -> str:
    from journal.vault import keychain_status, no_keychain_message

    usable, detail = keychain_status()  # asks which backend; reads and writes nothing
    if usable:
        return f"keyring loads; the key can be kept in {detail} (usable)"
    return f"keyring loads; {no_keychain_message(detail)}: new journals use a passphrase"


CHECKS: tuple[tuple[str, Callable[[_Context], str]], ...] = (
    ("journal", _create),
    ("entries", _add),
    ("search", _search),
    ("stats", _stats),
    ("share", _redact),
    ("encryption", _encrypted),
    ("keyring", _keyring),
)


def run_self_check(out: TextIO, qt_check: QtCheck | None = None) -> int:
    """Run every check, one line each, then a verdict line. 0 when all pass, else 1."""
    print(f"offscript {__version__} self-check", file=out)
    passed = total = 0
    with tempfile.TemporaryDirectory(prefix="offscript-selfcheck-") as tmp:
        ctx = _Context(Path(tmp) / "journal")
        try:
            for name, check in CHECKS:
                total += 1
                passed += _report(out, name, partial(check, ctx))
        finally:
            if ctx.journal is not None:
                ctx.journal.close()
    total += 1
    if qt_check is None:
        print("  FAIL qt: the desktop app's Qt check is not available in this install", file=out)
    else:
        passed += _report(out, "qt", partial(_qt, qt_check))
    verdict = "OK" if passed == total else "FAILED"
    print(f"self-check: {verdict} ({passed}/{total} checks)", file=out)
    return 0 if passed == total else 1


def _qt(qt_check: QtCheck) -> str:
    ok, detail = qt_check()
    if not ok:
        raise AssertionError(detail)
    return detail


def _report(out: TextIO, name: str, check: Callable[[], str]) -> int:
    start = time.perf_counter()
    try:
        detail = check()
    except Exception as exc:  # every failure becomes one line; the run goes on
        print(f"  FAIL {name}: {type(exc).__name__}: {exc}", file=out)
        return 0
    ms = (time.perf_counter() - start) * 1000
    print(f"  ok   {name}: {detail} [{ms:.0f} ms]", file=out)
    return 1
