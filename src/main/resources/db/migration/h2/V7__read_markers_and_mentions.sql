-- Read markers, unread and mention counts (PUT /api/rooms/{id}/read, GET /api/rooms).
-- A member's read marker: the seq up to which they have read the room. Memberships from before
-- start as read up to the room's last seq, as a new member does: an upgrade does not make every
-- old room look unread.
ALTER TABLE room_member ADD COLUMN read_seq BIGINT DEFAULT 0 NOT NULL;
UPDATE room_member SET read_seq = (SELECT r.last_seq FROM room r WHERE r.id = room_member.room_id);

-- When the room's newest entry (message, edit or delete) was stored, set with last_seq by the
-- same statement; null while the room is empty. The room list sorts by it.
ALTER TABLE room ADD COLUMN last_activity TIMESTAMP(3) WITH TIME ZONE;
UPDATE room SET last_activity = (SELECT m.sent_at FROM chat_message m WHERE m.room_id = room.id AND m.seq = room.last_seq);

-- Who a message mentions (@username of a member, not the sender). Counted per reader above their
-- marker, by the index; a deleted message's mentions are deleted with it.
CREATE TABLE chat_mention (message_id BIGINT NOT NULL, USERNAME VARCHAR(32) NOT NULL, room_id BIGINT NOT NULL, SEQ BIGINT NOT NULL, PRIMARY KEY (message_id, USERNAME));
CREATE INDEX chat_mention_by_reader ON chat_mention (username, room_id, seq);
