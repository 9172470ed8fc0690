package dev.nebula.sim.cluster;

import dev.nebula.sim.chaos.FailureRule;
import dev.nebula.sim.chaos.FailureRules;
import dev.nebula.sim.scenario.Scenario;
import dev.nebula.sim.time.EventQueue;
import dev.nebula.sim.time.VirtualClock;
import dev.nebula.sim.wire.AggregatedState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The simulated cluster behind one lock. Every access goes through {@link #call}, which first replays the events due
 * by the virtual clock, so readers always see the cluster "as of now" without any background thread.
 */
public final class Simulation {
    private final Scenario scenario;
    private final VirtualClock clock;
    private final Timings timings;
    private final FailureRules rules;
    private final EventQueue events = new EventQueue();

    private ClusterState state;
    private ModelCommands commands;
    private ModelViews models;
    private ClusterViews cluster;
    private long now;

    public Simulation(Scenario scenario, VirtualClock clock, Timings timings, FailureRules rules) {
        this.scenario = scenario;
        this.clock = clock;
        this.timings = timings;
        this.rules = rules;
        reset();
    }

    /** Back to the scenario's initial state at the current virtual time, with the scenario's failure rules. */
    public synchronized void reset() {
        events.clear();
        rules.replaceAll(scenario.failureRules().stream().map(r -> FailureRule.of(r.pattern(), r.kind())).toList());
        state = new ClusterState();
        now = clock.nowMs();
        NodeAgent agent = new NodeAgent(state, events, timings, rules);
        Lifecycle lifecycle = new Lifecycle(state, events, timings, new Random(42), agent);
        commands = new ModelCommands(state, lifecycle);
        models = new ModelViews(state);
        cluster = new ClusterViews(state, models, agent);
        new ScenarioSeeder(state, agent).seed(scenario, now);
        new NodeScanner(state, events, timings).startScanning(now);
    }

    public synchronized <T> T call(Function<Simulation, T> work) {
        now = Math.max(now, clock.nowMs());
        events.runUntil(now);
        return work.apply(this);
    }

    /**
     * The node stops heartbeating, as when its machine or its nebula-node dies: its engines and downloads stop at
     * once; its node record and endpoints leave etcd when their 60 s lease runs out; its disk records stay.
     */
    public synchronized void crashNode(String nodeId) {
        SimNode node = requireNode(nodeId);
        if (node.crashedAtMs == null && node.alive) {
            node.alive = false;
            node.crashedAtMs = now;
        }
    }

    /** The node is back: it heartbeats and scans again, and relaunches the replicas still placed on it. */
    public synchronized void recoverNode(String nodeId) {
        SimNode node = requireNode(nodeId);
        if (node.crashedAtMs == null) {
            return;
        }
        node.alive = true;
        node.crashedAtMs = null;
        state.endpoints.values().forEach(byReplica -> byReplica.values().removeIf(e -> e.nodeId().equals(nodeId)));
        NodeAgent agent = new NodeAgent(state, events, timings, rules);
        state.placements.forEach((uid, plan) -> plan.assignments().stream().filter(a -> a.nodeId().equals(nodeId))
                .forEach(a -> agent.launch(uid, state.generation(uid), a, now)));
    }

    private SimNode requireNode(String nodeId) {
        SimNode node = state.nodes.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("no node " + nodeId);
        }
        return node;
    }

    /** See {@link ClusterState#scannerEarlyComplete}; lasts until the next reset. */
    public synchronized void scannerEarlyComplete(boolean on) {
        state.scannerEarlyComplete = on;
    }

    public synchronized void advance(long ms) {
        clock.advance(ms);
        call(s -> null);
    }

    /** The virtual time of the current {@link #call}. */
    public long now() {
        return now;
    }

    public ModelCommands commands() {
        return commands;
    }

    public ModelViews models() {
        return models;
    }

    public ClusterViews cluster() {
        return cluster;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Counts and per-model states for the /_sim/state inspection endpoint. */
    public synchronized Map<String, Object> describe() {
        return call(s -> {
            Map<String, String> states = new TreeMap<>();
            Map<String, Integer> byState = new TreeMap<>();
            for (String uid : state.specs.keySet()) {
                AggregatedState st = models.stateOf(uid, now);
                states.put(uid, st.wire());
                byState.merge(st.wire(), 1, Integer::sum);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("now_ms", now);
            m.put("time_scale", clock.timeScale());
            m.put("scenario", scenario.name());
            m.put("node_count", state.nodes.size());
            m.put("model_count", state.specs.size());
            m.put("cache_entry_count", state.nodes.values().stream().mapToInt(n -> n.published.size()).sum());
            m.put("pending_events", events.pending());
            m.put("states", byState);
            m.put("models", states);
            return m;
        });
    }
}
