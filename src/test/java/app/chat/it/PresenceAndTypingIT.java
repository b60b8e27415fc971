package app.chat.it;

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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Presence and typing (README: GET /api/rooms/{id}/members, presence and typing events on the room
 * topic, /app/chat.typing), black-box.
 */
class PresenceAndTypingIT extends SharedChatServer {

    ChatApi api;

    @BeforeEach
    void setUp() {
        api = new ChatApi(ChatServer.root(deploymentUrl));
    }

    private static StompClient listening(String user, long room) throws Exception {
        StompClient c = ChatServer.connect(user).hearingPresence();
        assertEquals("RECEIPT", c.subscribe("/topic/room." + room).command());
        return c;
    }

    private static Predicate<JsonObject> presence(String user, boolean online) {
        return type("presence").and(json -> user.equals(json.getString("user", null)) && json.getBoolean("online") == online);
    }

    private static Predicate<JsonObject> presenceOf(String user) {
        return type("presence").and(json -> user.equals(json.getString("user", null)));
    }

    private static String typing(long room) {
        return "{\"roomId\":" + room + "}";
    }

    /** username → online, as {@code viewer} reads the members list. */
    private Map<String, Boolean> online(String viewer, long room) throws Exception {
        ChatApi.Reply r = api.as(viewer, "GET", "api/rooms/" + room + "/members", null);
        assertEquals(200, r.status(), r.toString());
        return r.array().stream().map(v -> v.asJsonObject())
                .collect(Collectors.toMap(m -> m.getString("username"), m -> m.getBoolean("online")));
    }

