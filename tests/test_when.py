"""`--at` words: ISO, yesterday/today with a time, N units ago, weekday names."""

from __future__ import annotations

from datetime import datetime

import pytest

from journal.errors import ValidationError
from journal.when import parse_when

NOW = datetime(2026, 11, 25, 10, 42, 17)  # a Wednesday


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-20T14:00", datetime(2026, 11, 20, 14, 0)),
    ("2026-11-20", datetime(2026, 11, 20, 0, 0)),
    ("yesterday 15:00", datetime(2026, 11, 24, 15, 0)),
    ("Yesterday  3pm", datetime(2026, 11, 24, 15, 0)),
    ("today 9:30", datetime(2026, 11, 25, 9, 30)),
    ("yesterday", datetime(2026, 11, 24, 10, 42)),
    ("2h ago", datetime(2026, 11, 25, 8, 42)),
    ("90 min ago", datetime(2026, 11, 25, 9, 12)),
    ("3 days ago", datetime(2026, 11, 22, 10, 42)),
    ("monday", datetime(2026, 11, 23, 10, 42)),
    ("Mon 9:00", datetime(2026, 11, 23, 9, 0)),
    ("wednesday 8:00", datetime(2026, 11, 25, 8, 0)),  # today is Wednesday
    ("thursday at 12am", datetime(2026, 11, 19, 0, 0)),  # never in the future
    ("sun 18:05", datetime(2026, 11, 22, 18, 5)),
])
def test_understood(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW) == expected


@pytest.mark.parametrize("text", ["", "someday", "2 fortnights ago", "tomorrow", "mo",
                                  "yesterday 25:00", "2026-13-01", "t 9:00"])
def test_refused_with_a_hint(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_when(text, NOW)
    assert err.value.field == "occurred_at"
    assert "2h ago" in str(err.value)
