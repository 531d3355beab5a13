"""Opening the journal: start-up, first run, unlock, passphrases, recovery, security."""
