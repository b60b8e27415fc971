package bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat as a user runs it: the built WAR on Payara Micro with its embedded broker, H2 by default
 * or PostgreSQL. Two settings differ from the defaults, neither on the message path: the per-user
 * send rate limit is lifted (a benchmark sends faster than a person) and passwords are hashed with
 * fewer iterations (setting up a thousand users should take seconds, not minutes). Its acceptor takes
 * {@link #MAX_CONNECTIONS}, as the baseline's does, so that 1000x10 fits, and so may one user: the
 * generator's subscribers are {@code subscribersPerRoom} users, each in every room (1000x10: ten
 * users with a thousand connections each, more than the default cap of 20 or the 1,000 set here before).
 */
final class ChatTarget extends Target {

    static final String PASSWORD = "bench-password-1";

    private final int httpPort;
    private final int stompPort;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Integer, Long> roomIds = new HashMap<>();
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private int prepared = -1;

    private final String db;
    /** PostgreSQL: the database (null on H2); {@link #ownsDatabase} when this start made it, as H2 gets a fresh data directory. */
    private final String postgresDatabase;
    private boolean ownsDatabase;

    /** The chat alone, on H2 or on a PostgreSQL database made for this start and dropped at its close. */
    ChatTarget(Pinning pinning, Path dataDir, String db, List<String> appJvmArgs) throws Exception {
        this(pinning, dataDir, db, db.equals("postgres") ? createDatabase() : null, appJvmArgs);
        ownsDatabase = postgresDatabase != null;
        awaitHealthy();
    }

    /**
     * Launches the chat without waiting for it ({@link #awaitHealthy}): a {@link ClusterTarget} starts
     * its nodes on one database it owns, the later ones together once the first has migrated the schema.
     */
    ChatTarget(Pinning pinning, Path dataDir, String db, String postgresDatabase, List<String> appJvmArgs) throws Exception {
        this.db = db;
        this.postgresDatabase = postgresDatabase;
        httpPort = freePort();
        stompPort = freePort();
        List<String> command = new ArrayList<>(List.of("-Xmx1g", "-Dchat.data.dir=" + dataDir.toAbsolutePath(),
                "-Dchat.stomp.port=" + stompPort, "-Dchat.stomp.max-connections=" + MAX_CONNECTIONS,
                "-Dchat.rate.per-second=1000000", "-Dchat.rate.burst=1000000", "-Dchat.password.iterations=1024",
                "-Dchat.stomp.max-connections-per-user=" + MAX_CONNECTIONS, "-Dchat.broker.max-subscriber-backlog=100000"));
        command.addAll(appJvmArgs);
        switch (db) {
            case "h2" -> { }
            case "postgres" -> command.addAll(List.of("-Dchat.db.url=jdbc:postgresql://127.0.0.1:5432/" + postgresDatabase,
                    "-Dchat.db.user=postgres", "-Dchat.db.password="));
            default -> throw new IllegalArgumentException("--db h2|postgres, not " + db);
        }
        command.addAll(List.of("-jar", "target/payara-micro.jar", "--nocluster", "--nohazelcast", "--port", Integer.toString(httpPort),
                "--prebootcommandfile", "target/payara/preboot.txt", "--postbootcommandfile", "target/payara/postboot.txt",
                "--deploy", "target/chat.war", "--contextroot", "/"));
        launch(pinning, command, dataDir.resolve("server.log"));
    }

    /** Waits until /health answers 200 (at most 4 minutes; Payara on a shared core is slow to deploy). */
    void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the chat exited; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(uri("health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the chat did not become healthy; see " + log);
    }

    /** An empty PostgreSQL database of its own, so that no run measures another's tables or schema history. */
    static String createDatabase() throws Exception {
        String name = "chat_bench_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        psql("CREATE DATABASE " + name);
        return name;
    }

