"""Widget-test helpers: app settings in tmp, alerts recorded instead of shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ui.infra import alerts
from ui.infra.settings import AppSettings


class AlertLog:
    """Records alerts; `answers` feeds alerts.ask in order (default: first choice)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answers: list[int] = []

    def show(self, icon: Any, parent: Any, title: str, text: str, detail: str = "") -> None:
        self.shown.append((str(icon), title, text))

    def ask(self, parent: Any, title: str, text: str, choices: list[str],
            default: int = 0) -> int:
        self.shown.append(("ask", title, text))
        return self.answers.pop(0) if self.answers else 0


@pytest.fixture(autouse=True)
def alert_log(monkeypatch: pytest.MonkeyPatch) -> AlertLog:
    log = AlertLog()
    monkeypatch.setattr(alerts, "_show", log.show)
    monkeypatch.setattr(alerts, "ask", log.ask)
    return log


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(tmp_path / "config" / "settings.json")
