package app.chat.user;

/** Fired after a session was ended (signed out), so that its live connections can be closed too. */
public record SessionEnded(String username, String sessionId) {
}
