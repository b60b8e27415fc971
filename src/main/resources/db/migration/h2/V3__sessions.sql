-- Sign-in sessions (POST /api/sessions). The token itself is never stored: hash is the hex SHA-256
-- of it, so a copy of the table signs nobody in. expires_at is the end of the session's sliding
-- lifetime as of last_used_at (also capped at created_at + the maximum), kept as a column so that
-- expired sessions can be found and deleted by an index.
CREATE TABLE chat_session (HASH VARCHAR(64) NOT NULL, USERNAME VARCHAR(32) NOT NULL, created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL, last_used_at TIMESTAMP(3) WITH TIME ZONE NOT NULL, expires_at TIMESTAMP(3) WITH TIME ZONE NOT NULL, PRIMARY KEY (HASH));
CREATE INDEX chat_session_by_user ON chat_session (username);
CREATE INDEX chat_session_by_expiry ON chat_session (expires_at);
