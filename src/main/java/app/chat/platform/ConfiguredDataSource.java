package app.chat.platform;

import app.chat.schema.SchemaMigrations;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The datasource the container pools, configured from {@link DatabaseSettings} when it is first used:
 * {@code chat.db.url} picks the database (H2 by default, PostgreSQL with a jdbc:postgresql: URL),
 * {@code chat.db.user} and {@code chat.db.password} log in. Annotation attributes are resolved too
 * early in deployment to see the application's own configuration, hence this indirection.
 * <p>
 * It is a plain (non-XA) DataSource on purpose: in the MDB's transaction it is the one local
 * resource next to the broker's XA resource, which the transaction manager commits with the
 * last-agent optimisation; neither H2 nor a default PostgreSQL (max_prepared_transactions = 0) need XA.
 */
public class ConfiguredDataSource implements DataSource {

    private static final System.Logger LOG = System.getLogger(ConfiguredDataSource.class.getName());

    private volatile DataSource target;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource target() throws SQLException {
        DataSource t = target;
        if (t == null) {
            synchronized (this) {
                t = target;
                if (t == null) {
                    target = t = migrated(create(DatabaseSettings.read()));
                }
            }
        }
        return t;
    }

    /**
     * The database brought to this build's schema before anyone gets a connection: JPA, the message
     * writer, the MDBs and the health check all come through here, and wait while it runs. When it
     * fails, every connection request fails with the reason (so /health stays 503 and messages are
     * redelivered) and tries again: a database that was down at start-up is migrated once it is back.
     */
    private static DataSource migrated(DataSource database) throws SQLException {
        try {
            SchemaMigrations.migrate(database);
            return database;
        } catch (SQLException | RuntimeException e) {
            String reasons = reasons(e);
            LOG.log(System.Logger.Level.ERROR, "The database schema could not be migrated; the chat stays unready"
                    + " (GET /health 503) and tries again on the next use of the database: " + reasons, e);
            throw new SQLException("database schema migration failed: " + reasons, e);
        }
    }

    /** Flyway's own message ("Migration failed !") says little: the causes say what and where. */
    private static String reasons(Throwable failure) {
        StringBuilder reasons = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && reasons.indexOf(message.strip()) < 0) {
                reasons.append(reasons.length() == 0 ? "" : " <- ").append(message.strip());
            }
        }
        return reasons.toString();
    }

    static DataSource create(DatabaseSettings settings) throws SQLException {
        String url = settings.url();
        String user = settings.user();
        String password = settings.password();
        String vendorClass = settings.vendorClass().orElseGet(() -> vendorClassFor(url));
        try {
            Object ds = Class.forName(vendorClass, true, ConfiguredDataSource.class.getClassLoader())
                    .getConstructor().newInstance();
            ds.getClass().getMethod(url.startsWith("jdbc:h2:") ? "setURL" : "setUrl", String.class).invoke(ds, url);
            ds.getClass().getMethod("setUser", String.class).invoke(ds, user);
            ds.getClass().getMethod("setPassword", String.class).invoke(ds, password);
            if (url.startsWith("jdbc:postgresql:")) {
                // a connection cut off mid-read (a dead network, a half-open socket) fails after this
                // instead of blocking its thread, the message writer's included, until TCP gives up
                int timeout = settings.socketTimeoutSeconds();
                ds.getClass().getMethod("setSocketTimeout", int.class).invoke(ds, timeout);
                ds.getClass().getMethod("setConnectTimeout", int.class).invoke(ds, Math.min(timeout, 10));
            }
            return (DataSource) ds;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new SQLException("Cannot set up the datasource " + vendorClass + " for " + url + ": " + e, e);
        }
    }

    static String vendorClassFor(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.jdbcx.JdbcDataSource";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.ds.PGSimpleDataSource";
        }
        throw new IllegalArgumentException("chat.db.url " + url + " is neither H2 nor PostgreSQL; set chat.db.class");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return noticed(target().getConnection());
    }

    /**
     * The container's idea of the credentials is ignored: chat.db.user and chat.db.password decide.
     * Payara and WildFly pass different defaults here (the resource definition names no user), and
     * the same H2 file must open under either server.
     */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return noticed(target().getConnection());
    }

    /** The pool asks here for each physical connection; an embedded H2's store is found this way only. */
    private static Connection noticed(Connection physical) {
        H2Housekeeping.noticeConnection(physical);
        return physical;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return target().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target().isWrapperFor(iface);
    }
}
