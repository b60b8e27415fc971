/**
 * Chat messages: the MDB that consumes /app/chat.send, the group-commit writer that stores what the
 * MDBs hand it (validation, per-room seq, idempotent retries) and publishes it, and history.
 * Asks rooms through RoomService; reaches the broker only through the {@link app.chat.publish} port.
 */
package app.chat.message;
