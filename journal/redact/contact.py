"""Detectors for addresses: email, URL, internal host names, IP addresses, @handles."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Iterator

from journal.redact.model import Hit

_EMAIL = re.compile(
    r"(?<![\w.+%-])[\w.%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
    r"(?![\w-])"
)

# Scheme or "www." up to whitespace; trailing punctuation is trimmed afterwards.
_URL = re.compile(
    r"(?i)(?<![\w@])(?:(?:https?|ftps?|sftp|ssh|git|file|wss?)://|www\d{0,3}\.)[^\s<>\"'`]+"
)
# Scheme-less "site.tld/path": a path makes it a link rather than a product name.
_BARE_LINK = re.compile(
    r"(?i)(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    r"(?:com|org|net|io|ai|dev|app|co|edu|gov|me|info|biz|xyz|so|sh|gg|tv|ly|us|uk|de|fr|in)"
    r"/[^\s<>\"'`]*"
)
_BARE_ANCHOR = re.compile(
    r"\.(?:com|org|net|io|ai|dev|app|co|edu|gov|me|info|biz|xyz|so|sh|gg|tv|ly|us|uk|de|fr|in)/"
)
_TRAIL = ".,;:!?'\"*_"

_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
# A host with an internal label anywhere ("build-01.internal.example.net") or at the end.
_INTERNAL_HOST = re.compile(
    rf"(?i)(?<![\w.@/-])(?:{_LABEL}\.)+(?:corp|internal|local|lan|intranet|home\.arpa)"
    rf"(?:\.{_LABEL})*(?![\w-]|\.[a-z0-9])"
)
_HOST_ANCHOR = re.compile(r"\.(?:corp|internal|local|lan|intranet|arpa)\b")
# Fully qualified names of three labels or more under a common TLD ("gw.us-east.acme.net"):
# company hosts. Python attribute chains end in a call or a non-TLD word, not in these.
_FQDN = re.compile(
    rf"(?i)(?<![\w.@/-])(?:{_LABEL}\.){{2,}}"
    r"(?:com|net|org|io|ai|dev|cloud|co|uk|de|fr|es|nl|eu|us|ca|au|ch|at|se|no|dk|fi|it|"
    r"pl|jp|in|br|biz|info|app|tech|example|test|invalid)(?![\w-]|\.[a-z0-9]|\()"
)
_FQDN_ANCHOR = re.compile(r"\.[A-Za-z0-9-]+\.[A-Za-z]{2}")  # a literal start: a fast scan
# Windows machine names: "DESKTOP-4K2J9QX", "LAP-HR-0113", "SRV-SQL01".
_MACHINE = re.compile(
    r"(?<![\w-])(?:DESKTOP|LAPTOP|LAP|WKS|WS|PC|NB|DT|SRV|SVR|SERVER|VM|WIN|HOST|DC|EXCH)"
    r"-(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]{4})[A-Z0-9]+(?:-[A-Z0-9]+){0,3}(?![\w-])"
)
_MACHINE_ANCHOR = re.compile(r"(?:DESKTOP|LAPTOP|LAP|WKS|WS|PC|NB|DT|SRV|SVR|SERVER|VM|WIN|HOST|"
                             r"DC|EXCH)-")
# Spelled-out addresses: "jane dot doe at example dot com", "name[at]domain[dot]de".
_AT = r"(?:\s*[\[(<{]\s*at\s*[\])>}]\s*|\s+at\s+)"
_DOT = r"(?:\s*[\[(<{]\s*(?:dot|punkt|punto|point)\s*[\])>}]\s*|\s+(?:dot|punkt|punto)\s+)"
_SPELLED_EMAIL = re.compile(
    rf"(?i)(?<![\w.+-])[\w+-]+(?:(?:{_DOT}|\.)[\w+-]+)*{_AT}[a-z0-9-]+"
    rf"(?:(?:{_DOT}|\.)[a-z0-9-]+)*(?:{_DOT}|\.)[a-z]{{2,24}}(?![\w-])"
)
_SPELLED_NEEDLES = ("dot", "DOT", "Dot", "punkt", "punto", "at]", "AT]", "at)", "AT)", "at>", "at}", "at ]",
                    "at )")
_SPELLED_ANCHOR = re.compile(
    r"(?i)[\[(<{]\s*at\s*[\])>}]|\sat\s[^\n]*?\s(?:dot|punkt|punto)\s")

_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?:/\d{1,2}(?!\d))?(?!\w|\.\d)")
_IPV4_ANCHOR = re.compile(r"\d\.\d{1,3}\.\d{1,3}\.\d")
_IPV6 = re.compile(
    r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?"
    r"(?:/\d{1,3})?(?![\w:])"
)

_HANDLE = re.compile(r"(?<![\w@.+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_])?(?![\w@/])")


def _trim_url(text: str, start: int, end: int) -> int:
    """Drop sentence punctuation and an unbalanced closing bracket from a URL's end."""
    while end > start:
        ch = text[end - 1]
        if ch in _TRAIL:
            end -= 1
        elif ch in ")]}":
            opener = {")": "(", "]": "[", "}": "{"}[ch]
            chunk = text[start:end]
            if chunk.count(opener) < chunk.count(ch):
                end -= 1
            else:
                break
        else:
            break
    return end


