"""The Share dialog: options, preview, export history, worker."""
