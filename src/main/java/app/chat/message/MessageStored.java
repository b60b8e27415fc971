package app.chat.message;

/**
 * Fired synchronously, inside the storing transaction, after the row of a message, edit or delete is
 * written and before anything is published. An observer that throws rolls the whole batch back (it is
 * redelivered).
 */
public record MessageStored(RoomEvent event) {
}
