"""Payment cards (Luhn), IBANs (mod 97) and national ids (US SSN, UK NINO)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from journal.redact.model import Hit

_CARD = re.compile(r"(?<![\w.-])\d(?:[ -]?\d){12,18}(?![\w]|[.-]\d)")
# Issuer prefixes (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro) all
# start with 2-6; this drops millisecond timestamps and long ids that happen to pass Luhn.
_ISSUER = re.compile(r"^(?:4|5[0-9]|2[2-7]|3[0-9]|6[0-9])")

_IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{2,4}){3,8}(?![\w])")
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
    "BH": 22, "BR": 29, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22,
    "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LI": 21,
    "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27,
    "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25,
    "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
    "TN": 24, "TR": 26, "UA": 29, "VG": 24, "XK": 20,
}

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
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(compact: str) -> bool:
    if len(compact) < 15 or len(compact) > 34 or not compact[:2].isalpha():
        return False
    want = IBAN_LENGTHS.get(compact[:2])
    if want is not None and len(compact) != want:
        return False
    moved = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1


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
            want = IBAN_LENGTHS.get(compact[:2], len(compact))
            if len(compact) > want:
                # The regex may run into a following all-caps word: cut at the known length.
                end, seen = m.start(), 0
                while seen < want:
                    if text[end] != " ":
                        seen += 1
                    end += 1
                compact = compact[:want]
            else:
                end = m.end()
            if iban_ok(compact):
                yield Hit(m.start(), end, "iban")


class NationalIdDetector:
    category = "national_id"

    def find(self, text: str) -> Iterable[Hit]:
        for m in _SSN.finditer(text) if _SSN_ANCHOR.search(text) else ():
            area, sep, group, serial = m.groups()
            if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
                continue
            if sep == " " and not _SSN_CONTEXT.search(text, max(0, m.start() - 40), m.start()):
                continue
            yield Hit(m.start(), m.end(), "national_id")
        for m in _NINO.finditer(text) if _NINO_ANCHOR.search(text) else ():
            if m.group()[:2] not in _NINO_BAD_PREFIX:
                yield Hit(m.start(), m.end(), "national_id")
