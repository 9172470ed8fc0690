package dev.nebula.catalog.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.web.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;

/**
 * Per-user and per-address budgets for the requests that may call a hub (search, metadata, import pre-flight):
 * token buckets, refilled continuously, holding a quarter of the per-minute rate. A flood of unique queries from one
 * viewer used up the hub's patience and opened the circuit breaker for every user; now it meets 429 here first, and
 * nothing it sends reaches the hub or counts against the breaker.
 */
@ApplicationScoped
public class HubQuota {

    @Inject
    CatalogConfig config;

    @Inject
    SecurityIdentity identity;

    private Cache<String, Bucket> buckets;

    @PostConstruct
    void init() {
        // idle buckets are full again after a minute, so forgetting them after ten changes nothing
        buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    }

    /** Takes one request from the caller's and the address's budget, or fails with 429 and Retry-After. */
    public void take(HttpServerRequest request) {
        String user = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        String address = request == null || request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        long userWait = bucket("user:" + user, config.search().perUserPerMinute()).take();
        if (userWait > 0) {
            throw tooMany(userWait, "You have sent many searches in a short time");
        }
        long addressWait = bucket("address:" + address, config.search().perAddressPerMinute()).take();
        if (addressWait > 0) {
            throw tooMany(addressWait, "Many searches came from your network address in a short time");
        }
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
            this.capacity = Math.max(1, perMinute / 4.0);
            this.perNano = perMinute / 60e9;
            this.tokens = capacity;
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
