"""One Offscript per journal: a second launch hands over to the first (ui/shell/single_instance).

Each behaviour runs on both transports: Unix sockets (Linux, macOS) and QtNetwork's local
server (Windows, forced here by switching the Unix sockets off).
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.shell import single_instance
from ui.shell.single_instance import SingleInstance, send_to_running


@pytest.fixture(params=["unix", "qt"])
def transport(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "qt":
        monkeypatch.setattr(single_instance, "UNIX_SOCKETS", False)
    return str(request.param)


@pytest.fixture
def first(transport: str) -> Iterator[SingleInstance]:
    instance = SingleInstance(f"offscript-test-{os.getpid()}-{transport}")
    assert instance.listen()
    yield instance
    instance.close()


def test_a_second_launch_hands_its_request_to_the_first(first: SingleInstance,
                                                       qtbot: QtBot) -> None:
    for request in ("show", "quick"):
        with qtbot.waitSignal(first.message, timeout=3000) as got:
            assert send_to_running(first.name, request)
        assert got.args == [request]


def test_nobody_listening_means_start_normally(transport: str) -> None:
    assert not send_to_running(f"offscript-test-nobody-{transport}", "show")


def test_a_silent_client_does_not_block_the_others(qtbot: QtBot) -> None:
    first = SingleInstance(f"offscript-test-silent-{os.getpid()}")
    assert first.listen() and first.path is not None
    silent = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    silent.connect(str(first.path))  # connects and never writes nor closes
    try:
        with qtbot.waitSignal(first.message, timeout=3000) as got:
            assert send_to_running(first.name, "show")
        assert got.args == ["show"]
    finally:
        silent.close()
        first.close()


def test_oversized_or_empty_messages_are_ignored(qtbot: QtBot) -> None:
    first = SingleInstance(f"offscript-test-junk-{os.getpid()}")
    assert first.listen() and first.path is not None
    received: list[str] = []
    first.message.connect(received.append)
    try:
        for junk in (b"x" * 10_000, b"", b"   "):
            client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            client.connect(str(first.path))
            client.sendall(junk)
            client.close()
        with qtbot.waitSignal(first.message, timeout=3000):
            assert send_to_running(first.name, "show")
        assert received == ["show"]
    finally:
        first.close()


def test_a_crashed_instance_socket_is_reclaimed_and_a_live_one_is_not(tmp_path: Path,
                                                                     qtbot: QtBot) -> None:
    name = f"offscript-test-stale-{os.getpid()}"
    path = single_instance.socket_folder() / name
    # A process killed while listening: its socket file stays, nobody accepts on it.
    code = ("import socket, sys, os; s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]);"
            "s.listen(1); os._exit(0)")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)
    assert stat.S_ISSOCK(path.lstat().st_mode)
    assert not send_to_running(name, "show")
    first = SingleInstance(name)
    assert first.listen()
    try:
        second = SingleInstance(name)
        assert not second.listen()  # the first answers: its socket is not taken over
        with qtbot.waitSignal(first.message, timeout=3000):
            assert send_to_running(name, "show")
    finally:
        first.close()
    assert not path.exists()  # closing removes the socket file


def test_sockets_live_in_a_folder_only_this_user_can_enter(qtbot: QtBot) -> None:
    first = SingleInstance(f"offscript-test-private-{os.getpid()}")
    assert first.listen()
    try:
        folder = single_instance.socket_folder()
        assert folder == Path(os.environ["XDG_RUNTIME_DIR"]) / "offscript"
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert first.path is not None and first.path.parent == folder
    finally:
        first.close()


def test_without_a_runtime_dir_a_private_temp_folder_is_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # what gettempdir() returns
    loose = tmp_path / f"offscript-{os.getuid()}"
    loose.mkdir(mode=0o777)
    loose.chmod(0o777)
    assert single_instance.socket_folder() == loose
    assert stat.S_IMODE(loose.stat().st_mode) == 0o700  # tightened, not used as it was


def test_a_planted_symlink_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # what gettempdir() returns
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / f"offscript-{os.getuid()}").symlink_to(elsewhere)
    with pytest.raises(OSError, match="not a folder of this user"):
        single_instance.socket_folder()
    instance = SingleInstance("offscript-test-planted")
    assert not instance.listen()  # logged; the app runs on without a hand-over
    assert not send_to_running("offscript-test-planted", "show")
    assert list(elsewhere.iterdir()) == []


def test_an_older_version_listening_in_the_temp_dir_is_still_found(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    from PySide6.QtNetwork import QLocalServer

    monkeypatch.setenv("TMPDIR", str(tmp_path))  # where QLocalServer puts its socket
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # what gettempdir() returns
    older = QLocalServer()
    name = f"offscript-test-older-{os.getpid()}"
    assert older.listen(name) and (tmp_path / name).exists()
    try:
        with qtbot.waitSignal(older.newConnection, timeout=3000):
            assert send_to_running(name, "show")
    finally:
        older.close()
