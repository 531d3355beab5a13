"""Person names without a list: gazetteer, context cues and capitalised-pair heuristics.

Decisions, per run of capitalised words:
- a run of 2-4 words is a name if one word is in the gazetteer, or (no word being an
  ordinary English word) if it stands mid-sentence or has a cue;
- a single gazetteer name that is not an English word is a name anywhere;
- a name that is also a word (Will, May, Grace) needs a cue; mid-sentence without one it is
  flagged uncertain; sentence-initial without one it is left alone;
- an unknown capitalised word that is no English word is flagged uncertain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from journal.redact.lexicon import Lexicon
from journal.redact.model import Hit
from journal.redact.name_cues import NameCues, with_particles


def _upper_class() -> str:
    ranges = [(0x41, 0x24F), (0x370, 0x3FF), (0x400, 0x52F)]
    chars = [chr(c) for lo, hi in ranges for c in range(lo, hi + 1) if chr(c).isupper()]
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UP = _upper_class()
_L = r"[^\W\d_]"
# Starts with the capital itself (a leading lookbehind would slow the scan); the left
# boundary is checked in _runs().
_TOKEN = re.compile(rf"{_UP}{_L}*(?:['’]{_UP}{_L}+|-{_L}+)*(?![\w@]|['’]{_UP}|\.\w)")
# The same for ASCII text, where it gives the same matches: the small class scans faster.
_TOKEN_ASCII = re.compile(
    r"[A-Z][A-Za-z]*(?:['’][A-Z][A-Za-z]+|-[A-Za-z]+)*(?![\w@]|['’][A-Z]|\.\w)")
_NOT_BEFORE = frozenset("'’@#$/.\\-_")
_PARTICLES = _words(
    "van von der den de da das do dos del della di du la le bin binti bint ben ibn abu al el "
    "ter ten y"
)
STRONG_BEFORE = _words(
    "hi hey hello hallo hola bonjour salut dear thanks thank cc asked ask told tell ping "
    "pinged met meet called call emailed messaged texted dm dmed introduced thx ty congrats"
)
WEAK_BEFORE = _words(
    "from with by to and or for per via colleague coworker manager boss friend mentor "
    "teammate intern client customer mr mrs ms miss dr prof sir madam"
)
STRONG_AFTER = _words(
    "said says asked asks told tells thinks thought suggested suggests mentioned mentions "
    "wrote writes replied replies explained explains agreed agrees noted notes pointed "
    "wants wanted reviewed reviews shared shares sent sends pinged pings emailed called "
    "recommended recommends proposed proposes noticed argued insisted complained joked "
    "confirmed approved promised offered helped helps showed shows loved liked hated "
    "prefers preferred"
)
_AUX = _words("is was has had will would can could should did does isn't wasn't")
_SENTENCE_END = ".!?:;\n•|>"
_OPENERS = " \t\"'“‘([{*_#-–—"
_WORD_BEFORE = re.compile(r"([A-Za-z']+)[\s,]*$")
_WORD_AFTER = re.compile(r"^[\s,]*([A-Za-z]+)")
_CAMEL_NAME = re.compile(r"^(?:Mc|Mac|O['’]|D['’])")
_SUFFIXES = ("ing", "ed", "es", "s", "ly", "er", "est", "ers")


_RUN_BREAKS = ".,;:!?\n"
# German function words that English and the Romance languages do not share.
_GERMAN = _words(
    "der das dem und ist nicht mit für bei ein eine einen keine nur bitte wurde wird sind "
    "auch noch zum zur vom dass oder aber wir ich sich"
)
_GERMAN_HINTS = (" und ", " der ", " das ", " ist ", " nicht ", " mit ", " für ", " bei ",
                 " keine ", " wurde ", " bitte ", " die ", " dem ", " zum ", " zur ", " auf ",
                 " oder ", " auch ")


def _german(text: str) -> bool:
    lower = text.lower()
    if sum(h in lower for h in _GERMAN_HINTS) < 2:  # substring scans: cheap
        return False
    return len(_GERMAN.intersection(re.findall(r"[a-zäöüß]+", lower))) >= 2


def _occurrences(text: str, words: set[str]) -> Iterator[int]:
    for word in words:
        i = text.find(word)
        while i >= 0:
            yield i
            i = text.find(word, i + len(word))


class NameDetector:
    category = "person"

    def __init__(self, lex: Lexicon, extra_allow: frozenset[str] = frozenset()) -> None:
        self._lex = lex
        self._allow = lex.allow | extra_allow
        self._english_cache: dict[str, int] = {}  # bounded by the vocabulary of the export
        self._edge_cache: dict[str, bool] = {}
        self._text_german: bool | None = None  # per text, worked out when first needed
        self._cues = NameCues(self.lower_word, lex.is_name, self._allowed)

    # -- word classes -------------------------------------------------------------
    def english(self, word: str) -> bool:
        return self._word_class(word) > 0

    def rare(self, word: str) -> bool:
        """English only by the large dictionary (Pennant, Trace): not in the curated core."""
        return self._word_class(word) == 2

    def _word_class(self, word: str) -> int:
        """0: not English; 1: the curated core, its inflections, English morphology;
        2: only the large dictionary."""
        w = word.casefold()
        cached = self._english_cache.get(w)
        if cached is None:
            cached = self._english_cache[w] = (
                1 if self._english(w) else 2 if self._lex.ordinary(w) else 0)
        return cached

    def _english(self, w: str) -> bool:
        eng = self._lex.english
        if w in eng:
            return True
        for suf in _SUFFIXES:
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                stem = w[: -len(suf)]
                if stem in eng or stem + "e" in eng or (suf in ("es", "ed") and stem[-1:] == "i"
                                                       and stem[:-1] + "y" in eng):
                    return True
        if "-" in w:  # "pair-programmed", "re-ran": one English part makes it prose
            if self._hyphen_name(w):
                return False
            return any(p in eng or self._lex.ordinary(p) for p in w.split("-") if len(p) > 2)
        if self._lex.is_name(w):
            return False  # "Emily", "Ahmed": the gazetteer beats suffix guesses
        # English morphology that given names and surnames almost never have ("-ing" does:
        # Tsering, so only stems found above count for it).
        return ((len(w) > 6 and w.endswith(("tion", "sion", "ment", "ness", "ically", "ization",
                                            "ize", "izes", "ized", "izing", "ify", "ifies")))
                or (len(w) > 5 and w.endswith(("ed", "ly", "ful", "less", "able"))))

    def _hyphen_name(self, w: str) -> bool:
        """"Marie-Claire", "Jean-Luc": every part a given name or at least one and no word."""
        parts = [p for p in w.split("-") if p]
        if len(parts) < 2:
            return False
        names = [self._lex.is_name(p) for p in parts]
        return all(names) or (names[0] and not any(
            p in self._lex.english or self._lex.ordinary(p) for p in parts[1:]))

    def lower_word(self, word: str) -> bool:
        """A word that, written in lower case, is no name: any dictionary word counts, names
        that are words too ("will", "frank", "grace")."""
        return self.english(word) or self._lex.in_dictionary(word.casefold())

    def _allowed(self, word: str) -> bool:
        w = word.casefold()
        return w in self._allow or w.replace("’", "'").split("'")[0] in self._allow

    # -- context ------------------------------------------------------------------
    @staticmethod
    def sentence_initial(text: str, start: int) -> bool:
        i = start - 1
        while i >= 0 and text[i] in _OPENERS:
            if text[i] == "-" and i > 0 and text[i - 1] not in " \n\t":
                break
            i -= 1
        if i < 0 or text[i] in _SENTENCE_END:
            return True
        # A numbered list item: "2. Tried..." or "2) Tried..."
        return text[i] in ".)" and i > 0 and text[i - 1].isdigit()

    @staticmethod
    def cues(text: str, start: int, end: int) -> tuple[bool, bool]:
        """(strong, weak) cue around text[start:end]."""
        before = _WORD_BEFORE.search(text, max(0, start - 24), start)
        word_b = before.group(1).casefold() if before else ""
        tail = text[end : end + 24]
        if tail[:2] in ("'s", "’s") or (tail[:1] in ("'", "’") and text[end - 1 : end] == "s"):
            return False, True
        after = _WORD_AFTER.match(tail)
        word_a = after.group(1).casefold() if after else ""
        strong = word_b in STRONG_BEFORE or (word_a in STRONG_AFTER and not tail.startswith("."))
        weak = word_b in WEAK_BEFORE or tail.lstrip().startswith("(")
        return strong, weak

    # -- detection ----------------------------------------------------------------
    def find(self, text: str) -> Iterable[Hit]:
        self._text_german = None
        token = _TOKEN_ASCII if text.isascii() else _TOKEN
        capitalised = set(token.findall(text))
        # Names that are words too ("Autumn", "Hunter"): the cues look at these before a verb.
        word_names = {w for w in capitalised if self._lex.is_name(w.casefold())
                      and self._edge_word(w)}
        return with_particles(text, [*self._find_runs(text, capitalised),
                                     *self._cues.find(text, word_names)])

    def _find_runs(self, text: str, capitalised: set[str] | None = None) -> Iterable[Hit]:
        token = _TOKEN_ASCII if text.isascii() else _TOKEN
        # A run whose words are all ones a run sheds from its edges (Then, Python, Tuesday)
        # keeps nothing, and acronyms never join a run: only runs holding another word
        # can give a name. So look just at the stretches around those words' occurrences.
        if capitalised is None:
            capitalised = set(token.findall(text))
        words = {w for w in capitalised
                 if not (self._edge_word(w) or (len(w) > 1 and w.isupper()))}
        if not words:
            return
        done = 0  # runs ending before this were judged already
        for hint in sorted(_occurrences(text, words)):
            if hint < done:
                continue
            # No run crosses punctuation or a line break, and no token holds one.
            start = max(text.rfind(c, done, hint) for c in _RUN_BREAKS) + 1
            for run in self._runs(text, token, max(start, done), hint):
                done = run[-1][1]
                yield from self._judge_run(text, run)

    def _runs(self, text: str, token: re.Pattern[str], start: int = 0,
              until: int | None = None) -> Iterator[list[tuple[int, int]]]:
        """Runs of capitalised words from `start` on, up to the one holding `until`."""
        run: list[tuple[int, int]] = []
        for m in token.finditer(text, start):
            if m.start():
                prev = text[m.start() - 1]
                if prev.isalnum() or prev in _NOT_BEFORE:
                    continue
            word = m.group()
            if word.isupper() and len(word) > 1:  # acronyms: API, GPU, NASA
                if run:
                    yield run
                    run = []
                continue
            if run:
                gap = text[run[-1][1] : m.start()]
                if gap == " " or (gap.startswith(" ") and gap.endswith(" ") and all(
                        p in _PARTICLES for p in gap.casefold().split())):
                    run.append(m.span())
                    continue
                yield run
            if until is not None and m.start() > until:
                return
            run = [m.span()]
        if run:
            yield run

    def _judge_run(self, text: str, run: list[tuple[int, int]]) -> Iterator[Hit]:
        lex = self._lex
        # Trim words that cannot be part of a name at either end (Then, Thanks, Python).
        words = [(s, e, text[s:e]) for s, e in run]
        while words and self._edge_word(words[0][2]):
            words.pop(0)
        while words and self._edge_word(words[-1][2]) and not (
                len(words) > 1 and self._keeps_tail(words[-2][2], words[-1][2])):
            words.pop()
        if not words:
            return
        if 2 <= len(words) <= 4 and not any(self._blocked(w) for _, _, w in words):
            start, end = words[0][0], words[-1][1]
            folded = [w.casefold() for _, _, w in words]
            known = [lex.is_name(w) for w in folded]
            plain = [lex.is_name(w) and not self.english(w) for w in folded]
            initial = self.sentence_initial(text, start)
            strong, weak = self.cues(text, start, end)
            # No word of the curated core, one unknown: "Eirlys Pennant", "Kwabena Owusu".
            classes = [self._word_class(w) for w in folded]
            unknown_pair = 1 not in classes and 0 in classes
            if any(plain) or (any(known) and unknown_pair) or (
                sum(known) >= 2 and not initial):
                yield self._hit(start, end, text, uncertain=False)
                return
            if unknown_pair and (not initial or strong or weak):
                yield self._hit(start, end, text, uncertain=True)
                return
            if any(known) and (strong or not initial):
                yield self._hit(start, end, text, uncertain=True)
                return
        for s, e, w in words:
            hit = self._judge_word(text, s, e, w)
            if hit is not None:
                yield hit

    def _keeps_tail(self, before: str, word: str) -> bool:
        """A capitalised word after a known first name stays as a surname (Sophie Turner);
        after an unknown word, only a word just the large dictionary knows (Eirlys Pennant)."""
        if self._blocked(word):
            return False
        if self._lex.is_first_name(before.casefold()):
            return True
        return self.rare(word) and not self.english(before) and not self._blocked(before)

    def _edge_word(self, word: str) -> bool:
        cached = self._edge_cache.get(word)
        if cached is None:
            cached = self._edge_cache[word] = self._edge(word)
        return cached

    def _edge(self, word: str) -> bool:
        w = word.casefold()
        if self._allowed(word) or w in self._lex.temporal:
            return True
        return self.english(w) and not self._lex.is_name(w)

    def _blocked(self, word: str) -> bool:
        w = word.casefold()
        return self._allowed(word) or w in self._lex.temporal

    def _judge_word(self, text: str, s: int, e: int, word: str) -> Hit | None:
        lex = self._lex
        w = word.casefold()
        if self._blocked(word) or len(w) < 2:
            return None
        if any(any(c.isupper() for c in part[1:]) and not _CAMEL_NAME.match(part)
               for part in word.split("-")):
            return None  # ChatGPT, LangChain: camel case is product naming
        initial = self.sentence_initial(text, s)
        strong, weak = self.cues(text, s, e)
        if w in lex.soft_allow:
            return self._hit(s, e, text, uncertain=False) if strong else None
        if "-" in w and self._hyphen_name(w):
            return self._hit(s, e, text, uncertain=False)
        if lex.is_name(w):
            if len(w) <= 2:  # "Li", "Le", "Ho": too short to trust without a cue
                return self._hit(s, e, text, uncertain=True) if strong or weak else None
            if not self.english(w):
                return self._hit(s, e, text, uncertain=False)
            if strong:
                return self._hit(s, e, text, uncertain=False)
            if weak or not initial:
                return self._hit(s, e, text, uncertain=True)
            return None
        if self.english(w):
            return None
        if self._text_german is None:
            self._text_german = _german(text)
        if self._text_german and not strong:
            return None  # German capitalises every noun: "Rechnung", "Anschrift"
        if initial and not (strong or weak or self._verb_follows(text, e)):
            return None  # "Payroll test used ...": a capitalised first word proves nothing
        return self._hit(s, e, text, uncertain=True)

    def _verb_follows(self, text: str, end: int) -> bool:
        """An unknown first word followed by a verb ("Eirlys pushed the fix") acts like a name."""
        tail = text[end : end + 24]
        if tail.startswith((",", " and ", " & ")):
            return True
        after = _WORD_AFTER.match(tail)
        if after is None:
            return False
        word = after.group(1).casefold()
        return word in STRONG_AFTER or word in _AUX or (
            len(word) > 3 and word.endswith(("ed", "es")) and self.english(word))

    @staticmethod
    def _hit(start: int, end: int, text: str, *, uncertain: bool) -> Hit:
        key = " ".join(text[start:end].casefold().split())
        return Hit(start, end, "person", uncertain=uncertain, key=key)
