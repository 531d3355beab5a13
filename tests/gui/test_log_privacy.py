"""The log file is 0600 and its folders 0700, through rotation too (issue 11 item 11)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.paths import log_dir
from ui.infra.crash import setup_logging


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    before = list(logging.getLogger().handlers)
    yield
    os.umask(old)
    for handler in logging.getLogger().handlers:
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()


@pytest.mark.usefixtures("loose_umask")
def test_log_file_and_state_folders_are_private() -> None:
    path = setup_logging()
    assert path is not None and path.parent == log_dir()
    logging.getLogger("offscript.test").info("hello")
    app_state = log_dir().parent  # …/state/Offscript, created along with …/Offscript/log
    assert app_state.name == "Offscript"
    assert {p.name: oct(mode(p)) for p in (path, path.parent, app_state)} == {
        path.name: oct(0o600), path.parent.name: oct(0o700), app_state.name: oct(0o700)}


@pytest.mark.usefixtures("loose_umask")
def test_rotated_and_older_logs_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "log"
    folder.mkdir(mode=0o755)
    (folder / "offscript.log").write_text("from an older version\n")
    (folder / "offscript.log").chmod(0o644)
    path = setup_logging(folder)
    assert path is not None and mode(path) == 0o600 and mode(folder) == 0o700
    log = logging.getLogger("offscript.test")
    for _ in range(1200):  # > 1 MB: rotates at least once
        log.info("x" * 1000)
    files = sorted(folder.iterdir())
    assert len(files) >= 2
    assert {f.name: oct(mode(f)) for f in files} == {f.name: oct(0o600) for f in files}


def test_log_rotates_at_its_size_and_keeps_three_old_files(tmp_path: Path) -> None:
    folder = tmp_path / "log"
    path = setup_logging(folder)
    assert path is not None
    log = logging.getLogger("offscript.test")
    for number in range(4500):  # ~4.6 MB: five files' worth
        log.info("line %05d %s", number, "y" * 1000)
    assert sorted(f.name for f in folder.iterdir()) == [
        "offscript.log", "offscript.log.1", "offscript.log.2", "offscript.log.3"]
    assert all(f.stat().st_size <= 1_000_000 for f in folder.iterdir())

    def numbers(name: str) -> list[int]:
        return [int(line.split("line ")[1][:5]) for line in (folder / name).read_text().splitlines()]

    newest, before = numbers("offscript.log"), numbers("offscript.log.1")
    assert newest[-1] == 4499 and before[-1] == newest[0] - 1  # no line lost at a rotation
