package app.chat.message;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** Message {@code id} was deleted {@code by} that user; history shows the message as a tombstone. */
@JsonbPropertyOrder({"type", "id", "roomId", "seq", "by"})
public record MessageDeleted(String type, long id, long roomId, long seq, String by) implements RoomEvent {

    static MessageDeleted of(long id, long roomId, long seq, String by) {
        return new MessageDeleted("deleted", id, roomId, seq, by);
    }
}
