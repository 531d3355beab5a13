"""The code under test is the installed offscript distribution, editable or not.

`make test-installed` runs this suite against a regular (non-editable) install in a throwaway
venv; there `journal` and `ui` must come from site-packages, in this process and in the CLI
subprocesses the tests start, never from the checkout by way of the working directory.
"""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata, resources
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from support.cli import REPO_DIR, cli_environment

import journal
import ui


def install_root() -> Path:
    """Site-packages for a regular install; the checkout an editable install points at."""
    # Only what an installer wrote counts: the checkout's own offscript.egg-info (left by a build)
    # would otherwise answer first whenever the checkout is on sys.path.
    installed = [d for d in metadata.distributions(name="offscript") if d.read_text("INSTALLER")]
    assert installed, "offscript is not installed"
    dist = installed[0]
    direct = json.loads(dist.read_text("direct_url.json") or "{}")
    if direct.get("dir_info", {}).get("editable"):
        return Path(unquote(urlparse(direct["url"]).path)).resolve()
    return Path(str(dist.locate_file(""))).resolve()


def is_editable() -> bool:
    return install_root() == REPO_DIR.resolve()


def test_journal_and_ui_are_the_installed_ones() -> None:
    root = install_root()
    for module in (journal, ui):
        assert Path(module.__file__ or "").resolve().is_relative_to(root), (module, root)
    if not is_editable():  # not the checkout's sources (the venv itself may live in build/)
        for module, name in ((journal, "journal"), (ui, "ui")):
            source = (REPO_DIR / name).resolve()
            assert not Path(module.__file__ or "").resolve().is_relative_to(source), module


def test_cli_subprocesses_import_the_same_package(tmp_path: Path) -> None:
    # From the repo as working directory, as the fault and smoke tests run their children.
    probe = "import journal, ui; print(journal.__file__); print(ui.__file__)"
    done = subprocess.run([sys.executable, "-c", probe], env=cli_environment(tmp_path),
                          cwd=REPO_DIR, capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.splitlines() == [journal.__file__, ui.__file__]


@pytest.mark.parametrize("package, folder", [("journal", "data"), ("ui", "resources")])
def test_data_files_ship_with_the_package(package: str, folder: str) -> None:
    shipped = resources.files(package) / folder
    source = REPO_DIR / package / folder
    in_repo = sorted(p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file())
    assert in_repo
    missing = [name for name in in_repo if not (shipped / name).is_file()]
    assert not missing


def test_the_app_finds_its_icon() -> None:
    from ui.infra.resources import APP_ICON, resource_path

    assert resource_path(APP_ICON).is_file()
    assert resource_path(APP_ICON).resolve().is_relative_to(install_root())
