"""Read the `conversations.json` of a ChatGPT or Claude data export (the zip or the file).

The formats are undocumented and change, so every field is optional: unknown fields are
ignored, a conversation without a user message is skipped, and a file that is neither
format is refused with a message that says what was expected. Only what a draft needs is
kept (title, the first user message, the number of user turns, the model, the time); the
rest of the conversation never leaves this module.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from journal.entries import MAX_PROMPT, MAX_TITLE
from journal.errors import StorageError, ValidationError

MAX_EXPORT_BYTES = 512 * 1024 * 1024  # the JSON itself; a zip member larger than this is refused
EXPORT_NAME = "conversations.json"


@dataclass(frozen=True)
class Conversation:
    """One conversation reduced to what a draft entry needs."""

    fingerprint: str  # stable across re-imports of the same export
    source: str  # "ChatGPT" or "Claude": the tool
    title: str
    prompt: str
    user_turns: int
    model: str | None
    started_at: datetime | None


def read_export(path: Path) -> list[Conversation]:
    """Conversations of an export, newest first. Raises ValidationError or StorageError."""
    data = _load_json(path)
    if not isinstance(data, list):
        raise _not_an_export(path)
    found: list[Conversation] = []
    recognised = False
    for item in data:
        if not isinstance(item, Mapping):
            continue
        if "mapping" in item:
            recognised = True
            conv = _chatgpt(item)
        elif "chat_messages" in item:
            recognised = True
            conv = _claude(item)
        else:
            continue
        if conv is not None:
            found.append(conv)
    if data and not recognised:
        raise _not_an_export(path)
    found.sort(key=lambda c: c.started_at or datetime.min, reverse=True)
    return found


def _not_an_export(path: Path) -> ValidationError:
    return ValidationError(path.name, "is not a ChatGPT or Claude data export (expected the "
                           "export's zip or its conversations.json: a list of conversations)")


def _load_json(path: Path) -> Any:
    try:
        if path.exists() and not path.is_file():  # is_zipfile would read /dev/zero forever
            raise ValidationError(path.name, "is not a regular file (a device, pipe or folder); "
                                  "give the export's zip or its conversations.json")
        if zipfile.is_zipfile(path):
            raw = _zip_member(path)
        else:
            if path.stat().st_size > MAX_EXPORT_BYTES:
                raise ValidationError(path.name, f"is larger than {MAX_EXPORT_BYTES // 2**20} MB")
            with path.open("rb") as handle:  # bounded: /dev/zero and pipes have no size
                raw = handle.read(64 * 1024)
                if b"\x00" in raw:  # JSON text never holds NUL bytes: /dev/zero, a binary
                    raise _not_an_export(path)
                raw += handle.read(MAX_EXPORT_BYTES + 1 - len(raw))
            if len(raw) > MAX_EXPORT_BYTES:
                raise ValidationError(path.name, f"is larger than {MAX_EXPORT_BYTES // 2**20} MB")
    except OSError as exc:
        raise StorageError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise _not_an_export(path) from None


def _zip_member(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        members = [i for i in archive.infolist()
                   if Path(i.filename).name == EXPORT_NAME and not i.is_dir()]
        if not members:
            raise ValidationError(path.name, f"is a zip without {EXPORT_NAME}: is it a ChatGPT "
                                  "or Claude data export?")
        member = min(members, key=lambda i: i.filename.count("/"))  # the top-level one
        if member.file_size > MAX_EXPORT_BYTES:
            raise ValidationError(path.name, f"holds a {EXPORT_NAME} larger than "
                                  f"{MAX_EXPORT_BYTES // 2**20} MB")
        with archive.open(member) as handle:  # read no more than declared (zip bombs)
            return handle.read(MAX_EXPORT_BYTES + 1)[:MAX_EXPORT_BYTES]


def _fingerprint(source: str, conv_id: Any, title: str, started: datetime | None) -> str:
    ident = str(conv_id) if conv_id else f"{title}|{started.isoformat() if started else ''}"
    return hashlib.sha256(f"{source}:{ident}".encode()).hexdigest()[:24]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _epoch(value: Any) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.fromtimestamp(value).replace(microsecond=0)  # local wall-clock time
    except (OverflowError, OSError, ValueError):
        return None


def _iso(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        try:
            parsed = parsed.astimezone().replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
    return parsed.replace(microsecond=0)


def _make(source: str, conv_id: Any, title: str, user_texts: list[str], *, model: str | None,
          started: datetime | None) -> Conversation | None:
    texts = [t.strip() for t in user_texts if t.strip()]
    if not texts:
        return None
    prompt = texts[0][:MAX_PROMPT]
    title = " ".join(title.split()) or " ".join(prompt.split())[:80] or "Untitled conversation"
    return Conversation(
        fingerprint=_fingerprint(source, conv_id, title, started), source=source,
        title=title[:MAX_TITLE], prompt=prompt, user_turns=len(texts),
        model=(model or None) and model[:200], started_at=started)


def _chatgpt_thread(mapping: Mapping[str, Any], current: Any) -> Iterator[Mapping[str, Any]]:
    """Messages of the branch the user last saw (current_node up to the root), oldest first."""
    chain: list[Mapping[str, Any]] = []
    seen: set[str] = set()
    node_id = current if isinstance(current, str) and current in mapping else None
    if node_id is None:  # no current node: take every message in time order
        nodes = [n for n in mapping.values() if isinstance(n, Mapping)]
        msgs: list[Mapping[str, Any]] = [n["message"] for n in nodes
                                         if isinstance(n.get("message"), Mapping)]
        yield from sorted(msgs, key=lambda m: _epoch(m.get("create_time")) or datetime.min)
        return
    while isinstance(node_id, str) and node_id in mapping and node_id not in seen:
        seen.add(node_id)
        node = mapping[node_id]
        if not isinstance(node, Mapping):
            break
        if isinstance(node.get("message"), Mapping):
            chain.append(node["message"])
        node_id = node.get("parent")
    yield from reversed(chain)


def _chatgpt_text(message: Mapping[str, Any]) -> str:
    content = message.get("content")
    if not isinstance(content, Mapping):
        return ""
    parts = content.get("parts")
    if isinstance(parts, list):
        return "\n".join(p for p in parts if isinstance(p, str))
    return _text(content.get("text"))


def _chatgpt(item: Mapping[str, Any]) -> Conversation | None:
    mapping = item.get("mapping")
    if not isinstance(mapping, Mapping):
        return None
    user_texts: list[str] = []
    model = _text(item.get("default_model_slug"))
    for message in _chatgpt_thread(mapping, item.get("current_node")):
        author = message.get("author")
        role = author.get("role") if isinstance(author, Mapping) else None
        if role == "user":
            user_texts.append(_chatgpt_text(message))
        elif role == "assistant":
            meta = message.get("metadata")
            if isinstance(meta, Mapping) and _text(meta.get("model_slug")):
                model = _text(meta.get("model_slug"))
    started = _epoch(item.get("create_time"))
    return _make("ChatGPT", item.get("conversation_id") or item.get("id"),
                 _text(item.get("title")), user_texts,
                 model=model, started=started)


def _claude_text(message: Mapping[str, Any]) -> str:
    text = _text(message.get("text"))
    if text:
        return text
    content = message.get("content")
    if isinstance(content, list):
        return "\n".join(_text(c.get("text")) for c in content
                         if isinstance(c, Mapping) and c.get("type", "text") == "text")
    return ""


def _claude(item: Mapping[str, Any]) -> Conversation | None:
    messages = item.get("chat_messages")
    if not isinstance(messages, list):
        return None
    user_texts = [_claude_text(m) for m in messages
                  if isinstance(m, Mapping) and m.get("sender") in ("human", "user")]
    model = _text(item.get("model")) or None  # newer exports record it; older ones don't
    return _make("Claude", item.get("uuid"), _text(item.get("name")), user_texts,
                 model=model, started=_iso(item.get("created_at")))
