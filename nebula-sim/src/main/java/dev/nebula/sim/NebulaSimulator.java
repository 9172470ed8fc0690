package dev.nebula.sim;

import com.sun.net.httpserver.HttpServer;
import dev.nebula.sim.auth.Sessions;
import dev.nebula.sim.auth.User;
import dev.nebula.sim.auth.Users;
import dev.nebula.sim.chaos.Chaos;
import dev.nebula.sim.chaos.FailureRules;
import dev.nebula.sim.chaos.RequestLog;
import dev.nebula.sim.cluster.Simulation;
import dev.nebula.sim.control.SimulatorControl;
import dev.nebula.sim.http.HttpFront;
import dev.nebula.sim.scenario.Scenario;
import dev.nebula.sim.time.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running Nebula BFF simulator. Starts in milliseconds in-process:
 * <pre>{@code
 * try (NebulaSimulator sim = NebulaSimulator.start(SimulatorOptions.builder().scenario("demo").build())) {
 *     String url = sim.baseUrl();
 * }
 * }</pre>
 */
public final class NebulaSimulator implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final SimulatorControl control;
    private final String baseUrl;

    private NebulaSimulator(HttpServer server, ExecutorService executor, SimulatorControl control, String baseUrl) {
        this.server = server;
        this.executor = executor;
        this.control = control;
        this.baseUrl = baseUrl;
    }

    public static NebulaSimulator start(SimulatorOptions options) {
        Users users = new Users();
        users.replaceAll(scenarioUsers(options.scenario()));
        Sessions sessions = new Sessions();
        Chaos chaos = new Chaos();
        chaos.setLatency(options.latencyMs(), options.jitterMs());
        FailureRules rules = new FailureRules();
        RequestLog log = new RequestLog();
        Simulation sim = new Simulation(options.scenario(), new VirtualClock(options.timeScale()), options.timings(),
                rules);
        SimulatorControl control = new SimulatorControl(sim, chaos, rules, log, users, sessions);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
            ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
            server.setExecutor(executor);
            server.createContext("/", new HttpFront(sim, users, sessions, chaos, log, control));
            server.start();
            String host = "0.0.0.0".equals(options.host()) ? "127.0.0.1" : options.host();
            return new NebulaSimulator(server, executor, control,
                    "http://" + host + ":" + server.getAddress().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the simulator to " + options.host() + ":" + options.port(), e);
        }
    }

    /** e.g. {@code http://127.0.0.1:18090}; Nebula paths start with /api. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SimulatorControl control() {
        return control;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static java.util.List<User> scenarioUsers(Scenario scenario) {
        return scenario.users().stream().map(u -> User.of(u.username(), u.password(),
                u.role() != null ? u.role() : "viewer", u.displayName(), u.email(),
                !Boolean.FALSE.equals(u.active()))).toList();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "nebula-sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
