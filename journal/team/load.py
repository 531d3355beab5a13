"""Reading summaries that other people wrote: capped, strictly parsed, validated, cross-checked.

Nothing inside a file is followed: no path, link or reference in it is opened. A bad file is
reported by name and reason and the others are still combined.
"""

from __future__ import annotations

import hashlib
import json
import stat
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from journal.share.model import TotalsRow
from journal.team.model import LoadedSummary, SharedEntry, Skipped

MAX_BYTES = 5 * 1024 * 1024  # a summary of 20,000 entries with lessons is well under this
MAX_FILES = 1000  # per report
MAX_REASON = 200


class _Bad(Exception):
    """Why one file is skipped (the message is shown to the person)."""


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator  # loaded on first use, not by the CLI's --help

    text = resources.files("journal").joinpath("data/team/summary.schema.json").read_text("utf-8")
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(_inline_refs(schema, schema.get("$defs", {})))


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with its local "#/$defs/…" references written out: the same rules, checked
    about twice as fast (no reference lookups for each of up to 20,000 entries)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if len(node) == 1 and isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


def gather(paths: Iterable[Path | str]) -> tuple[list[Path], list[Skipped]]:
    """The files to read: given files as they are, folders' *.json files (not sub-folders,
    not symbolic links), sorted by name; at most MAX_FILES."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.iterdir(), key=lambda p: p.name):
                if child.suffix.lower() != ".json":
                    continue
                if child.is_symlink():
                    skipped.append(Skipped(child.name, "a symbolic link; links are not followed"))
                elif child.is_file():
                    files.append(child)
        elif path.exists():
            files.append(path)
        else:
            skipped.append(Skipped(path.name or str(path), "no such file or folder"))
    if len(files) > MAX_FILES:
        skipped += [Skipped(p.name, f"over the limit of {MAX_FILES} files per report")
                    for p in files[MAX_FILES:]]
        files = files[:MAX_FILES]
    return files, skipped


def load_file(path: Path) -> LoadedSummary | Skipped:
    try:
        return _load(path)
    except _Bad as bad:
        return Skipped(path.name, _short(str(bad)))


def load_all(paths: Iterable[Path | str]) -> tuple[list[LoadedSummary], list[Skipped]]:
    """(valid summaries, files skipped and why), in file name order."""
    files, skipped = gather(paths)
    loaded: list[LoadedSummary] = []
    for path in files:
        result = load_file(path)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            loaded.append(result)
    return loaded, skipped


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_REASON else flat[: MAX_REASON - 1] + "…"


def _read(path: Path) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise _Bad("not a regular file")
        if info.st_size > MAX_BYTES:
            raise _Bad(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _Bad(f"cannot be read ({exc.strerror or exc})") from exc
    if len(data) > MAX_BYTES:
        raise _Bad(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    return data


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Bad(f"the key {key!r} appears twice in one object")
        out[key] = value
    return out


def _reject_constant(name: str) -> Any:
    raise _Bad(f"{name} is not a number JSON allows")


def _parse(data: bytes) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Bad("not UTF-8 text") from exc
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys,
                          parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise _Bad(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    except RecursionError as exc:
        raise _Bad("nested too deeply") from exc


def _validate(doc: Any) -> None:
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(doc))
    if error is None:
        return
    where = "/".join(str(p) for p in error.absolute_path) or "the top level"
    raise _Bad(f"not an Offscript summary: at {where}: {error.message}")


def _load(path: Path) -> LoadedSummary:
    data = _read(path)
    doc = _parse(data)
    if not isinstance(doc, dict) or "schema" not in doc:
        raise _Bad("not an Offscript summary (no schema field)")
    if doc["schema"] not in ("offscript.summary/1", "offscript.summary/2"):
        raise _Bad(f"unknown schema {str(doc['schema'])[:60]!r} (this version reads "
                   "offscript.summary/1 and /2)")
    _validate(doc)
    entries = tuple(_entry(e) for e in doc["entries"])
    totals = _totals(doc)
    _check_adds_up(totals, entries)
    return LoadedSummary(
        file=path.name, digest=hashlib.sha256(data).hexdigest(), schema=doc["schema"],
        contributor=doc.get("contributor", ""), created=doc.get("created", ""),
        detail=doc["detail"], since=doc["range"]["since"], until=doc["range"]["until"],
        totals=totals, entries=entries)


def _entry(e: dict[str, Any]) -> SharedEntry:
    return SharedEntry(
        date=e["date"], tool=e["tool"], category=e["category"], outcome=e["outcome"],
        minutes_without_ai=e["minutes_without_ai"], minutes_with_ai=e["minutes_with_ai"],
        net_minutes=e["net_minutes"], failure_modes=tuple(e["failure_modes"]),
        what_broke=e.get("what_broke") or None, lesson=e.get("lesson") or None,
        prompt=e.get("prompt") or None)


def _totals(doc: dict[str, Any]) -> TotalsRow:
    t, o = doc["totals"], doc["outcomes"]
    return TotalsRow(
        entries=t["entries"], net_minutes=t["net_minutes"],
        minutes_without_ai=t["minutes_without_ai"], minutes_with_ai=t["minutes_with_ai"],
        median_net_minutes=t["median_net_minutes"], win_rate=t["win_rate"], worked=o["worked"],
        partly=o["partly"], broke=o["broke"], broke_minutes_lost=t["broke_minutes_lost"],
        negative_net_minutes=t["negative_net_minutes"])


def _check_adds_up(t: TotalsRow, entries: tuple[SharedEntry, ...]) -> None:
    """A summary's totals must be the sum of its entries: anything else was edited or damaged,
    and counting it would make the team totals disagree with themselves."""
    for e in entries:
        if e.net_minutes != e.minutes_without_ai - e.minutes_with_ai:
            raise _Bad(f"an entry of {e.date} has net minutes that do not match its minutes")
    checks = (
        ("entries", t.entries, len(entries)),
        ("net minutes", t.net_minutes, sum(e.net_minutes for e in entries)),
        ("minutes by hand", t.minutes_without_ai, sum(e.minutes_without_ai for e in entries)),
        ("minutes with AI", t.minutes_with_ai, sum(e.minutes_with_ai for e in entries)),
        ("worked", t.worked, sum(e.outcome == "worked" for e in entries)),
        ("partly", t.partly, sum(e.outcome == "partly" for e in entries)),
        ("broke", t.broke, sum(e.outcome == "broke" for e in entries)),
        ("minutes lost to broken attempts", t.broke_minutes_lost,
         sum(e.minutes_with_ai for e in entries if e.outcome == "broke")),
        ("negative net minutes", t.negative_net_minutes,
         sum(e.net_minutes for e in entries if e.net_minutes < 0)),
    )
    for name, stated, counted in checks:
        if stated != counted:
            raise _Bad(f"its totals do not add up: {name} says {stated}, its entries give "
                       f"{counted}")
