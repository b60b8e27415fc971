package app.chat.user;

/** What clients see of a user. */
public record UserView(String username) {
}
