package app.chat.message;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that cannot be reached from a failure that belongs to one message. */
final class DatabaseFailure {

    private DatabaseFailure() {
    }

    /**
     * True when some cause says the connection failed: a socket error or time-out, a JDBC
     * connection exception, or SQLState class 08 (connection exception), anywhere in the chain
     * (JPA and the connection pool wrap the driver's exception).
     */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
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
}
