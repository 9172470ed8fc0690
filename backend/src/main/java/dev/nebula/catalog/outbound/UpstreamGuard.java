package dev.nebula.catalog.outbound;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fault tolerance of one upstream, and the only mechanism any client uses: SmallRye Fault Tolerance's programmatic
 * {@link Guard}, built from our typed configuration. A circuit breaker, named so that {@code CircuitBreakerMaintenance}
 * (the status panel, tests) can read and reset it, and optionally one retry of failures that are safe to repeat.
 * Each attempt bounds its own time inside the supplier, so a timeout reaches the breaker as a failure like any other.
 * Which failures count, retry or pass is said by exception types, never by names or messages.
 */
public final class UpstreamGuard {

    /**
     * @param name    the breaker's name; null for a breaker nobody looks up (one name may be registered only once)
     * @param ignored failures that say nothing about the upstream's health (it answered, just "no"): never counted
     */
    public record Breaker(String name, int requestVolume, double failureRatio, Duration openFor,
                          List<Class<? extends Throwable>> ignored) {
    }

    /** One more attempt after a failure of a {@code retryOn} type that is none of the {@code abortOn} types. */
    public record Retry(List<Class<? extends Throwable>> retryOn, List<Class<? extends Throwable>> abortOn,
                        Duration delay, Duration jitter) {
    }

    private final Guard guard;
    private final Function<CircuitBreakerOpenException, ? extends RuntimeException> whenOpen;

    /**
     * @param breaker  null: no breaker (a call whose failures should not pause others)
     * @param retry    null: never repeated
     * @param whenOpen what a call refused by the open breaker fails with (the client's own exception)
     */
    public UpstreamGuard(String description, Breaker breaker, Retry retry,
                         Function<CircuitBreakerOpenException, ? extends RuntimeException> whenOpen) {
        Guard.Builder builder = Guard.create().withDescription(description);
        if (breaker != null) {
            builder = builder.withCircuitBreaker()
                    .with(b -> {
                        if (breaker.name() != null) {
                            b.name(breaker.name());
                        }
                    })
                    .requestVolumeThreshold(breaker.requestVolume())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.openFor().toMillis(), ChronoUnit.MILLIS)
                    .skipOn(breaker.ignored())
                    .done();
        }
        if (retry != null) {
            builder = builder.withRetry()
                    .maxRetries(1)
                    .delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(retry.jitter().toMillis(), ChronoUnit.MILLIS)
                    .retryOn(retry.retryOn())
                    .abortOn(retry.abortOn())
                    .done();
        }
        this.guard = builder.build();
        this.whenOpen = whenOpen;
    }

    /** Runs {@code attempt} (called again for a retry) under this upstream's breaker and retry policy. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> Uni<T> call(Supplier<Uni<T>> attempt) {
        Uni<T> guarded = (Uni<T>) guard.get((Supplier) attempt, Uni.class);
        return guarded.onFailure(CircuitBreakerOpenException.class)
                .transform(e -> whenOpen.apply((CircuitBreakerOpenException) e));
    }
}
