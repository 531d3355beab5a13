"""Developer tools from this checkout's tools/ folder, which is never installed.

Loaded by file path rather than by putting the checkout on sys.path: that would also make the
checkout's journal/ and ui/ shadow the installed package the suite is meant to test.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

TOOLS_DIR = Path(__file__).resolve().parents[2] / "tools"


def load_tool(name: str) -> ModuleType:
    """tools.<name> (and the `tools` package, for its sibling imports) from this checkout."""
    package = sys.modules.get("tools")
    if package is None or str(TOOLS_DIR) not in list(getattr(package, "__path__", [])):
        spec = importlib.util.spec_from_file_location(
            "tools", TOOLS_DIR / "__init__.py", submodule_search_locations=[str(TOOLS_DIR)])
        assert spec is not None and spec.loader is not None
        package = importlib.util.module_from_spec(spec)
        sys.modules["tools"] = package
        spec.loader.exec_module(package)
    return importlib.import_module(f"tools.{name}")
