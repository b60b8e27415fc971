/**
 * Rooms and memberships, and each room's message counter (the per-room seq).
 * Uses the platform (and may publish through {@link app.chat.publish}); other features reach it through
 * {@link app.chat.room.RoomService}.
 */
package app.chat.room;