    private void awaitOnline(String viewer, long room, String user, boolean online) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (online(viewer, room).get(user) == online) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(user + " not " + (online ? "online" : "offline") + " in time: " + online(viewer, room));
    }

    @Test
    void membersListHasRolesAndWhoIsOnlineForMembersOnly() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        String carol = api.newUser("carol");
        String dave = api.newUser("dave");
        long room = api.newRoom(alice, bob, carol);
        try (StompClient b = ChatServer.connect(bob)) {
            awaitOnline(alice, room, bob, true);
            List<JsonObject> members = api.as(carol, "GET", "api/rooms/" + room + "/members", null).array()
                    .stream().map(v -> v.asJsonObject()).toList();
            assertEquals(List.of(alice, bob, carol).stream().sorted().toList(),
                    members.stream().map(m -> m.getString("username")).toList(), "every member, by name");
            Map<String, String> roles = members.stream().collect(Collectors.toMap(m -> m.getString("username"), m -> m.getString("role")));
            assertEquals(Map.of(alice, "owner", bob, "member", carol, "member"), roles);
            assertEquals(Map.of(alice, false, bob, true, carol, false), online(carol, room));
        }
        awaitOnline(alice, room, bob, false);

        ChatApi.Reply outsider = api.as(dave, "GET", "api/rooms/" + room + "/members", null);
        assertEquals(403, outsider.status());
        assertEquals("NOT_A_MEMBER", outsider.json().getString("code"));
        ChatApi.Reply unknown = api.as(dave, "GET", "api/rooms/987654321/members", null);
        assertEquals(404, unknown.status());
        assertEquals("UNKNOWN_ROOM", unknown.json().getString("code"));
    }

    @Test
    void presenceIsAnnouncedOnTheFirstConnectionAndTheLastDisconnectionOnly() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        try (StompClient a = listening(alice, room)) {
            StompClient b1 = ChatServer.connect(bob);
            JsonObject online = Chat.next(a, presenceOf(bob), 10);
            assertNotNull(online, "bob's first connection announces him");
            assertTrue(online.getBoolean("online"));
            assertEquals(room, online.getJsonNumber("roomId").longValue());

            StompClient b2 = ChatServer.connect(bob);
            assertNull(Chat.next(a, presenceOf(bob), 2), "a second tab is no news");
            b1.close();
            assertNull(Chat.next(a, presenceOf(bob), 2), "one tab is still open");
            assertTrue(online(alice, room).get(bob));
            b2.close();
            assertNotNull(Chat.next(a, presence(bob, false), 10), "the last tab closed: offline");
            assertNull(Chat.next(a, presenceOf(bob), 1), "once");
        }
    }

    @Test
    void aClientThatStopsHeartBeatingGoesOfflineByTimeout() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        try (StompClient a = listening(alice, room);
             StompClient silent = StompClient.connectSilently(ChatServer.stompEndpoint(), bob, ChatApi.PASSWORD, "1000,0")) {
            assertTrue(silent.isConnected(), String.valueOf(silent.connectReply));
            assertNotNull(Chat.next(a, presence(bob, true), 10));
            assertNotNull(Chat.next(a, presence(bob, false), 15), "no heart-beat within the TTL: the broker drops him");
            assertEquals(false, online(alice, room).get(bob));
        }
    }

    @Test
    void nonMembersCannotListenForPresence() throws Exception {
        String alice = api.newUser("alice");
        String mallory = api.newUser("mallory");
        long room = api.newRoom(alice);
        try (StompClient m = ChatServer.connect(mallory)) {
            assertEquals("ERROR", m.subscribe("/topic/room." + room).command());
        }
    }

    @Test
    void typingReachesTheOtherMembersUnderTheSendersAuthenticatedName() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        try (StompClient a = ChatServer.connect(alice); StompClient b = listening(bob, room)) {
            a.send("/app/chat.typing", "{\"roomId\":" + room + ",\"user\":\"" + bob + "\"}");
            JsonObject typing = Chat.next(b, type("typing"), 10);
            assertNotNull(typing, "bob hears alice typing");
            assertEquals(alice, typing.getString("user"), "the sender is who signed in, not the body's user");
            assertEquals(room, typing.getJsonNumber("roomId").longValue());
            assertEquals(3, typing.size(), typing.toString());
            assertTrue(a.isOpen(), "no ERROR, no disconnect");
        }
    }

    @Test
    void typingIsThrottledToOneNoticePerTwoSecondsPerUserAndRoom() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        try (StompClient a = ChatServer.connect(alice); StompClient b = listening(bob, room)) {
            for (int i = 0; i < 5; i++) {
                a.send("/app/chat.typing", typing(room));
                Thread.sleep(200);
            }
            assertNotNull(Chat.next(b, type("typing"), 5), "the first notice goes out");
            assertNull(Chat.next(b, type("typing"), 1), "the other four of that second are dropped");
            Thread.sleep(1000); // the 2 s since the first notice are up now
            a.send("/app/chat.typing", typing(room));
            assertNotNull(Chat.next(b, type("typing"), 5), "a notice after the interval goes out again");
        }
    }

    @Test
    void typingIsNotStored() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        try (StompClient a = ChatServer.connect(alice); StompClient b = listening(bob, room)) {
            assertEquals("RECEIPT", a.subscribe("/topic/user." + alice).command());
            a.send("/app/chat.typing", typing(room));
            assertNotNull(Chat.next(b, type("typing"), 10));
            assertEquals(List.of(), api.messageHistory(bob, room), "history has no typing (only bob's joined)");
            a.send("/app/chat.send", Chat.send(room, "hello", "m-1"));
            JsonObject ack = Chat.next(a, type("ack"), 15);
            assertNotNull(ack);
            assertEquals(2, ack.getJsonNumber("seq").longValue(), "typing took no seq (1 is bob's joined)");
            assertEquals(1, api.messageHistory(bob, room).size());
        }
    }

    @Test
    void aNonMembersTypingReachesNobodyAndLeavingStopsIt() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        String mallory = api.newUser("mallory");
        long room = api.newRoom(alice, bob);
        try (StompClient a = listening(alice, room); StompClient b = ChatServer.connect(bob);
             StompClient m = ChatServer.connect(mallory)) {
            m.send("/app/chat.typing", typing(room));
            assertNull(Chat.next(a, type("typing"), 3), "not a member: dropped");
            assertTrue(m.isOpen(), "dropped quietly");

            b.send("/app/chat.typing", typing(room));
            assertNotNull(Chat.next(a, type("typing"), 10), "bob is a member");
            assertEquals(204, api.as(bob, "DELETE", "api/rooms/" + room + "/members/me", null).status());
            Thread.sleep(2100); // past bob's throttle interval
            b.send("/app/chat.typing", typing(room));
            assertNull(Chat.next(a, type("typing"), 3), "bob left: his typing no longer reaches the room");
        }
    }
}