class EmailDetector:
    category = "email"

    def find(self, text: str) -> Iterable[Hit]:
        if "@" not in text:
            return
        # Only the start of the run of address characters before an "@" can pass the
        # lookbehind: match there instead of scanning the whole text.
        for m in _matches(_EMAIL, text, sorted(set(_email_starts(text)))):
            yield Hit(m.start(), m.end(), "email")


class SpelledEmailDetector:
    """E-mail addresses written to dodge scrapers: "at"/"dot" in words or brackets."""

    category = "email"

    def find(self, text: str) -> Iterable[Hit]:
        if not any(n in text for n in _SPELLED_NEEDLES):
            return
        if not _SPELLED_ANCHOR.search(text):
            return
        for m in _SPELLED_EMAIL.finditer(text):
            found = m.group().lower()
            bracketed = any(b in found for b in "[(<{")
            if bracketed or re.search(r"\s(?:dot|punkt|punto)\s", found):
                yield Hit(m.start(), m.end(), "email")


class UrlDetector:
    category = "link"

    def find(self, text: str) -> Iterable[Hit]:
        lower = text.lower()
        found: list[Iterable[re.Match[str]]] = []
        if "://" in text or "www" in lower:
            found.append(_matches(_URL, text, _url_starts(text, lower)))
        if "/" in text and _BARE_ANCHOR.search(lower):
            found.append(_matches(_BARE_LINK, text, _bare_starts(text, lower)))
        spans: list[tuple[int, int]] = []
        for matches in found:
            for m in matches:
                end = _trim_url(text, m.start(), m.end())
                inside = any(s <= m.start() < e for s, e in spans)
                if end - m.start() > 4 and not inside:
                    spans.append((m.start(), end))
        for start, end in sorted(spans):
            yield Hit(start, end, "link")


# The link patterns start with a lookbehind and ignore case, which makes a scan of the
# whole text slow. In ASCII text a match can only start where a cheap search points:
# the start of the word run before "://", a "www", or the start of a host before ".com/".
# (The lookbehinds reject every later start inside those runs.) Other text gets the scan.
def _url_starts(text: str, lower: str) -> list[int] | None:
    if not text.isascii():
        return None
    starts = []
    i = text.find("://")
    while i >= 0:
        j = i
        while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "_"):
            j -= 1
        starts.append(j)
        i = text.find("://", i + 3)
    i = lower.find("www")
    while i >= 0:
        starts.append(i)
        i = lower.find("www", i + 1)
    return sorted(set(starts))


def _bare_starts(text: str, lower: str) -> list[int] | None:
    if not text.isascii():
        return None
    starts = []
    for m in _BARE_ANCHOR.finditer(lower):
        j = m.start()
        while j > 0 and (text[j - 1].isalnum() or text[j - 1] in ".-"):
            j -= 1
        starts.append(j)
    return sorted(set(starts))


