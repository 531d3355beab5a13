"""Offscript's desktop app (PySide6). Calls the journal API only; holds no SQL."""
