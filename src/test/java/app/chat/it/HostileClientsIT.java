package app.chat.it;

import static app.chat.testing.Chat.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.chat.stompcodec.StompFrame;
import app.chat.testing.Chat;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatServer;
import app.chat.testing.ServerThreads;
import app.chat.testing.SharedChatServer;
import app.chat.testing.StompClient;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the internet sends: broken STOMP, oversized and endless frames, bad bytes, silent and
 * greedy connections, foreign origins. Each gets an ERROR or a closed connection, nothing is
 * stored or broadcast, and a pair of ordinary users keeps chatting throughout (checked after each test).
 * arquillian.xml sets the limits this class relies on: login timeout 3 s, 5 connections per user,
 * allowed origin http://chat.example.
 */
class HostileClientsIT extends SharedChatServer {

    ChatApi api;
    String alice;
    String bob;
    long room;
    StompClient aliceClient;
    StompClient bobClient;
    int checks;

    @BeforeEach
    void twoOrdinaryUsersAreChatting() throws Exception {
        api = new ChatApi(ChatServer.root(deploymentUrl));
        alice = api.newUser("alice");
        bob = api.newUser("bob");
        room = api.newRoom(alice, bob);
        aliceClient = connect(alice);
        bobClient = connect(bob);
        assertEquals("RECEIPT", aliceClient.subscribe("/topic/user." + alice).command());
        assertEquals("RECEIPT", bobClient.subscribe("/topic/room." + room).command());
    }

    @AfterEach
    void theyAreStillChattingAndNothingElseWasBroadcast() throws Exception {
        String text = "still fine " + (++checks);
        aliceClient.send("/app/chat.send", Chat.send(room, text, "ok-" + checks));
        // the room's joined events are stored before they are published: newRoom saw bob's in the
        // history, and it may reach his subscription just after; a message is what this check is about
        JsonObject event = Chat.next(bobClient, Chat.type("message"), 15);
        assertNotNull(event, "alice's message reached bob");
        assertEquals(text, event.getString("text"), "the room heard only this");
        assertEquals(2, event.getJsonNumber("seq").longValue(), "nothing hostile was stored (1 is bob's joined)");
        aliceClient.close();
        bobClient.close();
    }

    private static StompClient connect(String user) throws Exception {
        return ChatServer.connect(user);
    }

    /** An ERROR frame, or at least a closed connection: what a refused client must see. */
    private static void assertRefusedAndClosed(StompClient client) throws Exception {
        StompFrame reply = client.next(15);
        if (reply != null) {
            assertEquals("ERROR", reply.command(), reply.toString());
        }
        assertTrue(client.awaitClosed(15), "the connection is closed");
    }

    @Test
    void malformedFramesGetAnError() throws Exception {
        List<String> frames = List.of(
                "FOO\n\n\0",
                "SEND\ndestination:/app/chat.send\nx:bad\\qescape\n\n" + Chat.send(room, "escape", "m-1") + "\0",
                "SEND\ndestination:/app/chat.send\ncontent-length:-5\n\n" + Chat.send(room, "negative", "m-2") + "\0",
                "SEND\ndestination:/app/chat.send\ncontent-length:lots\n\n" + Chat.send(room, "nan", "m-3") + "\0");
        for (String frame : frames) {
            try (StompClient m = connect(bob)) {
                m.sendRaw(frame);
                StompFrame reply = m.next(10);
                assertNotNull(reply, "an answer to " + frame.replace('\0', '@'));
                assertEquals("ERROR", reply.command(), frame.replace('\0', '@') + " -> " + reply);
            }
        }
    }

    @Test
    void aThousandHeadersAreRefused() throws Exception {
        var frame = new StringBuilder("SEND\ndestination:/app/chat.send\n");
        for (int i = 0; i < 1000; i++) {
            frame.append("h").append(i).append(":v\n");
        }
        frame.append('\n').append(Chat.send(room, "headers", "m-4")).append('\0');
        try (StompClient m = connect(bob)) {
            m.sendRaw(frame.toString());
            assertRefusedAndClosed(m);
        }
    }

    @Test
    void aMegabyteHeaderInContinuationFramesIsRefused() throws Exception {
        try (StompClient m = connect(bob)) {
            m.sendPart("SEND\ndestination:/app/chat.send\nhuge:", false);
            String chunk = "x".repeat(32 * 1024);
            try {
                for (int i = 0; i < 32 && m.isOpen(); i++) {
                    m.sendPart(chunk, false);
                }
            } catch (Exception closedWhileSending) {
                // the server hung up: what we want
            }
            assertRefusedAndClosed(m);
        }
    }

