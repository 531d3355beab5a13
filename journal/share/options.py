"""What the person chose to share: detail level, which entries, format, folding, linkable."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, get_args

from journal.query import EntryFilter

Detail = Literal["totals", "lessons", "full"]
Include = Literal["marked", "all"]
Format = Literal["md", "html", "json", "csv"]

DETAILS: tuple[Detail, ...] = get_args(Detail)
INCLUDES: tuple[Include, ...] = get_args(Include)
FORMATS: tuple[Format, ...] = get_args(Format)
SCHEMA = "offscript.summary/2"  # /2 adds contributor and created (journal.team reads /1 too)
MIN_GROUP = 3  # tool/category groups smaller than this are folded into "other"
OTHER = "other"


@dataclass(frozen=True)
class ShareOptions:
    """One export's choices. The defaults share the least: numbers of marked entries only."""

    detail: Detail = "totals"
    include: Include = "marked"
    flt: EntryFilter = field(default_factory=EntryFilter)
    fmt: Format = "md"
    fold_small_groups: bool = True
    linkable: bool = False

    def __post_init__(self) -> None:
        if self.detail not in DETAILS:
            raise ValueError(f"detail must be one of {', '.join(DETAILS)}")
        if self.include not in INCLUDES:
            raise ValueError(f"include must be one of {', '.join(INCLUDES)}")
        if self.fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}")

    @property
    def entry_filter(self) -> EntryFilter:
        """The filter that selects the entries: never trashed, marked ones unless 'all'."""
        return self.flt.but(shared_only=self.include == "marked", trashed=False)

    def shows(self, level: Detail) -> bool:
        """True when this detail level includes what `level` adds."""
        return DETAILS.index(self.detail) >= DETAILS.index(level)


def default_file_name(fmt: Format, today: date | None = None) -> str:
    """offscript-summary-YYYY-MM-DD.md and friends."""
    day = (today or date.today()).isoformat()
    return f"offscript-summary-{day}.{fmt}"
