"""journal.deferred_imports: a deferred module runs on first use and is then the real module."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.deferred_imports import DeferredModule, defer


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A throwaway package `dfr_pkg` with a submodule that records each time its code runs."""
    root = tmp_path / "dfr_pkg"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "heavy.py").write_text("import builtins\nbuiltins.DFR_RUNS = "
                                   "getattr(builtins, 'DFR_RUNS', 0) + 1\nVALUE = 42\n")
    (root / "broken.py").write_text("raise RuntimeError('broken on purpose')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield root
    for name in [m for m in sys.modules if m.startswith("dfr_pkg")]:
        del sys.modules[name]
    import builtins
    if hasattr(builtins, "DFR_RUNS"):
        del builtins.DFR_RUNS


def runs() -> int:
    import builtins
    return int(getattr(builtins, "DFR_RUNS", 0))


def test_import_statement_does_not_run_a_deferred_module(package: Path) -> None:
    assert defer(("dfr_pkg.heavy",)) == ["dfr_pkg.heavy"]
    import dfr_pkg.heavy
    from dfr_pkg import heavy
    assert heavy is dfr_pkg.heavy is sys.modules["dfr_pkg.heavy"]
    assert runs() == 0
    assert type(heavy) is DeferredModule


def test_first_attribute_read_runs_it_once(package: Path) -> None:
    defer(("dfr_pkg.heavy",))
    from dfr_pkg import heavy
    assert heavy.VALUE == 42
    assert heavy.VALUE == 42
    assert runs() == 1
    assert type(heavy) is types.ModuleType
    from dfr_pkg.heavy import VALUE  # the same module object, now complete
    assert VALUE == 42
    assert runs() == 1


def test_missing_attribute_still_raises_after_loading(package: Path) -> None:
    defer(("dfr_pkg.heavy",))
    from dfr_pkg import heavy
    with pytest.raises(AttributeError):
        _ = heavy.NOT_THERE
    assert runs() == 1


def test_a_module_that_fails_raises_on_use_and_is_not_left_half_imported(package: Path) -> None:
    defer(("dfr_pkg.broken",))
    from dfr_pkg import broken
    with pytest.raises(RuntimeError, match="broken on purpose"):
        _ = broken.anything
    assert "dfr_pkg.broken" not in sys.modules


def test_imported_missing_or_compiled_modules_are_left_alone(package: Path) -> None:
    import dfr_pkg.heavy  # noqa: F401  # already imported: nothing to defer
    assert defer(("dfr_pkg.heavy", "dfr_pkg.nowhere", "no_such_pkg.mod", "_json")) == []
    assert runs() == 1
