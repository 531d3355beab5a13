"""Settings, theme, resources, alerts, modal dialogs, crash handler, Qt check."""
