import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL server in its own process, standing in for an external database when the benchmark measures
 * time-to-ready with {@code QUARKUS_DATASOURCE_JDBC_URL} set. Uses the zonky binaries the service ships with:
 * {@code java -cp 'backend/target/quarkus-app/lib/main/*' bench/ExternalPg.java PORT DATA_DIR [keep]}. Stops on SIGTERM.
 * With {@code keep} an existing data directory is reused, so a restarted server still holds what it held.
 */
public class ExternalPg {
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(Integer.parseInt(args[0]))
                .setDataDirectory(Path.of(args[1]))
                .setCleanDataDirectory(!(args.length > 2 && args[2].equals("keep")))
                // a loaded CI machine can take longer than zonky's 10 s default; PostgreSQL's own output goes to
                // our log because zonky's logger has no binding on this class path
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }));
        System.out.println("READY " + pg.getJdbcUrl("postgres", "postgres"));
        Thread.sleep(Long.MAX_VALUE);
    }
}
