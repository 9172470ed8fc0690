package dev.nebula.catalog.search;

import dev.nebula.catalog.cache.BoundedCache;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.web.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;

/**
 * Per-user and per-address budgets for the requests that may call a hub (search, metadata, import pre-flight):
 * token buckets, refilled continuously, holding a quarter of the per-minute rate. A flood of unique queries from one
 * viewer used up the hub's patience and opened the circuit breaker for every user; now it meets 429 here first, and
 * nothing it sends reaches the hub or counts against the breaker.
 *
 * <p>Two layers. {@link #take} counts every such request in this replica's memory, at no I/O cost, so answers from the
 * cache stay as fast as they were. {@link #takeShared} counts the requests that will actually call a hub once more,
 * in the buckets every replica shares ({@link SharedHubBudgets}): however many replicas a load balancer spreads a
 * user over, the hubs see no more of that user than one replica would let through. Should the database not answer
 * within {@link #SHARED_BOUND}, the request goes on with the in-memory budget alone: a database outage must not
 * take search down with it.
 */
@ApplicationScoped
public class HubQuota {

    @Inject
    CatalogConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    SharedHubBudgets shared;

    static final Duration SHARED_BOUND = Duration.ofMillis(500);

    /** Idle buckets are full again after a minute, so forgetting them after ten changes nothing. */
    private final BoundedCache<String, Bucket> buckets = BoundedCache.expiringWhenIdle(100_000, Duration.ofMinutes(10));

    /** Takes one request from the caller's and the address's budget, or fails with 429 and Retry-After. */
    public void take(HttpServerRequest request) {
        long userWait = bucket("user:" + user(), config.search().perUserPerMinute()).take();
        if (userWait > 0) {
            throw tooMany(userWait, USER);
        }
        long addressWait = bucket("address:" + address(request), config.search().perAddressPerMinute()).take();
        if (addressWait > 0) {
            throw tooMany(addressWait, ADDRESS);
        }
    }

    /**
     * For a request that will call a hub (nothing cached answers it): takes one from the caller's and the address's
     * budgets shared by all replicas. Completes on a worker thread, or fails with 429 and Retry-After.
     */
    public Uni<Void> takeShared(HttpServerRequest request) {
        String user = user(); // read here: the request's context is not there on the worker thread
        String address = address(request);
        return Uni.createFrom().item(() -> sharedRefusal(user, address))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(SHARED_BOUND).recoverWithItem(() -> null)
                .onFailure().recoverWithNull()
                .map(refusal -> {
                    if (refusal != null) {
                        throw refusal;
                    }
                    return null;
                });
    }

    /** {@link #takeShared} for callers already on a worker thread. */
    public void takeSharedBlocking(HttpServerRequest request) {
        takeShared(request).await().indefinitely();
    }

    private ApiException sharedRefusal(String user, String address) {
        long userWait = shared.take("user:" + user, config.search().perUserPerMinute());
        if (userWait > 0) {
            return tooMany(userWait, USER);
        }
        long addressWait = shared.take("address:" + address, config.search().perAddressPerMinute());
        return addressWait > 0 ? tooMany(addressWait, ADDRESS) : null;
    }

    private static final String USER = "You have sent many searches in a short time";
    private static final String ADDRESS = "Many searches came from your network address in a short time";

    private String user() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private static String address(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private Bucket bucket(String key, int perMinute) {
        return buckets.get(key, k -> new Bucket(perMinute));
    }

    private static ApiException tooMany(long waitNanos, String what) {
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return new ApiException(429, "too_many_requests", what + "; try again in " + seconds + " s.", Map.of(),
                Map.of("Retry-After", Long.toString(seconds)));
    }

    /** A token bucket: capacity a quarter of the rate (at least 1), refilled at {@code perMinute} per minute. */
    static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long updated = System.nanoTime();

        Bucket(int perMinute) {
            this.capacity = capacity(perMinute);
            this.perNano = perMinute / 60e9;
            this.tokens = capacity;
        }

        static double capacity(int perMinute) {
            return Math.max(1, perMinute / 4.0);
        }

        /** 0 when a token was taken, else the nanoseconds until one will be there. */
        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }
}
