"""Fixtures for the packaged-binary tests: the built bundle, an isolated environment, Xvfb.

The bundle is built once per session with packaging/build.sh (several minutes) unless
dist/Offscript was already built from exactly these sources (packaging/fingerprint.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bundle_env import BINARY, BUILD_TIMEOUT, BUNDLE, PASSPHRASE, REPO, ensure_tools, is_current


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Building takes minutes: only when asked for with `-m package`."""
    if "package" in (config.getoption("markexpr") or "").replace("not package", ""):
        return
    skip = pytest.mark.skip(reason="packaged-binary test: run `pytest -m package`")
    for item in items:
        if "package" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def bundle() -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("the packaged-binary tests run on Linux")
    if is_current() and not os.environ.get("OFFSCRIPT_REBUILD"):
        print(f"\nreusing {BUNDLE} (built from these sources)")
        return BUNDLE
    if os.environ.get("OFFSCRIPT_REUSE_DIST") and BINARY.exists():  # a busy working tree
        print(f"\nreusing {BUNDLE} as asked (OFFSCRIPT_REUSE_DIST), whatever it was built from")
        return BUNDLE
    env = {**os.environ, "PYTHON": sys.executable}
    env.pop("OFFSCRIPT_TRIM", None)
    done = subprocess.run(["sh", str(REPO / "packaging" / "build.sh")], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False)
    print(done.stdout[-3000:])
    assert done.returncode == 0, f"build failed:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    if not is_current():  # someone edited the sources while it built: test what was built
        print("note: sources changed during the build; testing the bundle as built")
    return BUNDLE


@pytest.fixture
def app_env(tmp_path: Path) -> dict[str, str]:
    """A fresh HOME and journal folder, no keychain, passphrase from the environment."""
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("OFFSCRIPT", "XDG_", "QT_", "PYTHON"))}
    env.update({
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(tmp_path / "run"),
        "OFFSCRIPT_HOME": str(tmp_path / "journal"),
        "OFFSCRIPT_PASSPHRASE": PASSPHRASE,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "QT_QPA_PLATFORM": "offscreen",
    })
    for key in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME",
                "XDG_RUNTIME_DIR"):
        Path(env[key]).mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


@pytest.fixture
def xvfb(tmp_path: Path) -> Iterator[str]:
    """A private Xvfb display; yields its DISPLAY value."""
    ensure_tools({"Xvfb": "xvfb", "xwininfo": "x11-utils"})
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [shutil.which("Xvfb") or "Xvfb", "-displayfd", str(write_fd), "-screen", "0",
         "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)
