"""Detectors for addresses: email, URL, internal host names, IP addresses, @handles."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

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

_INTERNAL_HOST = re.compile(
    r"(?i)(?<![\w.@-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    r"(?:corp|internal|local|lan|intranet|home\.arpa)(?![\w-]|\.[a-z0-9])"
)

_HOST_ANCHOR = re.compile(r"\.(?:corp|internal|local|lan|intranet|arpa)\b")

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
        for m in _EMAIL.finditer(text):
            yield Hit(m.start(), m.end(), "email")


class UrlDetector:
    category = "link"

    def find(self, text: str) -> Iterable[Hit]:
        lower = text.lower()
        found = []
        if "://" in text or "www" in lower:
            found.append(_URL)
        if _BARE_ANCHOR.search(lower):
            found.append(_BARE_LINK)
        spans: list[tuple[int, int]] = []
        for rx in found:
            for m in rx.finditer(text):
                end = _trim_url(text, m.start(), m.end())
                inside = any(s <= m.start() < e for s, e in spans)
                if end - m.start() > 4 and not inside:
                    spans.append((m.start(), end))
        for start, end in sorted(spans):
            yield Hit(start, end, "link")


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
        if _HOST_ANCHOR.search(lower):
            for m in _INTERNAL_HOST.finditer(text):
                yield Hit(m.start(), m.end(), "host")
        if self._user is not None and any(d in lower for d in self._domains):
            for m in self._user.finditer(text):
                found = m.group().lower()
                if found in self._domains:
                    # The declared domain itself is a term, so it gets a stable label.
                    yield Hit(m.start(), m.end(), "domain", key=found)
                else:
                    yield Hit(m.start(), m.end(), "host")


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
        for m in _HANDLE.finditer(text):
            body = m.group()[1:].casefold()
            if body in self._allow or body.split(".")[0] in self._allow:
                continue
            if body[:1].isdigit():  # "@3pm", "@10" are times or counts
                continue
            yield Hit(m.start(), m.end(), "handle", key=body)
