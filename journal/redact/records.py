"""Identifiers without a checksum: MAC addresses, dates of birth, record and account ids.

None of these can be validated, so each needs a shape that prose never has (a MAC's six
hex pairs, a Stripe-style `cus_` id, an `EMP-`/`ORD-` prefix) or a label right before it
("DOB", "born on", "passport no.", "MRN", "customer id"). Only the value is replaced;
the label stays, so the reader still knows what was there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from journal.redact.model import Hit

_MAC = re.compile(
    r"(?<![\w:.-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}"
    r"|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-]|\.\w)"
)
# Separator first: hex digits are everywhere in prose, ":" and "-" pairs are not.
_MAC_ANCHOR = re.compile(r"[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-]|\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}")

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|"
           r"mai|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
           r"septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|juin|juillet|"
           r"août|septembre|octobre|novembre|décembre)\.?")
_DATE = (rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}"
         rf"|\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:de\s+)?{_MONTHS}\s+(?:de\s+)?\d{{4}}"
         rf"|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})")
_BIRTH = re.compile(
    r"(?i)\b(?:d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday|born(?:\s+on)?|"
    r"geb(?:oren)?\.?(?:\s+am)?|geburtsdatum|fecha\s+de\s+nacimiento|nacid[oa](?:\s+el)?|"
    r"né(?:e)?(?:\s+le)?|date\s+de\s+naissance)"
    rf"\s*[:=#-]?\s*({_DATE})(?![\w])"
)
_BIRTH_HINTS = ("dob", "d.o.b", "birth", "born", "geb", "nacid", "nacimiento", "né", "naissance")

# Prefix-coded business ids: EMP-10432, ORD-2023-000123, ACC-7781-2290, INV_20931.
_PREFIXED = re.compile(
    r"(?<![\w-])(?:EMP|EMPL|EID|ORD|ORDER|ACC|ACCT|CUS|CUST|CID|INV|PO|SO|PAT|MRN|MEM|"
    r"POL|CLM|TXN|TRX|BKG|RES|APP|CASE|LOAN|SUB)[-_#]?\d[\dA-Z]*(?:[-_/][\dA-Z]+)*(?![\w-])"
)
# Stripe-style object ids: cus_, acct_, ch_, pi_ … plus random.
_STRIPE = re.compile(
    r"(?<![\w-])(?:cus|acct|ch|pi|pm|sub|in|ii|evt|prod|price|txn|py|po|re|seti|src|tok|card|ba|"
    r"cs|ord)_[A-Za-z0-9]{8,}(?![\w-])"
)
# An id right after its label: "passport no. C03005988", "MRN: 7731-0042",
# "customer id 8841-22", "medical record number 55-201-889".
_LABELLED = re.compile(
    r"(?i)\b(?:passport|reisepass|pasaporte|passeport|mrn|medical\s+record|patient|nhs|"
    r"member(?:ship)?|policy|employee|staff|customer|client|account|acct|order|invoice|"
    r"booking|reservation|case|claim|licen[cs]e|driver'?s\s+licen[cs]e|tax|vat|personalausweis|"
    r"dni|nie|insurance)"
    r"(?:\s+(?:id|no\.?|number|nr\.?|num\.?|#|code|ref(?:erence)?))?\s*[:#=]?\s*"
    r"(?:is\s+|was\s+)?([A-Z]{0,3}\d[\dA-Z]*(?:[-/][\dA-Z]+|[ ]\d[\dA-Z]*){0,3})(?![\w-])"
)
_LABEL_HINTS = ("passport", "reisepass", "pasaporte", "passeport", "mrn", "medical", "patient",
                "nhs", "member", "policy", "employee", "staff", "customer", "client", "account",
                "acct", "order", "invoice", "booking", "reservation", "case", "claim", "licen",
                "tax", "vat", "ausweis", "dni", "nie", "insurance")
_PREFIX_ANCHOR = re.compile(r"[A-Z]{2}[A-Z]{0,3}[-_#]?\d")


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


class RecordDetector:
    """MAC addresses, dates of birth, and ids that a shape or a label gives away."""

    category = "record_id"

    def find(self, text: str) -> Iterable[Hit]:
        if _MAC_ANCHOR.search(text):
            for m in _MAC.finditer(text):
                if any(c.isdigit() for c in m.group()):
                    yield Hit(m.start(), m.end(), "mac")
        lower = text.lower()
        if any(h in lower for h in _BIRTH_HINTS):
            for m in _BIRTH.finditer(text):
                yield Hit(m.start(1), m.end(1), "birth_date")
        for m in _PREFIXED.finditer(text) if _PREFIX_ANCHOR.search(text) else ():
            if _digits(m.group()) >= 3:
                yield Hit(m.start(), m.end(), "record_id")
        if "_" in text:
            for m in _STRIPE.finditer(text):
                if _digits(m.group()) or not m.group().split("_", 1)[1].isalpha():
                    yield Hit(m.start(), m.end(), "record_id")
        if any(h in lower for h in _LABEL_HINTS):
            for m in _LABELLED.finditer(text):
                value = m.group(1).rstrip()
                if len(value.replace(" ", "")) >= 5 and _digits(value) >= 4:
                    yield Hit(m.start(1), m.start(1) + len(value), "record_id")
