package dev.nebula.catalog.nebula;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.outbound.Blocking;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jboss.logging.MDC;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the Nebula client reads Nebula's odd answers: every edge case gives a defined outcome, never a hang. */
@QuarkusTest
class NebulaClientTest {

    static WireMockServer nebula = new WireMockServer(options().dynamicPort());

    @Inject
    CatalogConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    Blocking waits;

    NebulaClient wired;

    @BeforeAll
    static void start() {
        nebula.start();
    }

    @AfterAll
    static void stop() {
        nebula.stop();
    }

    @BeforeEach
    void aim() {
        nebula.resetAll();
        // the product's client logic and policies over a REST client aimed at WireMock (its own, unnamed breakers)
        NebulaApi api = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(nebula.baseUrl())).build(NebulaApi.class);
        wired = new NebulaClient(api, config, metrics, waits, false);
    }

    @Test
    void carriesUnknownStatesAndToleratesMissingOptionalFields() {
        nebula.stubFor(get("/api/v2/models").willReturn(json(200, """
                [{"model_uid":"m1","model_name":"Org/M1","state":"hibernating","replicas":{"desired":1,"ready":0,"unhealthy":0},
                  "endpoints":[],"labels":{},"created_at_ms":1,"updated_at_ms":1,"brand_new_field":{"x":1}},
                 {"model_uid":"m2","model_name":"Org/M2","state":"running"}]""")));
        List<NebulaDtos.ModelView> models = wired.models("t").await().atMost(Duration.ofSeconds(5));
        assertEquals("hibernating", models.get(0).state());
        assertNull(models.get(1).replicas());
        assertNull(models.get(1).engine_type());
    }

    @Test
    void readsTheNestedErrorShapeWithCode() {
        nebula.stubFor(post("/api/v2/models").willReturn(json(409,
                "{\"error\":{\"code\":\"model_exists\",\"message\":\"model with uid 'x' already exists\",\"request_id\":\"req_1\"}}")));
        NebulaException e = failure(() -> await(wired.create("t", new NebulaDtos.CreateModel("Org/X", "x", "hugging_face", null, Map.of(), true, 1))));
        assertInstanceOf(NebulaRejection.class, e);
        assertEquals(409, e.status());
        assertEquals("model_exists", e.code());
        assertTrue(e.getMessage().contains("already exists"));
    }

    @Test
    void readsTheMiddlewareShapeAsAnInvalidSession() {
        nebula.stubFor(get("/api/v2/cache/summary").willReturn(json(401, "{\"error\":{\"message\":\"invalid or expired token\"}}")));
        NebulaException e = failure(() -> await(wired.cacheSummary("t")));
        assertTrue(((NebulaRejection) e).sessionInvalid());
        assertTrue(e.getMessage().contains("invalid or expired token"));
        assertEquals(1, nebula.countRequestsMatching(getRequestedFor(urlEqualTo("/api/v2/cache/summary")).build()).getCount(),
                "a rejection is never retried");
    }

    @Test
    void readsTheAuthHandlerShape() {
        nebula.stubFor(post("/api/auth/login").willReturn(json(403, "{\"error\":\"user disabled\"}")));
        NebulaException e = failure(() -> await(wired.login("former-admin", "x")));
        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("user disabled"));
    }

    @Test
    void readsPlainTextRejections() {
        nebula.stubFor(post("/api/v2/models").willReturn(aResponse().withStatus(422).withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody("Failed to deserialize the JSON body into the target type: model_source: unknown variant `huggingface`")));
        NebulaException e = failure(() -> await(wired.create("t", new NebulaDtos.CreateModel("Org/X", null, "huggingface", null, null, null, null))));
        assertEquals(422, e.status());
        assertTrue(e.getMessage().contains("unknown variant"));
    }

    @Test
    void anHtmlErrorPageIsAFailureNotAParseCrash() {
        nebula.stubFor(get("/api/v2/models").willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));
        NebulaException e = failure(() -> await(wired.models("t")));
        assertEquals(NebulaException.Kind.FAILED, e.kind());
        assertTrue(e.getMessage().contains("HTML page"));
    }

    @Test
    void malformedJsonOnSuccessIsAFailure() {
        nebula.stubFor(get("/api/v2/models").willReturn(json(200, "[{\"model_uid\": ")));
        NebulaException e = failure(() -> await(wired.models("t")));
        assertEquals(NebulaException.Kind.FAILED, e.kind());
    }

    @Test
    void aConnectionResetIsUnreachableAndReadsAreRetriedOnce() {
        nebula.stubFor(get("/api/v2/models").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        NebulaException e = failure(() -> await(wired.models("t")));
        assertEquals(NebulaException.Kind.UNREACHABLE, e.kind());
        assertEquals(2, nebula.countRequestsMatching(getRequestedFor(urlEqualTo("/api/v2/models")).build()).getCount());
    }

    @Test
    void writesAreNeverRetried() {
        nebula.stubFor(post("/api/v2/models").willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"code\":\"etcd_error\",\"message\":\"etcd unavailable\"}}")));
        NebulaException e = failure(() -> await(wired.create("t", new NebulaDtos.CreateModel("Org/X", "x", "hugging_face", null, Map.of(), true, 1))));
        assertEquals("etcd_error", e.code());
        assertEquals(1, nebula.countRequestsMatching(postRequestedFor(urlEqualTo("/api/v2/models")).build()).getCount());
    }

    @Test
    void aSlowAnswerEndsAsATimeoutInsteadOfHanging() {
        nebula.stubFor(get("/api/v2/cache/summary").willReturn(json(200, "{}").withFixedDelay(8_000)));
        NebulaException e = failure(() -> await(wired.cacheSummary("t")));
        assertEquals(NebulaException.Kind.UNREACHABLE, e.kind());
        assertEquals("timeout", e.code());
    }

    @Test
    void forwardsTheRequestIdAndTheBearerToken() {
        nebula.stubFor(get("/api/auth/me").willReturn(json(200,
                "{\"id\":\"1\",\"username\":\"ada\",\"role\":\"admin\",\"display_name\":null,\"email\":null}")));
        MDC.put("request_id", "trace-nebula-1");
        try {
            wired.me("tok123").await().atMost(Duration.ofSeconds(5));
        } finally {
            MDC.remove("request_id");
        }
        nebula.verify(getRequestedFor(urlEqualTo("/api/auth/me"))
                .withHeader("X-Request-Id", equalTo("trace-nebula-1"))
                .withHeader("Authorization", equalTo("Bearer tok123")));
    }

    private static NebulaException failure(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(NebulaException.class, call);
    }

    private static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(20));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
