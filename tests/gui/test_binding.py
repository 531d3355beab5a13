"""The Qt binding must not free None: PySide6 6.12.0 on Python 3.11 did, and the app aborted
while typing ("none_dealloc"). These fail on such a binding (checked with 6.12.0 forced)."""

from __future__ import annotations

import sys

import pytest

from ui.infra.binding_probe import CALLS, TOLERANCE, check_binding, none_refcount_drift

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None is immortal on Python >= 3.12: its refcount cannot fall, the defect hides there")


def test_void_qt_calls_keep_none_alive(qapp) -> None:
    drift = none_refcount_drift(CALLS)
    assert set(drift) == {"setText", "setVisible", "setEnabled", "signal emit", "model reset"}
    falling = {name: d for name, d in drift.items() if d < -TOLERANCE}
    assert not falling, f"sys.getrefcount(None) fell over {CALLS} calls: {falling}"


def test_self_check_runs_the_same_probe(qapp) -> None:
    ok, detail = check_binding()
    assert ok, detail
    assert f"{CALLS} calls" in detail