    static void dropDatabase(String name) throws Exception {
        psql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** A statement on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust), through psql. */
    private static void psql(String sql) throws Exception {
        Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-qc", sql)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed on '" + sql + "': " + out.strip());
        }
    }

    @Override
    public void close() throws Exception {
        super.close();
        if (ownsDatabase) {
            dropDatabase(postgresDatabase);
        }
    }

    /** The chat's writer and H2 figures: the few /metrics series the bench reports per step. */
    private static final List<String> FIGURES = List.of("chat_writer_batch_size_count", "chat_writer_batch_size_sum",
            "chat_message_store_broadcast_seconds_count", "chat_message_store_broadcast_seconds_sum",
            "chat_db_h2_file_bytes", "chat_db_h2_chunks_live_percent");

    @Override
    Map<String, Double> figures() {
        Map<String, Double> found = new HashMap<>();
        try {
            String text = http.send(HttpRequest.newBuilder(uri("metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                int end = line.indexOf(' ');
                if (end > 0 && !line.startsWith("#") && FIGURES.contains(line.substring(0, end))) {
                    found.put(line.substring(0, end), Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                }
            }
        } catch (Exception e) {
            // a figure the bench could not read is left out of the line, not a failed step
        }
        return found;
    }

    /**
     * Messages per database transaction and the mean time from the MDB to the published event over the
     * step, and the H2 file's size after it: under load the writer's batches are what make a message
     * cheap, and H2's cost per commit grows with its file (bench/README.md, sessions 14 and 15).
     */
    @Override
    String figuresSince(Map<String, Double> before) {
        Map<String, Double> now = figures();
        List<String> parts = new ArrayList<>();
        double batches = delta(now, before, "chat_writer_batch_size_count");
        if (batches > 0) {
            parts.add(String.format("batches of %.1f", delta(now, before, "chat_writer_batch_size_sum") / batches));
        }
        double stored = delta(now, before, "chat_message_store_broadcast_seconds_count");
        if (stored > 0) {
            parts.add(String.format("MDB to published mean %.1f ms",
                    1000 * delta(now, before, "chat_message_store_broadcast_seconds_sum") / stored));
        }
        if (now.containsKey("chat_db_h2_file_bytes")) {
            parts.add(String.format("H2 file %.0f MB, %.0f %% live", now.get("chat_db_h2_file_bytes") / 1e6,
                    now.getOrDefault("chat_db_h2_chunks_live_percent", Double.NaN)));
        }
        return String.join(", ", parts);
    }

    private static double delta(Map<String, Double> now, Map<String, Double> before, String name) {
        return now.containsKey(name) && before.containsKey(name) ? now.get(name) - before.get(name) : 0;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + "/" + path);
    }

    @Override
    String name() {
        return "app-" + db;
    }

    @Override
    URI stomp() {
        return URI.create("ws://127.0.0.1:" + stompPort + "/stomp");
    }

    @Override
    void prepare(int rooms, int subscribersPerRoom, int senders) throws Exception {
        int users = Math.max(subscribersPerRoom, senders);
        for (int u = prepared + 1; u < users; u++) {
            post("api/users", null, JSON.createObjectBuilder().add("username", login("u", u)).add("password", PASSWORD).build().toString());
            prepared = u;
        }
        roomIds.clear();
        for (int r = 0; r < rooms; r++) {
            String body = post("api/rooms", login("u", 0), JSON.createObjectBuilder().add("name", "bench " + run + " " + r).build().toString());
            long id;
            try (var reader = JSON.createReader(new StringReader(body))) {
                id = reader.readObject().getJsonNumber("id").longValueExact();
            }
            roomIds.put(r, id);
            for (int u = 1; u < users; u++) {
                post("api/rooms/" + id + "/members", login("u", u), null);
            }
        }
    }

    private String post(String path, String user, String json) throws Exception {
        var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Not fatal for the app (its logging is the app's own cost), but worth knowing when it reads its figures. */
    @Override
    void verify() throws Exception {
        long audit = logLinesContaining(BaselineTarget.AUDIT_LINE);
        if (audit > 0) {
            System.out.println("  note: the app logged " + audit + " " + BaselineTarget.AUDIT_LINE + "xx audit lines (" + log + ")");
        }
    }

    @Override
    String login(String role, int index) {
        return "b" + run + "-" + index;
    }

    @Override
    String roomDestination(int room) {
        return "/topic/room." + roomIds.get(room);
    }

    @Override
    String sendDestination(int room) {
        return "/app/chat.send";
    }

    @Override
    String body(int room, String tag, String clientMsgId) {
        return JSON.createObjectBuilder().add("roomId", roomIds.get(room)).add("text", tag).add("clientMsgId", clientMsgId).build().toString();
    }
}
