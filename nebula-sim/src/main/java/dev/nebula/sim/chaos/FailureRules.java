package dev.nebula.sim.chaos;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The active failure rules: the scenario's, plus those added at run time (cleared again by a reset). */
public final class FailureRules {
    private final CopyOnWriteArrayList<FailureRule> rules = new CopyOnWriteArrayList<>();

    public void add(FailureRule rule) {
        rules.add(rule);
    }

    public void replaceAll(List<FailureRule> initial) {
        rules.clear();
        rules.addAll(initial);
    }

    public void clear() {
        rules.clear();
    }

    public boolean applies(FailureKind kind, String modelName) {
        return rules.stream().anyMatch(r -> r.kind() == kind && r.matches(modelName));
    }

    public List<FailureRule> list() {
        return List.copyOf(rules);
    }
}
