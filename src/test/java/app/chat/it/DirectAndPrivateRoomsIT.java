package app.chat.it;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Direct messages, private rooms and invites, black-box: who sees, joins, reads, subscribes to and
 * sends to them, and the ways around that a client might try.
 */
class DirectAndPrivateRoomsIT extends SharedChatServer {

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

    // ---- direct messages ----

    @Test
    void aDirectMessageIsOpenedOnceWhoeverOfTheTwoAsks() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        String carol = api.newUser("carol");

        var first = dm(alice, bob);
        assertEquals(201, first.status(), first.body());
        JsonObject room = first.json();
        long id = room.getJsonNumber("id").longValue();
        assertEquals("dm", room.getString("kind"));
        assertEquals(List.of(alice, bob), strings(room, "members"));
        assertEquals(bob, room.getString("with"));

        var again = dm(alice, bob);
        assertEquals(200, again.status(), again.body());
        assertEquals(id, again.json().getJsonNumber("id").longValue());
        var fromBob = dm(bob, alice);
        assertEquals(200, fromBob.status(), fromBob.body());
        assertEquals(id, fromBob.json().getJsonNumber("id").longValue(), "the same room from the other side");
        assertEquals(List.of(bob, alice), strings(fromBob.json(), "members"));

        JsonObject listedToAlice = listed(alice, id).orElseThrow(() -> new AssertionError("alice does not see her DM"));
        assertEquals("dm", listedToAlice.getString("kind"));
        assertEquals(bob, listedToAlice.getString("with"));
        assertTrue(listedToAlice.getBoolean("member"));
        assertEquals(alice, listed(bob, id).orElseThrow().getString("with"));
        assertTrue(listed(carol, id).isEmpty(), "nobody else sees it");

