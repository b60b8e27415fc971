package app.chat.schema;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database to the schema this build expects: the SQL files under
 * {@code db/migration/{h2,postgresql}} and the Java migrations listed here, in version order.
 * <p>
 * A database that already holds the chat's tables but no Flyway history was created by EclipseLink's
 * auto-DDL before versioned migrations: it is baselined at version 1 (V1 is that schema), so it gets
 * V2 and later. Nodes that start together against one PostgreSQL take Flyway's lock (an advisory
 * lock) one after the other: the first migrates, the others find nothing left to do.
 */
public final class SchemaMigrations {

    private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {
    }

    /** Migrates, or throws (a {@code FlywayException} or {@code SQLException}) and leaves the database for a later try. */
    public static void migrate(DataSource dataSource) throws SQLException {
        String vendor = vendorOf(dataSource);
        MigrateResult result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor)
                .javaMigrations(new TimestampsWithTimeZone())
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("schema of the auto-DDL releases")
                .validateMigrationNaming(true)
                .load()
                .migrate();
        LOG.log(System.Logger.Level.INFO, "Database schema at version {0} ({1} migration(s) applied now, {2})",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted, vendor);
    }

    /** The folder of this database's SQL migrations. */
    static String vendorOf(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (product.equalsIgnoreCase("H2")) {
                return "h2";
            }
            if (product.equalsIgnoreCase("PostgreSQL")) {
                return "postgresql";
            }
            throw new SQLException("The chat's schema migrations are for H2 and PostgreSQL; this database is " + product);
        }
    }
}
