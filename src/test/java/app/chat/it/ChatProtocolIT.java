package app.chat.it;

import static app.chat.testing.Chat.clientMsgId;
import static app.chat.testing.Chat.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.stompcodec.StompFrame;
import app.chat.testing.Chat;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatServer;
import app.chat.testing.SharedChatServer;
import app.chat.testing.StompClient;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol of README.md, black-box: the built WAR on a real Payara Micro, spoken to over HTTP
 * and STOMP over WebSocket as a browser would.
 */
class ChatProtocolIT extends SharedChatServer {

    ChatApi api;

    @BeforeEach
    void setUp() {
        api = new ChatApi(ChatServer.root(deploymentUrl));
    }

    private static StompClient connect(String user) throws Exception {
        return ChatServer.connect(user);
    }

    private static void assertReceipt(StompFrame reply) {
        assertNotNull(reply, "no answer to SUBSCRIBE");
        assertEquals("RECEIPT", reply.command(), "SUBSCRIBE answered " + reply);
    }

    private static void assertRefused(StompFrame reply) {
        assertNotNull(reply, "no answer to a forbidden frame");
        assertEquals("ERROR", reply.command(), "expected an ERROR, got " + reply);
    }

    // ---- HTTP ----

    @Test
    void healthIsUpWithBrokerAndDatabaseChecks() throws Exception {
        var reply = api.call("GET", "health", null, null, null);
        assertEquals(200, reply.status(), reply.body());
        var checks = reply.json().getJsonArray("checks").toString();
        assertTrue(checks.contains("\"broker\"") && checks.contains("\"database\""), checks);
    }

    @Test
    void signUpCreatesUserAndRefusesTakenOrInvalidNames() throws Exception {
        String name = ChatApi.uniqueName("alice");
        String body = "{\"username\":\"" + name + "\",\"password\":\"" + ChatApi.PASSWORD + "\"}";
        var created = api.call("POST", "api/users", null, null, body);
        assertEquals(201, created.status(), created.body());
        assertEquals(name, created.json().getString("username"));
        assertFalse(created.body().contains("password"), "the password must never be echoed");

        assertEquals(409, api.call("POST", "api/users", null, null, body).status());
        var badName = api.call("POST", "api/users", null, null, "{\"username\":\"Bad Name\",\"password\":\"" + ChatApi.PASSWORD + "\"}");
        assertEquals(400, badName.status());
        assertEquals("INVALID_REQUEST", badName.json().getString("code"));
        assertEquals(400, api.call("POST", "api/users", null, null, "{\"username\":\"ab\",\"password\":\"" + ChatApi.PASSWORD + "\"}").status());
        assertEquals(400, api.call("POST", "api/users", null, null, "{\"username\":\"" + ChatApi.uniqueName("bob") + "\",\"password\":\"short\"}").status());
        assertEquals(400, api.call("POST", "api/users", null, null, "{\"username\":\"" + ChatApi.uniqueName("bob") + "\",\"password\":\"" + "x".repeat(129) + "\"}").status());
        assertEquals(400, api.call("POST", "api/users", null, null, "{not json").status());
        assertEquals(400, api.call("POST", "api/users", null, null, "{}").status());
    }

    @Test
    void everythingElseUnderApiNeedsValidCredentials() throws Exception {
        String user = api.newUser("carol");
        assertEquals(401, api.call("GET", "api/rooms", null, null, null).status());
        assertEquals(401, api.call("GET", "api/rooms", user, "wrong password", null).status());
        assertEquals(401, api.call("GET", "api/rooms", "nobody-" + UUID.randomUUID().toString().substring(0, 8), ChatApi.PASSWORD, null).status());
        var me = api.as(user, "GET", "api/users/me", null);
        assertEquals(200, me.status());
        assertEquals(user, me.json().getString("username"));
    }

