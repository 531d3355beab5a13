"""ui.infra.pyside_imports: PySide's per-import check answers as before, without linecache."""

from __future__ import annotations

import importlib
import linecache
import sys

import PySide6.QtCore  # noqa: F401  # installs PySide's import hook
import pytest

from ui.infra import pyside_imports


def feature_check():  # type: ignore[no-untyped-def]
    return getattr(sys.modules[pyside_imports.FEATURE_MODULE], pyside_imports.CHECK)


def test_installed_on_this_pyside() -> None:
    """Fails when a PySide release renames the hook: then the speed-up silently stops."""
    assert pyside_imports.install()
    assert hasattr(feature_check(), "original")
    assert pyside_imports.install()  # a second call does not wrap twice
    assert not hasattr(feature_check().original, "original")


@pytest.mark.parametrize("name", ["ui.app", "ui.infra.theme", "ui.shell.main_window",
                                  "journal.api", "journal.vault", "json", "os", "sys",
                                  "PySide6.QtWidgets", "sqlcipher3._sqlite3"])
def test_same_answer_as_pysides_own_check(name: str) -> None:
    pyside_imports.install()
    module = importlib.import_module(name)
    check = feature_check()
    assert check(module) == check.original(module)


def test_reads_no_source_into_linecache() -> None:
    pyside_imports.install()
    module = importlib.import_module("ui.shell.main_window")
    linecache.clearcache()
    assert feature_check()(module) is True
    assert module.__file__ not in linecache.cache


def test_installing_drops_the_lines_pysides_own_check_cached(
        monkeypatch: pytest.MonkeyPatch) -> None:
    feature = sys.modules[pyside_imports.FEATURE_MODULE]
    monkeypatch.setattr(feature, pyside_imports.CHECK, feature_check().original)  # as at start
    module = importlib.import_module("ui.infra.theme")
    assert feature_check()(module) is not None  # PySide's own check reads the file's lines
    assert module.__file__ in linecache.cache
    assert pyside_imports.install()
    assert module.__file__ not in linecache.cache
