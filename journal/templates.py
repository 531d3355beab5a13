"""Entry templates: built-in ones per kind of task, and the person's own (saved from any entry).

A template fills category, tags, tool, a prompt skeleton and the by-hand estimate. The
by-hand minutes of a category are also suggested from the median of the person's own
entries: shown as a hint, never filled in silently.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from journal.entries import Entry, now_local, validate_fields
from journal.errors import NotFoundError, ValidationError
from journal.store import Store

TEMPLATE_FIELDS = ("category", "tags", "tool", "tool_version", "prompt", "minutes_without_ai")
MAX_NAME = 80


@dataclass(frozen=True)
class Template:
    name: str
    category: str | None = None
    tags: tuple[str, ...] = ()
    tool: str | None = None
    tool_version: str | None = None
    prompt: str | None = None
    minutes_without_ai: int | None = None
    builtin: bool = field(default=False, compare=False)

    def fields(self) -> dict[str, Any]:
        """The entry fields this template sets (empty ones left out)."""
        out = {name: getattr(self, name) for name in TEMPLATE_FIELDS}
        out["tags"] = list(self.tags)
        return {k: v for k, v in out.items() if v not in (None, "", [])}


BUILTIN = (
    Template("Summarise a document", category="writing", tags=("summary",),
             prompt="Summarise the document below for <audience> in <N> bullet points. Keep "
                    "names, numbers and dates exactly as written.\n\n<paste the document>",
             minutes_without_ai=30, builtin=True),
    Template("Write or fix code", category="coding", tags=("code",),
             prompt="Language and version: <…>\nGoal: <what the code should do>\n"
                    "What I have (code, error message):\n<paste>",
             minutes_without_ai=45, builtin=True),
    Template("Draft an e-mail", category="writing", tags=("email",),
             prompt="Draft a <tone> e-mail to <who> about <topic>. Points to make:\n- <…>\n"
                    "Keep it under <N> words.",
             minutes_without_ai=15, builtin=True),
)


class Templates:
    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> list[Template]:
        """Built-in templates first, then the person's own by name."""
        rows = self.store.conn.execute(
            "SELECT name, fields FROM templates ORDER BY name COLLATE NOCASE").fetchall()
        own = [self._from_row(str(name), str(raw)) for name, raw in rows]
        return [*BUILTIN, *own]

    def get(self, name: str) -> Template:
        wanted = name.strip().casefold()
        for template in self.all():
            if template.name.casefold() == wanted:
                return template
        raise NotFoundError(f"No template named {name!r}: see `offscript templates list`.")

    def save(self, name: str, data: dict[str, Any]) -> Template:
        """Save (or replace) one of the person's own templates; built-in names are taken."""
        name = " ".join(name.split())
        if not name or len(name) > MAX_NAME:
            raise ValidationError("name", f"must be 1–{MAX_NAME} characters")
        if any(t.name.casefold() == name.casefold() for t in BUILTIN):
            raise ValidationError("name", f"{name!r} is a built-in template; choose another name")
        picked = {k: v for k, v in data.items() if k in TEMPLATE_FIELDS and v not in (None, "", [])}
        clean = validate_fields(picked, partial=True)
        with self.store.transaction():
            self.store.conn.execute(
                "INSERT INTO templates (name, fields, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET fields = excluded.fields",
                (name, json.dumps(clean), now_local().isoformat()))
        return self._from_row(name, json.dumps(clean))

    def save_from_entry(self, name: str, entry: Entry) -> Template:
        return self.save(name, {k: getattr(entry, k) for k in TEMPLATE_FIELDS})

    def remove(self, name: str) -> None:
        template = self.get(name)
        if template.builtin:
            raise ValidationError("name", f"{template.name!r} is built in and cannot be removed")
        with self.store.transaction():
            self.store.conn.execute("DELETE FROM templates WHERE name = ?", (template.name,))

    def suggested_minutes(self, category: str | None) -> int | None:
        """Median minutes by hand of the person's entries in this category (None: no data)."""
        if not category:
            return None
        where = "trashed_at IS NULL AND category = ? COLLATE NOCASE"
        (count,) = self.store.conn.execute(
            f"SELECT count(*) FROM entries WHERE {where}", (category,)).fetchone()
        if not count:
            return None
        middle = self.store.conn.execute(
            f"SELECT minutes_without_ai FROM entries WHERE {where} ORDER BY minutes_without_ai "
            "LIMIT ? OFFSET ?", (category, 2 - count % 2, (count - 1) // 2)).fetchall()
        return round(sum(int(r[0]) for r in middle) / len(middle))

    @staticmethod
    def _from_row(name: str, raw: str) -> Template:
        try:
            data = json.loads(raw)
        except ValueError:
            data = {}
        data = data if isinstance(data, dict) else {}
        return Template(name=name, category=data.get("category"), tags=tuple(data.get("tags") or ()),
                        tool=data.get("tool"), tool_version=data.get("tool_version"),
                        prompt=data.get("prompt"), minutes_without_ai=data.get("minutes_without_ai"))
