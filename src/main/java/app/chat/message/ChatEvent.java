package app.chat.message;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * A message as subscribers of /topic/room.{id} and history readers see it. History shows its
 * current state: the last edit's text with {@code editedAt}, or, once deleted, a tombstone with
 * {@code "deleted":true} and no text. Both fields are left out of a message that has neither (every
 * live broadcast of a new message), rather than written as null: they would ride along in each delivery.
 */
@JsonbPropertyOrder({"type", "id", "roomId", "seq", "sender", "text", "sentAt", "clientMsgId", "editedAt", "deleted"})
public record ChatEvent(String type, long id, long roomId, long seq, String sender, String text,
                        Instant sentAt, String clientMsgId,
                        @JsonbNillable(false) Instant editedAt, @JsonbNillable(false) Boolean deleted) implements RoomEvent {
}
