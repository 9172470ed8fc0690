package dev.nebula.catalog.meta;

import dev.nebula.catalog.auth.NebulaIdentity;
import dev.nebula.catalog.auth.SharedReads;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.cache.UniCache;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code /q/health/group/nebula}: can Nebula's data be read right now? Not part of readiness, as block A serves its
 * last snapshot while Nebula is down; this is for monitoring. A data call (the small cache summary) as some live
 * session or the service account decides, since Nebula answers its health check while etcd hangs. Without any
 * session to call as, only the health check is made and the answer says the data path went unchecked.
 */
@HealthGroup("nebula")
@ApplicationScoped
public class NebulaReachability implements AsyncHealthCheck {

    /** Finding a session reads the database, which may itself hang. */
    private static final Duration FIND_SESSION_WITHIN = Duration.ofSeconds(1);

    @Inject
    SharedReads shared;

    @Inject
    CapabilitiesService capabilities;

    @Inject
    CatalogConfig config;

    /** Shared like the capabilities probe: anonymous health requests cannot fan out to Nebula. */
    private UniCache<String, Probed> probes;

    private record Probed(Capabilities.Nebula nebula, boolean dataPathChecked) {
    }

    @PostConstruct
    void init() {
        probes = new UniCache<>(config.status().probeEvery(), 1, hit -> { });
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return probes.get("nebula", this::probe).map(p -> HealthCheckResponse.named("nebula")
                .status(p.nebula().configured() && p.nebula().reachable())
                .withData("url_host", String.valueOf(p.nebula().url_host()))
                .withData("data_path_checked", p.dataPathChecked())
                .withData("error", p.nebula().error() == null ? "" : p.nebula().error())
                .build());
    }

    private Uni<Probed> probe() {
        Uni<Optional<String>> token = Uni.createFrom().item(() -> shared.candidates(null, 1).stream()
                        .map(NebulaIdentity::token).findFirst())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(FIND_SESSION_WITHIN).recoverWithItem(Optional.empty())
                .onFailure().recoverWithItem(Optional.empty());
        return token.chain(t -> capabilities.probeNebula(t.orElse(null)).map(n -> new Probed(n, t.isPresent())));
    }
}
