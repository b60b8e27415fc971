-- The schema as EclipseLink 4.0's create-or-extend-tables made it on PostgreSQL before versioned migrations
-- (captured from its DDL for the entities of that release). An installation from then has exactly
-- these tables and is baselined at version 1 instead of running this. The timestamps are
-- Java-serialized Instants (BYTEA); V2 turns them into TIMESTAMP WITH TIME ZONE.
CREATE TABLE chat_user (USERNAME VARCHAR(32) NOT NULL, created_at BYTEA NOT NULL, password_hash VARCHAR(512) NOT NULL, PRIMARY KEY (USERNAME));
CREATE TABLE room (ID BIGINT NOT NULL, created_at BYTEA NOT NULL, created_by VARCHAR(32) NOT NULL, last_seq BIGINT NOT NULL, NAME VARCHAR(80) NOT NULL, PRIMARY KEY (ID));
CREATE TABLE room_member (room_id BIGINT NOT NULL, USERNAME VARCHAR(32) NOT NULL, joined_at BYTEA NOT NULL, PRIMARY KEY (room_id, USERNAME));
CREATE INDEX room_member_by_user ON room_member (username);
CREATE TABLE chat_message (ID BIGINT NOT NULL, client_msg_id VARCHAR(64), dedupe_key VARCHAR(80) NOT NULL, room_id BIGINT NOT NULL, SENDER VARCHAR(32) NOT NULL, sent_at BYTEA NOT NULL, SEQ BIGINT NOT NULL, TEXT VARCHAR(16000) NOT NULL, PRIMARY KEY (ID));
ALTER TABLE chat_message ADD CONSTRAINT chat_message_dedupe UNIQUE (sender, dedupe_key);
ALTER TABLE chat_message ADD CONSTRAINT chat_message_room_seq UNIQUE (room_id, seq);
CREATE SEQUENCE room_id_seq INCREMENT BY 20 START WITH 20;
CREATE SEQUENCE chat_message_id_seq INCREMENT BY 100 START WITH 100;