    @Test
    void tenMegabytesWithoutEndAreCutOffEarly() throws Exception {
        try (StompClient m = connect(bob)) {
            m.sendPart("SEND\ndestination:/app/chat.send\n\n{\"roomId\":" + room + ",\"text\":\"", false);
            String chunk = "y".repeat(60 * 1024);
            int sent = 0;
            try {
                for (; sent < 170 && m.isOpen(); sent++) {
                    m.sendPart(chunk, false);
                }
            } catch (Exception closedWhileSending) {
                // the server hung up: what we want
            }
            assertTrue(sent < 170, "the server stopped reading long before 10 MiB");
            assertRefusedAndClosed(m);
        }
    }

    @Test
    void aSingleWebSocketFrameOverTheLimitIsRefused() throws Exception {
        try (StompClient m = connect(bob)) {
            try {
                m.sendRaw("SEND\ndestination:/app/chat.send\n\n" + Chat.send(room, "z".repeat(10 * 1024 * 1024), "m-5") + "\0");
            } catch (Exception closedWhileSending) {
                // fine: refused
            }
            assertTrue(m.awaitClosed(15), "closed");
        }
    }

    @Test
    void badBytesNulsAndDeepJsonGetTypedRejections() throws Exception {
        byte[] notUtf8 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("SEND\ndestination:/app/chat.send\ncontent-length:" + notUtf8.length + "\n\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(notUtf8);
        bytes.write(0);
        aliceClient.sendBytes(bytes.toByteArray());
        assertEquals("INVALID_JSON", Chat.next(aliceClient, type("error"), 15).getString("code"));

        aliceClient.send("/app/chat.send", "{\"roomId\":" + room + ",\"text\":\"nul \\u0000 here\",\"clientMsgId\":\"n-1\"}");
        assertEquals("TEXT_INVALID", Chat.next(aliceClient, type("error"), 15).getString("code"));

        aliceClient.send("/app/chat.send", "{\"roomId\":" + room + ",\"text\":\"half \\ud800\",\"clientMsgId\":\"n-2\"}");
        assertEquals("TEXT_INVALID", Chat.next(aliceClient, type("error"), 15).getString("code"));

        String deep = "[".repeat(5000) + "]".repeat(5000);
        aliceClient.send("/app/chat.send", "{\"roomId\":" + room + ",\"text\":\"deep\",\"x\":" + deep + "}");
        JsonObject answer = Chat.next(aliceClient, m -> true, 15);
        assertNotNull(answer);
        assertEquals("error", answer.getString("type"), "a parser limit, not a stored message: " + answer);
        assertEquals("INVALID_JSON", answer.getString("code"));
    }

    @Test
    void madeUpRoomIdsDoNotGrowTheBrokersTableOfMessageGroups() throws Exception {
        // every message's group is its sender and the room id in its body, which a client makes up:
        // 1,500 made-up rooms get 1,500 errors (UNKNOWN_ROOM, or RATE_LIMITED past the burst), and the
        // broker remembers at most its 1,024 group buckets, not one group per made-up room. A user of
        // its own, so that alice's rate allowance is left for the check after each test
        String mallory = api.newUser("mallory");
        try (StompClient flooder = connect(mallory)) {
            assertEquals("RECEIPT", flooder.subscribe("/topic/user." + mallory).command());
            for (int i = 0; i < 1500; i++) {
                flooder.send("/app/chat.send", "{\"roomId\":" + (9_000_000_000L + i) + ",\"text\":\"x\",\"clientMsgId\":\"g-" + i + "\"}");
            }
            int answered = 0;
            while (answered < 1500) {
                JsonObject answer = Chat.next(flooder, type("error"), 60);
                assertNotNull(answer, "answers to made-up rooms: " + answered + " of 1500");
                answered++;
            }
        }
        var health = api.call("GET", "health", null, null, null).json();
        long groups = Long.parseLong(health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("broker")).findFirst().orElseThrow()
                .getJsonObject("data").getString("chatSend.groups"));
        assertTrue(groups <= 1024, "groups remembered by the broker: " + groups);
    }

    @Test
    void aSocketThatNeverSendsConnectIsClosedAfterTheLoginTimeout() throws Exception {
        try (StompClient idle = StompClient.open(ChatServer.stompEndpoint())) {
            idle.sendRaw("\n"); // a heart-beat is not a login
            assertTrue(idle.awaitClosed(15), "closed after the login timeout");
        }
    }

    @Test
    void aClientThatPromisedHeartBeatsAndFellSilentIsClosed() throws Exception {
        try (StompClient silent = StompClient.connectSilently(ChatServer.stompEndpoint(), bob, ChatApi.PASSWORD, "1000,0")) {
            assertTrue(silent.isConnected());
            // the broker's side of the bargain: no pings from it, one from us at least every second
            assertEquals("0,1000", silent.connectReply.header("heart-beat"), silent.connectReply.toString());
            if (!silent.awaitDropped(15)) {
                fail("still open 15 s after its last byte, with a 2 s TTL; server threads: "
                        + ServerThreads.dump("silent-client"));
            }
        }
    }

