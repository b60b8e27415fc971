package app.chat.it;

import static app.chat.testing.Chat.clientMsgId;
import static app.chat.testing.Chat.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.testing.Chat;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatServer;
import app.chat.testing.SharedChatServer;
import app.chat.testing.StompClient;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Read markers, unread and mention counts, and mention events (README: PUT /api/rooms/{id}/read,
 * GET /api/rooms, the user topic's read and mention events), black-box.
 */
class UnreadAndMentionsIT extends SharedChatServer {

    ChatApi api;

    @BeforeEach
    void setUp() {
        api = new ChatApi(ChatServer.root(deploymentUrl));
    }

    private static StompClient listening(String user) throws Exception {
        StompClient c = ChatServer.connect(user);
        assertEquals("RECEIPT", c.subscribe("/topic/user." + user).command());
        return c;
    }

    /** Sends a message and returns its ack. */
    private static JsonObject say(StompClient c, long room, String text) throws Exception {
        String id = "m-" + UUID.randomUUID();
        c.send("/app/chat.send", Chat.send(room, text, id));
        JsonObject ack = Chat.next(c, type("ack").and(clientMsgId(id)), 15);
        assertNotNull(ack, "no ack for " + text);
        return ack;
    }

    /** The room as {@code user} sees it in GET /api/rooms. */
    private JsonObject listed(String user, long room) throws Exception {
        ChatApi.Reply r = api.as(user, "GET", "api/rooms", null);
        assertEquals(200, r.status(), r.body());
        return r.array().stream().map(v -> v.asJsonObject()).filter(o -> o.getJsonNumber("id").longValue() == room)
                .findFirst().orElseThrow(() -> new AssertionError("room " + room + " not listed to " + user));
    }

    private static long number(JsonObject o, String key) {
        return o.getJsonNumber(key).longValue();
    }

    private ChatApi.Reply markRead(String user, long room, String body) throws Exception {
        return api.as(user, "PUT", "api/rooms/" + room + "/read", body);
    }

    private ChatApi.Reply markRead(String user, long room, long seq) throws Exception {
        return markRead(user, room, "{\"seq\":" + seq + "}");
    }

    @Test
    void unreadCountsOthersMessagesAboveTheMarkerAndReadingLowersItNeverBackwards() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        long j = number(listed(alice, room), "lastSeq"); // the members' "joined" events come first
        try (StompClient a = listening(alice); StompClient b = listening(bob)) {
            say(a, room, "one");
            say(a, room, "two");
            say(a, room, "three");
            say(b, room, "bob's own");
        }
        JsonObject seenByBob = listed(bob, room);
        assertEquals(j + 4, number(seenByBob, "lastSeq"));
        assertEquals(0, number(seenByBob, "readSeq"));
        assertEquals(3, number(seenByBob, "unread"), "alice's three, not bob's own: " + seenByBob);
        assertEquals(0, number(seenByBob, "mentions"));
        assertEquals(1, number(listed(alice, room), "unread"), "bob's one for alice");

        ChatApi.Reply read = markRead(bob, room, j + 2);
        assertEquals(200, read.status(), read.body());
        assertEquals(j + 2, number(read.json(), "seq"));
        assertEquals(room, number(read.json(), "roomId"));
        assertEquals(1, number(listed(bob, room), "unread"), "seq 3 is alice's and unread; seq 4 is bob's own");

        ChatApi.Reply back = markRead(bob, room, j + 1);
        assertEquals(200, back.status(), back.body());
        assertEquals(j + 2, number(back.json(), "seq"), "a lower seq leaves the marker where it is");
        assertEquals(j + 2, number(listed(bob, room), "readSeq"));

        assertEquals(200, markRead(bob, room, j + 4).status());
        JsonObject done = listed(bob, room);
        assertEquals(j + 4, number(done, "readSeq"));
        assertEquals(0, number(done, "unread"));
    }

    @Test
    void badMarkersAreRefusedWithTypedErrors() throws Exception {
        String alice = api.newUser("alice");
        String stranger = api.newUser("stranger");
        long room = api.newRoom(alice);
        try (StompClient a = listening(alice)) {
            say(a, room, "only one");
        }
        ChatApi.Reply beyond = markRead(alice, room, 2);
        assertEquals(400, beyond.status());
        assertEquals("INVALID_REQUEST", beyond.json().getString("code"), beyond.body());
        assertEquals("INVALID_REQUEST", markRead(alice, room, -1).json().getString("code"));
        assertEquals("INVALID_REQUEST", markRead(alice, room, "{}").json().getString("code"));
        assertEquals(400, markRead(alice, room, "{\"seq\":").status());
        ChatApi.Reply notMember = markRead(stranger, room, 1);
        assertEquals(403, notMember.status());
        assertEquals("NOT_A_MEMBER", notMember.json().getString("code"));
        ChatApi.Reply unknown = markRead(alice, 987_654_321L, 1);
        assertEquals(404, unknown.status());
        assertEquals("UNKNOWN_ROOM", unknown.json().getString("code"));
        assertTrue(listed(stranger, room).isNull("readSeq"), "one who is not a member has no marker");
        assertEquals(0, number(listed(stranger, room), "unread"));
    }

    @Test
    void aMarkerThatMovesReachesEveryTabOfTheReaderAndOneThatDoesNotReachesNone() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        long j = number(listed(alice, room), "lastSeq"); // the members' "joined" events come first
        try (StompClient a = listening(alice); StompClient tab1 = listening(bob); StompClient tab2 = listening(bob)) {
            say(a, room, "one");
            say(a, room, "two");
            assertEquals(200, markRead(bob, room, j + 2).status());
            for (StompClient tab : new StompClient[] {tab1, tab2}) {
                JsonObject event = Chat.next(tab, type("read"), 15);
                assertNotNull(event, "every tab hears of the read");
                assertEquals(room, number(event, "roomId"));
                assertEquals(j + 2, number(event, "seq"));
            }
            assertEquals(200, markRead(bob, room, j + 1).status());
            assertNull(Chat.next(tab1, type("read"), 2), "no event when the marker did not move");
            assertNull(Chat.next(a, type("read"), 1), "nor for anyone else");
        }
    }

    @Test
    void unreadStaysRightAcrossReconnects() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        long j = number(listed(alice, room), "lastSeq"); // the members' "joined" events come first
        try (StompClient a = listening(alice); StompClient b = listening(bob)) {
            say(a, room, "before bob leaves");
            assertEquals(200, markRead(bob, room, j + 1).status());
        }
        try (StompClient a = listening(alice)) {
            say(a, room, "while bob is away");
            say(a, room, "and again");
        }
        try (StompClient b = listening(bob)) {
            JsonObject seen = listed(bob, room);
            assertEquals(j + 1, number(seen, "readSeq"));
            assertEquals(2, number(seen, "unread"), seen.toString());
            say(b, room, "back");
            assertEquals(2, number(listed(bob, room), "unread"), "bob's own message does not count");
        }
    }

    @Test
    void aNewMemberStartsWithTheRoomReadAndNeitherEditsNorDeletedMessagesCount() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice);
        try (StompClient a = listening(alice)) {
            for (int i = 0; i < 5; i++) {
                say(a, room, "old " + i);
            }
            assertEquals(201, api.as(bob, "POST", "api/rooms/" + room + "/members", null).status());
            JsonObject joined = listed(bob, room);
            assertEquals(5, number(joined, "readSeq"), "joined with the room read");
            assertEquals(0, number(joined, "unread"));

            long kept = number(say(a, room, "kept"), "id");
            long gone = number(say(a, room, "gone"), "id");
            a.send("/app/chat.edit", Chat.edit(room, kept, "kept, edited", "e-1"));
            assertNotNull(Chat.next(a, type("ack").and(clientMsgId("e-1")), 15));
            a.send("/app/chat.delete", Chat.delete(room, gone, "d-1"));
            assertNotNull(Chat.next(a, type("ack").and(clientMsgId("d-1")), 15));
        }
        JsonObject seen = listed(bob, room);
        assertEquals(10, number(seen, "lastSeq"), "5 old, bob's joined, kept, gone, the edit, the delete");
        assertEquals(1, number(seen, "unread"), "the edited message only: not the deleted one, not the edit or delete entries");
    }

    @Test
    void aMentionReachesOnlyTheMentionedMembersAndCountsUntilRead() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        String carl = api.newUser("carl");
        String dan = api.newUser("dan");
        long room = api.newRoom(alice, bob, carl);
        long j = number(listed(alice, room), "lastSeq"); // the members' "joined" events come first
        api.newRoom(dan); // dan exists, but is not in alice's room
        try (StompClient a = listening(alice); StompClient b = listening(bob); StompClient c = listening(carl);
             StompClient d = listening(dan)) {
            say(a, room, "no one here");
            JsonObject ack = say(a, room, "@" + bob + " and @" + carl.toUpperCase(Locale.ROOT) + ", also @" + dan
                    + " and @" + alice + " and @nobody-" + UUID.randomUUID().toString().substring(0, 8) + " and @" + bob + " again");
            for (StompClient mentioned : new StompClient[] {b, c}) {
                JsonObject mention = Chat.next(mentioned, type("mention"), 15);
                assertNotNull(mention, "the mentioned member hears of it");
                assertEquals(room, number(mention, "roomId"));
                assertEquals(number(ack, "id"), number(mention, "id"));
                assertEquals(j + 2, number(mention, "seq"));
                assertEquals(alice, mention.getString("sender"));
                assertNull(Chat.next(mentioned, type("mention"), 1), "one event, though named twice");
            }
            assertNull(Chat.next(d, type("mention"), 2), "not a member: no mention");
            assertNull(Chat.next(a, type("mention"), 1), "no mention of oneself");
        }
        assertEquals(1, number(listed(bob, room), "mentions"));
        assertEquals(2, number(listed(bob, room), "unread"));
        assertEquals(1, number(listed(carl, room), "mentions"));
        assertEquals(0, number(listed(alice, room), "mentions"));
        assertEquals(200, markRead(bob, room, j + 2).status());
        JsonObject read = listed(bob, room);
        assertEquals(0, number(read, "mentions"));
        assertEquals(0, number(read, "unread"));
        assertEquals(1, number(listed(carl, room), "mentions"), "carl has not read it");
    }

    @Test
    void lastActivityIsNullForAnEmptyRoomAndMovesWithEachEntry() throws Exception {
        String alice = api.newUser("alice");
        long room = api.newRoom(alice);
        assertTrue(listed(alice, room).isNull("lastActivity"), "an empty room has no activity");
        Instant before = Instant.now().minusSeconds(1);
        Instant first;
        try (StompClient a = listening(alice)) {
            say(a, room, "first");
            first = Instant.parse(listed(alice, room).getString("lastActivity"));
            assertTrue(!first.isBefore(before) && first.isBefore(Instant.now().plusSeconds(1)), first.toString());
            Thread.sleep(20); // so that the next entry's millisecond differs
            say(a, room, "second");
        }
        Instant second = Instant.parse(listed(alice, room).getString("lastActivity"));
        assertTrue(second.isAfter(first), first + " then " + second);
    }
}
