-- Edits and deletes (/app/chat.edit, /app/chat.delete). Each takes its room's next seq, so it is a
-- row of chat_message like a message: kind 'edited' or 'deleted', message_id names the message, sender
-- is who made the change, sent_at when. The message row keeps the current state: its last text and
-- edited_at, or deleted with no text (and its edits' rows lose their text too). Existing rows are messages.
ALTER TABLE chat_message ADD COLUMN kind VARCHAR(8) DEFAULT 'message' NOT NULL;
ALTER TABLE chat_message ADD COLUMN message_id BIGINT;
ALTER TABLE chat_message ADD COLUMN edited_at TIMESTAMP(3) WITH TIME ZONE;
ALTER TABLE chat_message ADD COLUMN deleted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE chat_message ALTER COLUMN text SET NULL;
-- a delete finds the edits of its message (to forget their text)
CREATE INDEX chat_message_by_message ON chat_message (message_id);
