"""The main window, its menu bar, lazy pages, tray and single instance."""
