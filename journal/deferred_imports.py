"""Modules that a third-party import pulls in but our use of it never touches, run on first use
instead of at import.

`import keyring` costs ~0.1 s, most of it in modules keyring only needs for work we never ask of
it: `jaraco.context` imports `urllib.request` (→ `http.client`, `ssl`, `email`; ~25 ms and
~10 MB) for its `tarball()` helper, keyring imports `importlib_metadata` for the entry-point scan
of its backend discovery, and `jaraco.functools` imports `more_itertools` for two helpers.
(`backports.tarfile` cannot wait: jaraco.context reads an attribute of it at import.)

A deferred module is the real module object, registered in `sys.modules` with its import
attributes (`__spec__`, `__path__`, …) set but its code not yet run. The first read of any other
attribute runs the code (once, under a lock) and returns the real attribute, so whoever does use
the module gets exactly what a plain import gives, only later. (The stdlib's
`importlib.util.LazyLoader` cannot do this on Python 3.11: the `import` statement itself reads
`__spec__`, which makes it load at once.)
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
import threading
import types

# Imported by keyring (and its jaraco helpers) at import time; used by none of the calls the
# vault makes, except importlib_metadata when keyring has to discover a backend and
# configparser when a keyringrc.cfg exists. (jaraco.context's subprocess and tempfile serve
# helpers we never call.)
KEYRING_UNUSED = ("urllib.request", "importlib_metadata", "more_itertools", "configparser",
                  "subprocess", "tempfile")

_LOCK = threading.RLock()
_running: set[str] = set()


class DeferredModule(types.ModuleType):
    """A module whose code runs on the first read of an attribute it does not have yet."""

    def __getattr__(self, attr: str) -> object:
        spec = self.__spec__  # set at creation: a plain lookup, no recursion
        assert spec is not None and spec.loader is not None
        name = spec.name
        with _LOCK:
            if type(self) is DeferredModule and name not in _running:
                _running.add(name)  # a circular read while it runs gets AttributeError
                try:
                    spec.loader.exec_module(self)
                except BaseException:
                    if sys.modules.get(name) is self:  # as a failed import leaves it
                        del sys.modules[name]
                    raise
                finally:
                    _running.discard(name)
                self.__class__ = types.ModuleType  # type: ignore[assignment]
        return types.ModuleType.__getattribute__(self, attr)


def defer(names: tuple[str, ...]) -> list[str]:
    """Register each pure-Python module not yet imported as a deferred one; the names deferred.

    A name already imported, not found, or not plain Python source is left to the normal
    import."""
    deferred = []
    for name in names:
        if name in sys.modules:
            continue
        parent_name, _, child = name.rpartition(".")
        try:
            spec = importlib.util.find_spec(name)  # imports the parent package, if any
        except ImportError:
            continue
        if spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            continue
        module = importlib.util.module_from_spec(spec)
        module.__class__ = DeferredModule
        sys.modules[name] = module
        if parent_name:
            setattr(sys.modules[parent_name], child, module)  # as the import system does
        deferred.append(name)
    return deferred
