"""Postal addresses: street lines, flats, US ZIP codes, UK postcodes, German PLZ + city.

A compact detector of our own rather than usaddress or pyap: those parse a string already
known to be an address (usaddress also pulls in a CRF model and python-crfsuite), while
we must find address fragments inside prose in several languages, quickly. Each pattern
needs a number next to a street type, a flat word, a state code, a postcode shape or a
German street suffix, so ordinary sentences do not match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from journal.redact.model import Hit

_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_STREET_TYPE = (r"(?:Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|"
                r"Way|Place|Pl|Terrace|Close|Crescent|Square|Sq|Parkway|Pkwy|Highway|Hwy|Row|"
                r"Gardens|Mews|Hill|Walk|Circle|Cir|Trail|Grove|Park|Parade)")
# "14 Marlowe Street", "221B Baker Street", "1600 Pennsylvania Avenue NW"
_STREET_EN = re.compile(
    rf"(?<![\w.,-])\d{{1,5}}[A-Za-z]?\s+(?:{_CAP}\s+){{1,4}}?{_STREET_TYPE}\.?"
    r"(?:\s+(?:NW|NE|SW|SE|N|S|E|W)\b)?(?![\w-])"
)
# "Hauptstraße 12", "Lindenweg 3a", "Am Markt 7" is left to the PLZ line
_STREET_DE = re.compile(
    r"(?i)(?<![\w-])[a-zäöüß][\wäöüß-]*(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|"
    r"ufer|chaussee)\s+\d{1,4}\s?[a-z]?(?![\w-])"
)
# "Calle de Alcalá 48", "Rue de la Paix 12", "Via Roma 5"
_STREET_ROMANCE = re.compile(
    r"(?<![\w-])(?:Calle|C/|Avenida|Avda\.?|Paseo|Plaza|Carrer|Rua|Rue|Via|Viale|Piazza|Corso|"
    r"Chemin|Boulevard|Allée|Quai)\s+(?:(?:de|del|de la|de los|des|du|della|di|l['’])\s*)?"
    rf"{_CAP}(?:\s+{_CAP}){{0,3}},?\s+\d{{1,4}}(?![\w-])"
)
# "12 rue de la Paix", "5 avenue Foch"
_STREET_FR = re.compile(
    r"(?i)(?<![\w.,-])\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|"
    r"place|allée|impasse|quai|route)\s+(?:(?:de|du|des|la|le|l['’])\s*){0,2}[\w'’-]+"
)
_FLAT = re.compile(
    r"(?i)(?<![\w-])(?:flat|apartment|apt\.?|suite|ste\.|wohnung|whg\.|piso|appartement)"
    r"\s*(?:no\.?\s*|#\s*)?\d{1,4}\s?[a-z]?(?![\w-])"
)
_STATES = ("AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|"
           "NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR")
_ZIP = re.compile(rf"(?<![\w-])(?:{_STATES}),?\s+(\d{{5}}(?:-\d{{4}})?)(?![\w-])")
_ZIP_LABEL = re.compile(r"(?i)\b(?:zip(?:\s*code)?|postal\s+code|postcode|plz)\s*[:#]?\s*"
                        r"(\d{5}(?:-\d{4})?)(?![\w-])")
_UK_POSTCODE = re.compile(
    r"(?<![\w-])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s?\d[ABD-HJLNP-UW-Z]{2}(?![\w-])"
)
_PLZ_CITY = re.compile(r"(?<![\w.,-])\d{5}\s+([A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜ][a-zäöüß]+)?)")

# Cheap tests, each a plain scan or a pattern starting with a character class.
_STREET_TYPE_ANCHOR = re.compile(_STREET_TYPE + r"\b")
_DE_HINTS = ("str", "weg", "gasse", "allee", "platz", "ring", "damm", "ufer", "chaussee")
_ROMANCE_ANCHOR = re.compile(r"(?:Calle|C/|Avenida|Avda|Paseo|Plaza|Carrer|Rua|Rue|Via|Viale|"
                             r"Piazza|Corso|Chemin|Boulevard|Allée|Quai)\s")
_FR_HINTS = ("rue", "avenue", "av.", "boulevard", "bd", "chemin", "place", "allée", "impasse",
             "quai", "route")
_FLAT_HINTS = ("flat", "apartment", "apt", "suite", "ste.", "wohnung", "whg", "piso",
               "appartement")
_ZIP_ANCHOR = re.compile(r"[A-Z]{2},?\s+\d{5}")
_ZIP_HINTS = ("zip", "postal", "postcode", "plz")
_UK_ANCHOR = re.compile(r"[A-Z]\d[A-Z\d]?\s?\d[A-Z]{2}")
_PLZ_ANCHOR = re.compile(r"\d{5}\s+[A-ZÄÖÜ]")


class AddressDetector:
    category = "address"

    def __init__(self, is_word: Callable[[str], bool]) -> None:
        """`is_word` says a capitalised word is an ordinary word ("12000 Tokens")."""
        self._is_word = is_word

    def find(self, text: str) -> Iterable[Hit]:
        # Each pattern runs only when a cheap test finds what it cannot match without.
        lower = text.lower()
        streets = [rx for rx, needed in ((_STREET_EN, _STREET_TYPE_ANCHOR.search(text)),
                                         (_STREET_DE, any(h in lower for h in _DE_HINTS)),
                                         (_STREET_ROMANCE, _ROMANCE_ANCHOR.search(text)),
                                         (_STREET_FR, any(h in lower for h in _FR_HINTS)),
                                         (_FLAT, any(h in lower for h in _FLAT_HINTS))) if needed]
        for rx in streets:
            for m in rx.finditer(text):
                yield Hit(m.start(), m.end(), "address")
        for rx, needed in ((_ZIP, _ZIP_ANCHOR.search(text)),
                           (_ZIP_LABEL, any(h in lower for h in _ZIP_HINTS))):
            for m in rx.finditer(text) if needed else ():
                yield Hit(m.start(1), m.end(1), "address")
        for m in _UK_POSTCODE.finditer(text) if _UK_ANCHOR.search(text) else ():
            yield Hit(m.start(), m.end(), "address")
        for m in _PLZ_CITY.finditer(text) if _PLZ_ANCHOR.search(text) else ():
            if not self._is_word(m.group(1).split()[0].split("-")[0]):
                yield Hit(m.start(), m.end(), "address")
