package app.chat.room;

/** What clients see of a room; {@code member} says whether the caller is in it. */
public record RoomView(long id, String name, boolean member) {
}