    @Test
    void roomsCanBeCreatedListedJoinedAndLeft() throws Exception {
        String owner = api.newUser("dave");
        String guest = api.newUser("erin");
        var created = api.as(owner, "POST", "api/rooms", "{\"name\":\"  Coffee corner  \"}");
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals("Coffee corner", created.json().getString("name"));

        assertTrue(api.as(guest, "GET", "api/rooms", null).body().contains("\"id\":" + id));
        assertEquals(201, api.as(guest, "POST", "api/rooms/" + id + "/members", null).status());
        assertEquals(200, api.as(guest, "POST", "api/rooms/" + id + "/members", null).status(), "joining twice is fine");
        assertEquals(204, api.as(guest, "DELETE", "api/rooms/" + id + "/members/me", null).status());
        assertEquals(403, api.as(guest, "GET", "api/rooms/" + id + "/messages", null).status(), "left: no history");

        assertEquals(400, api.as(owner, "POST", "api/rooms", "{\"name\":\"   \"}").status());
        assertEquals(400, api.as(owner, "POST", "api/rooms", "{\"name\":\"" + "x".repeat(81) + "\"}").status());
        assertEquals(201, api.as(owner, "POST", "api/rooms", "{\"name\":\"" + "x".repeat(80) + "\"}").status());
        var unknown = api.as(owner, "POST", "api/rooms/987654321/members", null);
        assertEquals(404, unknown.status());
        assertEquals("UNKNOWN_ROOM", unknown.json().getString("code"));
        assertEquals(404, api.as(owner, "DELETE", "api/rooms/987654321/members/me", null).status());
        assertEquals(404, api.as(owner, "GET", "api/rooms/987654321/messages", null).status());
    }

    // ---- STOMP ----

    @Test
    void wrongPasscodeIsRefusedOnConnect() throws Exception {
        String user = api.newUser("frank");
        try (StompClient c = StompClient.connect(ChatServer.stompEndpoint(), user, "not the password")) {
            assertNotNull(c.connectReply);
            assertEquals("ERROR", c.connectReply.command());
        }
        try (StompClient c = StompClient.connect(ChatServer.stompEndpoint(), "no-such-user", ChatApi.PASSWORD)) {
            assertEquals("ERROR", c.connectReply.command());
        }
    }

    @Test
    void sentMessageIsStampedBroadcastToMembersAndAckedToTheSender() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        try (StompClient a = connect(alice); StompClient b = connect(bob)) {
            assertReceipt(a.subscribe("/topic/user." + alice));
            assertReceipt(b.subscribe("/topic/room." + room));
            // the body claims another sender and the headers try to forge the broker's stamp: both ignored
            a.send("/app/chat.send", "{\"roomId\":" + room + ",\"text\":\"héllo 👋\",\"clientMsgId\":\"m-1\",\"sender\":\"" + bob + "\"}",
                    Map.of("_AMQ_VALIDATED_USER", bob, "JMSXUserID", bob));

            StompFrame delivery = b.next(15);
            JsonObject event = Chat.body(delivery);
            assertEquals("message", event.getString("type"));
            // what the browser gets besides the body: STOMP's own headers, not the server's JMS internals
            assertEquals(String.valueOf(delivery.body().getBytes(StandardCharsets.UTF_8).length), delivery.header("content-length"));
            assertNull(delivery.header("__AMQ_CID"), "the JMS connection id stays in the server");
            assertNull(delivery.header("JMSXUserID"), "the application's broker login stays in the server");
            assertEquals(room, event.getJsonNumber("roomId").longValue());
            assertEquals(2, event.getJsonNumber("seq").longValue(), "after bob's joined event");
            assertEquals(alice, event.getString("sender"));
            assertEquals("héllo 👋", event.getString("text"));
            assertEquals("m-1", event.getString("clientMsgId"));
            assertTrue(event.getString("sentAt").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), event.getString("sentAt"));

