"""Secret shapes as data: one row per provider key format.

Each rule is (name, regex, needles, group, category, requires). `group` is the capture
group to redact (0 for the whole match): assignment rules redact only the value, not
"password". `requires` lists characters one of which every match contains ("-", "_", ":"):
a one-character search is much cheaper than the needles, so prose skips most rules on it.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class SecretRule(NamedTuple):
    name: str
    pattern: str
    needles: tuple[str, ...]  # lower-case literals one of which must occur: skips the regex
    group: int = 0
    category: str = "secret"
    requires: str = ""  # characters of the original text, one of which must occur


_B = r"(?<![\w-])"  # a token boundary that also treats "-" as part of the token
_E = r"(?![\w-])"

SECRET_RULES: tuple[SecretRule, ...] = (
    SecretRule("anthropic", _B + r"sk-ant-[A-Za-z0-9_-]{16,}",
               ("sk-ant-",), requires="-"),
    SecretRule("openai", _B + r"sk-(?!ant-)(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{16,}",
               ("sk-",), requires="-"),
    SecretRule("aws_access_key_id",
               r"(?<![A-Z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)"
               r"[A-Z0-9]{16}(?![A-Z0-9])",
               ("akia", "asia", "agpa", "aida", "aroa", "aipa", "anpa", "anva", "abia", "acca"),
               requires="A"),
    SecretRule("aws_secret_access_key",
               r"(?i)aws.{0,40}?(?:secret|key)[\w\s\"']{0,20}?[:=]\s*[\"']?"
               r"([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])",
               ("aws",), group=1, requires=":="),
    SecretRule("github_token", _B + r"gh[pousr]_[A-Za-z0-9]{20,255}" + _E,
               ("ghp_", "gho_", "ghu_", "ghs_", "ghr_"), requires="_"),
    SecretRule("github_pat", _B + r"github_pat_[A-Za-z0-9_]{20,255}",
               ("github_pat_",), requires="_"),
    SecretRule("gitlab_pat", _B + r"glpat-[A-Za-z0-9_-]{16,}",
               ("glpat-",), requires="-"),
    SecretRule("slack_token", _B + r"xox[abprse]-[A-Za-z0-9-]{10,}",
               ("xox",), requires="-"),
    SecretRule("slack_app_token", _B + r"xapp-\d-[A-Za-z0-9-]{10,}",
               ("xapp-",), requires="-"),
    SecretRule("google_api_key", r"(?<![\w-])AIza[0-9A-Za-z_-]{30,40}" + _E,
               ("aiza",), requires="z"),
    SecretRule("stripe", _B + r"(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}",
               ("_live_", "_test_"), requires="_"),
    SecretRule("huggingface", _B + r"hf_[A-Za-z0-9]{30,}" + _E,
               ("hf_",), requires="_"),
    SecretRule("jwt", r"(?<![\w-])eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*",
               ("eyj",), requires="J"),
    SecretRule("pem_private_key",
               r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?"
               r"(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|\n\s*\n|\Z)",
               ("private key",), requires="-"),
    SecretRule("bearer", r"(?i)\bbearer\s+([A-Za-z0-9._~+/=-]{16,})",
               ("bearer",), group=1),
    SecretRule("url_credentials", r"://[^\s:/@]+:([^\s@/]+)@",
               ("://",), group=1, requires="@"),
    # Strong words: any value goes, quoted or not.
    SecretRule("password_assignment",
               r"(?i)\b(?:password|passwd|pwd|pw|pass|passphrase|passwort|kennwort|contrase[ñn]a|"
               r"mot\s+de\s+passe|secret|client_secret)\b[\"']?\s*[:=]\s*"
               r"(\"[^\"\n]+\"|'[^'\n]+'|[^\s\"',;]+)",
               ("pass", "pwd", "pw", "secret", "wort", "contrase", "mot de"), group=1, requires=":="),
    # Weak words ("key", "token") also appear in prose: the value must look machine-made.
    SecretRule("key_assignment",
               r"(?i)\b(?:token|api[_-]?key|apikey|key|access[_-]?token|auth[_-]?token|"
               r"secret[_-]?key|private[_-]?key)\b[\"']?\s*[:=]\s*"
               r"(\"[^\"\n]{6,}\"|'[^'\n]{6,}'|(?=[^\s\"',;]*[\d_\-/+=])[^\s\"',;]{8,})",
               ("token", "key"), group=1, requires=":="),
)

COMPILED_RULES: tuple[tuple[SecretRule, re.Pattern[str]], ...] = tuple(
    (rule, re.compile(rule.pattern)) for rule in SECRET_RULES
)
