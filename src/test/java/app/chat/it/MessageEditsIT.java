package app.chat.it;

import static app.chat.testing.Chat.clientMsgId;
import static app.chat.testing.Chat.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.testing.Chat;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatServer;
import app.chat.testing.SharedChatServer;
import app.chat.testing.StompClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Edits and deletes (README: /app/chat.edit, /app/chat.delete), black-box: the events on the room
 * topic, the acks and errors on the user topic, and what history shows afterwards.
 */
class MessageEditsIT extends SharedChatServer {

    ChatApi api;

    @BeforeEach
    void setUp() {
        api = new ChatApi(ChatServer.root(deploymentUrl));
    }

    /** A connection that hears its user topic (and the room's, if given). */
    private static StompClient listening(String user, Long room) throws Exception {
        StompClient c = ChatServer.connect(user);
        assertEquals("RECEIPT", c.subscribe("/topic/user." + user).command());
        if (room != null) {
            assertEquals("RECEIPT", c.subscribe("/topic/room." + room).command());
        }
        return c;
    }

    /** Sends a message and returns its ack. */
    private static JsonObject sendAndAck(StompClient c, long room, String text) throws Exception {
        String id = "m-" + UUID.randomUUID();
        c.send("/app/chat.send", Chat.send(room, text, id));
        JsonObject ack = Chat.next(c, type("ack").and(clientMsgId(id)), 15);
        assertNotNull(ack, "no ack for the send of " + text);
        return ack;
    }

    private static long id(JsonObject json) {
        return json.getJsonNumber("id").longValue();
    }

    private static long seq(JsonObject json) {
        return json.getJsonNumber("seq").longValue();
    }

    private static JsonObject error(StompClient c, String clientMsgId) throws Exception {
        JsonObject error = Chat.next(c, type("error").and(clientMsgId(clientMsgId)), 15);
        assertNotNull(error, "no error for " + clientMsgId);
        assertFalse(error.getString("message").isBlank());
        return error;
    }

