"""Developer tools (screenshots, sample data): never imported by the app."""
