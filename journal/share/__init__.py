"""Sharing: what leaves the journal. A summary builder plus renderers (md, html, json, csv).

    opts = ShareOptions(detail="full", include="all", fmt="md")
    summary = build_summary(journal, opts)   # plain data + redaction report
    data = render(summary, opts.fmt)         # the exact bytes (the preview shows these)
    record = export_summary(journal, opts, path)
"""

from journal.share.export import (
    ExportExists,
    ExportRecord,
    export_bytes,
    export_summary,
    record_export,
    write_bytes,
)
from journal.share.lists import (
    KEEP_KEY,
    TERM_KINDS,
    LogRecord,
    add_terms,
    add_words,
    export_log,
    load_policy,
)
from journal.share.model import (
    EntryRow,
    GroupRow,
    ModeRow,
    RedactionReport,
    ReportItem,
    Summary,
    TotalsRow,
    WeekRow,
)
from journal.share.options import (
    DETAILS,
    FORMATS,
    INCLUDES,
    SCHEMA,
    Detail,
    Format,
    Include,
    ShareOptions,
    default_file_name,
)
from journal.share.render import label_spans, render
from journal.share.summary import Cancelled, Snapshot, build_summary, collect, summarize

__all__ = [
    "DETAILS",
    "FORMATS",
    "INCLUDES",
    "KEEP_KEY",
    "SCHEMA",
    "TERM_KINDS",
    "Cancelled",
    "Detail",
    "EntryRow",
    "ExportExists",
    "ExportRecord",
    "Format",
    "GroupRow",
    "Include",
    "LogRecord",
    "ModeRow",
    "RedactionReport",
    "ReportItem",
    "ShareOptions",
    "Snapshot",
    "Summary",
    "TotalsRow",
    "WeekRow",
    "add_terms",
    "add_words",
    "build_summary",
    "collect",
    "default_file_name",
    "export_bytes",
    "export_log",
    "export_summary",
    "label_spans",
    "load_policy",
    "record_export",
    "render",
    "summarize",
    "write_bytes",
]
