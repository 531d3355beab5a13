"""Organisations: capitalised words ending in a legal or business suffix become one Client.

"Acme Corp", "Müller Logistik GmbH", "First Harbor Bank", "Vantablack Labs": the whole name,
suffix included, is replaced by a stable Client label, so the name detector never sees
"Acme" as a person. Leading articles and prepositions ("The", "Die", "for") stay outside.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from journal.redact.model import Hit


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Two-letter suffixes that are also common words or acronyms (SE, SA, AS, AB) are left out.
_SUFFIX = (r"(?:Corp|Corporation|Inc|Incorporated|Ltd|Limited|LLC|LLP|PLC|plc|GmbH|AG|KG|"
           r"S\.A|S\.A\.S|SAS|B\.V|N\.V|Pty|Bank|Group|Gruppe|Labs|Holdings|"
           r"Partners|Ventures|Capital|Technologies|Systems|Solutions|Consulting|Co(?=\.))")
_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’&-]*"
_ORG = re.compile(rf"(?<![\w.-])((?:{_WORD}\s+){{1,3}}){_SUFFIX}\.?(?![\w-])")
_ANCHOR = re.compile(rf"{_SUFFIX}(?![\w-])")
_REACH = 120  # three words before a suffix fit in this
# Words that start a sentence or a phrase rather than a company name.
_LEADING = _words(
    "the a an our their your my his her its this that these those for from with at by to of "
    "and or in on as via per die der das den dem des ein eine el la los las le les un une "
    "with thanks dear hi hello at"
)
# Phrases that end in a suffix word but are no company: "Feature Group", "Control Group".
_NOT_ORG = _words(
    "control test focus working user users age target peer study reading research review "
    "data"
)


def org_key(name: str) -> str:
    return " ".join(name.casefold().split())


class OrgDetector:
    category = "client"

    def find(self, text: str) -> Iterable[Hit]:
        done = 0
        for anchor in _ANCHOR.finditer(text):  # capitals first: a fast scan, unlike "\s…"
            at = anchor.start()
            if at < done or not at or not text[at - 1].isspace():
                continue
            # Only the stretch before a suffix can hold the name: match there, not everywhere.
            for m in _ORG.finditer(text, max(done, at - _REACH), anchor.end() + 1):
                done = m.end()
                hit = self._hit(text, m)
                if hit is not None:
                    yield hit

    @staticmethod
    def _hit(text: str, m: re.Match[str]) -> Hit | None:
        words = m.group(1).split()
        start = m.start()
        while words and words[0].casefold() in _LEADING:
            start = text.index(words[0], start) + len(words[0])
            while text[start].isspace():
                start += 1
            words.pop(0)
        if not words or words[-1].casefold() in _NOT_ORG:
            return None
        end = m.end()
        if text[end - 1] == "." and not re.search(r"\.\w*\.$", m.group()):
            end -= 1  # a sentence's full stop, not "S.A."
        return Hit(start, end, "client", key=org_key(text[start:end]))
