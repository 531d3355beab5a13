"""True positives and hard negatives for the structured detectors."""

from __future__ import annotations

import pytest

from journal.redact.contact import EmailDetector, HandleDetector, HostDetector, IpDetector, UrlDetector
from journal.redact.finance import CardDetector, IbanDetector, NationalIdDetector, iban_ok, luhn_ok
from journal.redact.local import HomePathDetector, OsUserDetector
from journal.redact.phone import PhoneDetector


def found(detector: object, text: str) -> list[str]:
    return [text[h.start : h.end] for h in detector.find(text)]  # type: ignore[attr-defined]


HARD_NEGATIVES = [
    "Upgraded to Python 3.11.7 and then 3.12.1; pip 24.0.1 is fine.",
    "version 1.2.3 of the tool, v2.0.0-rc1",
    "job 550e8400-e29b-41d4-a716-446655440000 finished in 45 minutes",
    "ran train.py and eval_v2.py, commit a1b2c3d4e5",
    "on 2026-11-20 at 10:30, then 2026-11-20T10:30:00Z and 2026-11-20 10:30:00",
    "GPT-4o beat Llama 3.1 70B by 12.5 points; 3/4 prompts passed",
    "took 1200 steps, 15000000 tokens, seed 1732060800, lr 0.0003",
    "scores 0.87 0.91 0.93, years 2019-2023, ratio 16:9",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
@pytest.mark.parametrize(
    "detector",
    [EmailDetector(), UrlDetector(), HostDetector(), IpDetector(), PhoneDetector(),
     CardDetector(), IbanDetector(), NationalIdDetector(), HomePathDetector(),
     HandleDetector(frozenset())],
)
def test_hard_negatives(detector: object, text: str) -> None:
    assert found(detector, text) == []


def test_email() -> None:
    text = "Write to ana.souza+ai@initrode.co.uk or bob@example.com."
    assert found(EmailDetector(), text) == ["ana.souza+ai@initrode.co.uk", "bob@example.com"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("see https://github.com/org/repo/pull/12.", "https://github.com/org/repo/pull/12"),
        ("(http://example.com/a_(b))", "http://example.com/a_(b)"),
        ("get ftp://files.example.org/x.csv now", "ftp://files.example.org/x.csv"),
        ("open www.example.com/page?id=3, then", "www.example.com/page?id=3"),
        ("hook https://hooks.slack.com/services/T0/B0/XYZ", "https://hooks.slack.com/services/T0/B0/XYZ"),
        ("repo at github.com/initrode/bot!", "github.com/initrode/bot"),
    ],
)
def test_url(text: str, want: str) -> None:
    assert found(UrlDetector(), text) == [want]


def test_hosts_internal_and_user_domains() -> None:
    det = HostDetector(["initrode.com"])
    text = "build01.corp and wiki.eng.internal, gpu-3.lan; api.initrode.com and initrode.com"
    hits = list(det.find(text))
    assert [text[h.start : h.end] for h in hits] == [
        "build01.corp", "wiki.eng.internal", "gpu-3.lan", "api.initrode.com", "initrode.com"]
    assert [h.category for h in hits][-2:] == ["host", "domain"]


def test_ip() -> None:
    text = "hosts 10.0.0.12, 192.168.1.0/24 and fe80::1ff:fe23:4567:890a; not 999.1.1.1"
    assert found(IpDetector(), text) == ["10.0.0.12", "192.168.1.0/24", "fe80::1ff:fe23:4567:890a"]


def test_ip_four_part_valid_version_is_accepted_as_ip() -> None:
    assert found(IpDetector(), "build 3.11.7.1") == ["3.11.7.1"]


@pytest.mark.parametrize(
    "number",
    ["+1 415 555 0132", "(415) 555-0132", "415.555.0132", "020 7946 0958", "+44 20 7946 0958",
     "+49 30 12345678", "0151 23456789", "+33 1 23 45 67 89", "+91 98765 43210", "4155550132"],
)
def test_phone_valid(number: str) -> None:
    assert found(PhoneDetector(), f"call {number} today") == [number]


def test_phone_shape_only_is_uncertain() -> None:
    hits = list(PhoneDetector().find("ring 555-123-4567 please"))
    assert len(hits) == 1 and hits[0].uncertain


@pytest.mark.parametrize(
    "card", ["4111 1111 1111 1111", "5500-0000-0000-0004", "340000000000009", "6011000000000004"]
)
def test_cards(card: str) -> None:
    assert found(CardDetector(), f"card {card}.") == [card]


def test_card_luhn_and_issuer() -> None:
    assert luhn_ok("4111111111111111")
    assert not luhn_ok("4111111111111112")
    assert found(CardDetector(), "4111 1111 1111 1112") == []
    assert found(CardDetector(), "ts 1732060800000 ms") == []


