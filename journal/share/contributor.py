"""A journal's contributor id: random, so a team can count one person's repeated exports once
without learning who they are. Never derived from a name, host or key; kept in the journal's
settings table (inside the encrypted file) and carried only in JSON summaries."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime

from journal.api import Journal

CONTRIBUTOR_KEY = "share.contributor_id"
_VALID = re.compile(r"[0-9a-f]{32}")


def contributor_id(journal: Journal) -> str:
    """This journal's id, created on first use (128 random bits, 32 hex digits)."""
    current = journal.get_setting(CONTRIBUTOR_KEY)
    if current is not None and _VALID.fullmatch(current):
        return current
    fresh = secrets.token_hex(16)
    journal.set_setting(CONTRIBUTOR_KEY, fresh)
    return fresh


def new_contributor_id(journal: Journal) -> str:
    """Start afresh: later summaries no longer count as the same contributor as earlier ones."""
    fresh = secrets.token_hex(16)
    journal.set_setting(CONTRIBUTOR_KEY, fresh)
    return fresh


def created_now() -> str:
    """The build time of a summary, UTC to the second (comparable across time zones)."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
