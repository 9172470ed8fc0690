package dev.nebula.catalog.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ConnectTimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading hub answers the same way for both hubs: bodies, JSON, rate-limit hints and transport failures. */
public final class HubCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RATELIMIT_RESET = Pattern.compile("(?:^|;)\\s*t=(\\d+)");
    private static final long DEFAULT_RETRY_AFTER = 30;
    private static final int MAX_MESSAGE = 200;

    private HubCalls() {
    }

    /**
     * One attempt at a hub call: the body is read up to {@code cap} on a worker thread (so neither reading it nor
     * what {@code reader} does with it runs on the event loop), the whole attempt is bounded by {@code budget}, and
     * it is counted and reflected in the hub's health ({@code health} null: a call whose failure says nothing about
     * the hub, such as a model card anyone can write).
     */
    public static <T> Uni<T> attempt(Provider provider, Uni<RestResponse<InputStream>> call, long cap, Duration budget,
                                     SearchMetrics metrics, HubHealth health, Function<HubAnswer, T> reader) {
        return call.emitOn(Infrastructure.getDefaultWorkerPool())
                .invoke(response -> metrics.hubResponse(provider, response.getStatus()))
                .map(response -> HubAnswer.read(provider, response, cap))
                .ifNoItem().after(budget).failWith(() -> HubException.timeout(provider, budget))
                .onFailure().transform(e -> transportFailure(provider, e, budget))
                .map(reader)
                .invoke(() -> {
                    if (health != null) {
                        health.success(provider);
                    }
                })
                .onFailure().invoke(e -> {
                    if (health != null) {
                        health.failure(provider, e);
                    }
                });
    }

    /** {@code call} as a whole (its retry included) within {@code budget}, else {@code hub_timeout}. */
    public static <T> Uni<T> within(Provider provider, Uni<T> call, Duration budget) {
        return call.ifNoItem().after(budget).failWith(() -> HubException.timeout(provider, budget));
    }

    /** Parses a body that must be JSON; HTML error pages and truncated bodies become {@code hub_bad_response}. */
    public static JsonNode json(Provider provider, String body) {
        String trimmed = body.stripLeading();
        if (trimmed.startsWith("<")) {
            throw HubException.badResponse(provider, "an HTML page instead of JSON (a proxy or error page in between?).");
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            if (node == null || node.isMissingNode()) {
                throw HubException.badResponse(provider, "an empty body.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw HubException.badResponse(provider, "malformed JSON.");
        }
    }

    /**
     * The hub's own words about an error: {@code X-Error-Message} first, then {@code error}/{@code message}
     * fields of a JSON body; never an HTML page. Shortened, because it ends up in our error message.
     */
    public static String hubMessage(HubAnswer response) {
        String body = response.body();
        String header = response.header("X-Error-Message");
        if (header != null && !header.isBlank()) {
            return shorten(header);
        }
        try {
            JsonNode node = JSON.readTree(body);
            for (String field : new String[] {"error", "message", "Message"}) {
                JsonNode v = node == null ? null : node.get(field);
                if (v != null && v.isTextual() && !v.asText().isBlank()) {
                    return shorten(v.asText());
                }
            }
        } catch (JsonProcessingException | RuntimeException ignored) {
            // not JSON: nothing quotable
        }
        return null;
    }

    /** Seconds to wait after a 429: {@code Retry-After} (seconds or date), else HF's {@code RateLimit: ...;t=N}. */
    public static long retryAfterSeconds(HubAnswer response) {
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null && !retryAfter.isBlank()) {
            try {
                return Math.max(1, Long.parseLong(retryAfter.trim()));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Math.max(1, Duration.between(ZonedDateTime.now(), at).toSeconds());
                } catch (RuntimeException notADate) {
                    // fall through to RateLimit
                }
            }
        }
        String rateLimit = response.header("RateLimit");
        if (rateLimit != null) {
            Matcher m = RATELIMIT_RESET.matcher(rateLimit);
            if (m.find()) {
                return Math.max(1, Long.parseLong(m.group(1)));
            }
        }
        return DEFAULT_RETRY_AFTER;
    }

    /** Failures every hub call shares: 429, 5xx, 408 and other statuses that are not the endpoint's business. */
    public static HubException commonFailure(Provider provider, HubAnswer response) {
        int status = response.status();
        if (status == 429) {
            return HubException.rateLimited(provider, retryAfterSeconds(response));
        }
        if (status >= 500 || status == 408) {
            return HubException.unavailable(provider, "HTTP " + status + ".");
        }
        return HubException.rejected(provider, status, hubMessage(response));
    }

    /** Turns what the HTTP client throws into our failures, by type; our own failures pass through. */
    public static Throwable transportFailure(Provider provider, Throwable error, Duration budget) {
        if (error instanceof HubException) {
            return error;
        }
        if (timedOut(error)) {
            return HubException.timeout(provider, budget);
        }
        return HubException.unavailable(provider, "cannot connect (" + error.getClass().getSimpleName() + ").");
    }

    /**
     * Anywhere in the chain: our deadline or the HTTP client's (Vert.x's are {@link TimeoutException}s too), a
     * socket's read timeout, or Netty's connect timeout.
     */
    private static boolean timedOut(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException || t instanceof ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
    }
}
