package dev.nebula.catalog.meta;

import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.db.DatabaseReadiness;
import dev.nebula.catalog.nebula.NebulaClient;
import dev.nebula.catalog.search.HubHealth;
import dev.nebula.catalog.search.Provider;
import dev.nebula.catalog.cache.UniCache;
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

    @Inject
    dev.nebula.catalog.inventory.InventoryService inventory;

    public Capabilities.Public publicPart() {
        return new Capabilities.Public("nebula-model-catalog", version,
                new Capabilities.PublicNebula(config.nebula().url().isPresent(), config.nebula().simulated(), uiUrl()));
    }

    /** The configured Nebula UI, when it is an http(s) URL (anything else would be a link we must not render). */
    private String uiUrl() {
        return config.nebula().uiUrl().map(String::trim)
                .filter(u -> u.startsWith("https://") || u.startsWith("http://"))
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                .orElse(null);
    }

    /** Live status; {@code nebulaToken} (the caller's, may be null) lets the probe make a real data call. */
    public Uni<Capabilities> current(String nebulaToken) {
        return probes.get("live", () -> probe(nebulaToken))
                .map(p -> new Capabilities("nebula-model-catalog", version,
                        new Capabilities.Imports(config.imports().engineTypes(), config.imports().maxReplicas()),
                        p.database(), agreeWithBlockA(p.nebula()), hubs()));
    }

    /**
     * The probe can succeed between block A's failing refreshes (a flapping or hanging Nebula): while block A serves
     * its list stale, the status says unreachable too, so the panel never contradicts the page.
     */
    private Capabilities.Nebula agreeWithBlockA(Capabilities.Nebula probed) {
        if (!probed.reachable()) {
            return probed;
        }
        return inventory.nebulaFailingSince()
                .map(since -> new Capabilities.Nebula(probed.configured(), probed.simulated(), probed.url_host(),
                        probed.ui_url(), false, "The model list has not been refreshed since " + since
                        + ": Nebula did not answer."))
                .orElse(probed);
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
            return Uni.createFrom().item(new Capabilities.Nebula(false, false, null, uiUrl(), false, "NEBULA_URL is not set"));
        }
        String host = hostOf(config.nebula().url().get());
        Uni<Boolean> data = token == null ? Uni.createFrom().item(true) : bounded(nebula.cacheSummary(token).map(x -> true))
                .onFailure(e -> e instanceof ApiException a && a.status() < 500).recoverWithItem(true)
                .onFailure().transform(e -> new IllegalStateException("Nebula answers its health check, but a data call "
                        + "did not succeed (" + e.getMessage() + "): its etcd may be down or hanging."));
        return bounded(nebula.healthy()).chain(ok -> data)
                .map(ok -> new Capabilities.Nebula(true, simulated, host, uiUrl(), true, null))
                .onFailure().recoverWithItem(e -> new Capabilities.Nebula(true, simulated, host, uiUrl(), false, e.getMessage()));
    }

    private static <T> Uni<T> bounded(Uni<T> call) {
        return call.ifNoItem().after(PROBE_TIMEOUT).failWith(() -> new java.util.concurrent.TimeoutException(
                "no answer within " + PROBE_TIMEOUT.toMillis() + " ms"));
    }

    private List<Capabilities.Hub> hubs() {
        return java.util.Arrays.stream(Provider.values()).map(this::hub).toList();
    }

    private Capabilities.Hub hub(Provider provider) {
        CatalogConfig.Hub hub = provider.settings(config);
        boolean token = provider.hasToken(config);
        HubHealth.Status seen = hubHealth.status(provider);
        return new Capabilities.Hub(provider.wire(), hub.enabled(), hub.enabled() ? seen.reachable() : null,
                provider.endpointVariable(), hostOf(hub.endpoint()), token,
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
