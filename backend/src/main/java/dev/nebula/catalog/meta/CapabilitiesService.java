package dev.nebula.catalog.meta;

import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.db.DatabaseReadiness;
import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.search.HubHealth;
import dev.nebula.catalog.search.Provider;
import dev.nebula.catalog.search.UniCache;
import dev.nebula.catalog.web.ApiException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Assembles capabilities from configuration and live checks (database and Nebula probed concurrently, each bounded
 * at 2 s). One probe answers every caller for {@code catalog.status.probe-every} (3 s): 3,960 requests made 3,980
 * Nebula calls before. Hub health is read per request: it costs nothing.
 */
@ApplicationScoped
public class CapabilitiesService {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    CatalogConfig config;

    @Inject
    @org.eclipse.microprofile.health.Readiness // the health qualifier is part of the bean's identity
    DatabaseReadiness readiness;

    @Inject
    NebulaClient nebula;

    @Inject
    HubHealth hubHealth;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    private UniCache<String, Probed> probes;

    private record Probed(Capabilities.Database database, Capabilities.Nebula nebula) {
    }

    @jakarta.annotation.PostConstruct
    void init() {
        probes = new UniCache<>(config.status().probeEvery(), 1, hit -> { });
    }

    public Capabilities.Public publicPart() {
        return new Capabilities.Public("nebula-model-catalog", version,
                new Capabilities.PublicNebula(config.nebula().url().isPresent(), config.nebula().simulated()));
    }

    /** Live status; {@code nebulaToken} (the caller's, may be null) lets the probe make a real data call. */
    public Uni<Capabilities> current(String nebulaToken) {
        return probes.get("live", () -> probe(nebulaToken))
                .map(p -> new Capabilities("nebula-model-catalog", version, p.database(), p.nebula(), hubs()));
    }

    private Uni<Probed> probe(String nebulaToken) {
        Uni<Capabilities.Database> database = readiness.problem().map(why -> new Capabilities.Database(why == null, why));
        Uni<Capabilities.Nebula> nebulaStatus = probeNebula(nebulaToken);
        return Uni.combine().all().unis(database, nebulaStatus).asTuple().map(t -> new Probed(t.getItem1(), t.getItem2()));
    }

    /**
     * Nebula is reachable when a data call answers, not merely its health endpoint: Nebula answers {@code /api/healthz}
     * while etcd hangs and every data call stalls. The data call is the small cache summary, with the first caller's
     * session; any answer from Nebula, a refusal included, shows the data path works.
     */
    Uni<Capabilities.Nebula> probeNebula(String token) {
        boolean simulated = config.nebula().simulated();
        if (config.nebula().url().isEmpty()) {
            return Uni.createFrom().item(new Capabilities.Nebula(false, false, null, false, "NEBULA_URL is not set"));
        }
        String host = hostOf(config.nebula().url().get());
        Uni<Boolean> data = token == null ? Uni.createFrom().item(true) : bounded(nebula.cacheSummary(token).map(x -> true))
                .onFailure(e -> e instanceof ApiException a && a.status() < 500).recoverWithItem(true)
                .onFailure().transform(e -> new IllegalStateException("Nebula answers its health check, but a data call "
                        + "did not succeed (" + e.getMessage() + "): its etcd may be down or hanging."));
        return bounded(nebula.healthy()).chain(ok -> data)
                .map(ok -> new Capabilities.Nebula(true, simulated, host, true, null))
                .onFailure().recoverWithItem(e -> new Capabilities.Nebula(true, simulated, host, false, e.getMessage()));
    }

    private static <T> Uni<T> bounded(Uni<T> call) {
        return call.ifNoItem().after(PROBE_TIMEOUT).failWith(() -> new java.util.concurrent.TimeoutException(
                "no answer within " + PROBE_TIMEOUT.toMillis() + " ms"));
    }

    private List<Capabilities.Hub> hubs() {
        return List.of(hub(Provider.HUGGINGFACE, config.hubs().huggingface()),
                hub(Provider.MODELSCOPE, config.hubs().modelscope()));
    }

    private Capabilities.Hub hub(Provider provider, CatalogConfig.Hub hub) {
        boolean token = hub.token().filter(t -> !t.isBlank()).isPresent();
        HubHealth.Status seen = hubHealth.status(provider);
        return new Capabilities.Hub(provider.wire(), hub.enabled(), hostOf(hub.endpoint()), token,
                seen.last_success_at(), seen.last_failure_at(), seen.last_failure_reason(), seen.circuit());
    }

    /** Host and port only: full URLs may carry credentials or paths that are nobody's business. */
    static String hostOf(String url) {
        try {
            URI uri = URI.create(url.trim());
            return uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        } catch (IllegalArgumentException e) {
            return "invalid URL";
        }
    }
}
