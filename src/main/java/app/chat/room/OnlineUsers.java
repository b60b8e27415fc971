package app.chat.room;

/**
 * Who is connected now. Rooms only ask; the presence feature, which hears connections open and
 * close, answers (so that rooms depend on nothing that depends on them).
 */
public interface OnlineUsers {

    boolean isOnline(String username);
}
