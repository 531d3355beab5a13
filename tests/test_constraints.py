"""packaging/constraints.txt pins every runtime dependency to a version pyproject.toml allows."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def _pins() -> dict[str, str]:
    pins = {}
    text = (ROOT / "packaging" / "constraints.txt").read_text(encoding="utf-8")
    for line in map(str.strip, text.splitlines()):
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line!r}"
            pins[canonicalize_name(name)] = version
    return pins


def test_every_dependency_is_pinned_within_its_range() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["package"]
    pins = _pins()
    for text in wanted:
        req = Requirement(text)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not pinned in packaging/constraints.txt"
        assert req.specifier.contains(pins[name]), f"{req.name}=={pins[name]} violates {req.specifier}"


def test_the_defective_qt_binding_is_not_pinned() -> None:
    pins = _pins()
    for name in ("pyside6-essentials", "pyside6-addons", "shiboken6"):
        assert pins[name] != "6.12.0"
        assert pins[name] == pins["pyside6-essentials"], "Qt binding parts must match"
