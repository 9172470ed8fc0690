package dev.nebula.sim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nebula.sim.auth.Sessions;
import dev.nebula.sim.auth.Users;
import dev.nebula.sim.chaos.Chaos;
import dev.nebula.sim.chaos.OutageMode;
import dev.nebula.sim.chaos.RequestLog;
import dev.nebula.sim.chaos.WriteAnswer;
import dev.nebula.sim.cluster.Simulation;
import dev.nebula.sim.control.SimulatorControl;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * The single HTTP entry point. Order of checks mirrors axum's: unknown path 404 (empty), then the session
 * middleware (401/403), then method matching (405, empty), then the handler. Chaos and request logging wrap
 * {@code /api/**} only, so the control endpoints keep working during an outage.
 */
public final class HttpFront implements HttpHandler {
    private final Router api = new Router();
    private final Authenticator authenticator;
    private final SimApi simApi;
    private final Chaos chaos;
    private final RequestLog log;

    public HttpFront(Simulation sim, Users users, Sessions sessions, Chaos chaos, RequestLog log,
                     SimulatorControl control) {
        this.authenticator = new Authenticator(users, sessions);
        this.simApi = new SimApi(control);
        this.chaos = chaos;
        this.log = log;
        new AuthApi(users, sessions).register(api);
        new ModelsApi(sim).register(api);
        new ModelActionsApi(sim).register(api);
        new ClusterApi(sim).register(api);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Call call = Call.read(exchange);
            if (call.path.equals("/_sim") || call.path.startsWith("/_sim/")) {
                send(exchange, simApi.handle(call));
            } else if (call.path.equals("/api") || call.path.startsWith("/api/")) {
                handleApi(exchange, call);
            } else {
                send(exchange, Reply.empty(404, Map.of()));
            }
        } catch (RuntimeException e) {
            send(exchange, Reply.text(500, "simulator bug: " + e));
        } finally {
            exchange.close();
        }
    }

    private void handleApi(HttpExchange exchange, Call call) throws IOException {
        sleep(chaos.nextDelayMs());
        OutageMode outage = chaos.outage();
        if (outage == OutageMode.RESET) {
            log.record(call.method, call.path, call.rawQuery, call.bodyText(), -1);
            return; // closing without response headers drops the connection
        }
        if (outage == OutageMode.HANG && !answersWithoutEtcd(call.path)) {
            awaitOutageEnd(OutageMode.HANG);
        }
        Reply reply;
        if (outage == OutageMode.AUTH_BACKEND && !call.path.equals("/api/healthz")) {
            reply = authBackendDown(call);
        } else if (outage == OutageMode.UNAVAILABLE) {
            reply = Reply.text(503, "Service Unavailable (simulated outage)");
        } else if (outage == OutageMode.MALFORMED) {
            reply = Reply.truncatedJson();
        } else if (chaos.nextIsError()) {
            reply = call.path.startsWith("/api/auth/") ? Errors.simple(500, "database error").reply()
                    : Errors.v2(500, "etcd_error", "etcd error: simulated failure").reply();
        } else {
            reply = dispatch(call);
            if (isWrite(call)) {
                WriteAnswer answer = chaos.writeAnswer();
                if (answer == WriteAnswer.DROP) {
                    log.record(call.method, call.path, call.rawQuery, call.bodyText(), -1);
                    return; // applied, but the client never hears of it
                }
                if (answer == WriteAnswer.DELAY) {
                    sleep(chaos.writeAnswerDelayMs());
                }
            }
        }
        log.record(call.method, call.path, call.rawQuery, call.bodyText(), reply.status());
        send(exchange, reply);
    }

    private static boolean isWrite(Call call) {
        return !call.method.equals("GET") && call.path.startsWith("/api/v2/");
    }

    private static boolean answersWithoutEtcd(String path) {
        return path.equals("/api/healthz") || path.equals("/api/whoami") || path.startsWith("/api/auth/");
    }

    /** The BFF with its user database gone: login fails as a query error, the session middleware as a 403. */
    private Reply authBackendDown(Call call) {
        if (call.path.equals("/api/auth/login")) {
            return Errors.simple(500, "database error").reply();
        }
        String header = call.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return Errors.auth(401, "missing token").reply();
        }
        return Errors.auth(403, "authentication backend unavailable").reply();
    }

    /** Holds a data call while etcd "hangs": until the outage is changed, or two minutes at most. */
    private void awaitOutageEnd(OutageMode mode) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (chaos.outage() == mode && System.nanoTime() < deadline) {
            sleep(20);
        }
    }

    private Reply dispatch(Call call) {
        Router.Match match = api.match(call.path);
        if (match == null) {
            return Reply.empty(404, Map.of());
        }
        try {
            if (!match.route().open()) {
                authenticator.authenticate(call);
            }
            Router.Handler handler = match.route().byMethod().get(call.method);
            if (handler == null) {
                return Reply.empty(405, Map.of("Allow", String.join(",", match.route().byMethod().keySet())));
            }
            call.params = match.params();
            return handler.handle(call);
        } catch (ApiError e) {
            return e.reply();
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        if (reply.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
