"""Ordered schema migrations. Each runs in one transaction; never edit a shipped one."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only the migrations themselves need it, and few runs migrate
    import sqlite_utils

ENTRY_COLUMNS = (
    "id", "occurred_at", "title", "tool", "tool_version", "category", "prompt", "iterations",
    "outcome", "minutes_without_ai", "minutes_with_ai", "what_broke", "failure_modes", "lesson",
    "tags", "share", "created_at", "updated_at", "trashed_at",
)
FTS_COLUMNS = ("title", "prompt", "what_broke", "lesson", "tags")


def _v1_entries_and_search(db: sqlite_utils.Database) -> None:
    # seq is an explicit INTEGER PRIMARY KEY so FTS rowids survive VACUUM.
    db.execute(
        """
        CREATE TABLE entries (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            occurred_at TEXT NOT NULL,
            title TEXT NOT NULL,
            tool TEXT NOT NULL,
            tool_version TEXT,
            category TEXT,
            prompt TEXT,
            iterations INTEGER,
            outcome TEXT NOT NULL CHECK (outcome IN ('worked', 'partly', 'broke')),
            minutes_without_ai INTEGER NOT NULL,
            minutes_with_ai INTEGER NOT NULL,
            what_broke TEXT,
            failure_modes TEXT NOT NULL DEFAULT '[]',
            lesson TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            share INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            trashed_at TEXT
        )
        """
    )
    cols = ", ".join(FTS_COLUMNS)
    new_cols = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
    old_cols = ", ".join(f"old.{c}" for c in FTS_COLUMNS)
    db.execute(
        f"CREATE VIRTUAL TABLE entries_fts USING fts5({cols}, content='entries', "
        "content_rowid='seq', tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute(
        f"CREATE TRIGGER entries_ai AFTER INSERT ON entries BEGIN "
        f"INSERT INTO entries_fts(rowid, {cols}) VALUES (new.seq, {new_cols}); END"
    )
    db.execute(
        f"CREATE TRIGGER entries_ad AFTER DELETE ON entries BEGIN "
        f"INSERT INTO entries_fts(entries_fts, rowid, {cols}) VALUES ('delete', old.seq, {old_cols}); END"
    )
    db.execute(
        f"CREATE TRIGGER entries_au AFTER UPDATE OF {cols} ON entries BEGIN "
        f"INSERT INTO entries_fts(entries_fts, rowid, {cols}) VALUES ('delete', old.seq, {old_cols}); "
        f"INSERT INTO entries_fts(rowid, {cols}) VALUES (new.seq, {new_cols}); END"
    )


def _v2_settings_and_indexes(db: sqlite_utils.Database) -> None:
    # Journal-scoped settings (share terms, allow list, HMAC key, export log) live inside the
    # encrypted file; indexes serve the list view's sorts and the dashboard's range scans.
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("CREATE INDEX entries_by_time ON entries (trashed_at, occurred_at)")
    db.execute("CREATE INDEX entries_by_tool ON entries (tool COLLATE NOCASE)")
    db.execute("CREATE INDEX entries_by_outcome ON entries (outcome)")


def _v3_net_minutes(db: sqlite_utils.Database) -> None:
    # The honest figure the app reports everywhere; derived, so it can never disagree.
    db.execute(
        "ALTER TABLE entries ADD COLUMN net_minutes INTEGER "
        "GENERATED ALWAYS AS (minutes_without_ai - minutes_with_ai) VIRTUAL"
    )
    db.execute("CREATE INDEX entries_by_net ON entries (net_minutes)")


def _v4_stats_index(db: sqlite_utils.Database) -> None:
    # A covering index for the dashboard: aggregates read these narrow index pages instead of
    # decrypting every table page (prompts make the table many times larger than this index).
    # Plain columns only: SQLite never treats generated columns as covered by an index.
    db.execute(
        "CREATE INDEX entries_stats ON entries (trashed_at, occurred_at, tool, category, outcome, "
        "minutes_without_ai, minutes_with_ai, failure_modes, lesson)"
    )


def _v5_suggestions_index(db: sqlite_utils.Database) -> None:
    # Completers count values by frequency; this covering index spares them the prompt pages.
    db.execute(
        "CREATE INDEX entries_suggest ON entries (trashed_at, tool, category, tool_version, tags)"
    )


def _v6_prompt_library_index(db: sqlite_utils.Database) -> None:
    # "Prompts that worked" counts entries with a prompt; a partial index answers that without
    # reading the prompts. Its WHERE must match journal.query's has_prompt term exactly.
    db.execute(
        "CREATE INDEX entries_with_prompt ON entries (trashed_at, outcome, occurred_at) "
        "WHERE coalesce(prompt, '') != ''"
    )


# The built-in samples as shipped before v7 (journal/samples.py); frozen here so this migration
# keeps doing what it did when the samples change.
_V7_SAMPLE_TITLES = (
    "Summarise a 40-page vendor contract", "Regex to parse nginx access logs",
    "Draft reply to an angry customer", "Find papers on retrieval evaluation",
    "Meeting notes into action items", "Migrate a Bash script to Python",
    "Rewrite a landing page headline", "SQL query for monthly churn",
    "Translate release notes to German", "Kubernetes pod crash-loop diagnosis",
)


def _v7_sample_flag(db: sqlite_utils.Database) -> None:
    # Samples are marked by a flag, not the 'sample' tag: a user's own entry may carry the tag.
    # Entries made by "Add sample entries" before v7 have the tag and one of the sample titles.
    db.execute("ALTER TABLE entries ADD COLUMN sample INTEGER NOT NULL DEFAULT 0")
    marks = ", ".join("?" * len(_V7_SAMPLE_TITLES))
    db.execute(
        "UPDATE entries SET sample = 1 WHERE title IN (" + marks + ") AND EXISTS "
        "(SELECT 1 FROM json_each(entries.tags) WHERE value = 'sample')",
        list(_V7_SAMPLE_TITLES))


def _v8_conversation_drafts_and_templates(db: sqlite_utils.Database) -> None:
    # Drafts from chat exports wait here for review. Once kept or dropped only the fingerprint
    # stays (so a re-import offers nothing twice); their text is erased.
    db.execute(
        "CREATE TABLE conversation_drafts (fingerprint TEXT PRIMARY KEY, status TEXT NOT NULL "
        "DEFAULT 'pending', source TEXT NOT NULL, title TEXT, prompt TEXT, iterations INTEGER, "
        "tool_version TEXT, occurred_at TEXT, imported_at TEXT NOT NULL, entry_id TEXT)"
    )
    db.execute("CREATE INDEX conversation_drafts_pending ON conversation_drafts "
               "(status, occurred_at)")
    # The user's own entry templates (the built-in ones live in journal/templates.py).
    db.execute("CREATE TABLE templates (name TEXT PRIMARY KEY COLLATE NOCASE, "
               "fields TEXT NOT NULL, created_at TEXT NOT NULL)")


def _v9_samples_index(db: sqlite_utils.Database) -> None:
    # "Are there samples?" runs right after the window appears; without this it read every row
    # (0.7 s at 100k). Partial, so it holds only the few sample rows, and covering (id) so the
    # lookup never touches the table. Its WHERE must match journal/store_entries.py's _LIVE_SAMPLES.
    db.execute(
        "CREATE INDEX entries_samples ON entries (trashed_at, occurred_at, id) WHERE sample = 1"
    )


def _v10_live_count_index(db: sqlite_utils.Database) -> None:
    # The window counts the live entries as it opens ("100,000 entries"). Through entries_by_time
    # that read 3.4 MB of index pages at 100k entries (10-12 ms, and those pages stay in the
    # page cache); this index holds only a rowid per live entry: 0.8 MB, ~5 ms. The planner
    # picks it unhinted for `WHERE trashed_at IS NULL` counts (journal/query.py's where_clause).
    db.execute("CREATE INDEX entries_live ON entries (trashed_at) WHERE trashed_at IS NULL")


def _v11_sort_indexes(db: sqlite_utils.Database) -> None:
    # Sorting the list by Title or Tags sorted every live entry in a temp B-tree: 0.6-0.9 s on
    # the GUI thread at 100k entries, for each page. Tool, Outcome and Net have had their own
    # index since v2; these two complete the list's columns (journal/query.py's INDEXED_SORTS).
    db.execute("CREATE INDEX entries_by_title ON entries (title COLLATE NOCASE)")
    db.execute("CREATE INDEX entries_by_tags ON entries (tags)")


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (
    _v1_entries_and_search,
    _v2_settings_and_indexes,
    _v3_net_minutes,
    _v4_stats_index,
    _v5_suggestions_index,
    _v6_prompt_library_index,
    _v7_sample_flag,
    _v8_conversation_drafts_and_templates,
    _v9_samples_index,
    _v10_live_count_index,
    _v11_sort_indexes,
)
LATEST = len(MIGRATIONS)