            JsonObject ack = Chat.next(a, type("ack"), 15);
            assertNotNull(ack, "the sender gets an ack");
            assertEquals("m-1", ack.getString("clientMsgId"));
            assertEquals(event.getJsonNumber("id"), ack.getJsonNumber("id"));
            assertEquals(2, ack.getJsonNumber("seq").longValue());
            assertEquals(event.getString("sentAt"), ack.getString("sentAt"));
        }
        var history = api.as(bob, "GET", "api/rooms/" + room + "/messages", null);
        assertEquals(200, history.status());
        assertEquals(2, history.array().size());
        assertEquals("member", history.array().getJsonObject(0).getString("type"));
        assertEquals(alice, history.array().getJsonObject(1).getString("sender"));
    }

    @Test
    void everyRejectionIsTypedStoresNothingAndKeepsTheSenderConnected() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        String outsider = api.newUser("olga");
        long room = api.newRoom(alice, bob);
        long otherRoom = api.newRoom(outsider);
        try (StompClient a = connect(alice); StompClient b = connect(bob)) {
            assertReceipt(a.subscribe("/topic/user." + alice));
            assertReceipt(b.subscribe("/topic/room." + room));

            Map<String, String> rejected = Map.of(
                    "this is not json", "INVALID_JSON",
                    "[1,2,3]", "INVALID_JSON",
                    "{\"text\":\"no room\",\"clientMsgId\":\"x-1\"}", "INVALID_JSON",
                    Chat.send(room, "", "x-2"), "TEXT_EMPTY",
                    Chat.send(room, " \n\t ", "x-3"), "TEXT_EMPTY",
                    Chat.send(room, "y".repeat(4001), "x-4"), "TEXT_TOO_LONG",
                    Chat.send(987654321, "hello?", "x-5"), "UNKNOWN_ROOM",
                    Chat.send(otherRoom, "let me in", "x-6"), "NOT_A_MEMBER");
            for (var attempt : rejected.entrySet()) {
                a.send("/app/chat.send", attempt.getKey());
                JsonObject error = Chat.next(a, type("error"), 15);
                assertNotNull(error, "no rejection for " + attempt.getKey());
                assertEquals(attempt.getValue(), error.getString("code"), attempt.getKey());
                assertFalse(error.getString("message").isBlank());
            }
            // 4000 characters (code points: each emoji is two UTF-16 units) are still fine
            a.send("/app/chat.send", Chat.send(room, "😀".repeat(4000), "x-ok"));
            assertNotNull(Chat.next(a, type("ack"), 15), "the sender is still connected and heard");

            JsonObject first = Chat.body(b.next(15));
            assertEquals(2, first.getJsonNumber("seq").longValue(), "nothing rejected was broadcast or numbered (1 is bob's joined)");
            assertEquals("x-ok", first.getString("clientMsgId"));
            assertNull(b.next(1), "nothing else was broadcast");
        }
        assertEquals(2, api.as(bob, "GET", "api/rooms/" + room + "/messages", null).array().size());
    }

    @Test
    void retryWithTheSameClientMsgIdIsStoredAndBroadcastOnceAndAckedAgain() throws Exception {
        String alice = api.newUser("alice");
        long room = api.newRoom(alice);
        try (StompClient a = connect(alice)) {
            assertReceipt(a.subscribe("/topic/user." + alice));
            assertReceipt(a.subscribe("/topic/room." + room));
            String body = Chat.send(room, "only once", "retry-1");
            a.send("/app/chat.send", body);
            JsonObject firstAck = Chat.next(a, type("ack"), 15);
            a.send("/app/chat.send", body);
            JsonObject secondAck = Chat.next(a, type("ack"), 15);
            assertNotNull(firstAck);
            assertNotNull(secondAck);
            assertEquals(firstAck.getJsonNumber("id"), secondAck.getJsonNumber("id"));
            assertEquals(firstAck.getJsonNumber("seq"), secondAck.getJsonNumber("seq"));
        }
        var history = api.as(alice, "GET", "api/rooms/" + room + "/messages", null).array();
        assertEquals(1, history.size(), history.toString());
    }

    @Test
    void clientsCannotPublishToTopicsOrSubscribeBeyondTheirRights() throws Exception {
        String alice = api.newUser("alice");
        String mallory = api.newUser("mallory");
        String member = api.newUser("mike");
        long room = api.newRoom(alice, member);
        try (StompClient a = connect(alice); StompClient m = connect(member)) {
            assertReceipt(a.subscribe("/topic/room." + room));
            // even a member may not write to the room topic: only the server stamps messages
            assertRefused(m.sendWithReceipt("/topic/room." + room, "{\"type\":\"message\",\"text\":\"fake\",\"seq\":1}"));
            assertNull(a.next(2), "nothing reached the room");
        }
        for (String destination : List.of("/topic/room." + room, "/topic/room.*", "/topic/room.#", "/topic/#",
                "/topic/user." + alice, "/topic/user.*", "/app/chat.send", "/app/chat.dlq", "/topic/activemq.notifications",
                "/topic/room." + room + "::x")) {
            try (StompClient m = connect(mallory)) {
                assertRefused(m.subscribe(destination));
            }
        }
        try (StompClient m = connect(mallory)) {
            assertRefused(m.sendWithReceipt("/app/brand.new", "{}"));
        }
    }

    @Test
    void oversizedFrameIsRefusedWithoutDisturbingOthers() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        try (StompClient a = connect(alice); StompClient b = connect(bob); StompClient big = connect(bob)) {
            assertReceipt(b.subscribe("/topic/room." + room));
            big.send("/app/chat.send", Chat.send(room, "z".repeat(70 * 1024), "huge"));
            var refusal = big.next(15);
            assertNotNull(refusal, "a frame over 64 KiB is answered");
            assertEquals("ERROR", refusal.command(), refusal.toString());
            assertTrue(big.awaitClosed(15), "and that connection is closed");

            a.send("/app/chat.send", Chat.send(room, "still here", "after-huge"));
            JsonObject event = Chat.body(b.next(15));
            assertEquals("still here", event.getString("text"));
            assertEquals(2, event.getJsonNumber("seq").longValue(), "the huge frame was neither stored nor numbered (1 is bob's joined)");
        }
    }

    @Test
    void burstOf200FromTenSendersArrivesCompleteInOrderAndGaplessAtTwoSubscribers() throws Exception {
        String bob = api.newUser("bob");
        String carol = api.newUser("carol");
        List<String> senders = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            senders.add(api.newUser("sender"));
        }
        List<String> members = new ArrayList<>(senders);
        members.add(carol);
        long room = api.newRoom(bob, members.toArray(String[]::new));
        List<StompClient> senderClients = new ArrayList<>();
        try (StompClient b = connect(bob); StompClient c = connect(carol)) {
            assertReceipt(b.subscribe("/topic/room." + room));
            assertReceipt(c.subscribe("/topic/room." + room));
            for (String sender : senders) {
                senderClients.add(connect(sender));
            }
            for (int i = 1; i <= 20; i++) {
                for (int s = 0; s < senders.size(); s++) {
                    senderClients.get(s).send("/app/chat.send", Chat.send(room, s + ":" + i, s + "-" + i));
                }
            }
            List<JsonObject> seenByBob = Chat.collect(b, 200, 60);
            List<JsonObject> seenByCarol = Chat.collect(c, 200, 60);
            for (List<JsonObject> got : List.of(seenByBob, seenByCarol)) {
                assertEquals(200, got.size(), "all 200 arrive");
                int[] lastFromSender = new int[senders.size()];
                for (int i = 0; i < got.size(); i++) {
                    JsonObject m = got.get(i);
                    // seqs 1-11 are the members' joined events
                    assertEquals(i + 12L, m.getJsonNumber("seq").longValue(), "in seq order, without gaps");
                    String[] parts = m.getString("text").split(":");
                    int sender = Integer.parseInt(parts[0]);
                    int n = Integer.parseInt(parts[1]);
                    assertEquals(senders.get(sender), m.getString("sender"));
                    assertEquals(lastFromSender[sender] + 1, n, "each sender's messages in the order sent");
                    lastFromSender[sender] = n;
                }
            }
            assertEquals(seenByBob, seenByCarol, "both subscribers see the same stream");
            assertNull(b.next(1), "and nothing twice");
        } finally {
            senderClients.forEach(StompClient::close);
        }
    }

    @Test
    void aFloodingSenderIsRateLimitedWithRetryAfterAndNothingIsLost() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        // far more than the burst plus what refills while the server works through them, on any machine
        int sent = 200;
        try (StompClient a = connect(alice); StompClient b = connect(bob)) {
            assertReceipt(a.subscribe("/topic/user." + alice));
            assertReceipt(b.subscribe("/topic/room." + room));
            for (int i = 0; i < sent; i++) {
                a.send("/app/chat.send", Chat.send(room, "flood " + i, "f-" + i));
            }
            List<JsonObject> answers = Chat.collect(a, sent, 120);
            assertEquals(sent, answers.size(), "every message is either acked or refused");
            long acked = answers.stream().filter(type("ack")).count();
            List<JsonObject> limited = answers.stream().filter(type("error")).toList();
            assertTrue(acked >= 30, "the burst (30 by default) goes through: " + acked);
            assertTrue(!limited.isEmpty(), "the rest is refused");
            for (JsonObject error : limited) {
                assertEquals("RATE_LIMITED", error.getString("code"));
                assertTrue(error.getJsonNumber("retryAfterMs").longValue() > 0);
            }
            List<JsonObject> broadcast = Chat.collect(b, (int) acked, 30);
            assertEquals(acked, broadcast.size(), "exactly the acked ones are broadcast");
            assertNull(b.next(1));
        }
    }

    @Test
    void repeatedWrongPasswordsLockTheUserForAWhile() throws Exception {
        String victim = api.newUser("victim");
        for (int i = 0; i < 10; i++) {
            try (StompClient c = StompClient.connect(ChatServer.stompEndpoint(), victim, "guess-" + i)) {
                assertEquals("ERROR", c.connectReply.command());
            }
        }
        try (StompClient c = StompClient.connect(ChatServer.stompEndpoint(), victim, ChatApi.PASSWORD)) {
            assertEquals("ERROR", c.connectReply.command(), "even the right password waits out the back-off");
        }
        assertEquals(401, api.as(victim, "GET", "api/users/me", null).status(), "over HTTP too");
        String bystander = api.newUser("bystander");
        try (StompClient c = connect(bystander)) {
            assertTrue(c.isConnected(), "other users are not affected");
        }
    }

    @Test
    void brokerPropertiesSetByClientsAreIgnored() throws Exception {
        String alice = api.newUser("alice");
        long room = api.newRoom(alice);
        try (StompClient a = connect(alice)) {
            assertReceipt(a.subscribe("/topic/room." + room));
            Map<String, String> tricks = Map.of("AMQ_SCHEDULED_DELAY", "600000", "_AMQ_SCHED_DELIVERY", "99999999999999",
                    "_AMQ_DUPL_ID", "same-id", "JMSXGroupID", "elsewhere", "expires", "1", "priority", "9");
            a.send("/app/chat.send", Chat.send(room, "one", "t-1"), tricks);
            a.send("/app/chat.send", Chat.send(room, "two", "t-2"), tricks);
            List<JsonObject> got = Chat.collect(a, 2, 15);
            assertEquals(List.of("one", "two"), got.stream().map(m -> m.getString("text")).toList(),
                    "neither delayed, expired nor dropped as a duplicate");
        }
    }

    @Test
    void textAndNamesWithSqlAndHtmlAreStoredVerbatim() throws Exception {
        String alice = api.newUser("alice");
        String nasty = "'; DROP TABLE chat_message; -- <img src=x onerror=alert(1)> \\ \" %_";
        var created = api.as(alice, "POST", "api/rooms", "{\"name\":" + Chat.quote(nasty) + "}");
        assertEquals(201, created.status(), created.body());
        assertEquals(nasty, created.json().getString("name"));
        long room = created.json().getJsonNumber("id").longValue();
        try (StompClient a = connect(alice)) {
            assertReceipt(a.subscribe("/topic/room." + room));
            a.send("/app/chat.send", Chat.send(room, nasty, "sql-1"));
            assertEquals(nasty, Chat.body(a.next(15)).getString("text"));
        }
        var history = api.as(alice, "GET", "api/rooms/" + room + "/messages", null).array();
        assertEquals(nasty, history.getJsonObject(0).getString("text"));
    }

    @Test
    void historyPagesByLimitBeforeAndAfter() throws Exception {
        String alice = api.newUser("alice");
        String outsider = api.newUser("otto");
        long room = api.newRoom(alice);
        try (StompClient a = connect(alice)) {
            assertReceipt(a.subscribe("/topic/user." + alice));
            for (int i = 1; i <= 7; i++) {
                a.send("/app/chat.send", Chat.send(room, "h" + i, "h-" + i));
            }
            assertEquals(7, Chat.collect(a, 7, 30).size());
        }
        String base = "api/rooms/" + room + "/messages";
        assertEquals(List.of(5L, 6L, 7L), seqs(api.as(alice, "GET", base + "?limit=3", null)));
        assertEquals(List.of(2L, 3L, 4L), seqs(api.as(alice, "GET", base + "?limit=3&before=5", null)));
        assertEquals(List.of(3L, 4L), seqs(api.as(alice, "GET", base + "?limit=2&after=2", null)));
        assertEquals(List.of(6L, 7L), seqs(api.as(alice, "GET", base + "?after=5", null)));
        assertEquals(7, seqs(api.as(alice, "GET", base, null)).size());
        for (String bad : List.of("?limit=0", "?limit=201", "?limit=abc", "?before=x", "?after=-1")) {
            var reply = api.as(alice, "GET", base + bad, null);
            assertEquals(400, reply.status(), bad);
        }
        var forbidden = api.as(outsider, "GET", base, null);
        assertEquals(403, forbidden.status());
        assertEquals("NOT_A_MEMBER", forbidden.json().getString("code"));
    }

    @Test
    void leavingARoomEndsTheLiveSubscription() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        try (StompClient a = connect(alice); StompClient b = connect(bob)) {
            assertReceipt(b.subscribe("/topic/room." + room));
            a.send("/app/chat.send", Chat.send(room, "before", "l-1"));
            assertEquals("before", Chat.body(b.next(15)).getString("text"));
            assertEquals(204, api.as(bob, "DELETE", "api/rooms/" + room + "/members/me", null).status());
            assertReceipt(a.subscribe("/topic/user." + alice));
            a.send("/app/chat.send", Chat.send(room, "after", "l-2"));
            assertNotNull(Chat.next(a, clientMsgId("l-2"), 15), "alice's message was stored");
            assertNull(Chat.next(b, type("message"), 3), "bob left and hears nothing more");
        }
    }

    private static List<Long> seqs(ChatApi.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.array().stream().map(v -> v.asJsonObject().getJsonNumber("seq").longValue()).toList();
    }
}
