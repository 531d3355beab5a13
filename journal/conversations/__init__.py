"""Draft entries from AI chat data exports (ChatGPT, Claude): parsed locally, never sent anywhere.

    conversations = read_export(path)             # a ChatGPT or Claude export (.zip or .json)
    journal.conversations.add_conversations(conversations)  # drafts to keep or drop
"""

from journal.conversations.inbox import ChatDraft, ConversationInbox
from journal.conversations.parse import Conversation, read_export

__all__ = ["ChatDraft", "Conversation", "ConversationInbox", "read_export"]
