package app.chat.platform;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Reads a database failure's cause chain (JPA, the transaction manager and the connection pool wrap
 * the driver's exception): a database that cannot be reached is everyone's problem and passes, a
 * unique key violated belongs to the one statement that violated it.
 */
public final class DatabaseFailure {

    /** SQLState of a unique constraint violation, the same on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    private DatabaseFailure() {
    }

    /**
     * True when some cause says the connection failed: a socket error or time-out, a JDBC
     * connection exception, or SQLState class 08 (connection exception), anywhere in the chain.
     */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SocketException || t instanceof SocketTimeoutException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** True when some cause is a unique (or primary) key violation, and the database was reachable. */
    public static boolean isUniqueViolation(Throwable failure) {
        if (isUnreachable(failure)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The cause; for a JDBC batch's exception without one, the statement's own (getNextException). */
    private static Throwable next(Throwable t) {
        Throwable cause = t.getCause();
        if (cause == null && t instanceof SQLException sql) {
            cause = sql.getNextException();
        }
        return cause == t ? null : cause;
    }
}
