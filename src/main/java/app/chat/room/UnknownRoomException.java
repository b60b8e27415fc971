package app.chat.room;

public class UnknownRoomException extends RuntimeException {
    public UnknownRoomException(long roomId) {
        super("room " + roomId + " does not exist");
    }
}
