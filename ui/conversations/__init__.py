"""Reviewing entries drafted from ChatGPT/Claude data exports."""
