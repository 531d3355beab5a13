"""The grading flow: import a realistic corpus, declare clients, export everything in every
format, and check that nothing planted leaks while technical words survive."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from support import init_journal
from support.cli import cli_environment, run_cli

from journal.share import FORMATS

CLIENTS = ("Initrode", "Globex", "Umbrella Health")
PLANTED = {
    "email": ["maria.garcia@initrode.com", "j.smith@globex.io", "ops-team@umbrella-health.org"],
    "phone": ["+1 415 555 0132", "(212) 555-0199", "+44 20 7946 0958", "+49 30 901820"],
    "secret": ["sk-proj-4f9Ks8d7Qw2Lm3Np6Rt1Vx0Yz5Ab", "AKIAIOSFODNN7EXAMPLE",
               "ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5",
               "xoxb-2048-4096-a1b2c3d4e5f6g7h8i9j0k1l2"],
    "ip": ["10.20.30.40", "192.168.1.17", "172.16.254.3"],
    "link": ["https://jira.initrode.com/browse/FAL-1203", "https://docs.globex.io/api/v2"],
    "path": ["/home/mgarcia/projects/etl/run.py", r"C:\Users\jsmith\Documents\report.xlsx"],
    "card": ["4111 1111 1111 1111"],
    "iban": ["DE89 3704 0044 0532 0130 00"],
    "client": list(CLIENTS),
    "person": ["Maria Garcia", "John Smith", "Priya Patel", "Olusegun Adeyemi"],
}
TECH = ("Python", "SQL", "Excel", "Kubernetes", "ChatGPT", "Docker", "JavaScript", "React",
        "Postgres", "pandas", "regex", "JSON", "API", "Terraform", "Copilot", "Claude")

TEMPLATES = [
    ("Clean up the Initrode ETL in Python",
     "My Python script at /home/mgarcia/projects/etl/run.py fails on the SQL step. "
     "Maria Garcia said to email maria.garcia@initrode.com if stuck.",
     "pandas read_csv guessed the wrong dtypes.", "Pin dtypes in pandas; check the SQL plan."),
    ("Excel macro for Globex invoices",
     "Write an Excel formula; our contact John Smith (j.smith@globex.io, (212) 555-0199) "
     "needs it by Friday. File: C:\\Users\\jsmith\\Documents\\report.xlsx",
     "Used a function missing in Excel 2016.", "State the Excel version first."),
    ("Kubernetes rollout for Umbrella Health",
     "Our Kubernetes cluster at 10.20.30.40 rejects the manifest; the Docker token is "
     "ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5. Ticket: https://jira.initrode.com/browse/FAL-1203",
     "Invented a Kubernetes field.", "Validate manifests with kubectl --dry-run."),
    ("Terraform review",
     "Review this Terraform plan. AWS key AKIAIOSFODNN7EXAMPLE is in the variables; "
     "Priya Patel owns the account. Call +44 20 7946 0958.",
     "It echoed the key back.", "Never paste real keys; use placeholders."),
    ("React form validation",
     "A React form in JavaScript that validates a card like 4111 1111 1111 1111 and an IBAN "
     "DE89 3704 0044 0532 0130 00 for Globex.",
     "Regex accepted spaces badly.", "Ask for regex test cases in JSON."),
    ("Postgres slow query",
     "Postgres query on 192.168.1.17 is slow; the API docs are at https://docs.globex.io/api/v2 "
     "and the OpenAI key is sk-proj-4f9Ks8d7Qw2Lm3Np6Rt1Vx0Yz5Ab.",
     "Suggested an index that already existed.", "Share the schema and EXPLAIN output."),
    ("Status mail for Olusegun Adeyemi",
     "Draft a status mail to Olusegun Adeyemi at ops-team@umbrella-health.org, cc +1 415 555 0132 "
     "and +49 30 901820. Slack bot token xoxb-2048-4096-a1b2c3d4e5f6g7h8i9j0k1l2; host 172.16.254.3.",
     "", "Short prompts work for routine mail."),
]
TOOLS = ("ChatGPT", "Claude", "Copilot")


def corpus() -> list[dict[str, object]]:
    rows = []
    for n in range(21):
        title, prompt, broke, lesson = TEMPLATES[n % len(TEMPLATES)]
        outcome = ("worked", "partly", "broke")[n % 3]
        rows.append({
            "occurred_at": f"2026-02-{1 + n:02d}T10:00", "title": title,
            "tool": TOOLS[n % 3], "tool_version": "Initrode build 4" if n == 0 else "4o",
            "category": "Globex work" if n % 7 == 0 else ("coding", "writing", "ops")[n % 3],
            "prompt": prompt, "iterations": 1 + n % 4, "outcome": outcome,
            "minutes_without_ai": 30 + n, "minutes_with_ai": 10 + 3 * n,
            "what_broke": broke or None, "lesson": lesson,
            "failure_modes": ["hallucination"] if outcome == "broke" else [],
            "tags": ["initrode", "python"] if n % 2 else ["globex"], "share": n % 2 == 0,
        })
    return rows


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    done = run_cli(env, *args, text=False)
    assert done.returncode == 0, done.stderr.decode()
    return done


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Built once for the module: the tests only read the exported files."""
    tmp_path = tmp_path_factory.mktemp("end_to_end")
    cli_env = cli_environment(tmp_path)
    init_journal(cli_env)
    rows = corpus()
    src = tmp_path / "corpus.json"
    src.write_text(json.dumps(rows))
    run(cli_env, "import", str(src))
    run(cli_env, "terms", "add", "--kind", "client", *CLIENTS)
    out = {}
    for fmt in FORMATS:
        target = tmp_path / f"summary.{fmt}"
        run(cli_env, "export", "--format", fmt, "--detail", "full", "--include", "all",
            "-o", str(target))
        out[fmt] = target.read_text(encoding="utf-8")
    return out


