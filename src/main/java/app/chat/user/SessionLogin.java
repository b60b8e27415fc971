package app.chat.user;

/** Who a session token signs in, and the session's id (the hash of its token, never the token). */
public record SessionLogin(String username, String sessionId) {
}
