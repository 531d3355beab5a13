"""Draft entries from AI chat data exports (ChatGPT, Claude): parsed locally, never sent anywhere."""
