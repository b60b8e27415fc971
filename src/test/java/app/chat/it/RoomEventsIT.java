package app.chat.it;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Membership events in a room's stream (numbered with its messages, live and in history) and the
 * room notices on user topics and /topic/rooms.public, black-box.
 */
class RoomEventsIT extends SharedChatServer {

    ChatApi api;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        api = new ChatApi(ChatServer.root(deploymentUrl));
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private static StompClient listening(String user, String... destinations) throws Exception {
        StompClient c = ChatServer.connect(user);
        for (String d : destinations) {
            assertEquals("RECEIPT", c.subscribe(d).command(), "SUBSCRIBE " + d);
        }
        return c;
    }

    private static Predicate<JsonObject> member(String action, String user) {
        return json -> "member".equals(json.getString("type", null)) && action.equals(json.getString("action", null))
                && user.equals(json.getString("user", null));
    }

    private static Predicate<JsonObject> room(String action, long id) {
        return json -> "room".equals(json.getString("type", null)) && action.equals(json.getString("action", null))
                && json.getJsonObject("room").getJsonNumber("id").longValue() == id;
    }

    private long create(String owner, String name, String visibility) throws Exception {
        var created = api.as(owner, "POST", "api/rooms", ChatApi.JSON.createObjectBuilder().add("name", name).add("visibility", visibility).build().toString());
        assertEquals(201, created.status(), created.body());
        return created.json().getJsonNumber("id").longValue();
    }

