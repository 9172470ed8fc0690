package dev.nebula.sim.control;

import dev.nebula.sim.auth.Sessions;
import dev.nebula.sim.auth.User;
import dev.nebula.sim.auth.Users;
import dev.nebula.sim.chaos.Chaos;
import dev.nebula.sim.chaos.FailureKind;
import dev.nebula.sim.chaos.FailureRule;
import dev.nebula.sim.chaos.FailureRules;
import dev.nebula.sim.chaos.OutageMode;
import dev.nebula.sim.chaos.RecordedRequest;
import dev.nebula.sim.chaos.RequestLog;
import dev.nebula.sim.chaos.WriteAnswer;
import dev.nebula.sim.cluster.Simulation;
import dev.nebula.sim.wire.AggregatedState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chaos, inspection and time control from Java: the same operations as the {@code /_sim/*} endpoints, for tests that
 * embed the simulator.
 */
public final class SimulatorControl {
    private final Simulation sim;
    private final Chaos chaos;
    private final FailureRules rules;
    private final RequestLog log;
    private final Users users;
    private final Sessions sessions;

    public SimulatorControl(Simulation sim, Chaos chaos, FailureRules rules, RequestLog log, Users users,
                            Sessions sessions) {
        this.sim = sim;
        this.chaos = chaos;
        this.rules = rules;
        this.log = log;
        this.users = users;
        this.sessions = sessions;
    }

    /** Scenario's initial state (at the current virtual time), its failure rules, chaos off, request log cleared. */
    public void reset() {
        chaos.off();
        log.clear();
        sim.reset();
    }

    public void setLatency(long fixedMs, long jitterMs) {
        chaos.setLatency(fixedMs, jitterMs);
    }

    public void setErrorRate(double probability) {
        chaos.setErrorRate(probability);
    }

    /** true answers 503 to every /api call; use {@link #setOutage(OutageMode)} for connection resets. */
    public void setOutage(boolean on) {
        chaos.setOutage(on ? OutageMode.UNAVAILABLE : OutageMode.NONE);
    }

    public void setOutage(OutageMode mode) {
        chaos.setOutage(mode);
    }

    /** Writes are applied, then their answer is delayed by {@code delayMs} or dropped (see {@link WriteAnswer}). */
    public void setWriteAnswer(WriteAnswer mode, long delayMs) {
        chaos.setWriteAnswer(mode, delayMs);
    }

    public void chaosOff() {
        chaos.off();
        sim.scannerEarlyComplete(false);
    }

    public Map<String, Object> chaos() {
        return chaos.describe();
    }

    /** POST /api/v2/models requests received, whatever their outcome (chaos failures included). */
    public int createCalls() {
        return log.createCalls();
    }

    public List<String> createRequestBodies() {
        return log.createBodies();
    }

    /** Recent /api requests whose path starts with {@code pathPrefix} (null for all), oldest first, at most 1000. */
    public List<RecordedRequest> requests(String pathPrefix) {
        return log.recent(pathPrefix, Integer.MAX_VALUE);
    }

    /** Counts per "METHOD /path" since start or the last reset. */
    public Map<String, Integer> requestCounts() {
        return log.counts();
    }

    public void addFailureRule(String modelNameRegex, FailureKind kind) {
        rules.add(new FailureRule(modelNameRegex, kind));
    }

    public void addFailureRule(FailureRule rule) {
        rules.add(rule);
    }

    public List<FailureRule> failureRules() {
        return rules.list();
    }

    public void clearFailureRules() {
        rules.clear();
    }

    /** Jumps the virtual clock; everything due in between happens, in order. */
    public void advance(Duration duration) {
        sim.advance(duration.toMillis());
    }

    public long nowMs() {
        return sim.call(Simulation::now);
    }

    /** The aggregated state the BFF would report now, e.g. "running"; null when the model does not exist. */
    public String stateOf(String modelUid) {
        AggregatedState s = sim.call(x -> x.models().stateOf(modelUid, x.now()));
        return s == null ? null : s.wire();
    }

    /** A session token for a user without the password round trip; null for an unknown user. */
    public String tokenFor(String username) {
        User u = users.find(username);
        return u == null ? null : sessions.open(u.username()).token();
    }

    /** The node stops heartbeating now (see {@code Simulation#crashNode}). */
    public void crashNode(String nodeId) {
        sim.call(s -> {
            s.crashNode(nodeId);
            return null;
        });
    }

    /** The crashed node is back and relaunches its replicas. */
    public void recoverNode(String nodeId) {
        sim.call(s -> {
            s.recoverNode(nodeId);
            return null;
        });
    }

    /** Hugging Face copies read complete as soon as their first bytes land, as upstream's scanner has them. */
    public void setScannerEarlyComplete(boolean on) {
        sim.scannerEarlyComplete(on);
    }

    /** Ends every session of one user (their other sessions elsewhere, e.g. a logout in another tab). */
    public int endSessionsOf(String username) {
        return sessions.closeAllOf(username);
    }

    /** Adds or replaces a user; {@code role} may be any string, as in Nebula's own table. */
    public void putUser(String username, String password, String role, boolean active) {
        users.put(User.of(username, password, role, null, null, active));
    }

    /** Invalidates every session, so clients must log in again. */
    public void clearSessions() {
        sessions.clear();
    }

    /** The /_sim/state document. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>(sim.describe());
        m.put("create_calls", log.createCalls());
        m.put("request_counts", log.counts());
        m.put("chaos", chaos.describe());
        m.put("failure_rules", rules.list().stream().map(r -> Map.of("pattern", r.pattern(),
                "kind", r.kind().wire())).toList());
        m.put("sessions", sessions.count());
        return m;
    }
}
