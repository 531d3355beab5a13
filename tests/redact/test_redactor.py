"""The public API: terms, consistent labels, overlaps, linkable mode, counts."""

from __future__ import annotations

from itertools import pairwise

from journal.redact import CATEGORIES, RedactionPolicy, Redactor, Replacement, Term

POLICY = RedactionPolicy(
    terms=(Term("Initrode", "client"), Term("Ana Souza", "person"), Term("Falcon Eye", "project"),
           Term("Globex", "client")),
    allow=frozenset({"Foo"}),
    user_domains=("initrode.com",),
    os_user="jdoe",
)


def test_example_from_the_issue() -> None:
    out = Redactor(POLICY).redact("Ask ana souza at ana@initrode.com")
    assert out.text == "Ask Person 1 at [email]"
    assert [r.category for r in out.replacements] == ["person", "email"]


def test_replacement_offsets_index_the_output() -> None:
    out = Redactor(POLICY).redact("Initrode and Globex; Initrode again, mail a@b.io")
    for rep in out.replacements:
        assert out.text[rep.start : rep.end] == rep.replacement
        assert isinstance(rep, Replacement)


def test_terms_are_consistent_and_case_insensitive() -> None:
    r = Redactor(POLICY)
    a = r.redact("INITRODE met Globex.").text
    b = r.redact("initrode's deal with globex and the Falcon Eye project").text
    assert a == "Client 1 met Client 2."
    assert b == "Client 1's deal with Client 2 and the Project 1 project"


def test_possessive_and_surname_after_full_name() -> None:
    out = Redactor(POLICY).redact("Ana Souza's draft. Later Souza fixed it; Ana agreed.").text
    assert out == "Person 1's draft. Later Person 1 fixed it; Person 1 agreed."


def test_detected_surname_maps_to_earlier_full_name() -> None:
    r = Redactor(RedactionPolicy())
    r.redact("Met Priya Raghunathan today.")
    assert r.redact("Raghunathan liked the evals.").text == "Person 1 liked the evals."


def test_terms_inside_identifiers_do_not_survive() -> None:
    out = Redactor(POLICY).redact("repo initrode-bot and initrode_api").text
    assert "initrode" not in out.lower()


def test_domain_term_and_subdomains() -> None:
    out = Redactor(POLICY).redact("see initrode.com and wiki.initrode.com").text
    assert out == "see Domain 1 and [host]"


def test_os_user_and_home_path() -> None:
    out = Redactor(POLICY).redact("jdoe ran /home/jdoe/x/train.py").text
    assert out == "[user] ran [path]"
    assert "jdoe" not in out


def test_overlap_secret_inside_url_redacts_whole_url() -> None:
    r = Redactor(RedactionPolicy())
    text = "GET https://api.example.com/v1?key=sk-proj-AbCdEfGhIjKlMnOpQrSt1234 done"
    out = r.redact(text)
    assert out.text == "GET [secret] done"
    spans = r.detect(text)
    assert all(a.end <= b.start for a, b in pairwise(spans))


def test_email_beats_host_and_terms() -> None:
    out = Redactor(POLICY).redact("mail ana@initrode.com")
    assert [r.category for r in out.replacements] == ["email"]


def test_counts_accumulate() -> None:
    r = Redactor(POLICY)
    r.redact("a@b.io and Initrode")
    r.redact("c@d.io")
    assert tuple(r.counts) == CATEGORIES
    assert r.counts["email"] == 2 and r.counts["client"] == 1


def test_linkable_labels_are_stable_across_instances() -> None:
    policy = RedactionPolicy(terms=(Term("Initrode", "client"),), linkable_key=b"k" * 32)
    a = Redactor(policy).redact("Initrode and Kwame Mensah").text
    b = Redactor(policy).redact("Kwame Mensah, then Initrode").text
    client = a.split()[0]
    assert client.startswith("Client-") and len(client) == len("Client-") + 6
    assert client in b
    person = next(w for w in a.split() if w.startswith("Person-"))
    assert person in b
    other = Redactor(RedactionPolicy(terms=policy.terms, linkable_key=b"x" * 32))
    assert client not in other.redact("Initrode").text


def test_default_labels_are_sequential() -> None:
    r = Redactor(RedactionPolicy(terms=(Term("A Corp", "client"), Term("B Corp", "client"))))
    assert r.redact("B Corp, A Corp, B Corp").text == "Client 1, Client 2, Client 1"


def test_keep_spares_an_uncertain_word_only() -> None:
    text = "We tried Zorblax with Kwame."
    r = Redactor(RedactionPolicy())
    spans = {text[s.start : s.end]: s.uncertain for s in r.detect(text)}
    assert spans.get("Zorblax") is True
    kept = Redactor(RedactionPolicy(keep=frozenset({"zorblax", "kwame"})))
    out = kept.redact(text).text
    assert "Zorblax" in out and "Kwame" not in out


def test_user_allow_list_extends_builtin() -> None:
    r = Redactor(RedactionPolicy(allow=frozenset({"Zorblax"})))
    assert r.redact("We tried Zorblax today.").text == "We tried Zorblax today."


def test_empty_and_plain_text() -> None:
    r = Redactor(RedactionPolicy())
    assert r.redact("").text == ""
    plain = "Then I asked ChatGPT to summarise the Python logs for 45 minutes."
    assert r.redact(plain).text == plain
