package dev.nebula.catalog.support;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The application's database as an operator (or another replica) sees it: plain JDBC beside the running service. */
public final class Database {

    private Database() {
    }

    /** A new connection to the application's database; the caller closes it. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
    }

    /** Runs each statement in its own auto-committed transaction. */
    public static void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
