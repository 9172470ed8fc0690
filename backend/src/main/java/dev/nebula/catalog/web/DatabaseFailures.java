package dev.nebula.catalog.web;

import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Recognises "the database cannot be reached" anywhere in a failure's cause chain, whatever layer wrapped it. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQLState class 08 = connection exception; Agroal reports an exhausted wait for a connection by message
            if (t instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                    || (sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")))) {
                return true;
            }
        }
        return false;
    }
}
