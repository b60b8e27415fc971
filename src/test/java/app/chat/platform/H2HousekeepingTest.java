package app.chat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a real H2 file, written the way the message writer writes it: one small commit at a time. */
class H2HousekeepingTest {

    private static final int INTERVAL_MS = 50;

    @TempDir
    Path dir;

    @Test
    void movingLivePagesMakesAMostlyDeadFileDenseWithEveryRowKept() throws Exception {
        JdbcDataSource h2 = h2();
        H2Housekeeping housekeeping = housekeeping(h2, 1024);
        try (Connection c = h2.getConnection()) { // held open: closing H2's last connection compacts on its own
            H2Housekeeping.noticeConnection(c); // as ConfiguredDataSource does with each connection it makes
            create(c);
            int rows = insert(c, 1, 3000);
            Map<String, String> before = info(c);
            assertTrue(live(before) < 20, "expected a mostly dead file after " + rows + " small commits: " + before);

            // rounds while the chat goes on writing (a chunk's space is given back at a later commit)
            for (int round = 0; round < 20; round++) {
                Thread.sleep(INTERVAL_MS);
                housekeeping.tidy();
                rows = insert(c, rows + 1, 50);
            }

            Map<String, String> after = info(c);
            assertTrue(live(after) >= 3 * live(before), "live share: " + before + " -> " + after);
            assertTrue(chunks(after) * 3 < chunks(before), "chunks: " + chunks(before) + " -> " + chunks(after));
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT dedupe_key), MAX(id) FROM message")) {
                r.next();
                assertEquals(rows, r.getLong(1));
                assertEquals(rows, r.getLong(2));
                assertEquals(rows, r.getLong(3));
            }
        }
    }

    @Test
    void byDefaultItFlushesAndSoReusesDeadChunksSoonerThanH2Would() throws Exception {
        JdbcDataSource h2 = h2();
        H2Housekeeping housekeeping = housekeeping(h2, 0); // the default: no pages moved
        try (Connection c = h2.getConnection()) {
            H2Housekeeping.noticeConnection(c);
            create(c);
            int rows = insert(c, 1, 2000);
            int written = chunks(info(c));
            assertTrue(written >= 2000, "H2 keeps a chunk per commit for 45 s: " + info(c));
            for (int round = 0; round < 10; round++) {
                Thread.sleep(INTERVAL_MS);
                housekeeping.tidy();
                rows = insert(c, rows + 1, 20);
            }
            Map<String, String> after = info(c);
            assertTrue(chunks(after) * 2 < written, "dead chunks reused: " + written + " -> " + after);
        }
    }

    @Test
    void onlyForH2FilesAndNotWhenTurnedOff() {
        assertTrue(H2Housekeeping.appliesTo(settings("jdbc:h2:file:./data/h2/chat;WRITE_DELAY=0", 1000)));
        assertFalse(H2Housekeeping.appliesTo(settings("jdbc:h2:file:./data/h2/chat", 0)));
        assertFalse(H2Housekeeping.appliesTo(settings("jdbc:h2:mem:chat", 1000)));
        assertFalse(H2Housekeeping.appliesTo(settings("jdbc:postgresql://127.0.0.1:5432/chat", 1000)));
    }

    @Test
    void aDatabaseThatCannotBeReachedSkipsTheRound() {
        JdbcDataSource unreachable = new JdbcDataSource();
        unreachable.setURL("jdbc:h2:file:" + dir.resolve("missing/chat") + ";IFEXISTS=TRUE");
        H2Housekeeping housekeeping = housekeeping(unreachable, 0);
        housekeeping.tidy(); // no exception: the next round tries again
        housekeeping.tidy();
    }

    private H2Housekeeping housekeeping(JdbcDataSource h2, int rewriteKib) {
        H2Housekeeping housekeeping = new H2Housekeeping();
        housekeeping.dataSource = h2;
        housekeeping.settings = new DatabaseSettings(h2.getURL(), "chat", "chat", Optional.empty(), 15, INTERVAL_MS, rewriteKib);
        return housekeeping;
    }

    private static DatabaseSettings settings(String url, long intervalMs) {
        return new DatabaseSettings(url, "chat", "chat", Optional.empty(), 15, intervalMs, 0);
    }

    private JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("chat") + ";WRITE_DELAY=0");
        h2.setUser("chat");
        h2.setPassword("chat");
        return h2;
    }

    private static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE message(id BIGINT PRIMARY KEY, dedupe_key VARCHAR(64) NOT NULL UNIQUE, text VARCHAR(4000))");
        }
    }

    /** One commit per row, as with WRITE_DELAY=0 and a quiet chat; returns the last id. */
    private static int insert(Connection c, int firstId, int count) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO message(id, dedupe_key, text) VALUES (?, ?, ?)")) {
            for (int id = firstId; id < firstId + count; id++) {
                insert.setLong(1, id);
                insert.setString(2, UUID.randomUUID().toString()); // a client's id: a random key, as in chat_message
                insert.setString(3, "message " + id + " of a conversation that goes on and on");
                insert.executeUpdate();
                c.commit();
            }
        }
        return firstId + count - 1;
    }

    private static Map<String, String> info(Connection c) throws SQLException {
        Map<String, String> info = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME IN ('info.CHUNKS_FILL_RATE', 'info.CHUNK_COUNT', 'info.FILE_SIZE')")) {
            while (rows.next()) {
                info.put(rows.getString(1), rows.getString(2));
            }
        }
        return info;
    }

    private static int live(Map<String, String> info) {
        return Integer.parseInt(info.get("info.CHUNKS_FILL_RATE"));
    }

    private static int chunks(Map<String, String> info) {
        return Integer.parseInt(info.get("info.CHUNK_COUNT"));
    }
}
