package app.chat.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationsTest {

    @Test
    void roomAndUserTopicsRoundTrip() {
        assertEquals("room.42", Destinations.roomTopic(42));
        assertEquals(42, Destinations.roomOf("room.42").getAsLong());
        assertEquals("user.alice_1", Destinations.userTopic("alice_1"));
        assertEquals("alice_1", Destinations.userOf("user.alice_1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"room.*", "room.#", "#", "room.", "room.0", "room.01", "room.4x", "room.42.x", "room.42::q",
            "rooms.1", "chat.send", "room.99999999999999999999"})
    void wildcardsAndLookalikesAreNotRooms(String address) {
        assertTrue(Destinations.roomOf(address).isEmpty(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user.*", "user.#", "user.al", "user.Alice", "user.a.b", "user.alice::q", "user."})
    void wildcardsAndLookalikesAreNotUsers(String address) {
        assertNull(Destinations.userOf(address), address);
    }
}
