package dev.nebula.sim.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * java.net.http client for the simulator. Every documented /api response is checked against the Nebula contract, so
 * any test doubles as a wire-format test; the undocumented empty 404/405 and chaos 503 are skipped.
 */
public final class SimClient {
    private static final Set<Integer> UNDOCUMENTED = Set.of(404, 405, 503);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private String token;

    public SimClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public SimClient as(String username) {
        Resp r = send("POST", "/api/auth/login", "application/json",
                "{\"username\":\"" + username + "\",\"password\":\"" + username + "123\"}", true);
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r);
        }
        this.token = r.json().get("token").asText();
        return this;
    }

    public SimClient withToken(String value) {
        this.token = value;
        return this;
    }

    public String token() {
        return token;
    }

    public Resp get(String path) {
        return send("GET", path, null, null, true);
    }

    public Resp post(String path, String json) {
        return send("POST", path, json == null ? null : "application/json", json, true);
    }

    public Resp put(String path, String json) {
        return send("PUT", path, "application/json", json, true);
    }

    public Resp delete(String path) {
        return send("DELETE", path, null, null, true);
    }

    /** Full control; {@code validate=false} for deliberately odd requests whose replies the contract cannot know. */
    public Resp send(String method, String path, String contentType, String body, boolean validate) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Resp resp = new Resp(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
            String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            if (validate && bare.startsWith("/api/") && !UNDOCUMENTED.contains(resp.status())) {
                Contract.assertValid(method, bare, resp);
            }
            return resp;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
