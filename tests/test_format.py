"""journal.format: one way to write signed minutes, hours, plurals and vocabulary words."""

from __future__ import annotations

import pytest

from journal import format as fmt
from journal.entries import FAILURE_MODES
from journal.redact.model import CATEGORIES

MINUS = "\u2212"


@pytest.mark.parametrize(("minutes", "text"), [
    (15, "+15 min"), (-15, f"{MINUS}15 min"), (0, "0 min")])
def test_signed_minutes(minutes: int, text: str) -> None:
    assert fmt.signed_minutes(minutes) == text
    assert "-" not in fmt.signed(minutes)  # never a hyphen for a loss


@pytest.mark.parametrize(("minutes", "text"), [
    (95, "+1 h 35 min"), (-10, f"{MINUS}10 min"), (60, "+1 h"), (0, "0 min")])
def test_signed_duration(minutes: int, text: str) -> None:
    assert fmt.signed_duration(minutes) == text
    assert fmt.duration(minutes) == text.lstrip("+" + MINUS)


@pytest.mark.parametrize(("minutes", "text"), [
    (90, "+1.5 h"), (-18, f"{MINUS}0.3 h"), (0, "0.0 h"), (2, "0.0 h"), (-2, "0.0 h"),
    (3, "+0.1 h"), (-3, f"{MINUS}0.1 h"), (6000, "+100.0 h"), (110.0, "+1.8 h")])
def test_hours_agree_on_zero_and_sign(minutes: float, text: str) -> None:
    assert fmt.hours(minutes) == text


def test_plain_hours_for_amounts_without_sign() -> None:
    assert fmt.plain_hours(55) == "0.9 h"
    assert fmt.plain_hours(0) == "0.0 h"


@pytest.mark.parametrize(("value", "digits", "text"), [
    (2.5, 1, "+2.5"), (-1.0, 1, f"{MINUS}1"), (0.0, 1, "0"), (0.04, 1, "0"), (12.0, 0, "+12"),
    (-7.4, 0, f"{MINUS}7")])
def test_signed_number(value: float, digits: int, text: str) -> None:
    assert fmt.signed_number(value, digits) == text


def test_percent() -> None:
    assert (fmt.percent(None), fmt.percent(0.5), fmt.percent(1.0)) == ("–", "50%", "100%")


@pytest.mark.parametrize(("n", "word", "text"), [
    (1, "guess", "1 guess"), (2, "guess", "2 guesses"), (0, "entry", "0 entries"),
    (1, "entry", "1 entry"), (2, "person", "2 people"), (1, "person", "1 person"),
    (3, "try", "3 tries"), (2, "summary", "2 summaries"), (2, "day", "2 days"),
    (2, "name", "2 names"), (2, "small group", "2 small groups"),
    (2, "new entry", "2 new entries"), (1200, "entry", "1,200 entries"),
    (2, "box", "2 boxes"), (2, "match", "2 matches")])
def test_plural(n: int, word: str, text: str) -> None:
    assert fmt.plural(n, word) == text


def test_plural_override() -> None:
    assert fmt.plural(2, "criterion", "criteria") == "2 criteria"


def test_every_failure_mode_and_redaction_class_reads_as_words() -> None:
    for code in (*FAILURE_MODES, *CATEGORIES):
        words = fmt.in_words(code)
        assert "_" not in words and words, code
    assert fmt.in_words("too_generic") == "too generic"
    assert fmt.in_words("lost_context") == "lost context"
    assert fmt.in_words_list(["lost_context", "tool_error"]) == "lost context, tool error"


@pytest.mark.parametrize(("n", "code", "text"), [
    (2, "person", "2 people"), (1, "email", "1 email"), (3, "ip", "3 IP addresses"),
    (2, "record_id", "2 record IDs"), (1, "path", "1 file path")])
def test_counted(n: int, code: str, text: str) -> None:
    assert fmt.counted(n, code) == text
