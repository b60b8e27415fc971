-- Membership events (joined, left, removed, banned, role) take their room's next seq like messages,
-- so they are rows of chat_message: kind 'member', sender is who made the change, member_name whom
-- it concerns, member_action what happened, member_role the new role of a 'role' event.
ALTER TABLE chat_message ADD COLUMN member_action VARCHAR(8);
ALTER TABLE chat_message ADD COLUMN member_name VARCHAR(32);
ALTER TABLE chat_message ADD COLUMN member_role VARCHAR(16);
