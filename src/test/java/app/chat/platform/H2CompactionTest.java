package app.chat.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a real H2 file, written the way the message writer writes it: one small commit at a time. */
class H2CompactionTest {

    @TempDir
    Path dir;

    @Test
    void aFileOfSmallCommitsIsMostlyDeadAndShrinksAtStartWithEveryRowKept() throws SQLException {
        JdbcDataSource h2 = h2("chat");
        int rows = 3000;
        try (Connection c = h2.getConnection()) {
            create(c);
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO message(id, dedupe_key, text) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, UUID.randomUUID().toString()); // a client's id: a random key, as in chat_message
                    insert.setString(3, "message " + i + " of a conversation that goes on and on");
                    insert.executeUpdate();
                    c.commit(); // one chunk per commit, as with WRITE_DELAY=0
                }
            }
            int live = Integer.parseInt(H2Compaction.info(c).get("info.CHUNKS_FILL_RATE"));
            assertTrue(live < 50, "expected a mostly dead file after " + rows + " small commits, H2 says " + live + " % live");
        }
        long bloated = fileSize(h2);

        assertTrue(H2Compaction.compactIfSparse(h2, h2.getURL(), 50));

        long compacted = fileSize(h2);
        assertTrue(compacted * 5 < bloated, "compacted " + bloated + " -> " + compacted + " bytes");
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT dedupe_key), MAX(id) FROM message")) {
            r.next();
            assertEquals(rows, r.getLong(1));
            assertEquals(rows, r.getLong(2));
            assertEquals(rows, r.getLong(3));
        }
    }

    @Test
    void aDenseFileIsLeftAsItIs() throws SQLException {
        JdbcDataSource h2 = h2("dense");
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            create(c);
            s.execute("INSERT INTO message SELECT X, RANDOM_UUID(), 'text ' || X FROM SYSTEM_RANGE(1, 3000)");
        }
        long size = fileSize(h2);

        assertFalse(H2Compaction.compactIfSparse(h2, h2.getURL(), 50));
        assertTrue(fileSize(h2) >= size, "left as it is: " + size + " -> " + fileSize(h2) + " bytes");
    }

    @Test
    void zeroTurnsItOffAndOtherDatabasesAreNotTouched() throws SQLException {
        JdbcDataSource h2 = h2("off");
        assertFalse(H2Compaction.compactIfSparse(h2, h2.getURL(), 0));
        // not even a connection is made for another database's URL (this data source would fail it)
        assertFalse(H2Compaction.compactIfSparse(null, "jdbc:postgresql://127.0.0.1:1/none", 50));
        assertFalse(H2Compaction.compactIfSparse(null, "jdbc:h2:mem:chat", 50));
    }

    private JdbcDataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        // MAX_COMPACT_TIME=0: H2 compacts for 200 ms when its last connection closes, which tidies a
        // test's few MB; a file of gigabytes, or one whose JVM was killed, gets nothing from it
        h2.setURL("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0");
        h2.setUser("chat");
        h2.setPassword("chat");
        return h2;
    }

    private static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE message(id BIGINT PRIMARY KEY, dedupe_key VARCHAR(64) NOT NULL UNIQUE, text VARCHAR(4000))");
        }
    }

    private long fileSize(JdbcDataSource h2) {
        String url = h2.getURL();
        String path = url.substring("jdbc:h2:file:".length(), url.indexOf(';'));
        try {
            return Files.size(Path.of(path + ".mv.db"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
