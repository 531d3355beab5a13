"""Paths and helpers of the packaged-binary tests (shared by conftest.py and the tests)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("offscript_fingerprint",
                                               REPO / "packaging" / "fingerprint.py")
assert _spec is not None and _spec.loader is not None
_fingerprint = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fingerprint)

import journal  # noqa: E402

BUNDLE = REPO / "dist" / "Offscript"
BINARY = BUNDLE / "offscript"
VERSION = journal.__version__
DEB = REPO / "dist" / f"offscript_{VERSION}_amd64.deb"
TARBALL = REPO / "dist" / f"offscript-{VERSION}-linux-x86_64.tar.gz"
BUILD_TIMEOUT = 40 * 60
PASSPHRASE = "package test passphrase"


def is_current() -> bool:
    """dist/ holds a trimmed build of exactly these sources (and its tarball)."""
    stamp = BUNDLE / "_internal" / "BUILD_FINGERPRINT"
    return (BINARY.exists() and TARBALL.exists() and stamp.exists()
            and stamp.read_text().strip() == f"{_fingerprint.fingerprint()} trim=1")


def can_apt() -> bool:
    return os.geteuid() == 0 and shutil.which("apt-get") is not None


def apt_install(*packages: str) -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    cmd = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    if subprocess.run(cmd, env=env, capture_output=True, check=False).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, check=False)
        subprocess.run(cmd, env=env, capture_output=True, check=True)


def ensure_tools(tools: dict[str, str]) -> None:
    """tools: command -> Debian package. Installs missing ones as root, else skips."""
    missing = {cmd: pkg for cmd, pkg in tools.items() if shutil.which(cmd) is None}
    if not missing:
        return
    if not can_apt():
        pytest.skip(f"needs {', '.join(missing)}: install {' '.join(set(missing.values()))} "
                    "(not root with apt-get, so the test cannot)")
    apt_install(*sorted(set(missing.values())))
