package app.chat.room;

/**
 * A room's member as other members see it.
 *
 * @param role {@code owner}, {@code moderator} or {@code member}
 * @param online whether the member has a live STOMP connection (to this node)
 */
public record MemberView(String username, String role, boolean online) {
}
