package dev.nebula.catalog.search;

import dev.nebula.catalog.web.ApiException;

import java.util.Map;

/**
 * A hub call that did not produce a usable answer, already phrased for our caller. Subclasses steer fault
 * tolerance: {@link Unavailable} is retried and counts against the circuit; {@link Rejected} (the hub answered,
 * just "no") neither. Plain instances (timeouts, garbage bodies) count against the circuit but are not retried.
 */
public class HubException extends ApiException {

    private final Provider provider;

    HubException(Provider provider, int status, String code, String message, Map<String, String> headers) {
        super(status, code, message, Map.of("provider", provider.wire()), headers);
        this.provider = provider;
    }

    public Provider provider() {
        return provider;
    }

    /** Connection failures and 5xx: worth one more try. */
    public static class Unavailable extends HubException {
        Unavailable(Provider provider, String message) {
            super(provider, 502, "hub_unavailable", message, Map.of());
        }
    }

    /** The hub answered deliberately (missing model, rate limit, bad token): retrying would not help. */
    public static class Rejected extends HubException {
        Rejected(Provider provider, int status, String code, String message, Map<String, String> headers) {
            super(provider, status, code, message, headers);
        }
    }

    public static HubException notFound(Provider p, String id) {
        return new Rejected(p, 404, "not_found", "Model '" + id + "' was not found on " + p.label()
                + ", or it is private and the configured token cannot see it.", Map.of());
    }

    public static HubException rateLimited(Provider p, long retryAfterSeconds) {
        return new Rejected(p, 503, "hub_rate_limited", p.label() + " is rate-limiting this service; try again in "
                + retryAfterSeconds + " s" + (p.tokenRaisesQuota() ? " (setting " + p.tokenVariable() + " raises the quota)." : "."),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static HubException tokenInvalid(Provider p) {
        return new Rejected(p, 502, "hub_token_invalid", p.label() + " rejected the configured token (" + p.tokenVariable()
                + "): it is invalid or expired. Replace it, or unset it for anonymous access.", Map.of());
    }

    public static HubException rejected(Provider p, int status, String hubMessage) {
        return new Rejected(p, 502, "hub_rejected", p.label() + " refused the request (HTTP " + status + ")"
                + (hubMessage == null ? "." : ": " + hubMessage), Map.of());
    }

    public static HubException unavailable(Provider p, String why) {
        return new Unavailable(p, p.label() + " is unavailable: " + why);
    }

    public static HubException circuitOpen(Provider p) {
        return new HubException(p, 503, "hub_unavailable", p.label()
                + " failed repeatedly; calls are paused for a short while before trying again.", Map.of());
    }

    public static HubException badResponse(Provider p, String why) {
        return new HubException(p, 502, "hub_bad_response", p.label() + " sent an answer this service cannot read: "
                + why, Map.of());
    }

    public static HubException timeout(Provider p, java.time.Duration budget) {
        return new HubException(p, 504, "hub_timeout", p.label() + " did not answer within "
                + budget.toMillis() + " ms.", Map.of());
    }

    public static HubException disabled(Provider p) {
        return new Rejected(p, 503, "hub_disabled", p.label() + " is disabled in this installation.", Map.of());
    }
}
