package app.chat.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseFailureTest {

    @Test
    void aLostConnectionDeepInTheChainMeansTheDatabaseIsAway() {
        var driver = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertTrue(DatabaseFailure.isUnreachable(new PersistenceException("flush failed", new RuntimeException(driver))));
        assertTrue(DatabaseFailure.isUnreachable(new IllegalStateException(new SocketTimeoutException("Read timed out"))));
    }

    @Test
    void aConstraintOrAnApplicationFailureBelongsToTheMessage() {
        assertFalse(DatabaseFailure.isUnreachable(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseFailure.isUnreachable(new IllegalStateException("injected fault after persist")));
    }
}