    @Test
    void connectionsDroppedForSilenceNoLongerCountAgainstTheUsersLimit() throws Exception {
        String quiet = api.newUser("quiet");
        for (int round = 0; round < 2; round++) { // twice the per-user limit of 5 in all
            List<StompClient> silent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                StompClient c = StompClient.connectSilently(ChatServer.stompEndpoint(), quiet, ChatApi.PASSWORD, "1000,0");
                assertTrue(c.isConnected(), "connection " + (round * 5 + i + 1) + ": " + c.connectReply);
                silent.add(c);
            }
            for (StompClient c : silent) {
                assertTrue(c.awaitDropped(15), "dropped for silence");
                c.close();
            }
        }
        try (StompClient again = connect(quiet)) {
            assertTrue(again.isConnected(), String.valueOf(again.connectReply));
        }
    }

    @Test
    void foreignOriginsAreRefusedAndTheAllowedOneOrNoneIsAccepted() throws Exception {
        try (StompClient evil = StompClient.open(ChatServer.stompEndpoint(), Map.of("Origin", "http://evil.example"))) {
            evil.sendConnect(bob, ChatApi.PASSWORD, "0,0");
            assertTrue(evil.connectReply == null || !"CONNECTED".equals(evil.connectReply.command()), String.valueOf(evil.connectReply));
            assertTrue(evil.awaitClosed(10));
        }
        try (StompClient good = StompClient.open(ChatServer.stompEndpoint(), Map.of("Origin", "http://chat.example"))) {
            assertEquals("CONNECTED", good.sendConnect(bob, ChatApi.PASSWORD, "0,0").command());
        }
    }

    @Test
    void aSubscriberThatStopsReadingIsDisconnectedWhileTheOthersGetEverything() throws Exception {
        int senders = 30;
        int each = 30; // within the default burst, so nothing is rate limited
        String slow = api.newUser("slow");
        api.as(slow, "POST", "api/rooms/" + room + "/members", null);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            String name = api.newUser("loud");
            api.as(name, "POST", "api/rooms/" + room + "/members", null);
            names.add(name);
        }
        List<StompClient> loud = new ArrayList<>();
        try (StompClient frozen = connect(slow)) {
            assertEquals("RECEIPT", frozen.subscribe("/topic/room." + room).command());
            frozen.stopReading();
            for (String name : names) {
                loud.add(connect(name));
            }
            String filler = "w".repeat(3900);
            for (int n = 0; n < each; n++) {
                for (int i = 0; i < senders; i++) {
                    loud.get(i).send("/app/chat.send", Chat.send(room, n + " " + filler, i + "-" + n));
                }
            }
            // bob hears the 31 joined events too
            List<JsonObject> got = Chat.collect(bobClient, senders * each + senders + 1, 120);
            assertEquals(senders * each, got.stream().filter(m -> "message".equals(m.getString("type"))).count(),
                    "the reading subscriber gets every message");
            // the broker looks at backlogs every 2 s (BacklogLimit); the batch-writing chat delivers
            // the 900 in about a second, so the backlog must stand for a few looks before reading resumes
            Thread.sleep(5_000);
            frozen.resumeReading();
            assertTrue(frozen.awaitClosed(30), "the one that stopped reading was disconnected, not buffered for");
        } finally {
            loud.forEach(StompClient::close);
        }
        // the @AfterEach check expects seq 2 in a fresh room
        room = api.newRoom(alice, bob);
        assertEquals("RECEIPT", bobClient.subscribe("/topic/room." + room).command());
    }

    @Test
    void aUserCannotHoldMoreThanTheConnectionCap() throws Exception {
        String greedy = api.newUser("greedy");
        List<StompClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                held.add(connect(greedy));
            }
            try (StompClient sixth = StompClient.connect(ChatServer.stompEndpoint(), greedy, ChatApi.PASSWORD)) {
                assertEquals("ERROR", sixth.connectReply.command(), "the sixth is refused");
            }
            held.remove(0).close();
            long deadline = System.currentTimeMillis() + 10_000;
            boolean connected = false;
            while (!connected && System.currentTimeMillis() < deadline) {
                try (StompClient again = StompClient.connect(ChatServer.stompEndpoint(), greedy, ChatApi.PASSWORD)) {
                    connected = again.isConnected();
                }
                if (!connected) {
                    Thread.sleep(200);
                }
            }
            assertTrue(connected, "a freed slot can be used again");
        } finally {
            held.forEach(StompClient::close);
        }
    }
}
