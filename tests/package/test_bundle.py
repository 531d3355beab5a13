"""The packaged binary: runs, passes its self-check, opens a window, installs and uninstalls.

Run with `pytest -m package` (after the unit tests). Builds dist/ first unless it is current.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tarfile
import time
from pathlib import Path

import pytest
from bundle_env import DEB, TARBALL, VERSION, apt_install, can_apt

pytestmark = pytest.mark.package
WINDOW_TIMEOUT = 45.0


def run(cmd: list[str], env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout,
                          check=False)


def test_version(bundle: Path, app_env: dict[str, str]) -> None:
    done = run([str(bundle / "offscript"), "--version"], app_env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"offscript {VERSION}"


def test_self_check_passes_in_the_bundle(bundle: Path, app_env: dict[str, str]) -> None:
    done = run([str(bundle / "offscript"), "--self-check"], app_env)
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "self-check: OK (8/8 checks)" in done.stdout
    assert not Path(app_env["OFFSCRIPT_HOME"]).exists(), "the self-check touched the journal dir"


def test_cli_round_trip_in_the_bundle(bundle: Path, app_env: dict[str, str]) -> None:
    exe = str(bundle / "offscript")
    assert run([exe, "init", "--passphrase"], app_env).returncode == 0
    added = run([exe, "add", "--title", "Bundle smoke", "--tool", "Chat", "--outcome", "worked",
                 "--without", "20", "--with", "5"], app_env)
    assert added.returncode == 0, added.stderr
    found = run([exe, "search", "smoke", "--json"], app_env)
    assert found.returncode == 0, found.stderr
    assert "Bundle smoke" in found.stdout


# xwininfo -tree line:  0x200007 "Unlock Offscript": ("offscript" "Offscript")  480x161+390+280
WINDOW_LINE = re.compile(r'(0x[0-9a-f]+) "([^"]*)": \("offscript" "Offscript"\)\s+(\d+)x(\d+)')


def _app_window(env: dict[str, str]) -> str | None:
    """Title of a mapped, real-sized top-level window of ours (not Qt's 1x1 helpers)."""
    tree = run(["xwininfo", "-root", "-tree"], env, timeout=20).stdout
    for wid, title, width, height in WINDOW_LINE.findall(tree):
        if int(width) < 50 or int(height) < 50 or "Offscript" not in title:
            continue
        if "IsViewable" in run(["xwininfo", "-id", wid], env, timeout=20).stdout:
            return f"{title} ({width}x{height})"
    return None


def test_gui_opens_a_window_under_xvfb(bundle: Path, app_env: dict[str, str], xvfb: str,
                                       tmp_path: Path) -> None:
    exe = str(bundle / "offscript")
    assert run([exe, "init", "--passphrase"], app_env).returncode == 0  # GUI asks to unlock
    env = {**app_env, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb"}
    log = (tmp_path / "gui.log").open("w+")
    gui = subprocess.Popen([exe], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline, window = time.monotonic() + WINDOW_TIMEOUT, None
        while time.monotonic() < deadline and gui.poll() is None and window is None:
            window = _app_window(env)
            time.sleep(0.5)
        log.seek(0)
        output = log.read()
        assert gui.poll() is None, f"the app exited early ({gui.returncode}):\n{output}"
        assert window, f"no Offscript window within {WINDOW_TIMEOUT}s:\n{output}"
        print(f"window on Xvfb: {window}")
        second = subprocess.run([exe], env=env, capture_output=True, text=True, timeout=60,
                                check=False)  # hands over to the first (at its unlock dialog)
        assert second.returncode == 0, second.stdout + second.stderr
        assert gui.poll() is None, "the first instance quit when the second started"
        gui.send_signal(signal.SIGTERM)
        code = gui.wait(timeout=15)
        assert code in (0, -signal.SIGTERM), f"exit code {code}"
    finally:
        if gui.poll() is None:
            gui.kill()
            gui.wait()
        log.close()
    log_text = (tmp_path / "gui.log").read_text()
    assert "Traceback" not in log_text, log_text
    assert "Could not load the Qt platform plugin" not in log_text, log_text


def test_tarball_install_and_uninstall_for_the_user(bundle: Path, app_env: dict[str, str],
                                                    tmp_path: Path) -> None:
    with tarfile.open(TARBALL) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    top = tmp_path / "unpacked" / f"offscript-{VERSION}-linux-x86_64"
    home = Path(app_env["HOME"])
    data = Path(app_env["XDG_DATA_HOME"])
    done = run(["sh", str(top / "install.sh")], app_env)
    assert done.returncode == 0, done.stdout + done.stderr
    link = home / ".local" / "bin" / "offscript"
    assert run([str(link), "--version"], app_env).stdout.strip() == f"offscript {VERSION}"
    desktop = (data / "applications" / "offscript.desktop").read_text()
    assert f"Exec={home}/.local/opt/offscript/offscript" in desktop
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "offscript.png").exists()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "offscript.svg").exists()

    journal_dir = Path(app_env["OFFSCRIPT_HOME"])
    assert run([str(link), "init", "--passphrase"], app_env).returncode == 0
    done = run(["sh", str(top / "uninstall.sh")], app_env)
    assert done.returncode == 0, done.stderr
    assert not link.exists() and not (home / ".local" / "opt" / "offscript").exists()
    assert not (data / "applications" / "offscript.desktop").exists()
    assert (journal_dir / "journal.db").exists(), "uninstall must keep the journal"
    done = run(["sh", str(top / "uninstall.sh"), "--purge-data", "--yes"], app_env)
    assert done.returncode == 0, done.stderr
    assert not journal_dir.exists()


def test_deb_installs_runs_and_removes(bundle: Path, app_env: dict[str, str]) -> None:
    if not (can_apt() and shutil.which("dpkg")):
        pytest.skip("installing the .deb needs root with dpkg and apt-get")
    if run(["dpkg-query", "-W", "-f=${Status}", "offscript"], app_env).stdout.startswith("install"):
        pytest.skip("an offscript package is already installed here; not touching it")
    assert DEB.exists(), f"{DEB} was not built"
    info = run(["dpkg-deb", "--field", str(DEB), "Depends", "Architecture"], app_env).stdout
    assert "libxcb-cursor0" in info and "amd64" in info
    try:
        apt_install(str(DEB))  # apt resolves the Depends from system-deps.txt
        assert os.path.realpath("/usr/bin/offscript") == "/opt/offscript/offscript"
        assert Path("/usr/share/applications/offscript.desktop").exists()
        assert Path("/usr/share/icons/hicolor/256x256/apps/offscript.png").exists()
        assert Path("/usr/share/metainfo/io.offscript.Offscript.metainfo.xml").exists()
        done = run(["/usr/bin/offscript", "--self-check"], app_env)
        print(done.stdout)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "self-check: OK (8/8 checks)" in done.stdout
    finally:
        run(["dpkg", "--purge", "offscript"], {**os.environ})
    assert not Path("/opt/offscript").exists()
    assert not Path("/usr/bin/offscript").exists()
