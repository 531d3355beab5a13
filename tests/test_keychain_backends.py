"""Which keyring backends count as a system keychain (issue 11, item 3).

A plaintext file, a fallback of priority <= 1, the fail/null backends and an empty chainer are
no keychain: the journal key goes behind a passphrase instead, and every place says so in words.
The last test runs the CLI against a real Secret Service (gnome-keyring in a private D-Bus).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from support.memory_keyring import MemoryKeyring

from journal import Journal
from journal.errors import LockedError
from journal.paths import VAULT_NAME
from journal.vault import keychain_status

PASS = "correct horse battery"
plaintext = pytest.importorskip("keyrings.alt.file", reason="keyrings.alt is a test dependency")


class LowPriority(MemoryKeyring):
    priority = 1  # type: ignore[assignment]


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "journal.cli", *args], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("backend", [
    plaintext.PlaintextKeyring(), LowPriority(), fail.Keyring(), null.Keyring(),
], ids=["plaintext", "priority-1", "fail", "null"])
def test_insecure_backends_are_no_keychain(backend: KeyringBackend, journal_dir: Path) -> None:
    keyring.set_keyring(backend)
    usable, why = keychain_status()
    assert not usable, why
    with pytest.raises(LockedError, match="No secure system keychain found"):
        Journal.create(journal_dir)
    assert not journal_dir.exists()


def test_an_empty_chainer_is_no_keychain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    keyring.set_keyring(chainer.ChainerBackend())
    assert not keychain_status()[0]


def test_the_test_keychain_counts_as_one() -> None:
    assert keychain_status()[0]


def test_init_with_plaintext_backend_falls_back_to_a_passphrase(cli_env: dict[str, str]) -> None:
    env = {**cli_env, "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring"}
    refused = run(env, "init")
    assert refused.returncode == 3
    assert "No secure system keychain found" in refused.stderr
    assert "OFFSCRIPT_PASSPHRASE" in refused.stderr
    made = run({**env, "OFFSCRIPT_PASSPHRASE": PASS}, "init")
    assert made.returncode == 0, made.stderr
    assert "No secure system keychain found" in made.stderr
    folder = Path(env["OFFSCRIPT_HOME"])
    assert json.loads((folder / VAULT_NAME).read_text())["mode"] == "passphrase"
    # Nothing went into the plaintext file.
    home = Path(env.get("XDG_DATA_HOME", Path(env["HOME"]) / ".local/share"))
    assert not list(home.rglob("keyring_pass.cfg"))


def test_self_check_does_not_call_a_plaintext_backend_usable(cli_env: dict[str, str]) -> None:
    env = {**cli_env, "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring"}
    result = run(env, "--self-check")
    line = next(ln for ln in result.stdout.splitlines() if "keyring" in ln)
    assert "No secure system keychain found" in line
    assert "(usable)" not in line


def _secret_service_missing() -> str:
    missing = [b for b in ("dbus-run-session", "gnome-keyring-daemon") if not shutil.which(b)]
    return f"needs {', '.join(missing)} (apt-get install gnome-keyring dbus)" if missing else ""


@pytest.mark.skipif(bool(_secret_service_missing()), reason=_secret_service_missing() or "-")
def test_keychain_mode_against_a_real_secret_service(cli_env: dict[str, str],
                                                     tmp_path: Path) -> None:
    env = {k: v for k, v in cli_env.items()
           if k not in ("PYTHON_KEYRING_BACKEND", "OFFSCRIPT_TEST_KEYRING")}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    py = sys.executable
    script = f"""
set -e
echo unlock-pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"{py}" -c 'import keyring; from journal.vault import keychain_status
kr = keyring.get_keyring()
print("BACKEND", [type(b).__module__ for b in getattr(kr, "backends", [kr])], keychain_status())'
"{py}" -m journal.cli init
"{py}" -m journal.cli add --title t1 --tool x --outcome worked --without 5 --with 1 --json
"{py}" -m journal.cli list --json
"{py}" -c 'import json, keyring, os, sys
vault = json.load(open(os.path.join(os.environ["OFFSCRIPT_HOME"], "vault.json")))
print("KEYCHAIN_ITEM", len(keyring.get_password("offscript", vault["journal_id"]) or ""))'
"""
    result = subprocess.run(["dbus-run-session", "--", "sh", "-c", script], env=env,
                            capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "keyring.backends.SecretService" in result.stdout
    assert "key kept by the system keychain" in result.stderr
    assert '"title": "t1"' in result.stdout  # list, opened with the key from the keychain
    assert "KEYCHAIN_ITEM 64" in result.stdout  # the 32-byte key, hex
    assert json.loads((Path(env["OFFSCRIPT_HOME"]) / VAULT_NAME).read_text())["mode"] == "keychain"


@pytest.mark.parametrize(("backend", "words"), [
    (plaintext.PlaintextKeyring(), "plain-text file keyring"),
    (fail.Keyring(), "keychain found on this computer"),
    (null.Keyring(), "keychain found on this computer"), (LowPriority(), "fallback keyring")],
    ids=["plaintext", "fail", "null", "priority-1"])
def test_why_there_is_no_keychain_is_said_in_words(backend: KeyringBackend, words: str) -> None:
    from journal.vault import no_keychain_message

    keyring.set_keyring(backend)
    usable, detail = keychain_status()
    message = no_keychain_message(detail)
    assert not usable and words in message
    assert "keyring.backends" not in message and "keyrings." not in message
    assert "Keyring" not in message  # no class name (PlaintextKeyring, Keyring)


@pytest.mark.parametrize(("name", "words"), [
    ("keyring.backends.SecretService.Keyring", "desktop keychain"),
    ("keyring.backends.macOS.Keyring", "the macOS Keychain"),
    ("keyring.backends.Windows.WinVaultKeyring", "the Windows Credential Manager"),
    ("keyring.backends.kwallet.DBusKeyring", "KDE Wallet"),
    ("keyring.backends.fail.Keyring", "no system keychain found"),
    ("keyrings.alt.file.PlaintextKeyring", "a plain-text file keyring (not secure)")])
def test_describe_backend(name: str, words: str) -> None:
    from journal.keychain_words import describe_backend

    assert words in describe_backend(name)
    assert name not in describe_backend(name)
