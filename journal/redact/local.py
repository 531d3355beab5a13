"""Home-directory paths and the OS user name: both reveal who wrote the entry."""

from __future__ import annotations

import re
from collections.abc import Iterable

from journal.redact.model import Hit

_PATH_CHARS = r"[^\s'\"`<>|,;]"
_HOME = re.compile(
    r"(?<![\w~])(?:/[\w.-]+)*?/(?:home|Users)/[^\s/\\'\"`<>|:,;]+(?:/" + _PATH_CHARS + r"*)?"
    r"|(?i:\b[a-z]:[\\/]+(?:Users|Documents and Settings)[\\/]+)[^\s\\/'\"`<>|:,;]+"
    r"(?:[\\/]" + _PATH_CHARS + r"*)?"
    r"|(?<![\w/])~[A-Za-z_][\w.-]*(?:/" + _PATH_CHARS + r"*)?"
)
_ANCHORS = ("/home/", "/Users/", "~")
_DRIVE = re.compile(r"(?i)[a-z]:[\\/]+(?:users|documents)")
_TRAIL = ".:!?)]}"


class HomePathDetector:
    category = "path"

    def find(self, text: str) -> Iterable[Hit]:
        if not any(a in text for a in _ANCHORS) and not (":" in text and _DRIVE.search(text)):
            return
        for m in _HOME.finditer(text):
            start, end = m.span()
            while end > start and text[end - 1] in _TRAIL:
                end -= 1
            yield Hit(start, end, "path")


class OsUserDetector:
    """The login name as a whole word, wherever it appears (prompts, logs, paths)."""

    category = "user"

    def __init__(self, os_user: str | None) -> None:
        name = (os_user or "").strip()
        self._rx = (
            re.compile(rf"(?i){re.escape(name)}(?!\w)") if len(name) >= 2 else None
        )
        # A case-insensitive regex scans slowly; a plain substring test rules most texts out.
        # Not for non-ASCII text, where (?i) also matches letters lower() leaves alone.
        self._lower = name.lower()

    def find(self, text: str) -> Iterable[Hit]:
        if self._rx is None or (text.isascii() and self._lower not in text.lower()):
            return
        for m in self._rx.finditer(text):
            if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")):
                yield Hit(m.start(), m.end(), "user")
