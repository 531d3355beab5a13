"""One test per secret rule, plus entropy hard negatives."""

from __future__ import annotations

import pytest

from journal.redact.secret_rules import SECRET_RULES
from journal.redact.secrets import SecretDetector, looks_random

SAMPLES: dict[str, tuple[str, str]] = {
    "anthropic": ("key sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv12 here", "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv12"),
    "openai": ("OPENAI=sk-proj-AbCdEfGhIjKlMnOpQrSt1234 ok", "sk-proj-AbCdEfGhIjKlMnOpQrSt1234"),
    "aws_access_key_id": ("id AKIAIOSFODNN7EXAMPLE used", "AKIAIOSFODNN7EXAMPLE"),
    "aws_secret_access_key": ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                              "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    "github_token": ("token ghp_16C7e42F292c6912E7710c838347Ae178B4a ok",
                     "ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
    "github_pat": ("github_pat_11ABCDEFG0123456789_abcdefghijklmnop",
                   "github_pat_11ABCDEFG0123456789_abcdefghijklmnop"),
    "gitlab_pat": ("glpat-xxxxXXXX1234yyyyZZZZ", "glpat-xxxxXXXX1234yyyyZZZZ"),
    "slack_token": ("bot xoxb-123456789012-abcdefABCDEF ok", "xoxb-123456789012-abcdefABCDEF"),
    "slack_app_token": ("xapp-1-A0123456789-abcdef012345", "xapp-1-A0123456789-abcdef012345"),
    "google_api_key": ("AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW ok",
                       "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW"),
    "stripe": ("sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
    "huggingface": ("hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"),
    "jwt": ("Bearer-less eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sflKxwRJSMeKKF2QT4fwpM end",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sflKxwRJSMeKKF2QT4fwpM"),
    "pem_private_key": ("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nabc\n-----END RSA PRIVATE KEY-----",
                        "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nabc\n-----END RSA PRIVATE KEY-----"),
    "bearer": ("Authorization: Bearer abc.def-ghi_jkl0123456", "abc.def-ghi_jkl0123456"),
    "url_credentials": ("postgres://admin:s3cr3tpw@db.corp/x", "s3cr3tpw"),
    "password_assignment": ('password: "correct horse"', '"correct horse"'),
    "password_word": ("the staging pw Sunflower#2291 expired", "Sunflower#2291"),
    "key_assignment": ("api_key=abc123def456", "abc123def456"),
}


def test_every_rule_has_a_sample() -> None:
    assert {r.name for r in SECRET_RULES} == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_rule(name: str) -> None:
    text, want = SAMPLES[name]
    hits = [h for h in SecretDetector().find(text) if h.key == name]
    assert [text[h.start : h.end] for h in hits] == [want]


@pytest.mark.parametrize(
    "text",
    ["the key: we need more data", "max token: 4096", "key = value", "password reset flow",
     "my secret sauce is rest"],
)
def test_prose_is_not_an_assignment(text: str) -> None:
    assert [h for h in SecretDetector().find(text) if h.key != "password_assignment"] == []


@pytest.mark.parametrize(
    "token",
    ["550e8400-e29b-41d4-a716-446655440000", "Meta-Llama-3-70B-Instruct-GPTQ",
     "mistralai/Mixtral-8x7B-Instruct-v0.1", "da39a3ee5e6b4b0d3255bfef95601890afd80709",
     "run_2026_11_20_baseline_v3", "TheBloke/Mistral-7B-Instruct-v0.2-GGUF", "train.py"],
)
def test_entropy_negatives(token: str) -> None:
    assert not looks_random(token)


def test_entropy_positive_is_uncertain() -> None:
    hits = list(SecretDetector().find("token was kT9xQ2mZ7vL4pR8sW1nB6yH3 yesterday"))
    assert len(hits) == 1 and hits[0].uncertain and hits[0].key == "entropy"


def test_every_sample_holds_a_required_character() -> None:
    # `requires` lets prose skip a rule on a one-character search: it must never skip a match.
    for rule in SECRET_RULES:
        text, _ = SAMPLES[rule.name]
        assert not rule.requires or any(c in text for c in rule.requires), rule.name
