package dev.nebula.catalog.nebula;

import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.nebula.NebulaDtos.CacheSummary;
import dev.nebula.catalog.nebula.NebulaDtos.CreateModel;
import dev.nebula.catalog.nebula.NebulaDtos.DeleteResult;
import dev.nebula.catalog.nebula.NebulaDtos.Deployment;
import dev.nebula.catalog.nebula.NebulaDtos.DiskAlert;
import dev.nebula.catalog.nebula.NebulaDtos.LoginRequest;
import dev.nebula.catalog.nebula.NebulaDtos.LoginResponse;
import dev.nebula.catalog.nebula.NebulaDtos.ModelDetail;
import dev.nebula.catalog.nebula.NebulaDtos.ModelSpec;
import dev.nebula.catalog.nebula.NebulaDtos.ModelView;
import dev.nebula.catalog.nebula.NebulaDtos.NodeDisk;
import dev.nebula.catalog.nebula.NebulaDtos.Overview;
import dev.nebula.catalog.nebula.NebulaDtos.SessionUser;
import dev.nebula.catalog.web.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one bean that talks to Nebula. The base URL comes only from configuration. Every call forwards the request
 * id, is bounded in time, is timed as a metric and fails with a classified {@link NebulaException}. Reads are
 * retried once on transient failures; writes never are (a create that timed out may still have happened).
 * A circuit breaker stops hammering a Nebula that keeps failing; Nebula's 4xx answers do not count against it.
 */
@ApplicationScoped
public class NebulaClient {

    @Inject
    CatalogConfig config;

    @Inject
    MeterRegistry metrics;

    private NebulaApi api;

    @PostConstruct
    void init() {
        config.nebula().url().ifPresent(url -> api = build(url));
    }

    private NebulaApi build(String url) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url.replaceAll("/+$", "")))
                .connectTimeout(config.nebula().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.nebula().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register((ClientRequestFilter) ctx -> ctx.getHeaders().putSingle(RequestIds.HEADER, RequestIds.current()))
                .register(new NebulaResponseMapper())
                .build(NebulaApi.class);
    }

    /**
     * The same client logic aimed at another URL, for tests of how it reads odd answers (WireMock). Configuration
     * stays the only source of the URL in the product.
     */
    NebulaClient aimedAt(String url) {
        NebulaClient other = new NebulaClient();
        other.config = config;
        other.metrics = metrics;
        other.api = build(url);
        return other;
    }

    public boolean configured() {
        return api != null;
    }

    /** Liveness of the Nebula BFF ({@code /api/healthz}). */
    public Uni<Boolean> healthy() {
        return call("healthz", false, () -> api.healthz()).map(r -> {
            if (r.getStatus() != 200) {
                throw NebulaErrors.fromResponse(r.getStatus(), "");
            }
            return true;
        });
    }

    public Uni<LoginResponse> login(String username, String password) {
        return call("login", false, () -> api.login(new LoginRequest(username, password)));
    }

    public Uni<SessionUser> me(String token) {
        return call("me", true, () -> api.me(bearer(token)));
    }

    public Uni<Void> logout(String token) {
        return call("logout", false, () -> api.logout(bearer(token))).replaceWithVoid();
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 3000, skipOn = NebulaRejection.class)
    public Uni<List<ModelView>> models(String token) {
        return call("models", true, () -> api.models(bearer(token)));
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 3000, skipOn = NebulaRejection.class)
    public Uni<ModelDetail> model(String token, String uid) {
        return call("model", true, () -> api.model(bearer(token), uid));
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.6, delay = 3000, skipOn = NebulaRejection.class)
    public Uni<CacheSummary> cacheSummary(String token) {
        return call("cache_summary", true, () -> api.cacheSummary(bearer(token)));
    }

    /** Disk alerts of every node, stale ones included (Nebula never deletes them). */
    public Uni<List<DiskAlert>> alerts(String token) {
        return call("alerts", true, () -> api.alerts(bearer(token)));
    }

    /** Start (or retry) a model: Nebula requires a JSON body, {} keeps the deployment's settings. Never repeated. */
    public Uni<Deployment> start(String token, String uid) {
        return call("start", false, () -> api.start(bearer(token), uid, Map.of()));
    }

    /** Stop a model (its files stay on the nodes). Never repeated. */
    public Uni<Deployment> stop(String token, String uid) {
        return call("stop", false, () -> api.stop(bearer(token), uid));
    }

    public Uni<NodeDisk> nodeDisk(String token, String node) {
        return call("node_disk", true, () -> api.nodeDisk(bearer(token), node));
    }

    public Uni<Overview> overview(String token) {
        return call("overview", true, () -> api.overview(bearer(token)));
    }

    public Uni<ModelSpec> create(String token, CreateModel request) {
        return call("create", false, () -> api.create(bearer(token), request));
    }

    public Uni<DeleteResult> delete(String token, String uid) {
        return call("delete", false, () -> api.delete(bearer(token), uid));
    }

    private <T> Uni<T> call(String operation, boolean safeToRepeat, Supplier<Uni<T>> request) {
        if (api == null) {
            return Uni.createFrom().failure(new NebulaException(NebulaException.Kind.UNREACHABLE, 0, "not_configured",
                    "Nebula is not configured (NEBULA_URL is unset)", null));
        }
        Duration timeout = config.nebula().readTimeout();
        Timer.Sample sample = Timer.start(metrics);
        Uni<T> attempt = Uni.createFrom().deferred(request::get)
                .ifNoItem().after(timeout).failWith(() -> new NebulaException(NebulaException.Kind.UNREACHABLE, 0,
                        "timeout", "Nebula did not answer " + operation + " within " + timeout.toMillis() + " ms", null))
                .onFailure().transform(NebulaErrors::fromThrowable);
        if (safeToRepeat) {
            attempt = attempt.onFailure(e -> e instanceof NebulaException n && n.isTransient()
                    && !"timeout".equals(n.code())).retry().atMost(1);
        }
        return attempt.onTermination().invoke((item, failure, cancelled) -> sample.stop(metrics.timer(
                "catalog.nebula.calls", "operation", operation,
                "outcome", failure == null ? "success" : outcomeOf(failure))));
    }

    private static String outcomeOf(Throwable failure) {
        return failure instanceof NebulaException n ? n.kind().name().toLowerCase() : "failed";
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
