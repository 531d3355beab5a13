"""The Team page: combine colleagues' shared summaries into one report, offline."""

from ui.team.view import TeamView

__all__ = ["TeamView"]
