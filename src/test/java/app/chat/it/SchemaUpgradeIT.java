package app.chat.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.chat.testing.Chat;
import app.chat.testing.ChatApi;
import app.chat.testing.ChatProcess;
import app.chat.testing.StompClient;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/**
 * An installation of the auto-DDL releases upgrades in place: a database with the V1 tables and data
 * written as EclipseLink wrote it (Instants Java-serialized), no Flyway history. The chat started on it
 * baselines it at V1 and runs V2; users sign in, rooms and history read back unchanged, the next
 * message continues the room's seq, and the columns hold real UTC timestamps. On H2 (a data directory
 * as ./data is), or with -Ppostgres on a fresh PostgreSQL database. The chat runs in a time zone
 * that is neither UTC nor a whole hour away, so a timestamp read or written in local time shows.
 */
class SchemaUpgradeIT {

    static final String ZONE = "America/St_Johns";
    static final String ALICE = "upgrade-alice";
    static final String BOB = "upgrade-bob";
    static final long ROOM = 7;
    static final long OTHER_ROOM = 8;
    static final Instant USERS_CREATED = Instant.parse("2026-01-02T03:04:05.678Z");
    static final Instant ROOM_CREATED = Instant.parse("2026-02-03T04:05:06.789Z");
    static final Instant JOINED = Instant.parse("2026-02-03T04:06:07.001Z");
    /** id, seq, sender, text, sentAt: as the releases stored them (ids from the sequence's first block). */
    static final List<Object[]> HISTORY = List.of(
            new Object[] {11L, 1L, ALICE, "hello from before the upgrade", Instant.parse("2026-03-01T10:00:00.123Z")},
            new Object[] {12L, 2L, BOB, "'; quotes & <tags> survive", Instant.parse("2026-03-01T10:00:01.004Z")},
            new Object[] {13L, 3L, ALICE, "summer time: ümlaut ✓", Instant.parse("2026-07-15T23:59:59.999Z")});

