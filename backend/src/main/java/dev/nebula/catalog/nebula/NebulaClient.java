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
import dev.nebula.catalog.outbound.Blocking;
import dev.nebula.catalog.outbound.UpstreamGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one bean that talks to Nebula, through the declarative {@link NebulaApi} (URL and HTTP settings from
 * {@code quarkus.rest-client.nebula.*}, the URL being {@code catalog.nebula.url}). Every call forwards the request
 * id, is bounded by {@code catalog.nebula.read-timeout}, is timed as a metric and fails with a classified
 * {@link NebulaException}. Reads are retried once on transient failures other than timeouts; writes and sign-ins
 * never are (a create that timed out may still have happened). The reads block A's refresh cannot do without (the
 * model list, model details, the cache summary) each have a circuit breaker, so a Nebula that keeps failing is not
 * hammered; every attempt counts, and Nebula's 4xx answers never do. Blocking callers use {@link #blocking()}.
 */
@ApplicationScoped
public class NebulaClient {

    /** Breakers as {@code CircuitBreakerMaintenance} knows them. */
    public static final String MODELS_BREAKER = "nebula-models";
    public static final String MODEL_BREAKER = "nebula-model";
    public static final String CACHE_BREAKER = "nebula-cache-summary";
    /** Ten attempts in the window, 60 % of them failing, open a breaker for three seconds. */
    private static final UpstreamGuard.Breaker POLICY = new UpstreamGuard.Breaker(null, 10, 0.6, Duration.ofSeconds(3),
            List.of(NebulaRejection.class));
    private static final UpstreamGuard.Retry ONCE = new UpstreamGuard.Retry(List.of(NebulaException.class),
            List.of(NebulaRejection.class, NebulaTimeout.class), Duration.ZERO, Duration.ZERO);

    private final NebulaApi api;
    private final boolean configured;
    private final Duration timeout;
    private final MeterRegistry metrics;
    private final UpstreamGuard modelReads;
    private final UpstreamGuard detailReads;
    private final UpstreamGuard cacheReads;
    private final UpstreamGuard otherReads;
    private final BlockingNebula blocking;

    @Inject
    NebulaClient(@RestClient NebulaApi api, CatalogConfig config, MeterRegistry metrics, Blocking waits) {
        this(api, config, metrics, waits, true);
    }

    /**
     * The same client logic and policies over another {@link NebulaApi} (tests aim one at WireMock to see how odd
     * answers are read); unregistered, its breakers are unnamed, so they do not clash with the bean's.
     */
    NebulaClient(NebulaApi api, CatalogConfig config, MeterRegistry metrics, Blocking waits, boolean registered) {
        this.api = api;
        this.configured = config.nebula().url().filter(u -> !u.isBlank()).isPresent();
        this.timeout = config.nebula().readTimeout();
        this.metrics = metrics;
        this.modelReads = withBreaker(registered ? MODELS_BREAKER : null);
        this.detailReads = withBreaker(registered ? MODEL_BREAKER : null);
        this.cacheReads = withBreaker(registered ? CACHE_BREAKER : null);
        this.otherReads = new UpstreamGuard("Nebula reads", null, ONCE, NebulaErrors::circuitOpen);
        this.blocking = new BlockingNebula(this, waits);
    }

    private static UpstreamGuard withBreaker(String name) {
        UpstreamGuard.Breaker breaker = new UpstreamGuard.Breaker(name, POLICY.requestVolume(), POLICY.failureRatio(),
                POLICY.openFor(), POLICY.ignored());
        return new UpstreamGuard(name == null ? "Nebula reads (unregistered)" : name, breaker, ONCE,
                NebulaErrors::circuitOpen);
    }

    public boolean configured() {
        return configured;
    }

    /** The same calls for blocking callers, each waiting by name (read or write). */
    public BlockingNebula blocking() {
        return blocking;
    }

