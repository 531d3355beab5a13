"""Validation: one place says what is valid, and errors name the field and the rule."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.entries import Entry, validate_fields
from journal.errors import ValidationError

BASE = {"title": "Summarise a report", "tool": "ChatGPT", "outcome": "worked",
        "minutes_without_ai": 60, "minutes_with_ai": 15}


def test_valid_entry_is_normalised() -> None:
    entry = Entry.from_dict({**BASE, "title": "  Summarise a report  ", "tags": [" Work", "work",
                             "#Docs"], "category": "Writing", "outcome": "WORKED"})
    assert entry.title == "Summarise a report"
    assert entry.tags == ["work", "docs"]
    assert entry.category == "writing"
    assert entry.outcome == "worked"
    assert entry.net_minutes == 45
    assert not entry.share


def test_net_minutes_can_be_negative() -> None:
    assert Entry.from_dict({**BASE, "minutes_without_ai": 10, "minutes_with_ai": 40}).net_minutes == -30


@pytest.mark.parametrize(("field", "value", "rule"), [
    ("title", "", "is required"),
    ("title", "x" * 201, "at most 200"),
    ("tool", "   ", "is required"),
    ("outcome", "meh", "must be one of worked, partly, broke"),
    ("minutes_without_ai", -1, "between 0 and 10080"),
    ("minutes_with_ai", 10081, "between 0 and 10080"),
    ("minutes_with_ai", "ten", "whole number"),
    ("iterations", 0, "at least 1"),
    ("failure_modes", ["vibes"], "unknown failure mode"),
    ("occurred_at", "yesterday", "ISO 8601"),
    ("prompt", "p" * 100_001, "at most 100,000"),
    ("share", "maybe", "true or false"),
    ("tags", ["a;b"], "cannot contain ';'"),
])
def test_invalid_field_names_field_and_rule(field: str, value: object, rule: str) -> None:
    with pytest.raises(ValidationError) as info:
        Entry.from_dict({**BASE, field: value})
    assert info.value.field == field
    assert rule in str(info.value)


def test_missing_required_field() -> None:
    data = dict(BASE)
    del data["minutes_with_ai"]
    with pytest.raises(ValidationError, match="minutes_with_ai: is required"):
        Entry.from_dict(data)


def test_unknown_field_is_rejected() -> None:
    with pytest.raises(ValidationError, match="colour: is not a field"):
        Entry.from_dict({**BASE, "colour": "red"})


def test_row_number_in_message() -> None:
    with pytest.raises(ValidationError, match=r"^row 7, title: is required"):
        Entry.from_dict({**BASE, "title": ""}, row=7)


def test_lists_from_semicolon_text_and_timezone_to_local() -> None:
    entry = Entry.from_dict({**BASE, "failure_modes": "hallucination;refused", "tags": "a; b",
                             "occurred_at": "2026-11-20T14:00:00+00:00"})
    assert entry.failure_modes == ["hallucination", "refused"]
    assert entry.tags == ["a", "b"]
    assert entry.occurred_at.tzinfo is None
    assert entry.occurred_at == datetime(2026, 11, 20, 14, 0).replace(
        tzinfo=__import__("datetime").timezone.utc).astimezone().replace(tzinfo=None)


def test_partial_validation_only_checks_given_fields() -> None:
    assert validate_fields({"lesson": "  be specific "}, partial=True) == {"lesson": "be specific"}


@given(st.dictionaries(st.sampled_from([*BASE, "tags", "iterations", "share", "prompt"]),
                       st.one_of(st.none(), st.integers(), st.text(), st.booleans(),
                                 st.lists(st.text()))))
def test_validation_never_crashes(data: dict[str, object]) -> None:
    try:
        Entry.from_dict(data)
    except ValidationError as err:
        assert err.field and err.rule
