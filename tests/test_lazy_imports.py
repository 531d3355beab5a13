"""Guards for the CLI's lazy imports: each command loads only what it uses (issue 15).

Not timed: the checks are on which modules a fresh process imported, so later work that
reintroduces an eager import of sharing, redaction or sqlite-utils fails here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import PASSPHRASE

from journal import Journal

TESTS = Path(__file__).resolve().parent
# Run the CLI like `offscript ARGS`, then print every module the process imported.
PROBE = ("import sys\nfrom journal.cli import main\n"
         "try:\n    code = main(sys.argv[1:])\nexcept SystemExit as done:  # --version\n"
         "    code = done.code\n"
         "print('MODULES', ' '.join(sorted(sys.modules)))\nsys.exit(code)\n")
ADD = ["add", "--title", "Lazy imports", "--tool", "Claude", "--outcome", "worked",
       "--without", "20", "--with", "5"]
# What `add`, `list` and `search` must never load: sharing and redaction (phonenumbers,
# dateutil), sqlite-utils (only migrations use it), the statistics module.
HEAVY = ("journal.share", "journal.redact", "phonenumbers", "sqlite_utils", "journal.stats",
         "journal.transfer", "journal.backup", "PySide6")


def imported(args: list[str], env: dict[str, str]) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:])


def loaded(modules: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in packages or m.startswith(packages))


def base_env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OFFSCRIPT", "PYTHON"))}
    env["PYTHONPATH"] = str(TESTS)  # journal and ui: the installed package
    env["PYTHONSAFEPATH"] = "1"
    env["OFFSCRIPT_HOME"] = str(folder)
    return env


def test_version_imports_no_storage_and_no_keyring(tmp_path: Path) -> None:
    modules = imported(["--version"], base_env(tmp_path / "j"))
    assert loaded(modules, (*HEAVY, "sqlcipher3", "keyring", "journal.api", "journal.store",
                            "journal.cli.entry_cmds", "argparse")) == []


@pytest.mark.parametrize("args", [ADD, ["list"], ["search", "lazy"]], ids=lambda a: a[0])
def test_passphrase_journal_commands_skip_heavy_modules_and_keyring(tmp_path: Path,
                                                                    args: list[str]) -> None:
    folder = tmp_path / "j"
    Journal.create(folder, passphrase=PASSPHRASE)[0].close()
    env = {**base_env(folder), "OFFSCRIPT_PASSPHRASE": PASSPHRASE}
    modules = imported(args, env)
    assert "sqlcipher3" in modules  # the probe really ran the command
    assert loaded(modules, (*HEAVY, "keyring")) == []


def test_keychain_add_skips_heavy_modules_and_backend_discovery(tmp_path: Path) -> None:
    folder = tmp_path / "j"
    store = tmp_path / "keyring.json"
    env = {**base_env(folder), "OFFSCRIPT_TEST_KEYRING": str(store)}
    # Created through the file keyring, which the vault records as this journal's backend.
    code = ("import sys; from pathlib import Path; import keyring;"
            "from support.memory_keyring import FileKeyring; keyring.set_keyring(FileKeyring());"
            "from journal import Journal; Journal.create(Path(sys.argv[1]))[0].close()")
    subprocess.run([sys.executable, "-c", code, str(folder)], env=env, check=True, timeout=120)
    modules = imported(ADD, env)  # no PYTHON_KEYRING_BACKEND: the record alone finds it
    assert "support.memory_keyring" in modules
    assert loaded(modules, HEAVY) == []
    # keyring's discovery would have imported its platform backends and the chainer
    assert loaded(modules, ("keyring.backends.chainer", "keyring.backends.SecretService",
                            "keyring.backends.kwallet", "keyring.backends.libsecret")) == []
    # what keyring imports but never runs for us stays deferred (journal.deferred_imports):
    # urllib.request's http.client/ssl/email, importlib_metadata's and more_itertools' modules
    assert loaded(modules, ("ssl", "http.client", "email.parser", "importlib_metadata._meta",
                            "more_itertools.more")) == []


def test_explicit_keyring_backend_still_wins_with_deferred_imports(tmp_path: Path) -> None:
    """PYTHON_KEYRING_BACKEND is read by keyring itself: deferring keyring's unused imports
    must not stop it from loading the backend the user named."""
    folder = tmp_path / "j"
    store = tmp_path / "keyring.json"
    env = {**base_env(folder), "OFFSCRIPT_TEST_KEYRING": str(store),
           "PYTHON_KEYRING_BACKEND": "support.memory_keyring.FileKeyring"}
    code = ("import sys; from pathlib import Path; from journal import Journal;"
            "Journal.create(Path(sys.argv[1]))[0].close()")
    subprocess.run([sys.executable, "-c", code, str(folder)], env=env, check=True, timeout=120)
    assert store.exists()  # the key went to the file keyring named in the environment
    modules = imported(ADD, env)
    assert "support.memory_keyring" in modules
    assert loaded(modules, ("ssl", "http.client", "keyring.backends.chainer")) == []


def test_every_command_is_in_the_lazy_table() -> None:
    """A command missing from COMMANDS still works, but makes its runs import every module."""
    from journal.cli import COMMANDS, build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) == set(COMMANDS)


def test_keychain_gui_start_loads_neither_openssl_nor_ssl(tmp_path: Path) -> None:
    """Opening a keychain-mode journal in the app needs no hashlib/hmac/secrets (Python's
    OpenSSL, ~4 MB) and no ssl: SQLCipher has its own crypto, and the single-instance name is
    hashed by Qt. The name must stay the SHA-256 one, so a running older app is still found.
    The hand-over and the log file load neither QtNetwork nor socket.py nor logging.handlers,
    and the window icon does not load QtSvg."""
    import hashlib

    folder = tmp_path / "j"
    store = tmp_path / "keyring.json"
    env = {**base_env(folder), "OFFSCRIPT_TEST_KEYRING": str(store), "QT_QPA_PLATFORM": "offscreen"}
    make = ("import sys; from pathlib import Path; import keyring;"
            "from support.memory_keyring import FileKeyring; keyring.set_keyring(FileKeyring());"
            "from journal import Journal; Journal.create(Path(sys.argv[1]))[0].close()")
    subprocess.run([sys.executable, "-c", make, str(folder)], env=env, check=True, timeout=120)
    probe = ("import sys; from pathlib import Path; import ui.app;"
             "from ui.shell.single_instance import SingleInstance, send_to_running, server_name;"
             "from journal import Journal; folder = Path(sys.argv[1]);"
             "app = ui.app.build_application(sys.argv[:1]); ui.app.setup_logging();"
             "name = server_name(folder); assert not send_to_running(name, 'show');"
             "instance = SingleInstance(name); assert instance.listen(); instance.close();"
             "from ui.infra.resources import app_icon; from PySide6.QtWidgets import QWidget;"
             "w = QWidget(); w.setWindowIcon(app_icon()); w.show(); app.processEvents();"
             "print('SVG', 'libQt6Svg' in Path('/proc/self/maps').read_text());"
             "Journal.open(folder).close(); print('NAME', name);"
             "print('MODULES', ' '.join(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", probe, str(folder)], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = dict(x.split(" ", 1) for x in done.stdout.splitlines() if " " in x)
    modules = set(lines["MODULES"].split())
    assert "support.memory_keyring" in modules and "sqlcipher3" in modules
    assert loaded(modules, ("_hashlib", "hmac", "secrets", "ssl", "_ssl")) == []
    # The hand-over socket and the log file without QtNetwork, socket.py or logging.handlers
    # (~5 MB and ~15 ms together at every start, issue 15)
    assert loaded(modules, ("PySide6.QtNetwork", "socket", "logging.handlers")) == []
    assert lines["SVG"] == "False"  # the window icon is PNG: no QtSvg (~1.4 MB) at start
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    assert lines["NAME"] == f"offscript-{digest}"
