package app.chat.presence;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** On a room topic: a member came online (first connection) or went offline (last one gone). */
@JsonbPropertyOrder({"type", "user", "roomId", "online"})
public record PresenceEvent(String type, String user, long roomId, boolean online) {

    static PresenceEvent of(String user, long roomId, boolean online) {
        return new PresenceEvent("presence", user, roomId, online);
    }
}
