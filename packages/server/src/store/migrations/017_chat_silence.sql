-- A moderator's silence after a chat report: the user may not write or send emotes in any chat
-- until then (NULL: they may). On the user, so every node and every room sees the same.
ALTER TABLE users ADD COLUMN IF NOT EXISTS chat_silenced_until timestamptz;
