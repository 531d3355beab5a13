"""The dashboard: honest results at a glance (time saved, wins beside failures)."""

from ui.dashboard.view import DashboardView

__all__ = ["DashboardView"]
