"""Shared widgets: fields, badges, undo bar, empty state."""
