/**
 * Chat messages: the MDB that consumes the chat.send queue (sends, and edits and deletes diverted to
 * it), the group-commit writer that stores what the MDBs hand it (validation, per-room seq, idempotent
 * retries) and publishes it, and history. Asks rooms through RoomService; reaches the broker only
 * through the {@link app.chat.publish} port.
 */
package app.chat.message;