def _ats(text: str) -> list[int]:
    found = []
    i = text.find("@")
    while i >= 0:
        found.append(i)
        i = text.find("@", i + 1)
    return found


def _email_starts(text: str) -> Iterator[int]:
    for i in _ats(text):
        j = i
        while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "_.%+-"):
            j -= 1
        if j < i:
            yield j


def _matches(rx: re.Pattern[str], text: str, starts: list[int] | None) -> Iterable[re.Match[str]]:
    """What rx.finditer(text) finds, trying only `starts` when they are known."""
    if starts is None:
        yield from rx.finditer(text)
        return
    end = 0
    for start in starts:
        if start < end:
            continue
        m = rx.match(text, start)
        if m is not None and m.end() > m.start():
            end = m.end()
            yield m


class HostDetector:
    """Internal-looking host names, plus the user's own domains and their subdomains."""

    category = "host"

    def __init__(self, user_domains: Iterable[str] = ()) -> None:
        domains = sorted({d.strip().lower().strip(".") for d in user_domains if d.strip()},
                         key=len, reverse=True)
        self._domains = frozenset(domains)
        self._user: re.Pattern[str] | None = None
        if domains:
            alt = "|".join(re.escape(d) for d in domains)
            self._user = re.compile(
                rf"(?i)(?<![\w.@-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*(?:{alt})(?![\w-]|\.[a-z0-9])"
            )

    def find(self, text: str) -> Iterable[Hit]:
        lower = text.lower()
        found: list[Hit] = []
        if self._user is not None and any(d in lower for d in self._domains):
            for m in self._user.finditer(text):
                name = m.group().lower()
                # The declared domain itself is a term, so it gets a stable label.
                found.append(Hit(m.start(), m.end(), "domain", key=name)
                             if name in self._domains else Hit(m.start(), m.end(), "host"))
        shapes: list[Iterable[re.Match[str]]] = []
        if _HOST_ANCHOR.search(lower):
            shapes.append(_INTERNAL_HOST.finditer(text))
        if _FQDN_ANCHOR.search(text):
            shapes.append(_FQDN.finditer(text))
        if "-" in text and _MACHINE_ANCHOR.search(text):
            shapes.append(_MACHINE.finditer(text))
        for matches in shapes:
            for m in matches:
                if not any(h.start < m.end() and m.start() < h.end for h in found):
                    found.append(Hit(m.start(), m.end(), "host"))
        return sorted(found, key=lambda h: h.start)


class IpDetector:
    category = "ip"

    def find(self, text: str) -> Iterable[Hit]:
        for m in _IPV4.finditer(text) if _IPV4_ANCHOR.search(text) else ():
            addr = m.group().split("/")[0]
            try:
                ipaddress.IPv4Address(addr)
            except ValueError:
                continue
            yield Hit(m.start(), m.end(), "ip")
        if "::" in text or text.count(":") >= 5:
            for m in _IPV6.finditer(text):
                cand = m.group()
                addr = cand.split("/")[0]
                if len(addr) < 3 or not any(c.isdigit() for c in addr):
                    continue
                try:
                    ipaddress.IPv6Address(addr)
                except ValueError:
                    continue
                yield Hit(m.start(), m.end(), "ip")


class HandleDetector:
    """@name mentions; decorators and Slack keywords in the allow list are skipped."""

    category = "handle"

    def __init__(self, allow: frozenset[str]) -> None:
        self._allow = allow

    def find(self, text: str) -> Iterable[Hit]:
        if "@" not in text:
            return
        for m in _matches(_HANDLE, text, _ats(text)):
            body = m.group()[1:].casefold()
            if body in self._allow or body.split(".")[0] in self._allow:
                continue
            if body[:1].isdigit():  # "@3pm", "@10" are times or counts
                continue
            yield Hit(m.start(), m.end(), "handle", key=body)