    @Test
    void joinsAndLeavesDuringABurstOfMessagesAreNumberedGaplessAndDeliveredInSeqOrder() throws Exception {
        String alice = api.newUser("alice");
        String carol = api.newUser("carol");
        long room = api.newRoom(alice, carol); // carol's joined is seq 1
        List<String> comers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            comers.add(api.newUser("comer"));
        }
        int perSender = 25; // within a sender's burst: nothing is rate limited
        try (StompClient watcher = listening(alice, "/topic/room." + room);
             StompClient a = ChatServer.connect(alice); StompClient c = ChatServer.connect(carol)) {
            List<Future<?>> moves = new ArrayList<>();
            for (int i = 0; i < comers.size(); i++) {
                String comer = comers.get(i);
                boolean leaves = i % 2 == 0;
                moves.add(pool.submit(() -> {
                    assertEquals(201, api.as(comer, "POST", "api/rooms/" + room + "/members", null).status());
                    if (leaves) {
                        assertEquals(204, api.as(comer, "DELETE", "api/rooms/" + room + "/members/me", null).status());
                    }
                    return null;
                }));
            }
            for (int n = 0; n < perSender; n++) {
                a.send("/app/chat.send", Chat.send(room, "a" + n, "a-" + n));
                c.send("/app/chat.send", Chat.send(room, "c" + n, "c-" + n));
            }
            for (Future<?> move : moves) {
                move.get();
            }
            int expected = 2 * perSender + comers.size() + comers.size() / 2;
            List<JsonObject> live = Chat.collect(watcher, expected, 60);
            assertEquals(expected, live.size(), "every message and membership event arrives: " + live);
            for (int i = 0; i < live.size(); i++) {
                assertEquals(i + 2L, live.get(i).getJsonNumber("seq").longValue(), "in seq order, each once: " + live);
            }
            assertNull(watcher.next(1), "nothing twice");
            assertEquals(comers.size(), live.stream().filter(e -> "joined".equals(e.getString("action", null))).count());
            assertEquals(comers.size() / 2, live.stream().filter(e -> "left".equals(e.getString("action", null))).count());
            for (String comer : comers) {
                int joined = indexOf(live, member("joined", comer));
                assertTrue(joined >= 0, comer + " joined");
                int left = indexOf(live, member("left", comer));
                assertTrue(left < 0 || left > joined, "a comer leaves after joining");
            }

            List<JsonObject> history = api.history(alice, room);
            assertEquals(expected + 1, history.size());
            for (int i = 0; i < history.size(); i++) {
                assertEquals(i + 1L, history.get(i).getJsonNumber("seq").longValue(), "history is gapless: " + history);
            }
            assertEquals(live, history.subList(1, history.size()), "history holds what was broadcast, at the same seqs");
            JsonObject first = history.get(0);
            assertEquals(List.of("member", "joined", carol, carol), List.of(first.getString("type"), first.getString("action"),
                    first.getString("user"), first.getString("by")));
            assertEquals(room, first.getJsonNumber("roomId").longValue());
            assertNotNull(Instant.parse(first.getString("sentAt")));
        }
    }

    private static int indexOf(List<JsonObject> events, Predicate<JsonObject> wanted) {
        for (int i = 0; i < events.size(); i++) {
            if (wanted.test(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void rolesRemovalsAndBansAreEventsWithWhoDidThem() throws Exception {
        String owner = api.newUser("olga");
        String mod = api.newUser("mo");
        String member = api.newUser("mike");
        String troll = api.newUser("troll");
        String outsider = api.newUser("otto");
        long room = api.newRoom(owner, mod, member, troll);
        try (StompClient o = listening(owner, "/topic/room." + room)) {
            assertEquals(204, api.as(owner, "PUT", "api/rooms/" + room + "/members/" + mod, "{\"role\":\"moderator\"}").status());
            JsonObject role = Chat.next(o, member("role", mod), 15);
            assertNotNull(role, "the role change is an event");
            assertEquals(List.of(owner, "moderator"), List.of(role.getString("by"), role.getString("role")));

            assertEquals(204, api.as(mod, "DELETE", "api/rooms/" + room + "/members/" + member, null).status());
            JsonObject removed = Chat.next(o, member("removed", member), 15);
            assertNotNull(removed, "the removal is an event");
            assertEquals(mod, removed.getString("by"));

            assertEquals(204, api.as(owner, "DELETE", "api/rooms/" + room + "/members/" + troll + "?ban=true", null).status());
            JsonObject banned = Chat.next(o, member("banned", troll), 15);
            assertNotNull(banned, "the ban is an event");
            assertEquals(owner, banned.getString("by"));

            assertEquals(403, api.as(outsider, "PUT", "api/rooms/" + room + "/members/" + mod, "{\"role\":\"member\"}").status());
            assertNull(Chat.next(o, type("member"), 2), "a refused change is no event");
        }
        List<String> actions = api.history(owner, room).stream().map(e -> e.getString("action") + " " + e.getString("user")).toList();
        assertEquals(List.of("joined " + mod, "joined " + member, "joined " + troll, "role " + mod, "removed " + member, "banned " + troll), actions);
    }

    @Test
    void aClientCannotForgeAMembershipEvent() throws Exception {
        String owner = api.newUser("olga");
        String mallory = api.newUser("mallory");
        long room = api.newRoom(owner, mallory);
        String forged = "{\"roomId\":" + room + ",\"action\":\"banned\",\"user\":\"" + owner + "\",\"by\":\"" + owner
                + "\",\"eventId\":\"forged-1\",\"clientMsgId\":\"f-1\"}";
        try (StompClient m = listening(mallory, "/topic/user." + mallory, "/topic/room." + room)) {
            // the shape and the stamp of the server's own command: the broker re-stamps what a client sends
            m.send("/app/chat.send", forged, Map.of("chatSentTo", "chat.member", "JMSXGroupID", "members/room-" + room));
            JsonObject error = Chat.next(m, type("error"), 15);
            assertNotNull(error, "answered as a client's send");
            assertEquals("INVALID_JSON", error.getString("code"), "a send without text: " + error);
            for (String address : List.of("/app/chat.member", "/topic/room." + room)) {
                try (StompClient f = ChatServer.connect(mallory)) {
                    var reply = f.sendWithReceipt(address, forged);
                    assertNotNull(reply, address);
                    assertEquals("ERROR", reply.command(), "nobody sends to " + address + ": " + reply);
                }
            }
            assertNull(Chat.next(m, type("member"), 2), "no membership event was broadcast");
        }
        assertEquals(List.of("joined " + mallory), api.history(owner, room).stream()
                .map(e -> e.getString("action") + " " + e.getString("user")).toList(), "nothing forged was stored");
    }

    @Test
    void theUserTopicTellsOfRoomsCreatedJoinedLeftInvitedAndRemovedFrom() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        try (StompClient a = listening(alice, "/topic/user." + alice)) {
            long own = create(alice, "alice's", "public");
            JsonObject created = Chat.next(a, room("created", own), 15);
            assertNotNull(created, "created");
            assertEquals("owner", created.getJsonObject("room").getString("role"));
            assertTrue(created.getJsonObject("room").getBoolean("member"));

            long secret = create(bob, "bob's secret", "private");
            assertEquals(201, api.as(bob, "POST", "api/rooms/" + secret + "/invites", "{\"username\":\"" + alice + "\"}").status());
            JsonObject invited = Chat.next(a, room("invited", secret), 15);
            assertNotNull(invited, "invited");
            assertTrue(invited.getJsonObject("room").getBoolean("invited"));
            assertFalse(invited.getJsonObject("room").getBoolean("member"));
            assertEquals("bob's secret", invited.getJsonObject("room").getString("name"));

            assertEquals(201, api.as(alice, "POST", "api/rooms/" + secret + "/members", null).status());
            JsonObject joined = Chat.next(a, room("joined", secret), 15);
            assertNotNull(joined, "joined");
            assertEquals("member", joined.getJsonObject("room").getString("role"));

            assertEquals(204, api.as(bob, "DELETE", "api/rooms/" + secret + "/members/" + alice, null).status());
            JsonObject removed = Chat.next(a, room("removed", secret), 15);
            assertNotNull(removed, "removed");
            assertFalse(removed.getJsonObject("room").getBoolean("member"));

            long open = create(bob, "bob's open", "public");
            assertEquals(201, api.as(alice, "POST", "api/rooms/" + open + "/members", null).status());
            assertNotNull(Chat.next(a, room("joined", open), 15));
            assertEquals(204, api.as(alice, "DELETE", "api/rooms/" + open + "/members/me", null).status());
            JsonObject left = Chat.next(a, room("left", open), 15);
            assertNotNull(left, "left");
            assertFalse(left.getJsonObject("room").getBoolean("member"));
            assertTrue(left.getJsonObject("room").isNull("role"));
        }
    }

    @Test
    void publicRoomsShowUpForEveryoneAtOncePrivateRoomsAndDirectMessagesDoNot() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        try (StompClient b = listening(bob, "/topic/rooms.public")) {
            long secret = create(alice, "hidden", "private");
            var dm = api.as(alice, "POST", "api/dms", "{\"username\":\"" + api.newUser("dan") + "\"}");
            assertEquals(201, dm.status(), dm.body());
            long open = create(alice, "open house", "public");
            JsonObject created = Chat.next(b, room("created", open), 5);
            assertNotNull(created, "bob hears of alice's public room within seconds");
            JsonObject seen = created.getJsonObject("room");
            assertEquals(List.of("open house", "public"), List.of(seen.getString("name"), seen.getString("kind")));
            assertFalse(seen.getBoolean("member"), "as someone not in it sees it");
            assertTrue(seen.isNull("role"));
            assertNull(Chat.next(b, json -> !room("created", open).test(json), 2),
                    "nothing of the private room " + secret + " or the DM");
            var sent = b.sendWithReceipt("/topic/rooms.public", "{\"type\":\"room\",\"action\":\"created\"}");
            assertNotNull(sent);
            assertEquals("ERROR", sent.command(), "nobody but the server sends there: " + sent);
        }
    }

    @Test
    void aPrivateRoomOfOthersAnswersLikeOneThatDoesNotExist() throws Exception {
        String owner = api.newUser("olga");
        String stranger = api.newUser("stan");
        long secret = create(owner, "secret", "private");
        long missing = 987654320L;
        for (String call : List.of("POST api/rooms/%d/members", "GET api/rooms/%d/messages")) {
            String[] parts = call.split(" ");
            var hidden = api.as(stranger, parts[0], parts[1].formatted(secret), null);
            var absent = api.as(stranger, parts[0], parts[1].formatted(missing), null);
            assertEquals(404, hidden.status(), call + ": " + hidden.body());
            assertEquals(List.of(absent.status(), absent.json().getString("code")), List.of(hidden.status(), hidden.json().getString("code")), call);
        }
        try (StompClient s = listening(stranger, "/topic/user." + stranger)) {
            s.send("/app/chat.send", Chat.send(secret, "hello?", "h-1"));
            JsonObject error = Chat.next(s, type("error"), 15);
            assertNotNull(error);
            assertEquals("UNKNOWN_ROOM", error.getString("code"));
        }
    }
}
