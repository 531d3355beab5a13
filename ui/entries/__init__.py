"""The journal page: entry model, filter bar, editor, drafts, quick log, prompts, trash."""
