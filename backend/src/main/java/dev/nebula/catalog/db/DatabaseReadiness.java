package dev.nebula.catalog.db;

import io.agroal.api.AgroalDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

/**
 * Readiness is the database, answered within {@link #BOUND} whatever hangs. The framework's own datasource check
 * waited on a paused PostgreSQL for as long as the socket allowed (past a 40 s client timeout). Nebula is not a gate:
 * block A serves its last snapshot, marked stale, while Nebula is down.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    static final Duration BOUND = Duration.ofSeconds(2);

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Uni<HealthCheckResponse> call() {
        return problem().map(why -> why == null ? HealthCheckResponse.up("database") : down(why));
    }

    /** Null when the database answers {@code SELECT 1} within {@link #BOUND}, else why not. Capabilities use it too. */
    public Uni<String> problem() {
        return Uni.createFrom().item(this::probe)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(BOUND).recoverWithItem(() -> "database did not answer within " + BOUND.toMillis() + " ms");
    }

    private String probe() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) BOUND.toSeconds());
            s.execute("SELECT 1");
            return null;
        } catch (Exception e) {
            return "database unreachable: " + e.getClass().getSimpleName();
        }
    }

    private static HealthCheckResponse down(String why) {
        return HealthCheckResponse.named("database").down().withData("reason", why).build();
    }
}
