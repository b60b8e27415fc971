package app.chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.stompcodec.StompFrame;
import app.chat.testing.Chat;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatProcess;
import app.chat.testing.StompClient;
import app.chat.testing.TcpProxy;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away for 30 seconds while people keep talking (issue #6). The chat reaches the
 * database through a relay the test cuts: open connections are reset, new ones refused. Messages
 * sent meanwhile wait in the broker (each failed attempt rolls back and is redelivered with
 * back-off) and are stored and broadcast once the database is back: nothing lost, nothing twice,
 * seq gapless, no restart. Meanwhile the chat says so: readiness 503 while liveness stays 200 (a
 * liveness probe must not restart a node for an outage it rides out), and the HTTP API answers 503
 * DATABASE_UNAVAILABLE with Retry-After, never a 409 for a sign-up or a 500.
 * Runs with -Ppostgres (H2 lives inside the chat and cannot be cut off).
 */
class DatabaseOutageIT {

    static final int SENDERS = 3;
    static final long SEND_EVERY_MS = 500;
    static final long BEFORE_MS = 8_000;
    static final long OUTAGE_MS = 30_000;
    static final long AFTER_MS = 8_000;

    @Test
    void thirtySecondsWithoutTheDatabaseLoseNothingAndNeedNoRestart() throws Exception {
        String database = System.getProperty("chat.it.pgdb", "test");
        try (TcpProxy postgres = new TcpProxy("127.0.0.1", 5432);
             ChatProcess chat = new ChatProcess(ChatProcess.freshDataDir("db-outage"))
                     .with("chat.db.url", "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + database
                             + "?connectTimeout=5&socketTimeout=30")
                     .with("chat.db.user", "postgres")) {
            chat.start();
            ChatApi api = new ChatApi(chat.root());
            String reader = api.newUser("reader");
            List<String> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                senders.add(api.newUser("talker"));
            }
            long room = api.newRoom(reader, senders.toArray(String[]::new));
            StompClient readerClient = chat.connect(reader);
            readerClient.subscribe("/topic/room." + room);
            List<StompClient> clients = new ArrayList<>();
            for (String u : senders) {
                StompClient c = chat.connect(u);
                c.subscribe("/topic/user." + u);
                clients.add(c);
            }

            Map<String, JsonObject> acked = new ConcurrentHashMap<>();
            Map<String, Long> ackedAt = new ConcurrentHashMap<>();
            List<String> sent = new ArrayList<>();
            Set<String> sentDuringOutage = new HashSet<>();
            boolean healthSaidDown = false;
            boolean readySaidDown = false;
            List<Integer> livenessDuringOutage = new ArrayList<>();
            String newcomer = ChatApi.uniqueName("newcomer");
            String stranger = api.newUser("stranger");
            ChatApi.Reply signUpDuringOutage = null;
            ChatApi.Reply roomsDuringOutage = null;
            ChatApi.Reply strangerLoginDuringOutage = null;
            Optional<String> retryAfter = Optional.empty();

            long start = System.currentTimeMillis();
            long cutAt = start + BEFORE_MS;
            long restoreAt = cutAt + OUTAGE_MS;
            long end = restoreAt + AFTER_MS;
            boolean cut = false;
            boolean restored = false;
            int n = 0;
            long nextSend = start;
            while (System.currentTimeMillis() < end) {
                long now = System.currentTimeMillis();
                if (!cut && now >= cutAt) {
                    postgres.cut();
                    cut = true;
                }
                if (cut && !restored && now >= restoreAt) {
                    postgres.restore();
                    restored = true;
                }
                if (now >= nextSend) {
                    for (int s = 0; s < SENDERS; s++) {
                        String id = "o-" + s + "-" + n;
                        clients.get(s).send("/app/chat.send", Chat.send(room, "during " + n, id));
                        sent.add(id);
                        if (cut && !restored) {
                            sentDuringOutage.add(id);
                        }
                    }
                    n++;
                    nextSend += SEND_EVERY_MS;
                }
                if (cut && !restored && !healthSaidDown) {
                    healthSaidDown = status(chat.root(), "health") == 503;
                }
                if (cut && !restored && !readySaidDown) {
                    readySaidDown = status(chat.root(), "health/ready") == 503;
                }
                if (cut && !restored && livenessDuringOutage.size() < (now - cutAt) / 2_000) {
                    livenessDuringOutage.add(status(chat.root(), "health/live"));
                }
                if (cut && !restored && signUpDuringOutage == null && now >= cutAt + 10_000) {
                    var signUp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(chat.root().resolve("api/users"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(ChatApi.signUp(newcomer, ChatApi.PASSWORD))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    signUpDuringOutage = new ChatApi.Reply(signUp.statusCode(), signUp.body());
                    retryAfter = signUp.headers().firstValue("Retry-After");
                    // the reader's password is remembered (it signed in before): the call reaches the database
                    roomsDuringOutage = api.as(reader, "GET", "api/rooms", null);
                    // the stranger never signed in: checking the password needs the database
                    strangerLoginDuringOutage = api.as(stranger, "GET", "api/users/me", null);
                }
                drainAcks(clients, acked, ackedAt);
            }
            long deadline = System.currentTimeMillis() + 120_000;
            while (acked.size() < sent.size() && System.currentTimeMillis() < deadline) {
                drainAcks(clients, acked, ackedAt);
            }

            assertTrue(healthSaidDown, "/health answered 503 while the database was away");
            assertTrue(readySaidDown, "/health/ready answered 503 while the database was away");
            assertTrue(livenessDuringOutage.size() >= 10, "liveness asked every 2 s of the outage: " + livenessDuringOutage);
            assertTrue(livenessDuringOutage.stream().allMatch(status -> status == 200),
                    "/health/live stayed 200 while the database was away: " + livenessDuringOutage);
            assertUnavailable(signUpDuringOutage, "sign-up");
            assertTrue(retryAfter.isPresent(), "a 503 says when to retry");
            assertUnavailable(roomsDuringOutage, "rooms");
            assertUnavailable(strangerLoginDuringOutage, "a login that needs the database");
            ChatApi.Reply signUpAfter = api.call("POST", "api/users", null, null, ChatApi.signUp(newcomer, ChatApi.PASSWORD));
            assertEquals(201, signUpAfter.status(), "the name refused during the outage is free afterwards: " + signUpAfter);
            List<String> missing = sent.stream().filter(id -> !acked.containsKey(id)).toList();
            assertEquals(List.of(), missing, "every message sent, also during the outage, acked; /health: "
                    + healthBody(chat.root()));
            assertEquals(200, status(chat.root(), "health"), "healthy again without a restart");
            assertEquals(200, status(chat.root(), "health/ready"), "ready again without a restart");
            long lastOutageAck = sentDuringOutage.stream().mapToLong(ackedAt::get).max().orElseThrow();

            List<JsonObject> history = api.messageHistory(reader, room);
            assertEquals(sent.size(), history.size(), "stored once each");
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < history.size(); i++) {
                assertEquals(senders.size() + i + 1L, history.get(i).getJsonNumber("seq").longValue(), "gapless seq, after the joined events");
                assertTrue(ids.add(history.get(i).getString("clientMsgId")), "stored twice: " + history.get(i));
            }
            Set<Long> broadcast = new HashSet<>();
            long readDeadline = System.currentTimeMillis() + 30_000;
            while (broadcast.size() < sent.size() && System.currentTimeMillis() < readDeadline) {
                StompFrame f = readerClient.next(1);
                if (f != null && "MESSAGE".equals(f.command())) {
                    assertTrue(broadcast.add(Chat.body(f).getJsonNumber("id").longValue()), "broadcast twice: " + f);
                }
            }
            assertEquals(sent.size(), broadcast.size(), "the room saw every message once");
            StompFrame extra = readerClient.next(2);
            assertTrue(extra == null || !"MESSAGE".equals(extra.command()), "nothing more: " + extra);
            clients.forEach(StompClient::close);
            readerClient.close();

            System.out.printf("database outage: %d s cut, %d messages sent (%d during the outage), lost 0, duplicated 0; "
                            + "last message of the outage stored and acked %d ms after the database came back%n",
                    OUTAGE_MS / 1000, sent.size(), sentDuringOutage.size(), lastOutageAck - restoreAt);
        }
    }

    private static String healthBody(URI root) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve("health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int status(URI root, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve(path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void assertUnavailable(ChatApi.Reply reply, String what) {
        assertNotNull(reply, what + " was not tried during the outage");
        assertEquals(503, reply.status(), what + " during the outage: " + reply);
        assertEquals("DATABASE_UNAVAILABLE", reply.json().getString("code"), what + " during the outage: " + reply);
    }

    private static void drainAcks(List<StompClient> clients, Map<String, JsonObject> acked, Map<String, Long> ackedAt)
            throws InterruptedException {
        boolean any = false;
        for (StompClient c : clients) {
            StompFrame f;
            while ((f = c.next(0)) != null) {
                if ("MESSAGE".equals(f.command())) {
                    JsonObject json = Chat.body(f);
                    if ("ack".equals(json.getString("type")) && acked.putIfAbsent(json.getString("clientMsgId"), json) == null) {
                        ackedAt.put(json.getString("clientMsgId"), System.currentTimeMillis());
                        any = true;
                    }
                }
            }
        }
        if (!any) {
            Thread.sleep(20);
        }
    }
}
