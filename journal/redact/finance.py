"""Payment cards (Luhn), IBANs (mod 97) and national ids (US SSN, UK NINO).

Checksums, IBAN country formats and SSN reservations come from python-stdnum, which keeps
them current. SSN blocks and the UK NINO letters stay here: stdnum rejects published SSNs
that still read as one, and has no NINO module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from stdnum import iban as std_iban
from stdnum import luhn as std_luhn

from journal.redact.model import Hit

IBAN_MIN, IBAN_MAX = 15, 34

_CARD = re.compile(r"(?<![\w.-])\d(?:[ -]?\d){12,18}(?![\w]|[.-]\d)")
# Issuer prefixes (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro) all
# start with 2-6; this drops millisecond timestamps and long ids that happen to pass Luhn.
_ISSUER = re.compile(r"^(?:4|5[0-9]|2[2-7]|3[0-9]|6[0-9])")

_IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{2,4}){3,8}(?![\w])")

_SSN = re.compile(r"(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w]|-\d)")
_SSN_CONTEXT = re.compile(r"(?i)\b(?:ssn|social security)\b")
# NINO letters exclude D F I Q U V (and O second); QQ is HMRC's documented example.
_NINO = re.compile(
    r"(?<![\w])(?:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]|QQ) ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w])"
)
_NINO_BAD_PREFIX = frozenset({"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})


# Cheap searches that start with a plain character class: the full patterns begin with a
# lookbehind, which stops the regex engine from skipping ahead quickly.
_CARD_ANCHOR = re.compile(r"\d(?:[ -]?\d){12}")
_IBAN_ANCHOR = re.compile(r"[A-Z]{2}\d{2} ?[A-Z0-9]{4}")
_SSN_ANCHOR = re.compile(r"\d{3}[- ]\d{2}[- ]\d{4}")
_NINO_ANCHOR = re.compile(r"[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]")


def luhn_ok(digits: str) -> bool:
    return bool(std_luhn.is_valid(digits))


def iban_ok(compact: str) -> bool:
    """The country's length and format, and the mod-97 check. Not the national check
    digits inside the account number: a mistyped one is still someone's bank account."""
    if not IBAN_MIN <= len(compact) <= IBAN_MAX or not compact[:2].isalpha():
        return False
    return bool(std_iban.is_valid(compact, check_country=False))


class CardDetector:
    category = "card"

    def find(self, text: str) -> Iterable[Hit]:
        # search() from the next position on failure: "b=1 4111 1111 1111 1111" must not
        # hide the card behind a failed 17-digit match.
        if not _CARD_ANCHOR.search(text):
            return
        m = _CARD.search(text)
        while m is not None:
            digits = m.group().replace(" ", "").replace("-", "")
            if 13 <= len(digits) <= 19 and _ISSUER.match(digits) and luhn_ok(digits):
                yield Hit(m.start(), m.end(), "card")
                m = _CARD.search(text, m.end())
            else:
                m = _CARD.search(text, m.start() + 1)


class IbanDetector:
    category = "iban"

    def find(self, text: str) -> Iterable[Hit]:
        if not _IBAN_ANCHOR.search(text):
            return
        for m in _IBAN.finditer(text):
            raw = m.group()
            compact = raw.replace(" ", "")
            # The regex may run into a following all-caps word: the longest valid prefix wins.
            for size in range(min(len(compact), IBAN_MAX), IBAN_MIN - 1, -1):
                if iban_ok(compact[:size]):
                    break
            else:
                continue
            end, seen = m.start(), 0
            while seen < size:
                if text[end] != " ":
                    seen += 1
                end += 1
            yield Hit(m.start(), end, "iban")


class NationalIdDetector:
    category = "national_id"

    def find(self, text: str) -> Iterable[Hit]:
        for m in _SSN.finditer(text) if _SSN_ANCHOR.search(text) else ():
            area, sep, group, serial = m.groups()
            # The SSA's never-issued blocks. Not stdnum's is_valid: it also rejects numbers that
            # were once published (078-05-1120), which still look like an SSN in a note.
            if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
                continue
            if sep == " " and not _SSN_CONTEXT.search(text, max(0, m.start() - 40), m.start()):
                continue
            yield Hit(m.start(), m.end(), "national_id")
        for m in _NINO.finditer(text) if _NINO_ANCHOR.search(text) else ():
            if m.group()[:2] not in _NINO_BAD_PREFIX:
                yield Hit(m.start(), m.end(), "national_id")
