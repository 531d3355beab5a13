"""What makes a new passphrase acceptable: the one place that says so (CLI, app, vault).

At least MIN_PASSPHRASE characters once surrounding spaces are stripped, not only whitespace,
and not one of the ~11,600 most common leaked passwords (journal/data/common_passphrases.txt),
compared without case and without spaces, so "I love you" is as weak as "iloveyou".
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from journal.errors import ValidationError

MIN_PASSPHRASE = 8
COMMON_LIST = Path(__file__).resolve().parent / "data" / "common_passphrases.txt"


@cache
def _common() -> frozenset[str]:
    lines = COMMON_LIST.read_text("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def passphrase_problem(passphrase: str) -> str:
    """Why this passphrase is not acceptable, in one sentence; empty when it is."""
    stripped = passphrase.strip()
    if not stripped:
        return "A passphrase cannot be only spaces."
    if len(stripped) < MIN_PASSPHRASE:
        return f"Too short: at least {MIN_PASSPHRASE} characters (spaces at the ends don't count)."
    lowered = stripped.lower()
    if lowered in _common() or "".join(lowered.split()) in _common():
        return "Too common: this is on lists of leaked passwords that attackers try first."
    return ""


def check_passphrase(passphrase: str) -> None:
    """Raise ValidationError (invalid input, exit 2) when the passphrase is not acceptable."""
    problem = passphrase_problem(passphrase)
    if problem:
        raise ValidationError("passphrase", problem)
