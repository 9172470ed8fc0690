package dev.nebula.sim.chaos;

import java.util.regex.Pattern;

/** A model-name regex (found anywhere in the name, use ^...$ to anchor) and the failure it triggers. */
public record FailureRule(String pattern, FailureKind kind) {
    public FailureRule {
        Pattern.compile(pattern); // fail fast on a bad regex instead of at the first match
    }

    public static FailureRule of(String pattern, String kind) {
        return new FailureRule(pattern, FailureKind.parse(kind));
    }

    public boolean matches(String modelName) {
        return Pattern.compile(pattern).matcher(modelName).find();
    }
}
