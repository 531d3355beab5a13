"""Suggestions counted on a reader connection and handed to the window's journal: used only
when nothing was written in between, never stale."""

from __future__ import annotations

from support.sql_trace import statements

from journal import Journal


def _add(journal: Journal, title: str, tool: str, tags: list[str] | None = None) -> None:
    journal.add({"title": title, "tool": tool, "outcome": "worked", "minutes_without_ai": 20,
                 "minutes_with_ai": 5, "tags": tags or [], "category": "Coding"})


def _counted_elsewhere(journal: Journal) -> dict[str, list[str]]:
    with journal.reading() as reader:
        return reader.count_suggestions()


def test_lists_counted_by_a_reader_are_used_without_counting_again(journal: Journal) -> None:
    _add(journal, "a", "Claude", ["regex"])
    _add(journal, "b", "Claude")
    _add(journal, "c", "ChatGPT", ["regex", "sql"])
    stamp = journal.suggestion_stamp()
    values = _counted_elsewhere(journal)
    assert journal.adopt_suggestions(stamp, values)
    with statements(journal) as seen:
        assert journal.suggestions("tool") == ["Claude", "ChatGPT"]
        assert journal.suggestions("tags") == ["regex", "sql"]
        assert journal.suggestions("category") == ["coding"]  # categories are kept lower-case
    assert not [s for s in seen if "GROUP BY" in s]  # served from what was handed over


def test_the_reader_counts_what_the_journal_itself_would(journal: Journal) -> None:
    for i in range(30):
        _add(journal, f"e{i}", ["Claude", "claude", "Gemini", "Copilot"][i % 4], [f"t{i % 3}"])
    values = _counted_elsewhere(journal)
    assert values == {c: journal.suggestions(c) for c in ("tool", "category", "tool_version",
                                                          "tags")}


def test_a_write_by_this_journal_meanwhile_refuses_the_lists(journal: Journal) -> None:
    _add(journal, "a", "Claude")
    stamp = journal.suggestion_stamp()
    values = _counted_elsewhere(journal)
    _add(journal, "b", "Mistral")  # after the count began
    assert not journal.adopt_suggestions(stamp, values)
    assert sorted(journal.suggestions("tool")) == ["Claude", "Mistral"]


def test_a_write_by_another_connection_meanwhile_refuses_the_lists(journal: Journal) -> None:
    _add(journal, "a", "Claude")
    stamp = journal.suggestion_stamp()
    values = _counted_elsewhere(journal)
    other = Journal.open(journal.folder)  # as the CLI would
    try:
        _add(other, "b", "Mistral")
    finally:
        other.close()
    assert not journal.adopt_suggestions(stamp, values)
    assert "Mistral" in journal.suggestions("tool")


def test_lists_missing_a_column_are_refused(journal: Journal) -> None:
    stamp = journal.suggestion_stamp()
    assert not journal.adopt_suggestions(stamp, {"tool": ["Claude"]})


def test_counting_leaves_the_connection_cache_size_as_it_was(journal: Journal) -> None:
    before = journal.store.conn.execute("PRAGMA cache_size").fetchone()[0]
    journal.count_suggestions()
    assert journal.store.conn.execute("PRAGMA cache_size").fetchone()[0] == before
