"""Human dates for `--at`: ISO 8601, or "yesterday 15:00", "today 9:30", "2h ago",
"90 min ago", "3 days ago", "monday", "fri 14:00". Plain Python, no locale tricks.

A weekday means the latest such day that is not in the future (today if today is that day).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from journal.entries import parse_datetime
from journal.errors import ValidationError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNITS = {"m": 1, "min": 1, "mins": 1, "minute": 1, "minutes": 1,
          "h": 60, "hr": 60, "hrs": 60, "hour": 60, "hours": 60,
          "d": 1440, "day": 1440, "days": 1440, "w": 10080, "week": 10080, "weeks": 10080}
_AGO = re.compile(r"^(\d+)\s*([a-z]+)\s+ago$")
_DAY_TIME = re.compile(r"^([a-z]+)(?:\s+(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?)?$")
HINT = ('use ISO 8601 (2026-11-20T14:00), "yesterday 15:00", "2h ago" or a weekday '
        '("monday 9:30")')


def parse_when(text: str, now: datetime | None = None, name: str = "occurred_at") -> datetime:
    """The moment `text` names, as local wall-clock time to the minute (ISO keeps seconds)."""
    now = (now or datetime.now()).replace(microsecond=0)
    words = " ".join(text.strip().lower().split())
    if not words:
        raise ValidationError(name, f"is empty; {HINT}")
    if words[0].isdigit() and not _AGO.match(words):
        try:
            return parse_datetime(text, name)
        except ValidationError as exc:
            if not exc.rule.startswith("must be an ISO 8601"):
                raise  # a real date out of range says so, not "not understood"
            raise ValidationError(name, f"is not a date I understand ({text!r}); {HINT}") \
                from None
    ago = _AGO.match(words)
    if ago:
        count, unit = int(ago.group(1)), ago.group(2)
        if unit not in _UNITS:
            raise ValidationError(name, f"has an unknown unit {unit!r}; {HINT}")
        return (now - timedelta(minutes=count * _UNITS[unit])).replace(second=0)
    match = _DAY_TIME.match(words)
    day = _day(match.group(1), now) if match else None
    if match is None or day is None:
        raise ValidationError(name, f"is not a date I understand ({text!r}); {HINT}")
    hour, minute = (now.hour, now.minute) if match.group(2) is None else (
        int(match.group(2)), int(match.group(3) or 0))
    if match.group(4) == "pm" and hour < 12:
        hour += 12
    elif match.group(4) == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        raise ValidationError(name, f"has no such time of day ({text!r}); {HINT}")
    return datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=minute)


def _day(word: str, now: datetime) -> datetime | None:
    if word in ("now", "today"):
        return now
    if word == "yesterday":
        return now - timedelta(days=1)
    names = [w for w in WEEKDAYS if len(word) >= 3 and w.startswith(word)]
    if len(names) != 1:
        return None
    back = (now.weekday() - WEEKDAYS.index(names[0])) % 7
    return now - timedelta(days=back)
