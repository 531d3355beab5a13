"""One way for tests to run the CLI: in-process by default, a real subprocess when asked.

In-process runs call `journal.cli.main(argv, out)` with the test's environment (OFFSCRIPT_HOME,
passphrase variables), its file keychain and stdin in place, and give back the same
CompletedProcess a subprocess run would, so a test reads the same either way. Start-up cost of a
new interpreter (~1 s on a shared 2-core machine) is paid only by the few `subprocess=True`
smoke tests that check the real entry point.
"""

from __future__ import annotations

import importlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

import keyring

TESTS_DIR = Path(__file__).resolve().parents[1]
REPO_DIR = TESTS_DIR.parent


def cli_environment(tmp_path: Path) -> dict[str, str]:
    """Environment for a CLI run against a file-backed test keychain in tmp_path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OFFSCRIPT")}
    # Children import the installed offscript (editable or not) and `support` from tests/; with
    # PYTHONSAFEPATH they never pick up the checkout from their working directory instead.
    env["PYTHONPATH"] = str(TESTS_DIR)
    env["PYTHONSAFEPATH"] = "1"
    env["PYTHON_KEYRING_BACKEND"] = "support.memory_keyring.FileKeyring"
    env["OFFSCRIPT_TEST_KEYRING"] = str(tmp_path / "keychain.json")
    env["OFFSCRIPT_HOME"] = str(tmp_path / "journal")
    env["QT_QPA_PLATFORM"] = "offscreen"
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"),
                     ("XDG_CONFIG_HOME", ".config"), ("XDG_STATE_HOME", ".local/state"),
                     ("XDG_CACHE_HOME", ".cache")):  # never the real home, whatever the caller's scope
        (tmp_path / "home" / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(tmp_path / "home" / sub)
    return env


def _backend(env: Mapping[str, str]) -> keyring.backend.KeyringBackend:
    module_name, _, class_name = env["PYTHON_KEYRING_BACKEND"].rpartition(".")
    return getattr(importlib.import_module(module_name), class_name)()  # type: ignore[no-any-return]


@contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    previous = keyring.get_keyring()
    keyring.set_keyring(_backend(env))
    try:
        yield
    finally:
        keyring.set_keyring(previous)
        os.environ.clear()
        os.environ.update(saved)


def run_cli(env: Mapping[str, str], *args: str, stdin: str | bytes | None = None,
            text: bool = True, subprocess_run: bool = False,
            timeout: float = 60) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    """Run `offscript ARGS` with env; stdout/stderr as str (text=True) or bytes."""
    if subprocess_run:
        return subprocess.run([sys.executable, "-m", "journal.cli", *args], env=dict(env),
                              input=stdin, capture_output=True, text=text, timeout=timeout,
                              check=False)
    from journal.cli import main

    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=True)
    err = io.StringIO()
    data = stdin.decode() if isinstance(stdin, bytes) else (stdin or "")
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO(data)
    try:
        with _environment(env), redirect_stderr(err), redirect_stdout(out):
            try:
                code = main(list(args), out)
            except SystemExit as exit_:  # argparse: --help, --version, usage errors
                code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        sys.stdin = saved_stdin
    out.flush()
    stdout: str | bytes = raw.getvalue()
    stderr: str | bytes = err.getvalue()
    if text:
        stdout = stdout.decode("utf-8") if isinstance(stdout, bytes) else stdout
    else:
        stderr = stderr.encode() if isinstance(stderr, str) else stderr
    return subprocess.CompletedProcess(["offscript", *args], code, stdout, stderr)
