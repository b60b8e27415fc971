package app.chat.room;

import java.util.List;

/**
 * What clients see of a room, as the caller sees it.
 *
 * @param name a direct message's is the other person's name
 * @param kind {@code public}, {@code private} or {@code dm}
 * @param member whether the caller is in it
 * @param role the caller's role ({@code owner}, {@code moderator}, {@code member}); null when not a member
 * @param invited whether an invite of the caller's is waiting (private rooms)
 * @param with a direct message's other person; null for other rooms
 * @param members a direct message's two people, the caller first; null for other rooms
 */
public record RoomView(long id, String name, String kind, boolean member, String role, boolean invited,
                       String with, List<String> members) {
}
