package app.chat.user;

/**
 * Fired after a user's password changed: every way in but the session the change was made in
 * ({@code keptSessionId}, null when it was made with the password itself) has ended, and live
 * connections of those ways in are to be closed, including those that signed in with the old password.
 */
public record PasswordChanged(String username, String keptSessionId) {
}
