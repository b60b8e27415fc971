package app.chat.message;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A stored message as subscribers of /topic/room.{id} and history readers see it. */
@JsonbPropertyOrder({"type", "id", "roomId", "seq", "sender", "text", "sentAt", "clientMsgId"})
public record ChatEvent(String type, long id, long roomId, long seq, String sender, String text,
                        Instant sentAt, String clientMsgId) {

    static ChatEvent of(long id, long roomId, long seq, String sender, String text, Instant sentAt, String clientMsgId) {
        return new ChatEvent("message", id, roomId, seq, sender, text, sentAt, clientMsgId);
    }
}
