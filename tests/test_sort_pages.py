"""Pages of the list in a column's order: the plan that walks the column's index (page_where)
returns exactly the rows and order of the plain query, ties, case and the Trash included."""

from __future__ import annotations

import itertools

import pytest

from journal import EntryFilter, Journal
from journal.query import INDEXED_SORTS, order_clause, where_clause
from journal.store_entries import SELECT_ENTRIES, read_entries

TITLES = ["Draft email", "draft Email", "Alpha test", "zeta notes", "Beta", "beta"]
TOOLS = ["Claude", "claude", "ChatGPT", "Copilot"]
OUTCOMES = ["worked", "partly", "broke"]
TAGS = [[], ["docs"], ["docs", "email"], ["a"], ["email"]]


@pytest.fixture
def mixed(journal: Journal) -> Journal:
    cycle = itertools.count()
    for title, tool in itertools.product(TITLES, TOOLS):
        n = next(cycle)
        entry = journal.add({
            "title": title, "tool": tool, "outcome": OUTCOMES[n % 3],
            "minutes_without_ai": 10 + n % 4 * 5, "minutes_with_ai": 10,  # nets tie often
            "tags": TAGS[n % len(TAGS)], "occurred_at": f"2026-11-{1 + n % 27:02d}T09:00:00"})
        if n % 7 == 0:
            journal.trash(entry.id)  # trashed rows sit in the same indexes
    return journal


def _plain(journal: Journal, sort: str, descending: bool, offset: int, limit: int) -> list[str]:
    where, params = where_clause(EntryFilter())
    sql = (f"{SELECT_ENTRIES} WHERE {where} ORDER BY {order_clause(sort, descending)} "
           "LIMIT ? OFFSET ?")
    rows = journal.store.conn.execute(sql, [*params, limit, offset]).fetchall()
    return [e.id for e in read_entries(rows, journal.store.path)]


@pytest.mark.parametrize("sort", sorted(INDEXED_SORTS))
@pytest.mark.parametrize("descending", [False, True])
def test_indexed_sort_pages_equal_the_plain_query(mixed: Journal, sort: str,
                                                  descending: bool) -> None:
    live = mixed.count(EntryFilter())
    assert 0 < live < len(TITLES) * len(TOOLS)
    seen: list[str] = []
    for offset in range(0, live + 5, 5):  # every page of 5, and one past the end
        page = [e.id for e in mixed.list(EntryFilter(prefix_last=True), offset=offset, limit=5,
                                          sort=sort, descending=descending)]
        assert page == _plain(mixed, sort, descending, offset, 5)
        seen += page
    assert len(seen) == len(set(seen)) == live


def test_a_filtered_list_keeps_its_own_plan(mixed: Journal) -> None:
    flt = EntryFilter(tool="claude")
    listed = mixed.list(flt, limit=100, sort="title", descending=False)
    assert listed and all(e.tool.lower() == "claude" for e in listed)
    assert [e.title.lower() for e in listed] == sorted(e.title.lower() for e in listed)
