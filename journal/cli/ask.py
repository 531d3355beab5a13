"""`offscript add` at a terminal with fields missing: ask for them one by one, with defaults
from history (the last tool and its version), like jrnl's one-line entry but guided."""

from __future__ import annotations

from typing import Any, TextIO

from journal.api import Journal
from journal.entries import OUTCOMES, validate_fields
from journal.errors import ValidationError

REQUIRED = ("title", "tool", "outcome", "minutes_without_ai", "minutes_with_ai")
QUESTIONS = {
    "title": "What did you try?",
    "tool": "Tool",
    "tool_version": "Version (optional)",
    "outcome": "Outcome (worked/partly/broke)",
    "minutes_without_ai": "Minutes it would take by hand",
    "minutes_with_ai": "Minutes it took with AI",
}


class Cancelled(Exception):
    """End of input while asking (Ctrl+D): nothing is added."""


def last_used(journal: Journal) -> dict[str, str]:
    latest = journal.list(limit=1)
    if not latest:
        return {}
    entry = latest[0]
    return {"tool": entry.tool, "tool_version": entry.tool_version or ""}


def ask_missing(data: dict[str, Any], journal: Journal, stdin: TextIO,
                err: TextIO) -> dict[str, Any]:
    """Fill the required fields (and the version, when the tool is asked) from answers."""
    defaults = last_used(journal)
    asked_tool = "tool" not in data
    for name in ("title", "tool", "tool_version", "outcome", "minutes_without_ai",
                 "minutes_with_ai"):
        if name in data or (name == "tool_version" and not asked_tool):
            continue
        default = defaults.get(name, "")
        if name == "tool_version" and data.get("tool") != defaults.get("tool"):
            default = ""  # the last version belongs to another tool
        data[name] = _ask(name, default, stdin, err)
        if data[name] == "" and name not in REQUIRED:
            del data[name]
    return data


def _ask(name: str, default: str, stdin: TextIO, err: TextIO) -> Any:
    while True:
        shown = f" [{default}]" if default else ""
        err.write(f"{QUESTIONS[name]}{shown}: ")
        err.flush()
        line = stdin.readline()
        if not line:
            err.write("\n")
            raise Cancelled
        answer = line.strip() or default
        if name == "outcome":
            matches = [o for o in OUTCOMES if answer and o.startswith(answer.lower())]
            answer = matches[0] if len(matches) == 1 else answer
        try:
            value = validate_fields({name: answer}, partial=True).get(name)
        except ValidationError as exc:
            err.write(f"  {name.replace('_', ' ')} {exc.rule}\n")
            continue
        if name in REQUIRED and value in (None, ""):
            err.write(f"  {name.replace('_', ' ')} is required\n")
            continue
        return answer if name not in ("minutes_without_ai", "minutes_with_ai") else value
