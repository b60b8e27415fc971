package app.chat.message;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * Sent to /topic/user.{sender} once the message, edit or delete is committed (again, for a retried
 * clientMsgId). For an edit or a delete, {@code id} is the message's, {@code seq} the change's own,
 * {@code sentAt} when the change was stored, and {@code action} says which it was ("edit",
 * "delete"); a send's ack has no action.
 */
@JsonbPropertyOrder({"type", "clientMsgId", "roomId", "id", "seq", "sentAt", "action"})
public record Ack(String type, String clientMsgId, long roomId, long id, long seq, Instant sentAt,
                  @JsonbNillable(false) String action) {

    public Ack(String clientMsgId, long roomId, long id, long seq, Instant sentAt) {
        this("ack", clientMsgId, roomId, id, seq, sentAt, null);
    }

    static Ack ofChange(String action, String clientMsgId, long roomId, long messageId, long seq, Instant at) {
        return new Ack("ack", clientMsgId, roomId, messageId, seq, at, action);
    }
}
