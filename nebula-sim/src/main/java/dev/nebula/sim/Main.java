package dev.nebula.sim;

import dev.nebula.sim.auth.Users;
import java.util.Locale;

/** Standalone entry point: {@code java -jar nebula-sim-all.jar --port 18090 --scenario demo}. */
public final class Main {
    private static final String USAGE = """
            Usage: java -jar nebula-sim-<version>-all.jar [options]
              --port N              listen port (default 18090; 0 = random)
              --host ADDR           bind address (default 127.0.0.1; 0.0.0.0 for all interfaces)
              --scenario S          demo | empty | large:MxN | path/to/scenario.json (default demo)
              --time-scale X        simulated seconds per real second (default 1)
              --download-speed V    per-replica download speed per simulated second, e.g. 200MB, 50MiB, 1000000
              --latency-ms N        added latency on /api/** (default 0)
              --jitter-ms N         extra random latency in [0, N] (default 0)
            """;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions.Builder b = SimulatorOptions.builder().port(18090).scenario("demo");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            if (i + 1 >= args.length) {
                fail("missing value for " + flag);
            }
            String v = args[++i];
            switch (flag) {
                case "--port" -> b.port(Integer.parseInt(v));
                case "--host" -> b.host(v);
                case "--scenario" -> b.scenario(v);
                case "--time-scale" -> b.timeScale(Double.parseDouble(v));
                case "--download-speed" -> b.downloadBytesPerSecond(parseBytes(v));
                case "--latency-ms" -> b.latencyMs(Long.parseLong(v));
                case "--jitter-ms" -> b.jitterMs(Long.parseLong(v));
                default -> fail("unknown option " + flag);
            }
        }
        SimulatorOptions options = b.build();
        NebulaSimulator sim = NebulaSimulator.start(options);
        System.out.println("Nebula simulator listening on " + sim.baseUrl() + "  (scenario "
                + options.scenario().name() + ", time scale " + options.timeScale() + ")");
        System.out.println("Accounts: " + String.join(", ", Users.DEFAULTS.stream()
                .map(u -> u.username() + "/" + u.password() + " (" + u.role() + ")").toList()));
        System.out.println("Control:  " + sim.baseUrl() + "/_sim/state");
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        Thread.currentThread().join();
    }

    /** "200MB" (decimal), "50MiB" (binary), "1.5GB", or plain bytes. */
    static long parseBytes(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT).replace(" ", "").replaceAll("/S$", "");
        String[][] units = {{"GIB", "1073741824"}, {"MIB", "1048576"}, {"KIB", "1024"}, {"GB", "1000000000"},
            {"MB", "1000000"}, {"KB", "1000"}, {"G", "1000000000"}, {"M", "1000000"}, {"K", "1000"}, {"B", "1"}};
        for (String[] u : units) {
            if (v.endsWith(u[0])) {
                return (long) (Double.parseDouble(v.substring(0, v.length() - u[0].length())) * Long.parseLong(u[1]));
            }
        }
        return Long.parseLong(v);
    }

    private static void fail(String message) {
        System.err.println(message);
        System.err.print(USAGE);
        System.exit(2);
    }
}
