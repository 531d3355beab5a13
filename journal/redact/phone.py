"""Phone numbers: validated by libphonenumber over small candidate windows.

Running PhoneNumberMatcher on whole entries is slow, so a cheap regex finds digit runs
first and the matcher only sees those windows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import phonenumbers

from journal.redact.model import Hit

REGIONS: tuple[str, ...] = ("US", "GB", "DE", "FR", "IN")

# Digits with phone separators; spaces only between groups so prose is not swallowed.
_CANDIDATE = re.compile(
    r"(?<![\w.,/:+-])(?:\+|\b00)?\s?\(?\d(?:[\d\-./()]|[ \t](?=\(?\d))*\d\)?"
    r"(?:\s?(?:x|ext\.?)\s?\d{1,5}\b)?"
)
# Dates (also followed by a time) and year ranges look like numbers with separators.
_DATE_OR_TIME = re.compile(
    r"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}(?!\d)|\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2})(?!\d)"
    r"|\d{4}\s?[-–]\s?\d{4}$)"
)
# Phone-shaped but not valid for any region tried: still hidden, marked uncertain.
_SHAPE = re.compile(
    r"^(?:\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}"
    r"|\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|1[\s.-]\d{3}[\s.-]\d{3}[\s.-]\d{4}"
    r"|001[\s.-]\d{3}[\s.-]\d{3}[\s.-]\d{4})(?:\s?(?:x|ext\.?)\s?\d{1,5})?$"
)
_IP_OR_SSN = re.compile(r"^(?:\d{1,3}\.){3}\d{1,3}$|^\d{3}-\d{2}-\d{4}$")
_GLUE = re.compile(r"\s(?=[+(])")
_EXT = re.compile(r"\s?(?:x|ext\.?)\s?\d{1,5}$")
_ANCHOR = re.compile(r"\d(?:[\d\-./() \t]{0,3}\d){6}")
_LENIENCY = phonenumbers.Leniency.VALID
_TRAILING = ".,;:-/"


def _plausible(cand: str) -> bool:
    digits = sum(c.isdigit() for c in _EXT.sub("", cand))
    if digits < 7 or digits > 15:  # E.164 allows 15; longer runs are cards and ids
        return False
    if _DATE_OR_TIME.match(cand) or _IP_OR_SSN.match(cand.strip()):
        return False
    stripped = cand.lstrip("+(")
    has_sep = any(c in " -.()/" for c in stripped)
    if not has_sep and not cand.startswith(("+", "00")):
        # Bare runs: counts, ids and Unix timestamps (which start with 1) are far more
        # common than unformatted phone numbers.
        return 10 <= digits <= 12 and not (digits == 10 and stripped[0] == "1")
    # Lists of decimals ("0.87 0.91 0.93"): local numbers do not mix dots and spaces.
    if "." in cand and " " in cand.strip() and not cand.startswith("+"):
        return False
    # Versions and decimals: dots only, with a group shorter than 2 digits.
    if "." in cand and not any(c in " -()" for c in stripped):
        groups = stripped.split(".")
        if len(groups) > 4 or min(len(g) for g in groups) < 2:
            return False
    return True


class PhoneDetector:
    category = "phone"

    def __init__(self, regions: tuple[str, ...] = REGIONS) -> None:
        self._regions = regions

    def find(self, text: str) -> Iterable[Hit]:
        if not _ANCHOR.search(text):
            return
        for m in _CANDIDATE.finditer(text):
            cand = m.group()
            if not _plausible(cand):
                continue
            offset = m.start()
            pieces = _GLUE.split(cand)
            if len(pieces) > 1:
                # "+1 (415) 555-0100" is one number; "+1 415 555 0100 +44 20 7946 0958"
                # is two glued into one candidate: then the pieces are tried one by one.
                whole = list(self._piece(cand, offset, shape=False))
                if whole:
                    yield from whole
                    continue
            for piece in pieces:
                yield from self._piece(piece, offset)
                offset += len(piece) + 1

    def _piece(self, cand: str, offset: int, *, shape: bool = True) -> Iterable[Hit]:
        lead, end = unwrap(cand, 0, len(cand))
        cand, offset = cand[lead:end], offset + lead
        if not cand:
            return
        found = _validated(cand, self._regions) if _plausible(cand) else ()
        if found:
            for span in found:
                start, stop = unwrap(cand, *span)
                if stop > start:
                    yield Hit(offset + start, offset + stop, "phone")
        elif shape and _SHAPE.match(cand):
            yield Hit(offset, offset + len(cand), "phone", uncertain=True)


def _closing(s: str, start: int, end: int) -> int:
    """Index of the ")" that closes the "(" at s[start], or -1 before `end`."""
    depth = 0
    for i in range(start, end):
        if s[i] == "(":
            depth += 1
        elif s[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def unwrap(s: str, start: int, end: int) -> tuple[int, int]:
    """Shrink s[start:end] to the number itself.

    Whitespace and trailing punctuation go, and so do brackets that belong to the
    sentence rather than to the number: an unmatched "(" or ")" at either end, and a pair
    around the whole number ("(+44 20 7946 0958)"). "(415) 555-0100" keeps its brackets.
    """
    while start < end:
        if s[start].isspace():
            start += 1
        elif s[end - 1] in _TRAILING or s[end - 1].isspace() or (
                s[end - 1] == ")" and s.count(")", start, end) > s.count("(", start, end)):
            end -= 1
        elif s[start] == "(" and s.count("(", start, end) > s.count(")", start, end):
            start += 1
        elif s[start] == "(" and _closing(s, start, end) == end - 1:
            start, end = start + 1, end - 1
        else:
            break
    return start, end


def _matches_whole(body: str, region: str) -> bool:
    return any(pm.start == 0 and pm.end == len(body)
               for pm in phonenumbers.PhoneNumberMatcher(body, region, leniency=_LENIENCY))


@lru_cache(maxsize=4096)
def _validated(cand: str, regions: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Spans of valid numbers inside one candidate; cached since journals repeat numbers."""
    # Fast path: the whole candidate is one valid number (the usual case).
    body = cand.strip()
    lead = len(cand) - len(cand.lstrip())
    for region in regions:
        try:
            num = phonenumbers.parse(body, region, keep_raw_input=True)
        except phonenumbers.NumberParseException:
            continue
        # A cheap public check first; then the matcher's own VALID leniency (valid number,
        # national prefix where required) through its public API, on this number only.
        if phonenumbers.is_valid_number(num) and _matches_whole(body, region):
            return ((lead, lead + len(body)),)
    if sum(c.isdigit() for c in body) <= 12:
        return ()  # too short to hide a valid number inside junk: the matcher adds nothing
    for region in regions:
        found = tuple(
            (pm.start, pm.end)
            for pm in phonenumbers.PhoneNumberMatcher(cand, region, leniency=_LENIENCY)
        )
        if found:
            return found
    return ()
