package app.chat.it;

import static app.chat.testing.Chat.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.testing.Chat;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatServer;
import app.chat.testing.SharedChatServer;
import app.chat.testing.StompClient;
import jakarta.json.JsonObject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator's Prometheus scrapes at /metrics: the message path's counters and latency move
 * when messages flow, the broker's gauges describe the live broker, the database pool's gauges the
 * server's pool, the JVM is there. Other tests
 * share the server, so counters are compared before and after, never against fixed values.
 */
class MetricsIT extends SharedChatServer {

    ChatApi api;

    @BeforeEach
    void setUp() {
        api = new ChatApi(ChatServer.root(deploymentUrl));
    }

    @Test
    void storedAndRejectedMessagesAreCountedAndTimed() throws Exception {
        String alice = api.newUser("alice");
        String bob = api.newUser("bob");
        long room = api.newRoom(alice, bob);
        String before = scrape();
        try (StompClient a = ChatServer.connect(alice)) {
            assertEquals("RECEIPT", a.subscribe("/topic/user." + alice).command());
            a.send("/app/chat.send", Chat.send(room, "counted", "metrics-1"));
            assertNotNull(Chat.next(a, type("ack"), 15), "the message is acked");
            a.send("/app/chat.send", "{not json");
            assertNotNull(Chat.next(a, type("error"), 15), "the bad frame is answered");

            String after = scrape();
            String stored = "chat_messages_total{code=\"none\",outcome=\"stored\"}";
            String invalid = "chat_messages_total{code=\"INVALID_JSON\",outcome=\"rejected\"}";
            assertTrue(value(after, stored) >= value(before, stored) + 1, stored + " did not move:\n" + after);
            assertTrue(value(after, invalid) >= value(before, invalid) + 1, invalid + " did not move:\n" + after);
            String timed = "chat_message_store_broadcast_seconds_count";
            assertTrue(value(after, timed) >= value(before, timed) + 1, timed + " did not move");
            assertTrue(after.contains("chat_message_store_broadcast_seconds_bucket{le="), "a latency histogram");
            assertTrue(value(after, "chat_writer_batch_size_count") >= 1, "batch sizes are recorded");
            // the broker's gauges describe what is live now: this client's connection and nothing waiting
            assertTrue(value(after, "chat_broker_connections") >= 1, after);
            assertEquals(0, value(after, "chat_broker_disk_full"), after);
            assertTrue(value(after, "chat_dead_letters") >= 0, after);
            // a node alone relays nothing; a gauge whose function throws would read NaN
            assertTrue(after.contains("\nchat_cluster_room_event_gaps "), after);
            assertEquals(0, value(after, "chat_cluster_room_events_dropped"), after);
            assertEquals(0, value(after, "chat_cluster_room_event_gaps"), after);
        }
    }

    @Test
    void aRetryOfAStoredMessageIsAckedWithTheOriginalByTheWritersSecondTry() throws Exception {
        String alice = api.newUser("alice");
        long room = api.newRoom(alice);
        try (StompClient a = ChatServer.connect(alice)) {
            assertEquals("RECEIPT", a.subscribe("/topic/user." + alice).command());
            a.send("/app/chat.send", Chat.send(room, "once", "metrics-retry"));
            JsonObject first = Chat.next(a, type("ack"), 15);
            assertNotNull(first, "the message is acked");
            String before = scrape();

            // a client that lost the ack resends: a new broker message, a first delivery, the same key
            a.send("/app/chat.send", Chat.send(room, "once", "metrics-retry"));
            JsonObject again = Chat.next(a, type("ack"), 15);

            assertNotNull(again, "the retry is acked");
            assertEquals(first.getJsonNumber("id").longValue(), again.getJsonNumber("id").longValue(), again.toString());
            assertEquals(first.getJsonNumber("seq").longValue(), again.getJsonNumber("seq").longValue(), again.toString());
            String after = scrape();
            String duplicate = "chat_messages_total{code=\"none\",outcome=\"duplicate\"}";
            String rewritten = "chat_writer_batches_rewritten_total";
            assertTrue(value(after, duplicate) >= value(before, duplicate) + 1, duplicate + " did not move:\n" + after);
            assertTrue(value(after, rewritten) >= value(before, rewritten) + 1,
                    "the writer's first try, without look-ups, did not fail on the unique key:\n" + after);
        }
        assertEquals(1, api.history(alice, room).stream().filter(m -> "once".equals(m.getString("text", null))).count(),
                "stored once");
    }

