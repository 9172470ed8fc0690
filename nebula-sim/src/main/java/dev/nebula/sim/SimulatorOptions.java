package dev.nebula.sim;

import dev.nebula.sim.cluster.Timings;
import dev.nebula.sim.scenario.Scenario;
import dev.nebula.sim.scenario.ScenarioLoader;
import java.nio.file.Path;

/**
 * How to start a simulator. Defaults: random port on 127.0.0.1, scenario "demo", real time, 200 MB/s downloads, no
 * latency.
 */
public final class SimulatorOptions {
    private final String host;
    private final int port;
    private final Scenario scenario;
    private final double timeScale;
    private final Timings timings;
    private final long latencyMs;
    private final long jitterMs;

    private SimulatorOptions(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.scenario = b.scenario != null ? b.scenario : ScenarioLoader.load("demo");
        this.timeScale = b.timeScale;
        this.timings = b.timings != null ? b.timings : Timings.defaults(b.downloadBytesPerSecond);
        this.latencyMs = b.latencyMs;
        this.jitterMs = b.jitterMs;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Scenario scenario() {
        return scenario;
    }

    public double timeScale() {
        return timeScale;
    }

    public Timings timings() {
        return timings;
    }

    public long latencyMs() {
        return latencyMs;
    }

    public long jitterMs() {
        return jitterMs;
    }

    /** Builder; every setter is optional. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Scenario scenario;
        private double timeScale = 1.0;
        private long downloadBytesPerSecond = Timings.DEFAULT_DOWNLOAD_BYTES_PER_SEC;
        private Timings timings;
        private long latencyMs;
        private long jitterMs;

        private Builder() {
        }

        /** Bind address; use 0.0.0.0 to reach the simulator from other machines or containers. */
        public Builder host(String value) {
            this.host = value;
            return this;
        }

        /** 0 picks a free port. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** "demo", "empty", "large:MxN" or a path to a scenario JSON file. */
        public Builder scenario(String nameOrPath) {
            this.scenario = ScenarioLoader.load(nameOrPath);
            return this;
        }

        public Builder scenario(Path file) {
            this.scenario = ScenarioLoader.fromFile(file);
            return this;
        }

        public Builder scenario(Scenario value) {
            this.scenario = value;
            return this;
        }

        /** Simulated seconds per real second, e.g. 10 makes a 5-minute timer fire after 30 s. */
        public Builder timeScale(double value) {
            this.timeScale = value;
            return this;
        }

        /** Default per-replica download speed in bytes per simulated second. */
        public Builder downloadBytesPerSecond(long value) {
            this.downloadBytesPerSecond = value;
            return this;
        }

        /** Full control over the simulated delays (overrides downloadBytesPerSecond). */
        public Builder timings(Timings value) {
            this.timings = value;
            return this;
        }

        public Builder latencyMs(long value) {
            this.latencyMs = value;
            return this;
        }

        public Builder jitterMs(long value) {
            this.jitterMs = value;
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(this);
        }
    }
}
