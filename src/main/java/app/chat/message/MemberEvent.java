package app.chat.message;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * {@code user} joined, left, was removed or banned ({@code by} whom), or was given {@code role}: an
 * entry of the room's stream with a seq of its own, live and in history. {@code id} is the entry's own.
 */
@JsonbPropertyOrder({"type", "id", "roomId", "seq", "action", "user", "by", "role", "sentAt"})
public record MemberEvent(String type, long id, long roomId, long seq, String action, String user, String by,
                          String role, Instant sentAt) implements RoomEvent {

    static MemberEvent of(long id, long roomId, long seq, String action, String user, String by, String role, Instant sentAt) {
        return new MemberEvent("member", id, roomId, seq, action, user, by, role, sentAt);
    }
}