    @Test
    void roomSubscriptionsAreGaugedAndTheJvmIsThere() throws Exception {
        String carol = api.newUser("carol");
        long room = api.newRoom(carol);
        double before = value(scrape(), "chat_broker_room_subscriptions");
        try (StompClient c = ChatServer.connect(carol)) {
            assertEquals("RECEIPT", c.subscribe("/topic/room." + room).command());
            String during = scrape();
            assertTrue(value(during, "chat_broker_room_subscriptions") >= before + 1, during);
            assertTrue(during.contains("jvm_memory_used_bytes{"), "JVM memory");
            assertTrue(during.contains("jvm_gc_"), "JVM GC");
            assertTrue(during.contains("jvm_threads_live_threads"), "JVM threads");
        }
    }

    @Test
    void theDatabasePoolIsGaugedAndItsInUseConnectionsMoveUnderLoad() throws Exception {
        String dave = api.newUser("dave");
        long room = api.newRoom(dave);
        String idle = scrape();
        assertTrue(value(idle, pool("max")) >= 1, "the pool's maximum:\n" + idle);
        assertTrue(value(idle, pool("active")) + value(idle, pool("idle")) >= 1,
                "a pool that served the requests above has connections:\n" + idle);
        assertTrue(idle.contains("\n" + pool("pending") + " "), "requests waiting for a connection:\n" + idle);

        // readers that keep the pool busy until a scrape has seen a connection in use
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                readers.submit(() -> {
                    while (!stop.get()) {
                        api.as(dave, "GET", "api/rooms/" + room + "/messages?limit=200", null);
                    }
                    return null;
                });
            }
            double inUse = 0;
            String busy = idle;
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); inUse < 1 && System.nanoTime() < deadline; ) {
                busy = scrape();
                inUse = value(busy, pool("active"));
            }
            assertTrue(inUse >= 1, "connections in use while 8 clients read history:\n" + busy);
            assertTrue(inUse <= value(busy, pool("max")), busy);
        } finally {
            stop.set(true);
            readers.shutdown();
            assertTrue(readers.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void anH2FileIsGaugedAndItsHousekeepingRuns() throws Exception {
        String metrics = scrape();
        if (System.getProperty("chat.it.jvm", "").contains("jdbc:postgresql:")) {
            assertFalse(metrics.contains("chat_db_h2_"), "no H2 meters on PostgreSQL:\n" + metrics);
            return;
        }
        // a round every second (chat.db.h2.housekeeping-interval-ms): its time counts once it has
        // found H2's store through a connection of the server's pool
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
             value(metrics, "chat_db_h2_housekeeping_seconds_total") <= 0 && System.nanoTime() < deadline; ) {
            Thread.sleep(200);
            metrics = scrape();
        }
        assertTrue(value(metrics, "chat_db_h2_housekeeping_seconds_total") > 0, "housekeeping rounds ran:\n" + metrics);
        assertTrue(value(metrics, "chat_db_h2_file_bytes") > 0, "the H2 file's size:\n" + metrics);
        double live = value(metrics, "chat_db_h2_chunks_live_percent");
        assertTrue(live > 0 && live <= 100, "the live share of the H2 file's chunks: " + live);
    }

    private static String pool(String state) {
        return "chat_db_pool_connections{state=\"" + state + "\"}";
    }

    private String scrape() throws Exception {
        var reply = api.call("GET", "metrics", null, null, null);
        assertEquals(200, reply.status(), reply.body());
        return reply.body();
    }

    /** The value of one series (name with its labels, exactly as Prometheus' text format writes it); 0 if absent. */
    private static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + "(?:\\{[^}]*\\})? ([-+0-9.eENa]+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
