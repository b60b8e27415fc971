package app.chat.message;

/**
 * One entry of a room's stream, with the room's next seq: what subscribers of /topic/room.{id}
 * receive and what history returns. A message, or a later change to one (its {@code id} is the
 * message's), which is numbered and stored like a message so that a client that missed it reads it
 * from history with the same {@code after={last seq}} that fills any gap.
 */
public sealed interface RoomEvent permits ChatEvent, MessageEdited, MessageDeleted, MemberEvent {

    /** The message's id (for a change: the id of the message it changed). */
    long id();

    long roomId();

    long seq();
}
