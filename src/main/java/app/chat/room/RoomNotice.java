package app.chat.room;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * What a user's topic (and, for public rooms being created, /topic/rooms.public) receives when the
 * rooms they may see change: {@code created}, {@code joined}, {@code left}, {@code removed},
 * {@code invited}, with the room as that user sees it now (as GET /api/rooms lists it).
 */
@JsonbPropertyOrder({"type", "action", "room"})
public record RoomNotice(String type, String action, RoomView room) {

    static RoomNotice of(String action, RoomView room) {
        return new RoomNotice("room", action, room);
    }
}
