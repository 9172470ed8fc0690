import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Tries one PostgreSQL connection and prints "connected" or "refused SQLSTATE": how faults/own-database.sh checks that
 * the embedded database lets no one in without its password. Usage: PgConnect.java JDBC_URL USER [PASSWORD]
 */
public class PgConnect {
    public static void main(String[] args) {
        try (var c = DriverManager.getConnection(args[0], args[1], args.length > 2 ? args[2] : "")) {
            System.out.println("connected");
        } catch (SQLException e) {
            System.out.println("refused " + e.getSQLState());
        }
    }
}
