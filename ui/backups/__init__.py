"""The restore dialog and the daily backup."""
