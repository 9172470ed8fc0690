package dev.nebula.catalog.web;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    // Found by faults/database-down.sh: sign-in with the database stopped answered 500 internal_error.
    @Test
    void recognisesALostConnectionDeepInsideATransactionFailure() {
        Throwable lost = new RuntimeException("could not commit", new IllegalStateException("rollback",
                new JDBCConnectionException("could not execute statement", new SQLException("I/O error", "08006"))));
        assertTrue(DatabaseFailures.isUnreachable(lost));
        assertTrue(DatabaseFailures.isUnreachable(new SQLException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void ordinaryFailuresAreNotDatabaseOutages() {
        assertFalse(DatabaseFailures.isUnreachable(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseFailures.isUnreachable(new IllegalStateException("boom")));
    }
}
