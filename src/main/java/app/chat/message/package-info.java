/**
 * Chat messages: the MDB that consumes the chat.send queue (sends, and edits and deletes diverted to
 * it), the group-commit writer that stores what the MDBs hand it (validation, per-room seq, idempotent
 * retries, mentions) and publishes it, history, and the unread counts rooms ask for through their
 * UnreadCounter. Asks rooms through RoomService; reaches the broker only
 * through the {@link app.chat.publish} port.
 */
package app.chat.message;