        var unknown = dm(alice, "nobody-" + System.nanoTime() % 100000);
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("UNKNOWN_USER", unknown.json().getString("code"));
        var self = dm(alice, alice);
        assertEquals(400, self.status(), self.body());
        assertEquals("INVALID_REQUEST", self.json().getString("code"));
        assertEquals(400, api.as(alice, "POST", "api/dms", "{}").status());
    }

    @Test
    void bothPeopleOpeningTheirDirectMessageAtOnceGetOneRoom() throws Exception {
        for (int pair = 0; pair < 6; pair++) {
            String alice = api.newUser("alice");
            String bob = api.newUser("bob");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ChatApi.Reply>> replies = new ArrayList<>();
            for (String[] side : new String[][] {{alice, bob}, {bob, alice}, {alice, bob}, {bob, alice}}) {
                replies.add(pool.submit((Callable<ChatApi.Reply>) () -> {
                    start.await();
                    return dm(side[0], side[1]);
                }));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            int created = 0;
            for (Future<ChatApi.Reply> f : replies) {
                ChatApi.Reply r = f.get(60, TimeUnit.SECONDS);
                assertTrue(r.status() == 201 || r.status() == 200, r.toString());
                created += r.status() == 201 ? 1 : 0;
                ids.add(r.json().getJsonNumber("id").longValue());
            }
            assertEquals(1, ids.stream().distinct().count(), "one room for the pair: " + ids);
            assertEquals(1, created, "made once, found three times");
            long dms = api.as(alice, "GET", "api/rooms", null).array().stream()
                    .filter(v -> "dm".equals(v.asJsonObject().getString("kind"))).count();
            assertEquals(1, dms, "alice has one DM");
        }
    }

    @Test
    void outsidersCannotReadSubscribeSendToJoinOrBeInvitedIntoADirectMessage() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        String mallory = api.newUser("mallory");
        long dm = dm(alice, bob).json().getJsonNumber("id").longValue();

        try (StompClient a = ChatServer.connect(alice); StompClient b = ChatServer.connect(bob)) {
            assertReceipt(b.subscribe("/topic/room." + dm));
            a.send("/app/chat.send", Chat.send(dm, "just us", "dm-1"));
            JsonObject event = Chat.body(b.next(15));
            assertEquals("just us", event.getString("text"));
            assertEquals(alice, event.getString("sender"));
        }
        assertOutsider(mallory, dm, true);

        var join = api.as(mallory, "POST", "api/rooms/" + dm + "/members", null);
        assertEquals(404, join.status(), "as if there were no such room: " + join.body());
        assertEquals("UNKNOWN_ROOM", join.json().getString("code"));
        assertOutsider(mallory, dm, true);

        var invite = invite(alice, dm, mallory);
        assertEquals(403, invite.status(), invite.body());
        assertEquals("NOT_ALLOWED", invite.json().getString("code"));
        var byOutsider = invite(mallory, dm, mallory);
        assertEquals(404, byOutsider.status(), "an outsider learns nothing of the room: " + byOutsider.body());
        assertEquals("UNKNOWN_ROOM", byOutsider.json().getString("code"));
        assertEquals(404, api.as(mallory, "POST", "api/rooms/" + dm + "/members", null).status(), "still not in");
        assertEquals(1, api.history(alice, dm).size(), "nothing of mallory's reached the room");
    }

    @Test
    void oneWhoLeftTheirDirectMessageComesBackByOpeningItAgain() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long dm = dm(alice, bob).json().getJsonNumber("id").longValue();
        assertEquals(204, api.as(alice, "DELETE", "api/rooms/" + dm + "/members/me", null).status());
        assertTrue(listed(alice, dm).isEmpty(), "gone from her list");
        assertEquals(404, api.as(alice, "GET", "api/rooms/" + dm + "/messages", null).status(), "out of it: hidden like others' DMs");
        var back = dm(alice, bob);
        assertEquals(200, back.status(), back.body());
        assertEquals(dm, back.json().getJsonNumber("id").longValue());
        assertEquals(200, api.as(alice, "GET", "api/rooms/" + dm + "/messages", null).status());
    }

    // ---- private rooms and invites ----

    @Test
    void aPrivateRoomIsListedOnlyToItsPeopleAndJoinedOnlyWithAnInvite() throws Exception {
        String owner = api.newUser("olivia");
        String guest = api.newUser("gina");
        String stranger = api.newUser("stan");
        var created = api.as(owner, "POST", "api/rooms", "{\"name\":\"back office\",\"visibility\":\"private\"}");
        assertEquals(201, created.status(), created.body());
        long room = created.json().getJsonNumber("id").longValue();
        assertEquals("private", created.json().getString("kind"));
        assertEquals("owner", created.json().getString("role"));

        assertTrue(listed(guest, room).isEmpty(), "not listed to others");
        var join = api.as(guest, "POST", "api/rooms/" + room + "/members", null);
        assertEquals(404, join.status(), "as if there were no such room: " + join.body());
        assertEquals("UNKNOWN_ROOM", join.json().getString("code"));
        var unknown = api.as(guest, "POST", "api/rooms/987654321/members", null);
        assertEquals(List.of(unknown.status(), unknown.json().getString("code")), List.of(join.status(), join.json().getString("code")),
                "what a room that does not exist answers");
        assertOutsider(guest, room, true);

        var invited = invite(owner, room, guest);
        assertEquals(201, invited.status(), invited.body());
        assertEquals(200, invite(owner, room, guest).status(), "inviting twice is fine");
        JsonObject seenByGuest = listed(guest, room).orElseThrow(() -> new AssertionError("the invitee finds the room"));
        assertTrue(seenByGuest.getBoolean("invited"));
        assertFalse(seenByGuest.getBoolean("member"));
        assertEquals("back office", seenByGuest.getString("name"));
        assertTrue(listed(stranger, room).isEmpty(), "still hidden from the rest");
        assertEquals(403, api.as(guest, "GET", "api/rooms/" + room + "/messages", null).status(), "invited is not joined");

        assertEquals(201, api.as(guest, "POST", "api/rooms/" + room + "/members", null).status());
        JsonObject joined = listed(guest, room).orElseThrow();
        assertTrue(joined.getBoolean("member"));
        assertFalse(joined.getBoolean("invited"), "joining used the invite up");
        assertEquals("member", joined.getString("role"));
        try (StompClient o = ChatServer.connect(owner); StompClient g = subscribedWithin(guest, room, 10)) {
            o.send("/app/chat.send", Chat.send(room, "welcome", "p-1"));
            assertEquals("welcome", Chat.next(g, type("message"), 15).getString("text"));
        }
        assertEquals(List.of("joined", "welcome"), api.history(guest, room).stream()
                .map(e -> e.containsKey("action") ? e.getString("action") : e.getString("text")).toList());
        assertOutsider(stranger, room, true);
    }

    @Test
    void onlyOwnersAndModeratorsInviteAndOnlyTheOwnerGivesRoles() throws Exception {
        String owner = api.newUser("olivia");
        String member = api.newUser("mike");
        String friend = api.newUser("fred");
        String stranger = api.newUser("stan");
        long room = api.as(owner, "POST", "api/rooms", "{\"name\":\"club\",\"visibility\":\"private\"}").json().getJsonNumber("id").longValue();
        assertEquals(201, invite(owner, room, member).status());
        assertEquals(201, api.as(member, "POST", "api/rooms/" + room + "/members", null).status());

        var byMember = invite(member, room, friend);
        assertEquals(403, byMember.status(), byMember.body());
        assertEquals("NOT_ALLOWED", byMember.json().getString("code"));
        var byStranger = invite(stranger, room, stranger);
        assertEquals(404, byStranger.status(), byStranger.body());
        assertEquals("UNKNOWN_ROOM", byStranger.json().getString("code"));
        var unknownUser = invite(owner, room, "nobody-" + System.nanoTime() % 100000);
        assertEquals(404, unknownUser.status());
        assertEquals("UNKNOWN_USER", unknownUser.json().getString("code"));

        assertEquals(403, role(member, room, member, "moderator").status(), "a member cannot promote themselves");
        assertEquals(403, role(owner, room, owner, "member").status(), "the owner stays the owner");
        assertEquals(403, role(owner, room, member, "owner").status());
        assertEquals(400, role(owner, room, member, "king").status());
        assertEquals("UNKNOWN_MEMBER", role(owner, room, friend, "moderator").json().getString("code"));
        assertEquals(404, role(stranger, room, member, "moderator").status(), "hidden from strangers");
        assertEquals(204, role(owner, room, member, "moderator").status());
        assertEquals("moderator", listed(member, room).orElseThrow().getString("role"));

        assertEquals(201, invite(member, room, friend).status(), "a moderator invites");
        assertEquals(201, api.as(friend, "POST", "api/rooms/" + room + "/members", null).status());
        assertEquals(204, role(owner, room, member, "member").status());
        assertEquals(403, invite(member, room, stranger).status(), "back to member: no more invites");
    }

    @Test
    void roomsAreListedWithTheirKindAndTheCallersRole() throws Exception {
        String owner = api.newUser("olivia");
        String other = api.newUser("otto");
        var created = api.as(owner, "POST", "api/rooms", "{\"name\":\"open\"}");
        assertEquals("public", created.json().getString("kind"), "public by default");
        long room = created.json().getJsonNumber("id").longValue();
        JsonObject seenByOther = listed(other, room).orElseThrow();
        assertEquals("public", seenByOther.getString("kind"));
        assertFalse(seenByOther.getBoolean("member"));
        assertTrue(seenByOther.isNull("role"));
        assertEquals(201, api.as(other, "POST", "api/rooms/" + room + "/members", null).status(), "no invite needed");
        assertEquals("owner", listed(owner, room).orElseThrow().getString("role"));
        assertEquals("member", listed(other, room).orElseThrow().getString("role"));
        assertEquals(400, api.as(owner, "POST", "api/rooms", "{\"name\":\"x\",\"visibility\":\"secret\"}").status());
    }

    // ---- removal and bans ----

    @Test
    void aRemovedMemberHearsNothingMoreAndABannedOneCannotRejoinUntilInvited() throws Exception {
        String owner = api.newUser("olivia");
        String troll = api.newUser("troll");
        String bystander = api.newUser("betty");
        long room = api.newRoom(owner, troll, bystander);
        try (StompClient o = ChatServer.connect(owner); StompClient t = ChatServer.connect(troll)) {
            assertReceipt(t.subscribe("/topic/room." + room));
            assertReceipt(o.subscribe("/topic/user." + owner));

            var byMember = api.as(bystander, "DELETE", "api/rooms/" + room + "/members/" + troll + "?ban=true", null);
            assertEquals(403, byMember.status(), byMember.body());
            assertEquals("NOT_ALLOWED", byMember.json().getString("code"));
            assertEquals(403, api.as(troll, "DELETE", "api/rooms/" + room + "/members/" + owner, null).status(), "nobody removes the owner");

            assertEquals(204, api.as(owner, "DELETE", "api/rooms/" + room + "/members/" + troll + "?ban=true", null).status());
            o.send("/app/chat.send", Chat.send(room, "after the ban", "b-1"));
            assertNotNull(Chat.next(o, Chat.clientMsgId("b-1"), 15), "the owner's message was stored");
            assertNull(Chat.next(t, type("message"), 3), "the banned member's live subscription ended at once");
        }
        assertOutsider(troll, room, false);
        var rejoin = api.as(troll, "POST", "api/rooms/" + room + "/members", null);
        assertEquals(403, rejoin.status(), rejoin.body());
        assertEquals("BANNED", rejoin.json().getString("code"));

        assertEquals(201, invite(owner, room, troll).status(), "an invite lifts the ban");
        assertEquals(201, api.as(troll, "POST", "api/rooms/" + room + "/members", null).status());

        assertEquals(204, api.as(owner, "DELETE", "api/rooms/" + room + "/members/" + bystander, null).status());
        assertEquals(201, api.as(bystander, "POST", "api/rooms/" + room + "/members", null).status(), "removed without a ban: may come back");
        long dm = dm(owner, bystander).json().getJsonNumber("id").longValue();
        assertEquals(403, api.as(owner, "DELETE", "api/rooms/" + dm + "/members/" + bystander, null).status(), "a DM keeps its two people");
    }

    @Test
    void onlyTheOwnerRemovesAModerator() throws Exception {
        String owner = api.newUser("olivia");
        String mod1 = api.newUser("mod");
        String mod2 = api.newUser("mod");
        String member = api.newUser("mike");
        long room = api.newRoom(owner, mod1, mod2, member);
        assertEquals(204, role(owner, room, mod1, "moderator").status());
        assertEquals(204, role(owner, room, mod2, "moderator").status());
        assertEquals(403, api.as(mod1, "DELETE", "api/rooms/" + room + "/members/" + mod2, null).status());
        assertEquals(204, api.as(mod1, "DELETE", "api/rooms/" + room + "/members/" + member, null).status(), "a moderator removes a member");
        assertEquals(false, listed(member, room).orElseThrow().getBoolean("member"));
        assertEquals(204, api.as(owner, "DELETE", "api/rooms/" + room + "/members/" + mod2, null).status());
    }

    // ---- helpers ----

    /**
     * Everything a non-member might try on a room: each refused; for a room {@code hidden} from them
     * (private, a DM) as if it did not exist.
     */
    private void assertOutsider(String user, long room, boolean hidden) throws Exception {
        var history = api.as(user, "GET", "api/rooms/" + room + "/messages", null);
        assertEquals(hidden ? 404 : 403, history.status(), "history of room " + room + " for " + user + ": " + history.body());
        assertEquals(hidden ? "UNKNOWN_ROOM" : "NOT_A_MEMBER", history.json().getString("code"));
        try (StompClient c = ChatServer.connect(user)) {
            StompFrame reply = c.subscribe("/topic/room." + room);
            assertNotNull(reply, "no answer to SUBSCRIBE");
            assertEquals("ERROR", reply.command(), "an outsider subscribed to room " + room + ": " + reply);
        }
        try (StompClient c = ChatServer.connect(user)) {
            assertReceipt(c.subscribe("/topic/user." + user));
            c.send("/app/chat.send", Chat.send(room, "let me in", "o-" + System.nanoTime()));
            JsonObject error = Chat.next(c, type("error"), 15);
            assertNotNull(error, "no answer to an outsider's SEND");
            assertEquals(hidden ? "UNKNOWN_ROOM" : "NOT_A_MEMBER", error.getString("code"));
        }
        assertTrue(listed(user, room).isEmpty() || !listed(user, room).get().getBoolean("member"));
    }

    /** A connection of {@code user} subscribed to the room, retried until the broker's permission cache (2 s) has let go of an earlier refusal. */
    private static StompClient subscribedWithin(String user, long room, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            StompClient c = ChatServer.connect(user);
            StompFrame reply = c.subscribe("/topic/room." + room);
            if (reply != null && "RECEIPT".equals(reply.command())) {
                return c;
            }
            c.close();
            if (System.nanoTime() > deadline) {
                throw new AssertionError(user + " could not subscribe to room " + room + ": " + reply);
            }
            Thread.sleep(250);
        }
    }

    private static void assertReceipt(StompFrame reply) {
        assertNotNull(reply, "no answer to SUBSCRIBE");
        assertEquals("RECEIPT", reply.command(), "SUBSCRIBE answered " + reply);
    }

    private ChatApi.Reply dm(String from, String to) throws Exception {
        return api.as(from, "POST", "api/dms", ChatApi.JSON.createObjectBuilder().add("username", to).build().toString());
    }

    private ChatApi.Reply invite(String by, long room, String who) throws Exception {
        return api.as(by, "POST", "api/rooms/" + room + "/invites", ChatApi.JSON.createObjectBuilder().add("username", who).build().toString());
    }

    private ChatApi.Reply role(String by, long room, String who, String role) throws Exception {
        return api.as(by, "PUT", "api/rooms/" + room + "/members/" + who, ChatApi.JSON.createObjectBuilder().add("role", role).build().toString());
    }

    /** The room as it appears in {@code user}'s list, if it does. */
    private Optional<JsonObject> listed(String user, long room) throws Exception {
        var reply = api.as(user, "GET", "api/rooms", null);
        assertEquals(200, reply.status(), reply.body());
        return reply.array().stream().map(v -> v.asJsonObject())
                .filter(r -> r.getJsonNumber("id").longValue() == room).findFirst();
    }

    private static List<String> strings(JsonObject json, String key) {
        return json.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }
}
