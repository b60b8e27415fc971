/**
 * Rooms and memberships, and each room's message counter (the per-room seq).
 * Uses only the platform; other features reach it through {@link app.chat.room.RoomService}.
 */
package app.chat.room;
