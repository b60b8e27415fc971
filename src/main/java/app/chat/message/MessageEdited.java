package app.chat.message;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * Message {@code id} got a new text. In history the entry keeps the text it set, until the message
 * is deleted: then its text is gone too (null), as the message's is.
 */
@JsonbPropertyOrder({"type", "id", "roomId", "seq", "text", "editedAt"})
public record MessageEdited(String type, long id, long roomId, long seq, String text, Instant editedAt) implements RoomEvent {

    static MessageEdited of(long id, long roomId, long seq, String text, Instant editedAt) {
        return new MessageEdited("edited", id, roomId, seq, text, editedAt);
    }
}
