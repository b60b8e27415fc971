package app.chat.message;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** Sent to /topic/user.{sender} once the message is committed (again, for a retried clientMsgId). */
@JsonbPropertyOrder({"type", "clientMsgId", "roomId", "id", "seq", "sentAt"})
public record Ack(String type, String clientMsgId, long roomId, long id, long seq, Instant sentAt) {

    public Ack(String clientMsgId, long roomId, long id, long seq, Instant sentAt) {
        this("ack", clientMsgId, roomId, id, seq, sentAt);
    }
}
