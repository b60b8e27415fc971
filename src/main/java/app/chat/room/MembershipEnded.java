package app.chat.room;

/** Fired after a user leaves a room, so that live subscriptions can be revoked. */
public record MembershipEnded(long roomId, String username) {
}
