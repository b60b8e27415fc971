package app.chat.room;

/** What clients see of a room. */
public record RoomView(long id, String name) {
}
