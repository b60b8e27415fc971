package app.chat.room;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A member's read marker in a room: the answer to PUT /api/rooms/{id}/read and, when it moved, the
 * event on their user topic ({@code "type":"read"}) that keeps their other tabs in step.
 */
@JsonbPropertyOrder({"type", "roomId", "seq"})
public record ReadMarker(String type, long roomId, long seq) {

    static ReadMarker of(long roomId, long seq) {
        return new ReadMarker("read", roomId, seq);
    }
}