@pytest.mark.parametrize(
    "iban", ["DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "FR14 2004 1010 0505 0001 3M02 606"]
)
def test_iban(iban: str) -> None:
    assert found(IbanDetector(), f"pay to {iban} ASAP") == [iban]


def test_iban_checksum() -> None:
    assert iban_ok("GB82WEST12345698765432")
    assert not iban_ok("GB83WEST12345698765432")


def test_national_ids() -> None:
    det = NationalIdDetector()
    assert found(det, "SSN 123-45-6789 and 078-05-1120") == ["123-45-6789", "078-05-1120"]
    assert found(det, "000-12-3456 666-12-3456 900-12-3456 123-00-4567 123-45-0000") == []
    assert found(det, "NINO QQ 12 34 56 C or AB123456D") == ["QQ 12 34 56 C", "AB123456D"]
    assert found(det, "ref GB123456A") == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("in /home/jdoe/projects/bot/train.py.", "/home/jdoe/projects/bot/train.py"),
        ("at /Users/jdoe/Library/x", "/Users/jdoe/Library/x"),
        ("saved C:\\Users\\jdoe\\Documents\\notes.txt", "C:\\Users\\jdoe\\Documents\\notes.txt"),
        ("cd ~jdoe/src", "~jdoe/src"),
        ("mounted /var/home/jdoe/data", "/var/home/jdoe/data"),
    ],
)
def test_home_paths(text: str, want: str) -> None:
    assert found(HomePathDetector(), text) == [want]


def test_os_user_whole_word() -> None:
    det = OsUserDetector("jdoe")
    assert found(det, "jdoe ran it as JDOE; jdoes and xjdoe are other words") == ["jdoe", "JDOE"]
    assert found(OsUserDetector(None), "jdoe") == []


def test_handles_not_emails_or_decorators() -> None:
    det = HandleDetector(frozenset({"dataclass", "here"}))
    text = "ping @ana_s and @Bob.Lee, not ana@x.com, @dataclass, @here, @types/node or @3pm"
    assert found(det, text) == ["@ana_s", "@Bob.Lee"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("(maria@x.com, +1 415 555 0100) asked", "([email], [phone]) asked"),
        ("call (+44 20 7946 0958) now", "call ([phone]) now"),
        ("call (+44 20 7946 0958).", "call ([phone])."),
        ("(020 7946 0958)", "([phone])"),
        ("((415) 555-0132)", "([phone])"),
        ("x (415) 555-0132) y", "x [phone]) y"),
        ("office (415) 555-0132.", "office [phone]."),
        ("Call +1 415 555 0132.", "Call [phone]."),
        ("call 415.555.0132.", "call [phone]."),
        ("numbers: +1 415 555 0132, +44 20 7946 0958, done", "numbers: [phone], [phone], done"),
        ("[+1 415 555 0132]", "[[phone]]"),
        ("(+1 (415) 555-0132)", "([phone])"),
        ("a +1 415 555 0132 +44 20 7946 0958 b", "a [phone] [phone] b"),
    ],
)
def test_phone_spans_leave_surrounding_punctuation(text: str, want: str) -> None:
    from journal.redact import RedactionPolicy, Redactor

    assert Redactor(RedactionPolicy()).redact(text).text == want


@pytest.mark.parametrize(
    ("text", "want"),
    [("(415) 555-0132", "(415) 555-0132"), ("(415) 555-0132)", "(415) 555-0132"),
     ("(+44 20 7946 0958)", "+44 20 7946 0958"), (" (020 7946 0958). ", "020 7946 0958"),
     ("((415) 555-0132)", "(415) 555-0132"), ("+1 415 555 0132,", "+1 415 555 0132")],
)
def test_unwrap(text: str, want: str) -> None:
    from journal.redact.phone import unwrap

    start, end = unwrap(text, 0, len(text))
    assert text[start:end] == want


def test_german_svnr_needs_a_real_birth_date() -> None:
    assert found(NationalIdDetector(), "SVNR 65 170839 J 003 ok") == ["65 170839 J 003"]
    assert found(NationalIdDetector(), "Nummer 53270491K517.") == ["53270491K517"]
    assert found(NationalIdDetector(), "build 12 345678 A 123") == []  # 34th of the 56th month


def test_dutch_polish_irish_addresses() -> None:
    from journal.redact.address import AddressDetector
    detector = AddressDetector(lambda word: word.casefold() in {"tests", "tokens", "rome"})
    assert found(detector, "Keizersgracht 312-II, 1016 EZ Amsterdam") == [
        "Keizersgracht 312-II", "1016 EZ Amsterdam"]
    assert found(detector, "ul. Marszałkowska 84/92, 00-514 Warszawa") == [
        "ul. Marszałkowska 84/92", "00-514 Warszawa"]
    assert found(detector, "Dublin 2, D02 X285") == ["D02 X285"]
    assert found(detector, "in 2024 AD Rome, 1024 GB Tests, 10-100 Tokens") == []


def test_kubernetes_node_names_are_hosts() -> None:
    text = "node gke-prod-pool-1-9f2a1c3d-x7k2 and aks-nodepool1-12345678-vmss000002, gke-docs"
    assert found(HostDetector(), text) == ["gke-prod-pool-1-9f2a1c3d-x7k2",
                                           "aks-nodepool1-12345678-vmss000002"]


def test_phone_after_a_csv_comma() -> None:
    assert found(PhoneDetector(), "EMP-1,1990-06-14,+84 912 345 678") == ["+84 912 345 678"]


def test_identifier_found_once_is_swept_from_every_text() -> None:
    from journal.redact import RedactionPolicy, Redactor
    redactor = Redactor(RedactionPolicy())
    redactor.learn(["staging pw: Sunflower#2291 from ops"])
    assert "Sunflower#2291" not in redactor.redact("rotate Sunflower#2291 today").text
