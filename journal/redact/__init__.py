"""Redaction engine: text in, redacted text and replacement spans out. Pure Python."""

from journal.redact.model import (
    CATEGORIES,
    RedactedText,
    RedactionPolicy,
    Replacement,
    Span,
    Term,
    TermKind,
)
from journal.redact.redactor import Redactor

__all__ = [
    "CATEGORIES",
    "RedactedText",
    "RedactionPolicy",
    "Redactor",
    "Replacement",
    "Span",
    "Term",
    "TermKind",
]