def _variants(value: str) -> set[str]:
    """The planted value plus the forms renderers may escape it into."""
    return {value, value.replace("\\", "\\\\"), value.replace("&", "&amp;")}


def test_nothing_planted_leaks_and_technical_words_survive(exported: dict[str, str]) -> None:
    rows = corpus()
    for fmt, text in exported.items():
        for category, values in PLANTED.items():
            for value in values:
                for form in _variants(value):
                    assert form.lower() not in text.lower(), (fmt, category, value)
        # parts of structured values must not survive either (local parts, hosts, key bodies)
        for part in ("maria.garcia", "j.smith", "jira.initrode", "docs.globex", "mgarcia",
                     "jsmith", "AKIAIOSFODNN7", "4f9Ks8d7", "umbrella-health"):
            assert part.lower() not in text.lower(), (fmt, part)
        for word in TECH:
            assert re.search(rf"\b{re.escape(word)}\b", text), (fmt, word)
        if fmt == "json":
            doc = json.loads(text)
            assert doc["totals"]["entries"] == len(rows)
            assert doc["totals"]["net_minutes"] == sum(
                int(r["minutes_without_ai"]) - int(r["minutes_with_ai"]) for r in rows)  # type: ignore[call-overload]
            assert doc["totals"]["net_minutes"] == sum(e["net_minutes"] for e in doc["entries"])


PERSON_TOKENS = sorted({t for name in PLANTED["person"] for t in name.split()})


def test_undeclared_person_name_tokens_mostly_hidden(exported: dict[str, str]) -> None:
    planted = sum(len(re.findall(rf"\b{t}\b", json.dumps(corpus()))) for t in PERSON_TOKENS)
    for fmt, text in exported.items():
        leaked = sum(len(re.findall(rf"\b{t}\b", text)) for t in PERSON_TOKENS)
        assert leaked <= 0.05 * planted, (fmt, leaked, planted)
