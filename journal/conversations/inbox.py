"""Review conversation drafts: import an export, list what waits, keep as entries or drop.

Importing the same export twice offers nothing twice: every conversation is remembered by a
fingerprint, and a kept or dropped draft keeps only that fingerprint (its text is erased).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from journal.conversations.parse import Conversation, read_export
from journal.conversations.table import DROPPED, KEPT, DraftTable, stamp
from journal.entries import Entry, parse_datetime
from journal.errors import NotFoundError
from journal.store import Store


@dataclass(frozen=True)
class ChatDraft:
    """A conversation waiting for review."""

    id: str  # the fingerprint; the first 8 characters are enough in the CLI
    tool: str
    title: str
    prompt: str
    iterations: int
    tool_version: str | None
    occurred_at: datetime | None


@dataclass(frozen=True)
class ImportResult:
    found: int  # conversations with at least one user message in the file
    added: int  # new drafts offered for review
    already_seen: int  # offered before (pending, kept or dropped)


class ConversationInbox:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.table = DraftTable(store)

    def import_export(self, path: Path) -> ImportResult:
        """Read a ChatGPT/Claude export and offer its new conversations. All or nothing."""
        return self.add_conversations(read_export(path))

    def add_conversations(self, conversations: list[Conversation]) -> ImportResult:
        """Offer parsed conversations (read_export may run on another thread; this may not)."""
        with self.store.transaction():
            seen = self.table.known(c.fingerprint for c in conversations)
            fresh = [c for c in conversations if c.fingerprint not in seen]
            added = self.table.insert(
                {"fingerprint": c.fingerprint, "source": c.source, "title": c.title,
                 "prompt": c.prompt, "iterations": c.user_turns, "tool_version": c.model,
                 "occurred_at": stamp(c.started_at)} for c in fresh)
        return ImportResult(found=len(conversations), added=added,
                            already_seen=len(conversations) - added)

    def pending(self, search: str = "", limit: int = 1000) -> list[ChatDraft]:
        """Drafts waiting for review, newest first; search matches title and prompt."""
        return [ChatDraft(id=r["fingerprint"], tool=r["source"], title=r["title"] or "",
                          prompt=r["prompt"] or "", iterations=int(r["iterations"] or 1),
                          tool_version=r["tool_version"],
                          occurred_at=parse_datetime(r["occurred_at"]) if r["occurred_at"] else None)
                for r in self.table.pending(search, limit)]

    def count(self) -> int:
        return self.table.count_pending()

    def find(self, ref: str) -> ChatDraft:
        """A pending draft by its id or an unambiguous prefix of it (8+ characters)."""
        ref = ref.strip().lower()
        matches = [d for d in self.pending(limit=1_000_000) if d.id.startswith(ref)] if ref else []
        if len(matches) != 1:
            why = "matches several drafts" if matches else "matches no pending draft"
            raise NotFoundError(f"Draft {ref!r} {why}: see `offscript drafts list`.")
        return matches[0]

    def keep(self, ref: str, fields: Mapping[str, Any]) -> Entry:
        """Turn a draft into an entry: its title, prompt, tool, version, turns and time, plus
        the fields the person adds (outcome, minutes, lesson, …), validated like any entry."""
        draft = self.find(ref)
        data: dict[str, Any] = {"title": draft.title, "tool": draft.tool, "prompt": draft.prompt,
                                "iterations": draft.iterations, "tool_version": draft.tool_version}
        if draft.occurred_at is not None:
            data["occurred_at"] = draft.occurred_at
        data.update({k: v for k, v in fields.items() if v is not None})
        entry = Entry.from_dict(data)
        with self.store.transaction():
            self.store.insert([entry])
            self.table.close(draft.id, KEPT, entry.id)
        return entry

    def drop(self, refs: Iterable[str]) -> int:
        """Forget drafts' text for good; a later import of the same export won't offer them."""
        drafts = [self.find(r) for r in refs]
        with self.store.transaction():
            return sum(self.table.close(d.id, DROPPED) for d in drafts)

    def drop_all(self) -> int:
        drafts = self.pending(limit=1_000_000)
        with self.store.transaction():
            return sum(self.table.close(d.id, DROPPED) for d in drafts)
