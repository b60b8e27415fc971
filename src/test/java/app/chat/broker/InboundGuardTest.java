package app.chat.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The message group of a SEND: its sender and its room, read from the body without trusting it. */
class InboundGuardTest {

    private final InboundGuard guard = new InboundGuard(JsonProvider.provider());

    private Long room(String body) {
        return guard.roomIdOf(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheTopLevelRoomIdWhereverItStands() {
        assertEquals(42L, room("{\"roomId\":42,\"text\":\"hi\"}"));
        assertEquals(7L, room("{\"text\":\"a {\\\"roomId\\\":1}\",\"meta\":{\"roomId\":3},\"list\":[{\"roomId\":4}],\"roomId\":7}"));
    }

    @Test
    void anythingButAWholeNumberThatFitsALongGivesNoRoom() {
        assertNull(room("{\"roomId\":\"42\"}"));
        assertNull(room("{\"roomId\":4.5}"));
        assertNull(room("{\"roomId\":123456789012345678901234567890}"));
        assertNull(room("{\"text\":\"no room\"}"));
        assertNull(room("[1,2]"));
        assertNull(room("{not json"));
        assertNull(room(""));
        assertNull(guard.roomIdOf(new byte[] {'{', '"', (byte) 0xC3, '"'}));
    }

    @Test
    void theGroupIsTheAuthenticatedSenderAndTheRoom() {
        assertEquals("sender-alice/room-42", InboundGuard.groupOf("alice", 42L));
        assertEquals("sender-alice/room-none", InboundGuard.groupOf("alice", null));
    }
}
