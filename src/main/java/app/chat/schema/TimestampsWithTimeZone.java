package app.chat.schema;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V2: the four timestamp columns, Java-serialized Instants until now (EclipseLink 4.0 has no
 * mapping for Instant), become {@code TIMESTAMP(3) WITH TIME ZONE}: real instants that SQL can
 * compare, index and read, at the millisecond the chat always truncated them to. Java, not SQL,
 * because only Java can read the old bytes; each column is filled next to the old one, which then goes.
 * <p>
 * On PostgreSQL this runs in one transaction, so a failure leaves the old schema whole. H2 commits
 * each DDL statement, and Flyway records the failure: after {@code flyway repair} this goes on
 * where it stopped (converted columns are kept), but restoring the backup of ./data that the README
 * asks for before an upgrade is the simpler way back.
 */
final class TimestampsWithTimeZone implements JavaMigration {

    /** A column to convert and the primary key that finds its row. */
    record Column(String table, String column, List<String> key) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("chat_user", "created_at", List.of("username")),
            new Column("room", "created_at", List.of("id")),
            new Column("room_member", "joined_at", List.of("room_id", "username")),
            new Column("chat_message", "sent_at", List.of("id")));

    private static final int BATCH = 1000;
    private static final System.Logger LOG = System.getLogger(TimestampsWithTimeZone.class.getName());

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "timestamps with time zone instead of serialized Instants";
    }

    @Override
    public Integer getChecksum() {
        // constant: the checksum of a Java migration is whatever it declares; this one never changes
        return 20261203;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean h2 = c.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2");
        for (Column column : COLUMNS) {
            long rows = convert(c, column, h2);
            LOG.log(System.Logger.Level.INFO, "{0}.{1}: {2} value(s) converted to TIMESTAMP WITH TIME ZONE",
                    column.table(), column.column(), rows);
        }
    }

    private static long convert(Connection c, Column col, boolean h2) throws SQLException, IOException {
        String table = col.table();
        String converted = col.column() + "_utc";
        // H2 commits each DDL statement, so a failed earlier try may have left columns behind:
        // one already converted stays, a half-filled new one is filled again from the start
        if (typeOf(c, table, col.column()).startsWith("TIMESTAMP")) {
            return 0;
        }
        try (Statement s = c.createStatement()) {
            if (!typeOf(c, table, converted).isEmpty()) {
                s.execute("ALTER TABLE " + table + " DROP COLUMN " + converted);
            }
            s.execute("ALTER TABLE " + table + " ADD COLUMN " + converted + " TIMESTAMP(3) WITH TIME ZONE");
        }
        long rows = copy(c, col, converted);
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + table + " DROP COLUMN " + col.column());
            s.execute(h2
                    ? "ALTER TABLE " + table + " ALTER COLUMN " + converted + " RENAME TO " + col.column()
                    : "ALTER TABLE " + table + " RENAME COLUMN " + converted + " TO " + col.column());
            s.execute("ALTER TABLE " + table + " ALTER COLUMN " + col.column() + " SET NOT NULL");
        }
        return rows;
    }

    /** The column's SQL type in upper case, empty if there is no such column. */
    private static String typeOf(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT data_type FROM information_schema.columns"
                + " WHERE lower(table_name) = ? AND lower(column_name) = ? AND table_schema = CURRENT_SCHEMA")) {
            p.setString(1, table);
            p.setString(2, column);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1).toUpperCase(java.util.Locale.ROOT) : "";
            }
        }
    }

    /** Reads every old value and writes it, as a UTC timestamp, into the new column of its row. */
    private static long copy(Connection c, Column col, String converted) throws SQLException, IOException {
        String keys = String.join(", ", col.key());
        String where = String.join(" AND ", col.key().stream().map(k -> k + " = ?").toList());
        long rows = 0;
        try (Statement select = c.createStatement();
             PreparedStatement update = c.prepareStatement("UPDATE " + col.table() + " SET " + converted + " = ? WHERE " + where)) {
            select.setFetchSize(BATCH);
            try (ResultSet r = select.executeQuery("SELECT " + keys + ", " + col.column() + " FROM " + col.table())) {
                int keyCount = col.key().size();
                while (r.next()) {
                    Instant instant = read(r.getBytes(keyCount + 1), col, r.getString(1));
                    update.setObject(1, instant.atOffset(ZoneOffset.UTC));
                    for (int k = 1; k <= keyCount; k++) {
                        update.setObject(k + 1, r.getObject(k));
                    }
                    update.addBatch();
                    if (++rows % BATCH == 0) {
                        update.executeBatch();
                    }
                }
            }
            update.executeBatch();
        }
        return rows;
    }

    private static Instant read(byte[] bytes, Column col, String key) throws IOException {
        try {
            return SerializedInstant.read(bytes);
        } catch (IOException e) {
            throw new IOException(col.table() + "." + col.column() + " of the row " + col.key().get(0) + " = " + key
                    + " is not a serialized Instant: " + e.getMessage(), e);
        }
    }
}
