"""Seeded synthetic journal entries with every category embedded at known offsets.

Used by `python -m bench.redact_evaluate`; not by the tests. Sentences mimic notes a
person keeps about AI experiments: who they worked with, what tools they used, what leaked
into a prompt by accident.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from dataclasses import dataclass, field

import phonenumbers

from bench.redact_corpus_names import ORDINARY_CAPITALISED, TECH_WORDS, TEST_NAMES, UNSEEN_NAMES
from journal.redact.finance import luhn_ok
from journal.redact.model import RedactionPolicy, Term

IBAN_LENGTHS = {"DE": 22, "GB": 22, "FR": 27, "NL": 18, "ES": 24}  # the countries drawn below

CLIENTS = ("Initrode", "Globex", "Umbrella Labs", "Vandelay Industries")
PROJECTS = ("Falcon Eye", "Bluebird")
USER_DOMAINS = ("initrode.com",)
OS_USER = "jdoe"


def policy() -> RedactionPolicy:
    terms = tuple(Term(c, "client") for c in CLIENTS) + tuple(Term(p, "project") for p in PROJECTS)
    return RedactionPolicy(terms=terms, user_domains=USER_DOMAINS, os_user=OS_USER)


@dataclass
class Item:
    start: int
    end: int
    category: str  # a CATEGORIES name, or "tech" for words that must survive
    surface: str
    group: str = ""  # person names: "seen" or "unseen"


@dataclass
class Doc:
    text: str = ""
    items: list[Item] = field(default_factory=list)

    def add(self, chunk: str, category: str = "", group: str = "") -> None:
        if category:
            self.items.append(Item(len(self.text), len(self.text) + len(chunk), category, chunk,
                                   group))
        self.text += chunk


class Generator:
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)

    # -- structured values --------------------------------------------------------
    def _digits(self, n: int) -> str:
        return "".join(self.rng.choice(string.digits) for _ in range(n))

    def phone(self) -> str:
        region = self.rng.choice(("US", "GB", "DE", "FR", "IN"))
        fmt = self.rng.choice((phonenumbers.PhoneNumberFormat.INTERNATIONAL,
                               phonenumbers.PhoneNumberFormat.NATIONAL,
                               phonenumbers.PhoneNumberFormat.E164))
        example = phonenumbers.example_number(region)
        assert example is not None
        base = str(example.national_number)
        while True:
            keep = self.rng.randint(2, 4)
            cand = base[:keep] + self._digits(len(base) - keep)
            num = phonenumbers.parse(cand, region)
            if phonenumbers.is_valid_number(num):
                return phonenumbers.format_number(num, fmt)

    def card(self) -> str:
        prefix = self.rng.choice(("4", "51", "55", "37", "6011"))
        length = 15 if prefix == "37" else 16
        while True:
            body = prefix + self._digits(length - len(prefix))
            if luhn_ok(body):
                break
        sep = self.rng.choice((" ", "-", ""))
        return sep.join(body[i : i + 4] for i in range(0, len(body), 4))

    def iban(self) -> str:
        country = self.rng.choice(("DE", "GB", "FR", "NL", "ES"))
        length = IBAN_LENGTHS[country]
        if country in ("GB", "NL"):
            bban = "".join(self.rng.choice(string.ascii_uppercase) for _ in range(4))
            bban += self._digits(length - 8)
        else:
            bban = self._digits(length - 4)
        moved = bban + country + "00"
        check = 98 - int("".join(str(int(c, 36)) for c in moved)) % 97
        compact = f"{country}{check:02d}{bban}"
        if self.rng.random() < 0.5:
            return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        return compact

    def ssn(self) -> str:
        area = self.rng.choice([a for a in range(1, 900) if a != 666])
        return f"{area:03d}-{self.rng.randint(1, 99):02d}-{self.rng.randint(1, 9999):04d}"

    def nino(self) -> str:
        first = self.rng.choice("ABCEGHJKLMNPRSTWXYZ")
        second = self.rng.choice("ABCEGHJKLMNPRSTWXYZ")
        while first + second in ("GB", "NT", "TN", "KN", "NK", "BG", "ZZ"):
            second = self.rng.choice("ABCEGHJKLMNPRSTWXYZ")
        d = self._digits(6)
        return f"{first}{second} {d[:2]} {d[2:4]} {d[4:]} {self.rng.choice('ABCD')}"

    def secret(self) -> str:
        alnum = string.ascii_letters + string.digits

        def tok(n: int, chars: str = alnum) -> str:
            return "".join(self.rng.choice(chars) for _ in range(n))

        makers: list[Callable[[], str]] = [
            lambda: "sk-proj-" + tok(40), lambda: "sk-" + tok(48),
            lambda: "sk-ant-api03-" + tok(60), lambda: "AKIA" + tok(16, string.ascii_uppercase),
            lambda: "ghp_" + tok(36), lambda: "github_pat_" + tok(40),
            lambda: "glpat-" + tok(20), lambda: "xoxb-" + self._digits(12) + "-" + tok(24),
            lambda: "AIza" + tok(35), lambda: "sk_live_" + tok(24),
            lambda: "eyJ" + tok(20) + ".eyJ" + tok(30) + "." + tok(40),
            lambda: "hf_" + tok(34),
        ]
        return self.rng.choice(makers)()

    def email(self, name: str) -> str:
        local = name.split(maxsplit=1)[0].lower().encode("ascii", "ignore").decode() or "user"
        domain = self.rng.choice(("initrode.com", "gmail.com", "globex.io", "uni.example.edu"))
        return f"{local}.{self.rng.randint(1, 99)}@{domain}"

    def url(self) -> str:
        return self.rng.choice((
            f"https://docs.google.com/document/d/{self._digits(12)}/edit",
            f"https://github.com/initrode/agent-{self._digits(3)}/pull/{self._digits(3)}",
            f"http://intranet.example.org/wiki/Page_{self._digits(2)}",
            f"www.example.net/reports/{self._digits(4)}",
            f"ftp://files.example.com/dump_{self._digits(3)}.csv",
        ))

    def host(self) -> str:
        return self.rng.choice((f"gpu-box-{self._digits(2)}.corp", "wiki.eng.internal",
                                f"build{self._digits(2)}.lan", "nas.local",
                                "jenkins.initrode.com"))

    def ip(self) -> str:
        if self.rng.random() < 0.7:
            return ".".join(str(self.rng.randint(1, 254)) for _ in range(4))
        return "fe80::" + ":".join(f"{self.rng.randint(0, 65535):x}" for _ in range(4))

    def path(self) -> str:
        return self.rng.choice((f"/home/{OS_USER}/experiments/run_{self._digits(2)}/train.py",
                                f"/Users/{OS_USER}/Desktop/prompts.md",
                                f"C:\\Users\\{OS_USER}\\Documents\\eval.xlsx"))

    def handle(self, name: str) -> str:
        base = "".join(c for c in name.rsplit(maxsplit=1)[-1].lower() if c.isascii() and c.isalnum())
        base = base or "someone"  # handles are [A-Za-z0-9_]: drop accents and apostrophes
        return f"@{base}{self.rng.randint(1, 99)}"

    # -- people ---------------------------------------------------------------------
    def person(self) -> tuple[str, str]:
        if self.rng.random() < 0.2:
            return self.rng.choice(UNSEEN_NAMES), "unseen"
        return self.rng.choice(TEST_NAMES), "seen"

    # -- entries --------------------------------------------------------------------
    def entry(self) -> Doc:
        from bench.redact_corpus_templates import TEMPLATES

        doc = Doc()
        for _ in range(self.rng.randint(3, 6)):
            template = self.rng.choice(TEMPLATES)
            self._fill(doc, template)
            doc.add(" " if self.rng.random() < 0.7 else "\n")
        return doc

    def _fill(self, doc: Doc, template: str) -> None:
        name, group = self.person()
        for part in template.replace("}", "{").split("{"):
            if part in _SLOTS:
                _SLOTS[part](self, doc, name, group)
            else:
                doc.add(part)


def _name_slot(which: str) -> Callable[[Generator, Doc, str, str], None]:
    def fill(gen: Generator, doc: Doc, name: str, group: str) -> None:
        words = name.split()
        surface = {"full": name, "first": words[0], "last": words[-1]}[which]
        doc.add(surface, "person", group)
    return fill


_SLOTS: dict[str, Callable[[Generator, Doc, str, str], None]] = {
    "full": _name_slot("full"),
    "first": _name_slot("first"),
    "last": _name_slot("last"),
    "client": lambda g, d, n, gr: d.add(g.rng.choice(CLIENTS), "client"),
    "project": lambda g, d, n, gr: d.add(g.rng.choice(PROJECTS), "project"),
    "email": lambda g, d, n, gr: d.add(g.email(n), "email"),
    "phone": lambda g, d, n, gr: d.add(g.phone(), "phone"),
    "url": lambda g, d, n, gr: d.add(g.url(), "link"),
    "host": lambda g, d, n, gr: d.add(g.host(), "host"),
    "ip": lambda g, d, n, gr: d.add(g.ip(), "ip"),
    "path": lambda g, d, n, gr: d.add(g.path(), "path"),
    "user": lambda g, d, n, gr: d.add(OS_USER, "user"),
    "secret": lambda g, d, n, gr: d.add(g.secret(), "secret"),
    "card": lambda g, d, n, gr: d.add(g.card(), "card"),
    "iban": lambda g, d, n, gr: d.add(g.iban(), "iban"),
    "ssn": lambda g, d, n, gr: d.add(g.ssn(), "national_id"),
    "nino": lambda g, d, n, gr: d.add(g.nino(), "national_id"),
    "handle": lambda g, d, n, gr: d.add(g.handle(n), "handle"),
    "tech": lambda g, d, n, gr: d.add(g.rng.choice(TECH_WORDS), "tech"),
    "tech2": lambda g, d, n, gr: d.add(g.rng.choice(TECH_WORDS), "tech"),
    "word": lambda g, d, n, gr: d.add(g.rng.choice(ORDINARY_CAPITALISED), "tech"),
}


def corpus(n_entries: int = 400, seed: int = 7) -> list[Doc]:
    gen = Generator(seed)
    return [gen.entry() for _ in range(n_entries)]