    /** Liveness of the Nebula BFF ({@code /api/healthz}). */
    public Uni<Boolean> healthy() {
        return once("healthz", () -> api.healthz()).map(r -> {
            if (r.getStatus() != 200) {
                throw NebulaErrors.fromResponse(r.getStatus(), "");
            }
            return true;
        });
    }

    public Uni<LoginResponse> login(String username, String password) {
        return once("login", () -> api.login(new LoginRequest(username, password)));
    }

    public Uni<SessionUser> me(String token) {
        return guarded(otherReads, "me", () -> api.me(bearer(token)));
    }

    public Uni<Void> logout(String token) {
        return once("logout", () -> api.logout(bearer(token))).replaceWithVoid();
    }

    public Uni<List<ModelView>> models(String token) {
        return guarded(modelReads, "models", () -> api.models(bearer(token)));
    }

    public Uni<ModelDetail> model(String token, String uid) {
        return guarded(detailReads, "model", () -> api.model(bearer(token), uid));
    }

    public Uni<CacheSummary> cacheSummary(String token) {
        return guarded(cacheReads, "cache_summary", () -> api.cacheSummary(bearer(token)));
    }

    /** Disk alerts of every node, stale ones included (Nebula never deletes them). */
    public Uni<List<DiskAlert>> alerts(String token) {
        return guarded(otherReads, "alerts", () -> api.alerts(bearer(token)));
    }

    public Uni<NodeDisk> nodeDisk(String token, String node) {
        return guarded(otherReads, "node_disk", () -> api.nodeDisk(bearer(token), node));
    }

    public Uni<Overview> overview(String token) {
        return guarded(otherReads, "overview", () -> api.overview(bearer(token)));
    }

    /** Start (or retry) a model: Nebula requires a JSON body, {} keeps the deployment's settings. Never repeated. */
    public Uni<Deployment> start(String token, String uid) {
        return once("start", () -> api.start(bearer(token), uid, Map.of()));
    }

    /** Stop a model (its files stay on the nodes). Never repeated. */
    public Uni<Deployment> stop(String token, String uid) {
        return once("stop", () -> api.stop(bearer(token), uid));
    }

    public Uni<ModelSpec> create(String token, CreateModel request) {
        return once("create", () -> api.create(bearer(token), request));
    }

    public Uni<DeleteResult> delete(String token, String uid) {
        return once("delete", () -> api.delete(bearer(token), uid));
    }

    private <T> Uni<T> guarded(UpstreamGuard guard, String operation, Supplier<Uni<T>> request) {
        return timed(operation, guard.call(() -> attempt(operation, request)));
    }

    /** Sent once, whatever happens: a write or a sign-in. */
    private <T> Uni<T> once(String operation, Supplier<Uni<T>> request) {
        return timed(operation, attempt(operation, request));
    }

    /** One request, bounded in time, its failure classified (so the guard decides by type). */
    private <T> Uni<T> attempt(String operation, Supplier<Uni<T>> request) {
        if (!configured) {
            return Uni.createFrom().failure(new NebulaException(NebulaException.Kind.UNREACHABLE, 0, "not_configured",
                    "Nebula is not configured (NEBULA_URL is unset)", null));
        }
        return Uni.createFrom().<T>deferred(request::get)
                .ifNoItem().after(timeout).failWith(() -> new NebulaTimeout("Nebula did not answer " + operation
                        + " within " + timeout.toMillis() + " ms", null))
                .onFailure().transform(NebulaErrors::fromThrowable);
    }

    private <T> Uni<T> timed(String operation, Uni<T> call) {
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = Timer.start(metrics);
            return call.onTermination().invoke((item, failure, cancelled) -> sample.stop(metrics.timer(
                    "catalog.nebula.calls", "operation", operation,
                    "outcome", failure == null ? "success" : outcomeOf(failure))));
        });
    }

    private static String outcomeOf(Throwable failure) {
        return failure instanceof NebulaException n ? n.kind().name().toLowerCase() : "failed";
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
