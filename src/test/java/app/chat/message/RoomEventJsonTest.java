package app.chat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.chat.platform.ChatJson;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON of room events and acks, as ChatJson (nulls written) makes it for the topic and history. */
class RoomEventJsonTest {

    static final Instant T = Instant.parse("2026-12-03T10:00:00.123Z");
    static final Instant E = Instant.parse("2026-12-03T10:05:00Z");

    private final ChatJson json = new ChatJson();

    @Test
    void aNewMessageHasNeitherEditedAtNorDeleted() {
        assertEquals("{\"type\":\"message\",\"id\":7,\"roomId\":1,\"seq\":3,\"sender\":\"ann\",\"text\":\"hi\","
                        + "\"sentAt\":\"2026-12-03T10:00:00.123Z\",\"clientMsgId\":null}",
                json.write(new ChatEvent("message", 7, 1, 3, "ann", "hi", T, null, null, null)));
    }

    @Test
    void anEditedMessageAndATombstone() {
        assertEquals("{\"type\":\"message\",\"id\":7,\"roomId\":1,\"seq\":3,\"sender\":\"ann\",\"text\":\"v2\","
                        + "\"sentAt\":\"2026-12-03T10:00:00.123Z\",\"clientMsgId\":\"c\",\"editedAt\":\"2026-12-03T10:05:00Z\"}",
                json.write(new ChatEvent("message", 7, 1, 3, "ann", "v2", T, "c", E, null)));
        assertEquals("{\"type\":\"message\",\"id\":7,\"roomId\":1,\"seq\":3,\"sender\":\"ann\",\"text\":null,"
                        + "\"sentAt\":\"2026-12-03T10:00:00.123Z\",\"clientMsgId\":\"c\",\"deleted\":true}",
                json.write(new ChatEvent("message", 7, 1, 3, "ann", null, T, "c", null, true)));
    }

    @Test
    void editAndDeleteEventsInHistoryOrder() {
        List<RoomEvent> history = List.of(MessageEdited.of(7, 1, 4, "v2", E), MessageDeleted.of(7, 1, 5, "ann"));
        assertEquals("[{\"type\":\"edited\",\"id\":7,\"roomId\":1,\"seq\":4,\"text\":\"v2\",\"editedAt\":\"2026-12-03T10:05:00Z\"},"
                + "{\"type\":\"deleted\",\"id\":7,\"roomId\":1,\"seq\":5,\"by\":\"ann\"}]", json.write(history));
    }

    @Test
    void aSendsAckHasNoActionAChangesAckSaysWhichItWas() {
        assertEquals("{\"type\":\"ack\",\"clientMsgId\":\"c\",\"roomId\":1,\"id\":7,\"seq\":3,\"sentAt\":\"2026-12-03T10:00:00.123Z\"}",
                json.write(new Ack("c", 1, 7, 3, T)));
        assertEquals("{\"type\":\"ack\",\"clientMsgId\":\"e\",\"roomId\":1,\"id\":7,\"seq\":4,\"sentAt\":\"2026-12-03T10:05:00Z\",\"action\":\"edit\"}",
                json.write(Ack.ofChange("edit", "e", 1, 7, 4, E)));
    }

    @Test
    void aListTypedAsRoomEventsIsWrittenByEachEntrysOwnType() throws Exception {
        // as JAX-RS hands history to JSON-B: with the declared type List<RoomEvent>
        var declared = HistoryResource.class.getMethod("read", long.class, String.class, String.class, String.class).getGenericReturnType();
        try (var jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true))) {
            String written = jsonb.toJson(List.of(MessageDeleted.of(7, 1, 5, "ann")), declared);
            assertEquals("[{\"type\":\"deleted\",\"id\":7,\"roomId\":1,\"seq\":5,\"by\":\"ann\"}]", written);
        }
    }
}
