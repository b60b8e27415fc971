package app.chat.room;

public class NotAMemberException extends RuntimeException {
    public NotAMemberException(long roomId) {
        super("you are not a member of room " + roomId);
    }
}
