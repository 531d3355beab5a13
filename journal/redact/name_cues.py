"""Names that only their context gives away, and the edges of names with particles.

- Speaker labels in a pasted chat ("Faith: …", "priya: …"): two or more lines opening with
  "label:" make a chat; each label that is no ordinary word is a person.
- Lower-case names after a strong cue ("asked meera", "loop in tunde", "cc: astrid"), and
  the next one joined by "and"/"or"/"," ("ask priya or dmitri"): no dictionary word.
- A name that is also a word becomes one before a verb people do ("Autumn ran the survey").
- Particles and Arabic/Hebrew connectors around a found name: "van den Heuvel",
  "Omar al-Amin", "Karim ben Yusuf".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from journal.redact.model import Hit


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())

_SPEAKER = re.compile(r"(?m)^[ \t>*•-]*(?:\[[^\]\n]{1,25}\][ \t]*)?"
                      r"([A-Za-z][\w'’.-]{1,30}(?:[ \t][A-Z][\w'’-]{1,30})?)[ \t]*:[ \t]")
# Run on the lower-cased text (a case-sensitive pattern scans far faster than (?i)).
_LOWER_CUE = re.compile(
    r"(?:asked|ask|asking|cc|ping|pinged|pinging|told|tell|loop(?:ed)?\s+in|looping\s+in|"
    r"thanks|thx|ty|hi|hey|hello|dm|dmed|emailed|messaged|texted|cc'd)[:,]?[ \t]+"
    r"([a-z][a-z'’-]{2,30})\b"
)
_CUE_WORDS = ("ask", "cc", "ping", "told", "tell", "loop", "thank", "thx", "ty", "hi", "hey",
              "hello", "dm", "emailed", "messaged", "texted")
# "gwen said", "ravi thinks": a lower-case word that is no dictionary word, before a verb of speech.
_LOWER_BEFORE_SPEECH = re.compile(
    r"(?<![\w'’-])([a-z][a-z'’-]{2,30})[ \t]+(?:said|says|asked|asks|wrote|writes|thinks|thought|"
    r"suggested|suggests|mentioned|replied|agreed|noted|pinged|confirmed)\b")
_SPEECH_NEEDLES = (" said", " says", " ask", " wrote", " writes", " think", " thought",
                   " suggest", " mentioned", " replied", " agreed", " noted", " pinged",
                   " confirmed")
_JOINED = re.compile(r"^(?:[ \t]*(?:,|and|or|&)[ \t]*)([a-z][a-z'’-]{2,30})\b")
_PERSON_VERBS = _words(
    "ran runs led leads built builds fixed fixes owns owned signs signed wrote writes said "
    "says asked asks told reviewed approved shipped merged presented drafted tested tests "
    "joined left emailed pinged called agreed suggested proposed found noticed"
)
_VERB_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_BEFORE_PARTICLES = re.compile(
    r"(?:(?<![\w-])(?:van|von|der|den|de|da|das|do|dos|del|della|di|du|la|le|ter|ten|al|el|"
    r"bin|ben|bint|ibn|abu|ap)[ \t])+$")
_AFTER_CONNECTOR = re.compile(
    r"[ \t]+(?:(?:van|von|der|den|de|da|dos|del|di|du|la|le|ter|ten|bin|ben|bint|ibn|abu)"
    r"[ \t]+)*(?:(?:al|el|ul|ad|as|ash|at|az)-)?[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?"
)
_CONNECTOR_START = re.compile(r"[ \t]+(?:(?:al|el|ul)-|(?:bin|ben|bint|ibn|abu|van|von|de|da|"
                              r"dos|del|di|du|ter|ten)[ \t])")
_STOP_LABELS = _words(
    "note notes todo fixme error warning warn info debug traceback user assistant system "
    "human bot model ai prompt answer question q a re subject from to cc bcc date sent input "
    "output result results step steps example update status summary edit fix http https ftp "
    "file path tip pro con cons pros action next"
)



def _key(text: str) -> str:
    return " ".join(text.casefold().split())


class NameCues:
    """Context-only person findings; `ordinary(word)` says a word is no name on its own."""

    def __init__(self, ordinary: Callable[[str], bool], is_name: Callable[[str], bool],
                 allowed: Callable[[str], bool]) -> None:
        self._ordinary = ordinary
        self._is_name = is_name
        self._allowed = allowed

    def find(self, text: str, word_names: Iterable[str] = ()) -> Iterator[Hit]:
        """`word_names`: capitalised words of `text` that are names and words alike."""
        yield from self._speakers(text)
        yield from self._lower_after_cue(text)
        if any(n in text for n in _SPEECH_NEEDLES):
            for m in _LOWER_BEFORE_SPEECH.finditer(text):
                stem = m.group(1).split("'")[0].split("’")[0]
                if len(stem) >= 3 and not self._ordinary(stem) and not self._allowed(stem):
                    yield Hit(m.start(1), m.start(1) + len(stem), "person", key=stem)
        for word in word_names:
            if not self._allowed(word):
                yield from self._before_person_verb(text, word)

    @staticmethod
    def _before_person_verb(text: str, word: str) -> Iterator[Hit]:
        """"Autumn ran the survey", "Hunter wrote": a name that is also a word."""
        i = text.find(word)
        while i >= 0:
            end = i + len(word)
            if not i or not (text[i - 1].isalnum() or text[i - 1] in "'’-"):
                m = _VERB_AFTER.match(text, end, min(len(text), end + 20))
                if m is not None and m.group(1) in _PERSON_VERBS:
                    yield Hit(i, end, "person", key=word.casefold())
            i = text.find(word, end)

    def _speakers(self, text: str) -> Iterator[Hit]:
        if text.count(":") < 2 or "\n" not in text:
            return
        found = list(_SPEAKER.finditer(text))
        if len(found) < 2:
            return
        labels = [m for m in found if self._speaker_ok(m.group(1))]
        if len({m.group(1).casefold() for m in labels}) < 1 or len(labels) < 2:
            return
        for m in labels:
            yield Hit(m.start(1), m.end(1), "person", key=_key(m.group(1)))

    def _speaker_ok(self, label: str) -> bool:
        words = label.split()
        first = words[0].casefold()
        if first in _STOP_LABELS or self._allowed(words[0]) or any(c.isdigit() for c in label):
            return False
        return self._is_name(first) or not self._ordinary(first)

    def _lower_after_cue(self, text: str) -> Iterator[Hit]:
        lower = text.lower()
        if len(lower) != len(text):
            return  # a letter that lengthens (İ): offsets would drift; rare enough
        starts = set()
        for cue in _CUE_WORDS:  # str.find per cue word: C scans, far cheaper than a regex
            i = lower.find(cue)
            while i >= 0:
                if not i or not lower[i - 1].isalnum():  # the cue must start a word
                    starts.add(i)
                i = lower.find(cue, i + 1)
        for at in sorted(starts):
            m = _LOWER_CUE.match(lower, at)
            if m is None:
                continue
            start, end = m.span(1)
            if not text[start:end].islower():
                continue  # capitalised names are the name detector's
            while True:
                word = text[start:end].rstrip("'’")
                stem = word.split("'")[0].split("’")[0]
                if self._ordinary(stem) or self._allowed(stem) or len(stem) < 3:
                    break
                yield Hit(start, start + len(stem), "person", key=stem)
                nxt = _JOINED.match(text[start + len(word):start + len(word) + 40])
                if nxt is None:
                    break
                start = start + len(word) + nxt.start(1)
                end = start + len(nxt.group(1))


def with_particles(text: str, hits: Iterable[Hit]) -> Iterator[Hit]:
    """Grow person hits over particles before them and connectors after them."""
    for h in hits:
        if h.category != "person":
            yield h
            continue
        start, end = h.start, h.end
        before = _BEFORE_PARTICLES.search(text, max(0, start - 30), start)
        if before is not None:
            start = before.start()
        if _CONNECTOR_START.match(text, end, min(len(text), end + 10)):
            after = _AFTER_CONNECTOR.match(text, end, min(len(text), end + 60))
            if after is not None:
                end = after.end()
        if (start, end) == (h.start, h.end):
            yield h
        else:
            yield Hit(start, end, "person", h.uncertain, _key(text[start:end]))