    /** On the suite's database: H2 in a data directory as ./data is, or a fresh PostgreSQL database with -Ppostgres. */
    @Test
    void anAutoDdlDatabaseIsUpgradedInPlaceAndKeepsEverything() throws Exception {
        if (!"postgres".equals(System.getProperty("chat.it.db"))) {
            Path dataDir = ChatProcess.freshDataDir("schema-upgrade");
            String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("h2").resolve("chat");
            upgradeAndCheck(dataDir, "h2", () -> DriverManager.getConnection(url, "chat", "chat"), null);
            return;
        }
        String database = "chat_upgrade_" + System.nanoTime();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        try {
            String url = "jdbc:postgresql://127.0.0.1:5432/" + database;
            upgradeAndCheck(ChatProcess.freshDataDir("schema-upgrade-pg"), "postgresql",
                    () -> DriverManager.getConnection(url, "postgres", ""), url);
        } finally {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    /**
     * A value V2 cannot read (here a serialized java.util.Date where an Instant belongs) stops the
     * upgrade: the filter refuses the class, the log says why, and the chat never reports ready.
     */
    @Test
    void aFailedMigrationIsLoggedAndTheChatNeverReportsReady() throws Exception {
        if ("postgres".equals(System.getProperty("chat.it.db"))) {
            String database = "chat_upgrade_bad_" + System.nanoTime();
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                 Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            try {
                String url = "jdbc:postgresql://127.0.0.1:5432/" + database;
                failedUpgrade(ChatProcess.freshDataDir("schema-upgrade-bad-pg"), "postgresql",
                        () -> DriverManager.getConnection(url, "postgres", ""), url);
            } finally {
                try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                     Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            }
            return;
        }
        Path dataDir = ChatProcess.freshDataDir("schema-upgrade-bad");
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("h2").resolve("chat");
        failedUpgrade(dataDir, "h2", () -> DriverManager.getConnection(url, "chat", "chat"), null);
    }

    private void failedUpgrade(Path dataDir, String vendor, Database db, String postgresUrl) throws Exception {
        try (Connection c = db.open()) {
            createReleasedSchema(c, vendor);
            insertReleasedData(c, vendor);
            try (PreparedStatement p = c.prepareStatement("UPDATE chat_message SET sent_at = ? WHERE id = ?")) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(new java.util.Date(0));
                }
                p.setBytes(1, bytes.toByteArray());
                p.setLong(2, (long) HISTORY.get(1)[0]);
                p.executeUpdate();
            }
        }
        ChatProcess chat = new ChatProcess(dataDir);
        if (postgresUrl != null) {
            chat.with("chat.db.url", postgresUrl).with("chat.db.user", "postgres").with("chat.db.password", "");
        }
        Path log = dataDir.resolve("server.log");
        try (chat) {
            chat.startWithoutWaitingForHealth();
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(4).toNanos();
            while (!logSays(log, "The database schema could not be migrated") && System.nanoTime() < deadline) {
                assertTrue(healthStatus(chat) != 200, "the chat reported ready although its migration failed");
                Thread.sleep(500);
            }
            assertTrue(logSays(log, "The database schema could not be migrated"), "no log line about the failed migration in " + log);
            assertTrue(logSays(log, "could not be migrated; the chat stays unready (GET /health 503) and tries again on the next use"
                    + " of the database: Migration failed ! <- chat_message.sent_at of the row id = " + HISTORY.get(1)[0]
                    + " is not a serialized Instant"), "the log line names the value it could not read");
            // a while longer, long past the time a healthy start takes from here
            long watchUntil = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < watchUntil) {
                assertTrue(healthStatus(chat) != 200, "the chat reported ready although its migration failed");
                Thread.sleep(500);
            }
        }
        try (Connection c = db.open()) {
            assertEquals(List.of(), appliedVersions(c, "2"), "V2 is not recorded as applied");
        }
    }

    private static boolean logSays(Path log, String text) throws IOException {
        return Files.exists(log) && Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
    }

    private static int healthStatus(ChatProcess chat) throws InterruptedException {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(chat.root().resolve("health"))
                    .timeout(java.time.Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListening) {
            return 0;
        }
    }

    /** Successful rows of that version in Flyway's history (none if the history table is missing). */
    private static List<String> appliedVersions(Connection c, String version) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet tables = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            if (!tables.next()) {
                return rows;
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" = ? AND \"success\"")) {
            p.setString(1, version);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
        }
        return rows;
    }

    interface Database {
        Connection open() throws SQLException;
    }

    private void upgradeAndCheck(Path dataDir, String vendor, Database db, String postgresUrl) throws Exception {
        try (Connection c = db.open()) {
            createReleasedSchema(c, vendor);
            insertReleasedData(c, vendor);
        }

        Instant beforeNewMessage;
        long newMessageId;
        ChatProcess chat = new ChatProcess(dataDir).with("user.timezone", ZONE);
        if (postgresUrl != null) {
            chat.with("chat.db.url", postgresUrl).with("chat.db.user", "postgres").with("chat.db.password", "");
        }
        try (chat) {
            chat.start();
            ChatApi api = new ChatApi(chat.root());
            assertEquals(200, api.as(ALICE, "GET", "api/users/me", null).status(), "alice signs in with her old password");
            assertEquals(200, api.as(BOB, "GET", "api/users/me", null).status(), "bob too");

            Map<Long, JsonObject> rooms = new LinkedHashMap<>();
            api.as(ALICE, "GET", "api/rooms", null).array().forEach(v -> rooms.put(v.asJsonObject().getJsonNumber("id").longValue(), v.asJsonObject()));
            assertEquals("old room", rooms.get(ROOM).getString("name"));
            assertTrue(rooms.get(ROOM).getBoolean("member"));
            assertEquals("bob's room", rooms.get(OTHER_ROOM).getString("name"));
            assertTrue(!rooms.get(OTHER_ROOM).getBoolean("member"));
            // V5: rooms from before are public, their creators their owners
            assertEquals("public", rooms.get(ROOM).getString("kind"));
            assertEquals("public", rooms.get(OTHER_ROOM).getString("kind"), "listed to alice though she is not in it");
            assertEquals("owner", rooms.get(ROOM).getString("role"));
            // V7: members from before start with their rooms read; the last activity is the newest message's
            assertEquals(3, rooms.get(ROOM).getJsonNumber("readSeq").longValue());
            assertEquals(0, rooms.get(ROOM).getJsonNumber("unread").longValue());
            assertEquals(HISTORY.get(2)[4], Instant.parse(rooms.get(ROOM).getString("lastActivity")));
            assertEquals("owner", api.as(BOB, "GET", "api/rooms", null).array().stream().map(v -> v.asJsonObject())
                    .filter(r -> r.getJsonNumber("id").longValue() == OTHER_ROOM).findFirst().orElseThrow().getString("role"));
            assertEquals(201, api.as(ALICE, "POST", "api/rooms/" + OTHER_ROOM + "/members", null).status(), "joined without an invite");

            List<JsonObject> history = api.history(BOB, ROOM);
            assertEquals(HISTORY.size(), history.size(), "the whole history: " + history);
            for (int i = 0; i < HISTORY.size(); i++) {
                Object[] expected = HISTORY.get(i);
                JsonObject m = history.get(i);
                assertEquals((long) expected[0], m.getJsonNumber("id").longValue());
                assertEquals((long) expected[1], m.getJsonNumber("seq").longValue());
                assertEquals(expected[2], m.getString("sender"));
                assertEquals(expected[3], m.getString("text"));
                assertEquals(expected[4], Instant.parse(m.getString("sentAt")), "sentAt of seq " + expected[1]);
            }

            beforeNewMessage = Instant.now().minusSeconds(1);
            try (StompClient alice = chat.connect(ALICE)) {
                alice.subscribe("/topic/user." + ALICE);
                alice.send("/app/chat.send", Chat.send(ROOM, "after the upgrade", "upgrade-1"));
                JsonObject ack = Chat.next(alice, Chat.type("ack"), 30);
                assertNotNull(ack, "the new message is acked");
                assertEquals(4, ack.getJsonNumber("seq").longValue(), "the room's seq goes on");
                newMessageId = ack.getJsonNumber("id").longValue();
                // a message from before V4 can be edited: it is a message row like any other
                alice.send("/app/chat.edit", Chat.edit(ROOM, (long) HISTORY.get(0)[0], "edited after the upgrade", "upgrade-2"));
                JsonObject edited = Chat.next(alice, Chat.clientMsgId("upgrade-2"), 30);
                assertNotNull(edited, "the edit is answered");
                assertEquals("ack", edited.getString("type"), edited.toString());
                assertEquals(5, edited.getJsonNumber("seq").longValue(), "the edit takes the next seq");
            }
            List<JsonObject> after = api.history(BOB, ROOM);
            assertEquals(5, after.size());
            assertEquals("edited after the upgrade", after.get(0).getString("text"));
            assertEquals("edited", after.get(4).getString("type"));
            assertEquals(HISTORY.get(2)[4], Instant.parse(after.get(2).getString("sentAt")), "old values unchanged by new writes");
            Instant sentAt = Instant.parse(after.get(3).getString("sentAt"));
            assertTrue(!sentAt.isBefore(beforeNewMessage) && sentAt.isBefore(Instant.now().plusSeconds(1)),
                    "the new message was stamped now, in UTC: " + sentAt);
        }

        try (Connection c = db.open()) {
            for (String[] column : new String[][] {{"chat_user", "created_at"}, {"room", "created_at"},
                    {"room_member", "joined_at"}, {"chat_message", "sent_at"}}) {
                assertEquals("TIMESTAMP WITH TIME ZONE", columnType(c, column[0], column[1]), column[0] + "." + column[1]);
            }
            assertEquals(USERS_CREATED, instant(c, "SELECT created_at FROM chat_user WHERE username = '" + ALICE + "'"));
            assertEquals(ROOM_CREATED, instant(c, "SELECT created_at FROM room WHERE id = " + ROOM));
            assertEquals(JOINED, instant(c, "SELECT joined_at FROM room_member WHERE room_id = " + ROOM + " AND username = '" + BOB + "'"));
            for (Object[] m : HISTORY) {
                assertEquals(m[4], instant(c, "SELECT sent_at FROM chat_message WHERE id = " + m[0]));
            }
            Instant stored = instant(c, "SELECT sent_at FROM chat_message WHERE id = " + newMessageId);
            assertTrue(!stored.isBefore(beforeNewMessage), "the new row holds the instant it was sent: " + stored);
            // SQL itself now sees the time: what retention or a report would ask
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COUNT(*) FROM chat_message WHERE sent_at < TIMESTAMP WITH TIME ZONE '2026-07-01 00:00:00+00'")) {
                r.next();
                assertEquals(2, r.getLong(1));
            }
            // baselined at 1 (the tables were there), then V2 and later run: not V1 run over existing tables
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT \"version\", \"type\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
                List<String> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getBoolean(3));
                }
                assertEquals(List.of("1 BASELINE true", "2 JDBC true", "3 SQL true", "4 SQL true", "5 SQL true", "6 SQL true", "7 SQL true"), rows);
            }
        }
    }

    private static void createReleasedSchema(Connection c, String vendor) throws IOException, SQLException {
        String sql = Files.readString(Path.of("src/main/resources/db/migration", vendor, "V1__schema_of_auto_ddl.sql"));
        try (Statement s = c.createStatement()) {
            for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    private static void insertReleasedData(Connection c, String vendor) throws Exception {
        String hash = pbkdf2(ChatApi.PASSWORD);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO chat_user (username, created_at, password_hash) VALUES (?, ?, ?)")) {
            for (String user : List.of(ALICE, BOB)) {
                p.setString(1, user);
                p.setBytes(2, serialized(USERS_CREATED));
                p.setString(3, hash);
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO room (id, created_at, created_by, last_seq, name) VALUES (?, ?, ?, ?, ?)")) {
            room(p, ROOM, ALICE, HISTORY.size(), "old room");
            room(p, OTHER_ROOM, BOB, 0, "bob's room");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO room_member (room_id, username, joined_at) VALUES (?, ?, ?)")) {
            for (Object[] member : new Object[][] {{ROOM, ALICE}, {ROOM, BOB}, {OTHER_ROOM, BOB}}) {
                p.setLong(1, (long) member[0]);
                p.setString(2, (String) member[1]);
                p.setBytes(3, serialized(JOINED));
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO chat_message (id, client_msg_id, dedupe_key, room_id, sender, sent_at, seq, text)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Object[] m : HISTORY) {
                p.setLong(1, (long) m[0]);
                p.setString(2, "old-" + m[1]);
                p.setString(3, "c:old-" + m[1]);
                p.setLong(4, ROOM);
                p.setString(5, (String) m[2]);
                p.setBytes(6, serialized((Instant) m[4]));
                p.setLong(7, (long) m[1]);
                p.setString(8, (String) m[3]);
                p.executeUpdate();
            }
        }
        // the releases took these blocks of ids from the sequences (EclipseLink preallocates a block)
        try (Statement s = c.createStatement()) {
            for (String sequence : List.of("room_id_seq", "chat_message_id_seq")) {
                s.execute(vendor.equals("h2") ? "SELECT NEXT VALUE FOR " + sequence : "SELECT nextval('" + sequence + "')");
            }
        }
    }

    private static void room(PreparedStatement p, long id, String owner, long lastSeq, String name) throws Exception {
        p.setLong(1, id);
        p.setBytes(2, serialized(ROOM_CREATED));
        p.setString(3, owner);
        p.setLong(4, lastSeq);
        p.setString(5, name);
        p.executeUpdate();
    }

    /** What EclipseLink 4.0 wrote for an Instant attribute: the object, Java-serialized. */
    static byte[] serialized(Instant instant) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(instant);
        }
        return bytes.toByteArray();
    }

    /** Jakarta Security's Pbkdf2PasswordHash format (algorithm:iterations:salt:hash), as sign-up stored it. */
    static String pbkdf2(String password) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        int iterations = 1024;
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 64 * 8)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder();
        return "PBKDF2WithHmacSHA512:" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    private static String columnType(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT data_type FROM information_schema.columns WHERE lower(table_name) = ? AND lower(column_name) = ?")) {
            p.setString(1, table);
            p.setString(2, column);
            try (ResultSet r = p.executeQuery()) {
                assertTrue(r.next(), "no column " + table + "." + column);
                return r.getString(1).toUpperCase(java.util.Locale.ROOT);
            }
        }
    }

    private static Instant instant(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            assertTrue(r.next(), "no row for " + query);
            return r.getObject(1, OffsetDateTime.class).toInstant();
        }
    }
}
