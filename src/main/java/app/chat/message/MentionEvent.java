package app.chat.message;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** What a mentioned member's user topic receives once the message is stored. */
@JsonbPropertyOrder({"type", "roomId", "id", "seq", "sender"})
public record MentionEvent(String type, long roomId, long id, long seq, String sender) {

    static MentionEvent of(ChatEvent message) {
        return new MentionEvent("mention", message.roomId(), message.id(), message.seq(), message.sender());
    }
}
