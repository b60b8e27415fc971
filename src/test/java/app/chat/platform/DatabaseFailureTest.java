package app.chat.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailureTest {

    @Test
    void aLostConnectionDeepInTheChainMeansTheDatabaseIsAway() {
        var driver = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertTrue(DatabaseFailure.isUnreachable(new PersistenceException("flush failed", new RuntimeException(driver))));
        assertTrue(DatabaseFailure.isUnreachable(new IllegalStateException(new SocketTimeoutException("Read timed out"))));
        assertTrue(DatabaseFailure.isUnreachable(new PersistenceException(new SQLException("Connection refused", "08001",
                new ConnectException("Connection refused")))));
        assertTrue(DatabaseFailure.isUnreachable(new PersistenceException(new SQLTransientConnectionException("pool exhausted"))));
    }

    @Test
    void aConstraintOrAnApplicationFailureBelongsToTheStatement() {
        assertFalse(DatabaseFailure.isUnreachable(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseFailure.isUnreachable(new IllegalStateException("injected fault after persist")));
    }

    @Test
    void aDuplicateKeyIsAUniqueViolationAlsoWhenTheCommitWrapsIt() {
        var duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertTrue(DatabaseFailure.isUniqueViolation(new PersistenceException(new RuntimeException(duplicate))));
        var rollback = new RollbackException("commit failed");
        rollback.initCause(new PersistenceException(duplicate));
        assertTrue(DatabaseFailure.isUniqueViolation(new TransactionalException("commit failed", rollback)));
    }

    @Test
    void aBatchInsertsDuplicateKeyIsFoundThroughItsNextException() {
        var batch = new java.sql.BatchUpdateException("Batch entry 0 was aborted", "25P02", new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint \"chat_message_dedupe\"", "23505"));
        assertTrue(DatabaseFailure.isUniqueViolation(new PersistenceException(batch)));
    }

    @Test
    void anUnreachableDatabaseIsNeverTakenForAUniqueViolation() {
        assertFalse(DatabaseFailure.isUniqueViolation(new PersistenceException(new SQLException("connection refused", "08001"))));
        // a statement that failed because the connection broke mid-way: the connection decides
        var broken = new SQLException("duplicate key?", "23505", new SocketTimeoutException("Read timed out"));
        assertFalse(DatabaseFailure.isUniqueViolation(new PersistenceException(broken)));
        assertFalse(DatabaseFailure.isUniqueViolation(new PersistenceException(new SQLException("value too long", "22001"))));
    }
}
