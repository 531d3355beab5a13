"""A cheaper answer to the question PySide asks about every module imported after it.

Once PySide6.QtCore is loaded, PySide wraps `__import__` (for its opt-in `from __feature__
import snake_case` syntax) and, the first time each module name is imported, asks whether that
module's source mentions "PySide6" — through `inspect.getsource`, which parses the path, reads
the file into `linecache` and keeps every line of it for the life of the process. Our start
imports ~160 modules after PySide (journal/, ui/, keyring, the stdlib they use): ~40-55 ms of
the window's start on this machine, and megabytes of cached source lines nobody reads.

`install()` gives PySide the same answer for a module loaded from a `.py` file by reading its
bytes once (no linecache), and leaves every other case (built-ins, extension modules, zipped
or frozen code) to PySide's own check. If a PySide release no longer has the hook, it does
nothing. Importing this module installs it: ui.app imports it right after PySide, first.
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"  # PySide6's __feature__ support (6.1 to 6.11)
CHECK = "_mod_uses_pyside"


def _by_file_bytes(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    mod_uses_pyside.original = original  # type: ignore[attr-defined]  # for tests and undo
    return mod_uses_pyside


def install() -> bool:
    """Replace PySide's per-import source check with the cheap one; True when it is in place."""
    feature = sys.modules.get(FEATURE_MODULE)
    check = getattr(feature, CHECK, None)
    if feature is None or not callable(check):
        return False
    if not hasattr(check, "original"):
        setattr(feature, CHECK, _by_file_bytes(check))
        linecache.clearcache()  # the lines PySide's own check cached before this ran
    return True


install()
