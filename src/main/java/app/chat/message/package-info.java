/**
 * Chat messages: the MDB that consumes /app/chat.send, validation, storage with per-room seq,
 * idempotent retries, and history. Asks rooms through RoomService; publishes through the broker feature.
 */
package app.chat.message;
