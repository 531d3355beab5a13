"""Regenerate tests/fixtures/migrations/vN: one journal per old schema, made by old code.

    .venv/bin/python -m tools.make_migration_fixtures        # every version in COMMITS
    .venv/bin/python -m tools.make_migration_fixtures 8      # only v8 (the others stay as they are)

For each schema version N below LATEST it checks out the commit listed in COMMITS (a detached
`git worktree` in a temp dir), and runs tools/write_old_journal.py with that checkout first on
PYTHONPATH, so the file is written by that commit's own Store, Entry and migrations, encrypted
with the raw test key in data.json. It refuses to use a commit whose migrations 1..N differ from
today's (a shipped migration must never change), so a fixture is exactly what that code wrote.
Dependencies (sqlcipher3, sqlite-utils) are this venv's. SQLCipher salts and IVs are random, so
a rewritten file never has the same bytes: when LATEST grows, write only the new old version.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "migrations"
WRITER = ROOT / "tools" / "write_old_journal.py"

# Schema version -> the newest commit whose LATEST was that version with today's numbering.
# No commit ever had LATEST 1 or 2 (the first one shipped v1-v3 together), so those two are
# written by the v3 code stopping early (Store.open(..., schema=N)), as a v1/v2 build would.
# v6: main just before the v7 merge; v7: the sample flag's own commit (before v8 was added);
# v8: main just before the samples index (v9) was added; v10: main before the sort indexes (v11).
V3_CODE = "a2c616ef0174e847ea63e267d446b6bad65750ee"
COMMITS = {
    1: V3_CODE,
    2: V3_CODE,
    3: V3_CODE,
    4: "40d8418c96aa6f5311b664a8b7bf1ac765a47e25",
    5: "97ab417152b9caae22daab3faa63187c87a29bb4",
    6: "9e180918c0cf7e6bac7d4c09e60da6fd1c3ba045",
    7: "cfb088bc05339679985a4b863654b4ab8df40503",
    8: "9916ee09fb4172e2dc18af346ef2b447aa941eb3",
    9: "fd4f5328dbb6920b139d19d46480dc9daa1f13e1",
    10: "9b607a20712fcba484227489c253ec9aae2b7c66",
}


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True,  # noqa: S603, S607 - dev tool
                          capture_output=True, text=True).stdout


def migration_sources(source: str) -> list[str]:
    """The source of each `_vN_...` migration function, in order."""
    tree = ast.parse(source)
    return [ast.get_source_segment(source, node) or "" for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("_v")]


def check_same_migrations(commit: str, version: int) -> None:
    old = migration_sources(git("show", f"{commit}:journal/migrations.py"))
    new = migration_sources((ROOT / "journal" / "migrations.py").read_text(encoding="utf-8"))
    if old[:version] != new[:version]:
        sys.exit(f"{commit[:9]}: migrations 1..{version} differ from today's; pick another commit")


def write_fixture(version: int, commit: str, checkout: Path) -> None:
    target = FIXTURES / f"v{version}"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run([sys.executable,  # noqa: S603 - our own writer script
                          str(WRITER), str(FIXTURES / "data.json"),
                          str(target / "journal.db"), str(version)],
                         cwd=checkout, env=env, check=True, capture_output=True, text=True).stdout
    report = json.loads(out.strip().splitlines()[-1])
    if not report["journal"].startswith(str(checkout)) or report["schema"] != version:
        sys.exit(f"v{version}: written by {report['journal']} at schema {report['schema']}")
    for leftover in target.glob("journal.db-*"):  # empty -wal/-shm after the final checkpoint
        leftover.unlink()
    print(f"v{version}: {commit[:9]} -> {target.relative_to(ROOT)}")


def main(args: list[str]) -> None:
    unknown = [arg for arg in args if not arg.isdigit() or int(arg) not in COMMITS]
    if unknown:
        sys.exit(f"no commit listed for schema version(s) {', '.join(unknown)}; "
                 f"COMMITS has {', '.join(map(str, COMMITS))}")
    wanted = {v: COMMITS[v] for v in map(int, args)} if args else COMMITS
    for version, commit in wanted.items():
        check_same_migrations(commit, version)
    with tempfile.TemporaryDirectory(prefix="offscript-old-") as tmp:
        checkouts: dict[str, Path] = {}
        try:
            for version, commit in wanted.items():
                if commit not in checkouts:
                    checkouts[commit] = Path(tmp) / commit[:9]
                    git("worktree", "add", "--detach", str(checkouts[commit]), commit)
                write_fixture(version, commit, checkouts[commit])
        finally:
            for checkout in checkouts.values():
                git("worktree", "remove", "--force", str(checkout))


if __name__ == "__main__":
    main(sys.argv[1:])
