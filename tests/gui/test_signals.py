"""The real app process quits cleanly on SIGTERM (logout, `kill`), saving its state first."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _wait_for(path_glob: list[Path], text: str, proc: subprocess.Popen[bytes],
              timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for log in path_glob[0].rglob("*.log") if path_glob[0].exists() else []:
            if text in log.read_text(errors="replace"):
                return
        if proc.poll() is not None:
            pytest.fail(f"the app exited early with {proc.returncode}")
        time.sleep(0.2)
    pytest.fail(f"{text!r} never appeared in the log")


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_sigterm_quits_cleanly(cli_env: dict[str, str], tmp_path: Path) -> None:
    state = tmp_path / "state"
    env = {**cli_env, "XDG_STATE_HOME": str(state), "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    created = subprocess.run([sys.executable, "-m", "journal.cli", "init"], env=env,
                             capture_output=True, text=True, timeout=60, check=False)
    assert created.returncode == 0, created.stderr
    proc = subprocess.Popen([sys.executable, "-m", "ui"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        _wait_for([state], "main window shown", proc)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err.decode(errors="replace")
    logs = "".join(log.read_text(errors="replace") for log in state.rglob("*.log"))
    assert logs.count("quitting: state and drafts saved") == 1  # saved once, not twice
