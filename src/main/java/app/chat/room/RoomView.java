package app.chat.room;

import java.time.Instant;
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
 * @param lastSeq the seq of the room's newest entry (message, edit or delete), 0 while it is empty
 * @param readSeq the caller's read marker; null when not a member
 * @param unread others' messages (not edits, deletes or deleted messages) above the marker
 * @param mentions messages above the marker that mention the caller
 * @param lastActivity when the newest entry was stored; null while the room is empty
 */
public record RoomView(long id, String name, String kind, boolean member, String role, boolean invited,
                       String with, List<String> members,
                       long lastSeq, Long readSeq, long unread, long mentions, Instant lastActivity) {
}
