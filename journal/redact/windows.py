"""Where the numbers are: detectors that need digits only look at the text around them.

Cards, IBANs, national ids, IP addresses, phone numbers and high-entropy tokens all hold a
digit. A prompt of a few hundred words has none, or a few clusters of them; scanning only
those clusters (plus a margin) is much cheaper than running six regular expressions over
the whole text, and finds the same spans:

- a window reaches MARGIN characters past its outermost digits, which covers every
  pattern's letters around its digits (an IBAN's country code, an SSN's "ssn" cue 40
  characters back, an IPv6 group without digits, a NINO's letters, a phone extension);
- its ends are then moved out to whitespace, so a window never starts or stops inside a
  token: lookbehinds and lookaheads see a boundary either way, and a long token is whole;
- digits closer than two margins share a window, so no pattern spans two windows.
"""

from __future__ import annotations

import re

MARGIN = 48
_MAX_DIGITS = 256  # past this, one pass over the whole text is cheaper than windows
_ASCII_DIGITS = "0123456789"
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # Arabic-Indic, full-width: \d matches them
_SPACES = " \n\t\r"
_SHORT = 4 * MARGIN  # a window would cover most of it anyway
_ANY_DIGIT = re.compile(r"\d")


def digit_windows(text: str) -> list[tuple[int, int]]:
    """Disjoint (start, end) stretches of `text` holding all its digits; [] if none."""
    whole = [(0, len(text))]
    if len(text) <= _SHORT:
        return whole if _ANY_DIGIT.search(text) else []
    if not text.isascii() and _OTHER_DIGIT.search(text):
        return whole
    positions: list[int] = []
    for digit in _ASCII_DIGITS:  # str.find per digit: C scans, far faster than a regex
        i = text.find(digit)
        while i >= 0:
            positions.append(i)
            if len(positions) > _MAX_DIGITS:
                return whole
            i = text.find(digit, i + 1)
    if not positions:
        return []
    positions.sort()
    windows: list[tuple[int, int]] = []
    first = last = positions[0]
    for pos in positions[1:]:
        if pos - last > 2 * MARGIN:
            _add(windows, text, first, last)
            first = pos
        last = pos
    _add(windows, text, first, last)
    return windows


def _add(windows: list[tuple[int, int]], text: str, first: int, last: int) -> None:
    start, end = first - MARGIN, last + 1 + MARGIN
    start = 0 if start <= 0 else max(text.rfind(c, 0, start) for c in _SPACES) + 1
    if end >= len(text):
        end = len(text)
    else:
        ends = [i for i in (text.find(c, end) for c in _SPACES) if i >= 0]
        end = min(ends) if ends else len(text)
    if windows and start <= windows[-1][1]:
        start = windows[-1][0]
        windows.pop()
    windows.append((start, end))
