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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failures inside the MDB's transaction: the built WAR plus a fault injector that throws after
 * the message row is written. Nothing may be broadcast from a failed attempt, the retry must
 * store the message once, and a message that always fails must end in the dead-letter queue.
 */
class DeliveryGuaranteesIT extends SharedChatServer {

    /** Listed in chat.operators by arquillian.xml. */
    private static final String OPERATOR = "ops-admin";

    ChatApi api;

    @BeforeEach
    void setUp() {
        api = new ChatApi(ChatServer.root(deploymentUrl));
    }

    private static StompClient connect(String user) throws Exception {
        return ChatServer.connect(user);
    }

    @Test
    void transactionFailingAfterPersistBroadcastsNothingThenStoresOnce() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        try (StompClient a = connect(alice); StompClient b = connect(bob)) {
            assertEquals("RECEIPT", a.subscribe("/topic/user." + alice).command());
            assertEquals("RECEIPT", b.subscribe("/topic/room." + room).command());

            a.send("/app/chat.send", Chat.send(room, "first", "f-1"));
            a.send("/app/chat.send", Chat.send(room, "fail-once:" + UUID.randomUUID(), "f-2"));
            a.send("/app/chat.send", Chat.send(room, "third", "f-3"));

            var got = Chat.collect(b, 3, 30);
            assertEquals(3, got.size(), "all three are broadcast: " + got);
            assertEquals(2, got.get(0).getJsonNumber("seq").longValue(), "after bob's joined event");
            assertEquals(3, got.get(1).getJsonNumber("seq").longValue(), "the rolled-back attempt gave its seq back");
            assertEquals("f-2", got.get(1).getString("clientMsgId"));
            assertEquals(4, got.get(2).getJsonNumber("seq").longValue());
            assertNull(b.next(2), "the failed attempt broadcast nothing");

            int acks = 0;
            JsonObject ack;
            while ((ack = Chat.next(a, type("ack").and(clientMsgId("f-2")), 2)) != null) {
                acks++;
                assertEquals(3, ack.getJsonNumber("seq").longValue());
            }
            assertEquals(1, acks, "acked once, after the commit that stored it");
        }
        var history = api.as(bob, "GET", "api/rooms/" + room + "/messages", null).array();
        assertEquals(4, history.size(), "stored once (and bob's joined): " + history);
    }

    @Test
    void poisonMessageEndsInTheDeadLetterQueueForOperatorsToSee() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        String poison = "poison:" + UUID.randomUUID();
        try (StompClient a = connect(alice); StompClient b = connect(bob)) {
            assertEquals("RECEIPT", b.subscribe("/topic/room." + room).command());
            a.send("/app/chat.send", Chat.send(room, poison, "p-1"));
            a.send("/app/chat.send", Chat.send(room, "healthy", "p-2"));
            JsonObject next = Chat.body(b.next(30));
            assertEquals("healthy", next.getString("text"), "a poison message does not block the room");
            assertEquals(2, next.getJsonNumber("seq").longValue(), "after bob's joined event");
        }

        api.call("POST", "api/users", null, null, "{\"username\":\"" + OPERATOR + "\",\"password\":\"" + ChatApi.PASSWORD + "\"}");
        long deadline = System.currentTimeMillis() + 30_000;
        String letters = "";
        while (System.currentTimeMillis() < deadline && !letters.contains(poison)) {
            var reply = api.as(OPERATOR, "GET", "api/ops/dead-letters", null);
            assertEquals(200, reply.status(), reply.body());
            letters = reply.body();
            if (!letters.contains(poison)) {
                Thread.sleep(250);
            }
        }
        assertTrue(letters.contains(poison), "the poison message is in the dead-letter queue: " + letters);
        assertTrue(letters.contains("\"sender\":\"" + alice + "\""), letters);
        assertEquals(403, api.as(alice, "GET", "api/ops/dead-letters", null).status(), "operators only");
        assertEquals(0, api.as(bob, "GET", "api/rooms/" + room + "/messages?after=2", null).array().size(),
                "the poison message was never stored");
    }

    @Test
    void operatorReplaysDeadLettersOnceTheCauseIsGone() throws Exception {
        String alice = api.newUser("alice");
        long room = api.newRoom(alice);
        String text = "fail-7:" + UUID.randomUUID();
        api.call("POST", "api/users", null, null, "{\"username\":\"" + OPERATOR + "\",\"password\":\"" + ChatApi.PASSWORD + "\"}");
        try (StompClient a = connect(alice)) {
            assertEquals("RECEIPT", a.subscribe("/topic/room." + room).command());
            a.send("/app/chat.send", Chat.send(room, text, "r-1"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline
                    && !api.as(OPERATOR, "GET", "api/ops/dead-letters", null).body().contains(text)) {
                Thread.sleep(250);
            }
            assertNull(a.next(1), "nothing broadcast while it fails");
            assertEquals(403, api.as(alice, "POST", "api/ops/dead-letters/replay", null).status());
            var replay = api.as(OPERATOR, "POST", "api/ops/dead-letters/replay", null);
            assertEquals(200, replay.status(), replay.body());
            assertTrue(replay.json().getInt("replayed") >= 1, replay.body());

            JsonObject event = Chat.next(a, clientMsgId("r-1"), 30);
            assertNotNull(event, "after the replay it is stored and broadcast");
            assertEquals(1, event.getJsonNumber("seq").longValue());
            assertNull(a.next(2), "once");
        }
        assertTrue(!api.as(OPERATOR, "GET", "api/ops/dead-letters", null).body().contains(text), "and no longer a dead letter");
        assertEquals(1, api.as(alice, "GET", "api/rooms/" + room + "/messages", null).array().size());
    }
}
