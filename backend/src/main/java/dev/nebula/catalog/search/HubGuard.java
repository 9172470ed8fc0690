package dev.nebula.catalog.search;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Fault tolerance of one hub: one circuit breaker (named after the provider, so {@link HubHealth} can read it)
 * shared by all of that hub's calls, and a single retry for connection errors and 5xx. Deliberate answers
 * ({@link HubException.Rejected}: 404, 429, bad token) neither retry nor count against the circuit.
 */
public final class HubGuard {

    private final Provider provider;
    private final Guard guard;

    public HubGuard(Provider provider, int requestVolumeThreshold, Duration openFor) {
        this.provider = provider;
        this.guard = Guard.create()
                .withDescription(provider.wire() + " hub calls")
                .withCircuitBreaker()
                .name(provider.wire())
                .requestVolumeThreshold(requestVolumeThreshold)
                .failureRatio(0.5)
                .delay(openFor.toMillis(), ChronoUnit.MILLIS)
                .skipOn(HubException.Rejected.class)
                .done()
                .withRetry()
                .maxRetries(1)
                .delay(100, ChronoUnit.MILLIS)
                .jitter(50, ChronoUnit.MILLIS)
                .retryOn(HubException.Unavailable.class)
                .done()
                .build();
    }

    /** Runs {@code attempt} (called again for the retry) under this hub's breaker and retry policy. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> Uni<T> call(Supplier<Uni<T>> attempt) {
        Uni<T> guarded = (Uni<T>) guard.get((Supplier) attempt, Uni.class);
        return guarded.onFailure(CircuitBreakerOpenException.class).transform(e -> HubException.circuitOpen(provider));
    }
}