    @Test
    void anEditOfOnesOwnMessageIsBroadcastWithANewSeqAndHistoryShowsTheNewText() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        try (StompClient a = listening(alice, null); StompClient b = listening(bob, room)) {
            long message = id(sendAndAck(a, room, "teh typo"));
            assertEquals("message", Chat.body(b.next(15)).getString("type"));

            a.send("/app/chat.edit", Chat.edit(room, message, "the typo, fixed", "e-1"));
            JsonObject edited = Chat.body(b.next(15));
            assertEquals("edited", edited.getString("type"));
            assertEquals(message, id(edited));
            assertEquals(room, edited.getJsonNumber("roomId").longValue());
            assertEquals(3, seq(edited), "the edit takes the room's next seq (1 is bob's joined, 2 the message)");
            assertEquals("the typo, fixed", edited.getString("text"));
            Instant editedAt = Instant.parse(edited.getString("editedAt"));

            JsonObject ack = Chat.next(a, type("ack").and(clientMsgId("e-1")), 15);
            assertNotNull(ack, "the editor is acked");
            assertEquals("edit", ack.getString("action"));
            assertEquals(message, id(ack));
            assertEquals(3, seq(ack));
            assertNull(b.next(1), "one event per edit");
        }
        List<JsonObject> history = api.messageHistory(bob, room);
        assertEquals(2, history.size(), history.toString());
        JsonObject m = history.get(0);
        assertEquals("message", m.getString("type"));
        assertEquals(2, seq(m), "the message keeps its place");
        assertEquals("the typo, fixed", m.getString("text"));
        assertNotNull(m.getString("editedAt"));
        assertFalse(m.containsKey("deleted"));
        JsonObject e = history.get(1);
        assertEquals(List.of("edited", m.getJsonNumber("id").toString(), "3", "the typo, fixed", m.getString("editedAt")),
                List.of(e.getString("type"), e.getJsonNumber("id").toString(), String.valueOf(seq(e)), e.getString("text"), e.getString("editedAt")));
    }

    @Test
    void aDeleteIsBroadcastAndLeavesATombstoneWithoutAnyOfItsTexts() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        try (StompClient a = listening(alice, null); StompClient b = listening(bob, room)) {
            long message = id(sendAndAck(a, room, "regrettable"));
            a.send("/app/chat.edit", Chat.edit(room, message, "still regrettable", "e-1"));
            assertNotNull(Chat.next(a, clientMsgId("e-1"), 15));
            a.send("/app/chat.delete", Chat.delete(room, message, "d-1"));
            JsonObject deleted = Chat.next(b, type("deleted"), 15);
            assertNotNull(deleted, "the delete is broadcast");
            assertEquals(message, id(deleted));
            assertEquals(4, seq(deleted));
            assertEquals(alice, deleted.getString("by"));
            JsonObject ack = Chat.next(a, type("ack").and(clientMsgId("d-1")), 15);
            assertEquals("delete", ack.getString("action"));
            assertEquals(4, seq(ack));
        }
        List<JsonObject> history = api.messageHistory(bob, room);
        assertEquals(List.of("message", "edited", "deleted"), history.stream().map(h -> h.getString("type")).toList());
        JsonObject tombstone = history.get(0);
        assertTrue(tombstone.getBoolean("deleted"));
        assertEquals(JsonValue.NULL, tombstone.get("text"), "a tombstone has no text: " + tombstone);
        assertEquals(alice, tombstone.getString("sender"));
        assertEquals(JsonValue.NULL, history.get(1).get("text"), "the edit's words went with the message: " + history.get(1));
        assertFalse(history.toString().contains("regrettable"), history.toString());
        assertEquals(alice, history.get(2).getString("by"));
    }

    @Test
    void someoneElsesMessageCanBeNeitherEditedNorDeletedAndNothingIsStoredOrBroadcast() throws Exception {
        String alice = api.newUser("alice");
        String mallory = api.newUser("mallory");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, mallory, bob);
        try (StompClient a = listening(alice, null); StompClient m = listening(mallory, null); StompClient b = listening(bob, room)) {
            long message = id(sendAndAck(a, room, "my words"));
            assertNotNull(Chat.body(b.next(15)));

            m.send("/app/chat.edit", Chat.edit(room, message, "alice is wrong", "x-1"));
            assertEquals("NOT_YOUR_MESSAGE", error(m, "x-1").getString("code"));
            m.send("/app/chat.delete", Chat.delete(room, message, "x-2"));
            assertEquals("NOT_ALLOWED", error(m, "x-2").getString("code"));
            // even with headers that try to pass as someone else
            m.send("/app/chat.edit", Chat.edit(room, message, "alice is wrong", "x-3"), Map.of("_AMQ_VALIDATED_USER", alice));
            assertEquals("NOT_YOUR_MESSAGE", error(m, "x-3").getString("code"));
            assertNull(b.next(2), "nothing was broadcast");

            // and the room's seq was not touched: alice's next message is 4 (1 and 2 are the joined events)
            assertEquals(4, seq(sendAndAck(a, room, "next")));
        }
        List<JsonObject> history = api.messageHistory(bob, room);
        assertEquals(List.of("my words", "next"), history.stream().map(h -> h.getString("text")).toList());
        assertFalse(history.get(0).containsKey("editedAt"));
    }

    @Test
    void theOwnerAndAModeratorDeleteOthersMessagesButMayNotEditThem() throws Exception {
        String owner = api.newUser("olga");
        String moderator = api.newUser("mo");
        String troll = api.newUser("troll");
        long room = api.newRoom(owner, moderator, troll);
        assertEquals(204, api.as(owner, "PUT", "api/rooms/" + room + "/members/" + moderator, "{\"role\":\"moderator\"}").status());
        try (StompClient o = listening(owner, room); StompClient mo = listening(moderator, null); StompClient t = listening(troll, null)) {
            long first = id(sendAndAck(t, room, "spam one"));
            long second = id(sendAndAck(t, room, "spam two"));

            o.send("/app/chat.edit", Chat.edit(room, first, "tamed", "o-1"));
            assertEquals("NOT_YOUR_MESSAGE", error(o, "o-1").getString("code"), "a moderator deletes, never puts words in a mouth");
            o.send("/app/chat.delete", Chat.delete(room, first, "o-2"));
            JsonObject byOwner = Chat.next(o, type("deleted"), 15);
            assertEquals(first, id(byOwner));
            assertEquals(owner, byOwner.getString("by"));

            mo.send("/app/chat.delete", Chat.delete(room, second, "m-1"));
            JsonObject byModerator = Chat.next(o, type("deleted"), 15);
            assertEquals(second, id(byModerator));
            assertEquals(moderator, byModerator.getString("by"));

            t.send("/app/chat.delete", Chat.delete(room, id(sendAndAck(o, room, "house rules")), "t-1"));
            assertEquals("NOT_ALLOWED", error(t, "t-1").getString("code"), "a plain member deletes only their own");
        }
        List<JsonObject> history = api.messageHistory(owner, room);
        assertEquals(List.of(true, true), history.stream().filter(h -> h.getString("type").equals("message") && h.containsKey("deleted"))
                .map(h -> h.getBoolean("deleted")).toList());
        assertFalse(history.toString().contains("spam"), history.toString());
    }

    @Test
    void unknownIdsAnotherRoomsMessageAndDeletedMessagesAreUnknown() throws Exception {
        String alice = api.newUser("alice");
        long room = api.newRoom(alice);
        long otherRoom = api.newRoom(alice);
        try (StompClient a = listening(alice, null)) {
            long elsewhere = id(sendAndAck(a, otherRoom, "in the other room"));
            long gone = id(sendAndAck(a, room, "soon gone"));
            a.send("/app/chat.delete", Chat.delete(room, gone, "d-1"));
            assertNotNull(Chat.next(a, type("ack").and(clientMsgId("d-1")), 15));

            a.send("/app/chat.edit", Chat.edit(room, 987654321098L, "x", "u-1"));
            a.send("/app/chat.edit", Chat.edit(room, elsewhere, "x", "u-2"));
            a.send("/app/chat.delete", Chat.delete(room, elsewhere, "u-3"));
            a.send("/app/chat.edit", Chat.edit(room, gone, "back from the dead", "u-4"));
            a.send("/app/chat.delete", Chat.delete(room, gone, "u-5"));
            for (String attempt : List.of("u-1", "u-2", "u-3", "u-4", "u-5")) {
                assertEquals("UNKNOWN_MESSAGE", error(a, attempt).getString("code"), attempt);
            }
        }
        assertEquals("in the other room", api.messageHistory(alice, otherRoom).get(0).getString("text"));
        assertEquals(2, api.messageHistory(alice, room).size(), "the message and its delete, nothing more");
    }

    @Test
    void nonMembersAndMalformedChangesAreRefusedLikeSends() throws Exception {
        String alice = api.newUser("alice");
        String outsider = api.newUser("olga");
        long room = api.newRoom(alice);
        try (StompClient a = listening(alice, null); StompClient o = listening(outsider, null)) {
            long message = id(sendAndAck(a, room, "members only"));
            o.send("/app/chat.edit", Chat.edit(room, message, "x", "n-1"));
            assertEquals("NOT_A_MEMBER", error(o, "n-1").getString("code"));
            o.send("/app/chat.delete", Chat.delete(room, message, "n-2"));
            assertEquals("NOT_A_MEMBER", error(o, "n-2").getString("code"));

            a.send("/app/chat.edit", Chat.edit(room, message, "  ", "v-1"));
            assertEquals("TEXT_EMPTY", error(a, "v-1").getString("code"));
            a.send("/app/chat.edit", Chat.edit(room, message, "y".repeat(4001), "v-2"));
            assertEquals("TEXT_TOO_LONG", error(a, "v-2").getString("code"));
            a.send("/app/chat.edit", "{\"roomId\":" + room + ",\"text\":\"which one?\",\"clientMsgId\":\"v-3\"}");
            assertEquals("INVALID_JSON", error(a, "v-3").getString("code"));
            a.send("/app/chat.delete", "{\"roomId\":" + room + ",\"messageId\":\"" + message + "\",\"clientMsgId\":\"v-4\"}");
            assertEquals("INVALID_JSON", error(a, "v-4").getString("code"));

            // having left, alice may not change her own message either
            assertEquals(204, api.as(alice, "DELETE", "api/rooms/" + room + "/members/me", null).status());
            a.send("/app/chat.delete", Chat.delete(room, message, "n-3"));
            assertEquals("NOT_A_MEMBER", error(a, "n-3").getString("code"));
        }
        assertEquals(201, api.as(alice, "POST", "api/rooms/" + room + "/members", null).status());
        List<JsonObject> history = api.messageHistory(alice, room);
        assertEquals(1, history.size(), history.toString());
        assertEquals("members only", history.get(0).getString("text"));
    }

    @Test
    void aRetriedEditOrDeleteIsAckedWithTheOriginalAndBroadcastOnce() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        try (StompClient a = listening(alice, null); StompClient b = listening(bob, room)) {
            long message = id(sendAndAck(a, room, "draft"));
            assertNotNull(Chat.body(b.next(15)));
            String edit = Chat.edit(room, message, "final", "r-1");
            a.send("/app/chat.edit", edit);
            JsonObject first = Chat.next(a, clientMsgId("r-1"), 15);
            a.send("/app/chat.edit", edit);
            JsonObject second = Chat.next(a, clientMsgId("r-1"), 15);
            assertEquals(first, second, "the retry is acked with the original result");
            assertEquals("ack", first.getString("type"));

            String delete = Chat.delete(room, message, "r-2");
            a.send("/app/chat.delete", delete);
            JsonObject deleted = Chat.next(a, clientMsgId("r-2"), 15);
            a.send("/app/chat.delete", delete);
            assertEquals(deleted, Chat.next(a, clientMsgId("r-2"), 15), "a retried delete is acked, not UNKNOWN_MESSAGE");
            // and the edit's retry still gets its ack after the message is gone
            a.send("/app/chat.edit", edit);
            assertEquals(first, Chat.next(a, clientMsgId("r-1"), 15));

            List<JsonObject> broadcast = Chat.collect(b, 3, 5);
            assertEquals(List.of("edited", "deleted"), broadcast.stream().map(e -> e.getString("type")).toList(),
                    "each change broadcast once: " + broadcast);
        }
        assertEquals(3, api.messageHistory(alice, room).size(), "message, edit, delete: nothing stored twice");
    }

    @Test
    void editsSentBackToBackArriveInOrderAndTheLastOneStands() throws Exception {
        String alice = api.newUser("alice");
        long room = api.newRoom(alice);
        try (StompClient a = listening(alice, room)) {
            long message = id(sendAndAck(a, room, "v0"));
            for (int v = 1; v <= 5; v++) {
                a.send("/app/chat.edit", Chat.edit(room, message, "v" + v, "o-" + v));
            }
            List<JsonObject> edits = Chat.collect(a, 10, 20).stream().filter(type("edited")).toList();
            assertEquals(List.of("v1", "v2", "v3", "v4", "v5"), edits.stream().map(e -> e.getString("text")).toList());
            assertEquals(List.of(2L, 3L, 4L, 5L, 6L), edits.stream().map(MessageEditsIT::seq).toList());
        }
        assertEquals("v5", api.messageHistory(alice, room).get(0).getString("text"));
    }

    @Test
    void anEditWhoseTransactionFailsIsRedeliveredAndBroadcastOnce() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        try (StompClient a = listening(alice, null); StompClient b = listening(bob, room)) {
            long message = id(sendAndAck(a, room, "before"));
            assertNotNull(Chat.body(b.next(15)));
            String text = "fail-once:" + UUID.randomUUID(); // FaultInjector fails its first attempt after the rows are written
            a.send("/app/chat.edit", Chat.edit(room, message, text, "f-1"));
            JsonObject edited = Chat.body(b.next(30));
            assertEquals(text, edited.getString("text"));
            assertEquals(3, seq(edited), "the rolled-back attempt gave its seq back");
            assertNull(b.next(2), "the failed attempt broadcast nothing");
            assertNotNull(Chat.next(a, type("ack").and(clientMsgId("f-1")), 5));
        }
        assertEquals(2, api.messageHistory(bob, room).size());
    }

    @Test
    void clientsCannotForgeChangesOnTheRoomTopicOrTheCommandStamp() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        try (StompClient a = listening(alice, null); StompClient b = listening(bob, room)) {
            long message = id(sendAndAck(a, room, "original"));
            assertNotNull(Chat.body(b.next(15)));
            try (StompClient forger = ChatServer.connect(bob)) {
                var refused = forger.sendWithReceipt("/topic/room." + room, "{\"type\":\"edited\",\"id\":" + message
                        + ",\"roomId\":" + room + ",\"text\":\"forged\",\"seq\":2}");
                assertNotNull(refused);
                assertEquals("ERROR", refused.command(), "a member may not write to the room topic: " + refused);
            }
            try (StompClient forger = ChatServer.connect(bob)) {
                assertEquals("ERROR", forger.sendWithReceipt("/app/chat.dlq", Chat.delete(room, message, "z-0")).command());
            }
            // a send that claims, by header, to have been sent to chat.edit is a send all the same
            b.send("/app/chat.send", "{\"roomId\":" + room + ",\"messageId\":" + message + ",\"text\":\"forged\",\"clientMsgId\":\"z-1\"}",
                    Map.of("chatSentTo", "chat.edit"));
            // the room's event, not bob's ack: the two come by different subscriptions, in either order
            JsonObject stored = Chat.next(b, clientMsgId("z-1").and(type("ack").negate()), 15);
            assertNotNull(stored);
            assertEquals("message", stored.getString("type"), "stored as a new message of bob's: " + stored);
            assertEquals(bob, stored.getString("sender"));
        }
        assertEquals("original", api.messageHistory(alice, room).get(0).getString("text"));
    }
}
