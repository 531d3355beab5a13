"""Does this Qt binding keep `None` alive? Shared by the test suite and `--self-check`.

PySide6 6.12.0 on CPython 3.11 drops one reference to `None` on every call of a Qt method that
returns nothing; after a few thousand keystrokes the interpreter aborts with "none_dealloc".
Python 3.12+ makes `None` immortal, so the count cannot move there and the probe says so.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

CALLS = 10_000
# A healthy binding drifts by a handful at most (locals, the garbage collector); the defect
# loses exactly one reference per call, so the bound is far from both.
TOLERANCE = 50
# The defect also takes references to True and False (bool arguments and results); those are
# protected and repaid too, but the verdict is about None, as in the crash.
SINGLETONS = (None, True, False)


def none_is_immortal() -> bool:
    return sys.version_info >= (3, 12)


def _void_calls() -> dict[str, Callable[[int], object]]:
    """One callable per kind of void Qt call; each is run CALLS times."""
    from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Signal
    from PySide6.QtWidgets import QLabel, QLineEdit

    class Emitter(QObject):
        changed = Signal(int)

    class Model(QAbstractListModel):
        def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0

        def data(self, index: QModelIndex, role: int = 0) -> object:
            return None

        def reset(self) -> None:
            self.beginResetModel()
            self.endResetModel()

    label, field, emitter, model = QLabel(), QLineEdit(), Emitter(), Model()
    received: list[int] = []
    emitter.changed.connect(received.append)
    return {
        "setText": lambda i: label.setText(str(i)),
        "setVisible": lambda i: field.setVisible(bool(i % 2)),
        "setEnabled": lambda i: field.setEnabled(bool(i % 2)),
        "signal emit": lambda i: (emitter.changed.emit(i), received.clear()),
        "model reset": lambda i: model.reset(),
    }


def none_refcount_drift(calls: int = CALLS) -> dict[str, int]:
    """Change of sys.getrefcount(None) across `calls` calls of each void Qt method.

    Needs a QApplication. Negative numbers mean the binding frees references it does not own.
    A defective binding would free None itself within a few thousand calls and abort the
    process, so extra references are held while measuring and any loss is paid back after,
    which lets the caller report the defect instead of dying.
    """
    drift: dict[str, int] = {}
    for name, call in _void_calls().items():
        call(0)  # warm up: first calls may cache wrappers that hold None
        # Keeps None, True and False alive even if every call drops a few references.
        padding = [None, True, False] * (calls * 4)
        before = [sys.getrefcount(obj) for obj in SINGLETONS]
        for i in range(calls):
            call(i)
        after = [sys.getrefcount(obj) for obj in SINGLETONS]
        for obj, was, now in zip(SINGLETONS, before, after, strict=True):
            _repay(obj, was - now)
        drift[name] = after[0] - before[0]
        del padding
    return drift


def _repay(obj: object, lost: int) -> None:
    """Give back the references a defective binding took, so the process can go on."""
    if lost <= 0 or none_is_immortal():
        return
    import ctypes

    for _ in range(lost):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))


def check_binding() -> tuple[bool, str]:
    """(ok, detail) for --self-check: fails when any void call lowers None's count."""
    if none_is_immortal():
        return True, "None is immortal on this Python; the refcount check does not apply"
    drift = none_refcount_drift()
    falling = {name: d for name, d in drift.items() if d < -TOLERANCE}
    if falling:
        worst = ", ".join(f"{name} {d:+d}" for name, d in falling.items())
        return False, (f"this Qt binding frees None on void calls ({worst} over {CALLS} calls); "
                       "the app would abort while typing - install PySide6 < 6.12")
    return True, f"None's refcount holds over {CALLS} calls of {len(drift)} void Qt methods"
