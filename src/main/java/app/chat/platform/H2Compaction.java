package app.chat.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Gives an H2 file back the space its dead pages hold, at start-up, when most of it is dead.
 *
 * <p>Why it is needed: H2 (MVStore) has no log; a commit writes the pages it changed as a new chunk
 * of the file, and a chunk's space is reused only once none of its pages is live. A random-key index
 * (the messages' idempotency key) leaves one live page in almost every chunk, so under steady traffic
 * nearly every chunk stays, ~97 % dead. H2's background thread would rewrite such chunks, but it runs
 * only with a write delay, and the chat needs {@code WRITE_DELAY=0} (each commit written before its
 * ack goes out). Measured: 2.7 GB after ~500,000 messages at 800 msg/s, 23 MB once compacted (6 s).
 * A restart is when nothing else holds the file, so that is when this runs: H2's own
 * {@code SHUTDOWN COMPACT}, before the schema migration and before the pool's first connection.
 */
final class H2Compaction {

    private static final System.Logger LOG = System.getLogger(H2Compaction.class.getName());

    private H2Compaction() {
    }

    /**
     * Compacts the database when its chunks are less than {@code belowPercent} % live (0: never);
     * returns whether it did. Only for H2 files: another database, or H2 in memory, is left alone.
     */
    static boolean compactIfSparse(DataSource database, String url, int belowPercent) throws SQLException {
        if (belowPercent <= 0 || !url.startsWith("jdbc:h2:file:")) {
            return false;
        }
        long startedNanos = System.nanoTime();
        Map<String, String> before;
        int live;
        // one connection: closing H2's last one closes the database, which is a (short) compaction of its own
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            before = info(c);
            live = Integer.parseInt(before.getOrDefault("info.CHUNKS_FILL_RATE", "100"));
            if (live >= belowPercent) {
                return false;
            }
            s.execute("SHUTDOWN COMPACT"); // closes the database: the next connection opens the new file
        }
        Map<String, String> after;
        try (Connection c = database.getConnection()) {
            after = info(c);
        }
        LOG.log(System.Logger.Level.INFO, "Compacted the H2 database ({0} % of its chunks were live): {1} MiB -> {2} MiB in {3} ms",
                live, mib(before), mib(after), (System.nanoTime() - startedNanos) / 1_000_000);
        return true;
    }

    /** H2's figures about its own file ({@code info.FILE_SIZE}, {@code info.CHUNKS_FILL_RATE}, ...). */
    static Map<String, String> info(Connection c) throws SQLException {
        Map<String, String> info = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME LIKE 'info.%'")) {
            while (rows.next()) {
                info.put(rows.getString(1), rows.getString(2));
            }
        }
        return info;
    }

    private static long mib(Map<String, String> info) {
        return Long.parseLong(info.getOrDefault("info.FILE_SIZE", "0")) >> 20;
    }
}
