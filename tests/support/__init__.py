"""Helpers shared by the test folders (importable as `support`, tests/ is on sys.path)."""

PASSPHRASE = "correct horse battery"


def init_journal(env: dict[str, str], *extra: str) -> str:
    """`offscript init` in env's OFFSCRIPT_HOME (only init creates a journal); its recovery key."""
    from support.cli import run_cli

    made = run_cli(env, "init", *extra)
    assert made.returncode == 0, made.stderr
    return next(line.strip() for line in made.stdout.splitlines() if line.strip().count("-") == 7)
