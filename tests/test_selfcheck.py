"""`offscript --self-check` from source: every check passes, failures are reported, not raised."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from journal import selfcheck
from journal.cli import main as cli_main
from journal.selfcheck import run_self_check


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """The self-check's throw-away journals need no brute-force resistance in tests."""
    from journal import vault

    monkeypatch.setattr(vault, "PASSPHRASE_COST", 2**10)
    monkeypatch.setattr(vault, "RECOVERY_COST", 2**10)


def _fake_qt(ok: bool = True) -> selfcheck.QtCheck:
    return lambda: (ok, "fake Qt check")


def test_all_checks_pass_and_print_one_line_each() -> None:
    out = io.StringIO()
    assert run_self_check(out, _fake_qt()) == 0, out.getvalue()
    lines = out.getvalue().splitlines()
    total = len(selfcheck.CHECKS) + 1
    assert lines[-1] == f"self-check: OK ({total}/{total} checks)"
    assert len([ln for ln in lines if ln.startswith("  ok ")]) == total
    for name in ("journal", "entries", "search", "stats", "share", "encryption", "keyring", "qt"):
        assert any(ln.startswith(f"  ok   {name}:") for ln in lines), name


def test_a_failing_check_is_reported_and_the_rest_still_run() -> None:
    out = io.StringIO()
    assert run_self_check(out, _fake_qt(ok=False)) == 1
    text = out.getvalue()
    assert "  FAIL qt: AssertionError: fake Qt check" in text
    assert "  ok   keyring:" in text
    assert text.splitlines()[-1].startswith("self-check: FAILED (")


def test_missing_qt_check_fails_the_qt_line() -> None:
    out = io.StringIO()
    assert run_self_check(out) == 1
    assert "FAIL qt: the desktop app's Qt check is not available" in out.getvalue()


def test_an_exception_in_a_check_does_not_escape(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(_ctx: object) -> str:
        raise RuntimeError("disk on fire")

    checks = tuple((n, boom if n == "stats" else f) for n, f in selfcheck.CHECKS)
    monkeypatch.setattr(selfcheck, "CHECKS", checks)
    out = io.StringIO()
    assert run_self_check(out, _fake_qt()) == 1
    assert "  FAIL stats: RuntimeError: disk on fire" in out.getvalue()
    assert "  ok   encryption:" in out.getvalue()


def test_never_touches_the_user_data_dir_or_keychain(isolated_env: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring

    backend = keyring.get_keyring()
    monkeypatch.setattr(backend, "set_password", _forbidden, raising=False)
    monkeypatch.setattr(backend, "get_password", _forbidden, raising=False)
    before = sorted(p.relative_to(isolated_env) for p in isolated_env.rglob("*"))
    assert run_self_check(io.StringIO(), _fake_qt()) == 0
    after = sorted(p.relative_to(isolated_env) for p in isolated_env.rglob("*"))
    assert after == before


def _forbidden(*_args: object) -> None:
    raise AssertionError("the self-check must not use the keychain")


def test_cli_flag_runs_the_real_qt_check() -> None:
    from ui.launcher import main as offscript  # the installed `offscript` command

    out = io.StringIO()
    assert offscript(["--self-check"], out=out) == 0, out.getvalue()
    assert "  ok   qt: PySide6" in out.getvalue()


def test_cli_without_the_desktop_app_fails_the_qt_check() -> None:
    out = io.StringIO()
    assert cli_main(["--self-check"], out=out) == 1
    assert "FAIL qt: the desktop app's Qt check is not available" in out.getvalue()


def test_qt_check_names_the_platform_plugins() -> None:
    from ui.infra.qt_check import check_qt

    ok, detail = check_qt()
    assert ok, detail
    assert "xcb" in detail
    assert "offscreen" in detail


def test_qt_check_fails_on_a_binding_that_frees_none(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from ui.infra import binding_probe
    from ui.infra.qt_check import check_qt

    monkeypatch.setattr(binding_probe, "none_is_immortal", lambda: False)
    monkeypatch.setattr(binding_probe, "none_refcount_drift",
                        lambda calls=binding_probe.CALLS: {"setText": -calls, "setEnabled": 0})
    ok, detail = check_qt()
    assert not ok
    assert "frees None" in detail and "setText -10000" in detail
    if sys.version_info < (3, 12):
        monkeypatch.undo()
        ok, detail = check_qt()
        assert ok and "None's refcount holds over 10000 calls" in detail, detail
