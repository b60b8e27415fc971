-- Room kinds (public, private, direct message), roles in a room and invites to private rooms.
-- Rooms from before are public and their creators their owners, as they were in effect.
ALTER TABLE room ADD COLUMN kind VARCHAR(16) DEFAULT 'PUBLIC' NOT NULL;
ALTER TABLE room ADD CONSTRAINT room_kind CHECK (kind IN ('PUBLIC', 'PRIVATE', 'DM'));
-- A direct message's two members, sorted and joined by ':', null for other rooms. Its unique key is
-- what keeps two nodes (or both people at once) from opening two rooms for one pair.
ALTER TABLE room ADD COLUMN dm_pair VARCHAR(80);
ALTER TABLE room ADD CONSTRAINT room_dm_pair UNIQUE (dm_pair);

ALTER TABLE room_member ADD COLUMN role VARCHAR(16) DEFAULT 'MEMBER' NOT NULL;
ALTER TABLE room_member ADD CONSTRAINT room_member_role CHECK (role IN ('OWNER', 'MODERATOR', 'MEMBER'));
UPDATE room_member SET role = 'OWNER'
    WHERE EXISTS (SELECT 1 FROM room r WHERE r.id = room_member.room_id AND r.created_by = room_member.username);

-- A standing invitation to a private room; joining uses it up.
CREATE TABLE room_invite (room_id BIGINT NOT NULL, USERNAME VARCHAR(32) NOT NULL, invited_by VARCHAR(32) NOT NULL, invited_at TIMESTAMP(3) WITH TIME ZONE NOT NULL, PRIMARY KEY (room_id, USERNAME));
CREATE INDEX room_invite_by_user ON room_invite (username);

-- Who was banned from a room (DELETE /api/rooms/{id}/members/{user}?ban=true): they cannot join again
-- until an owner or moderator invites them.
CREATE TABLE room_ban (room_id BIGINT NOT NULL, USERNAME VARCHAR(32) NOT NULL, banned_by VARCHAR(32) NOT NULL, banned_at TIMESTAMP(3) WITH TIME ZONE NOT NULL, PRIMARY KEY (room_id, USERNAME));
