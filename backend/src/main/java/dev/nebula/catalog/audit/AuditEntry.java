package dev.nebula.catalog.audit;

import java.util.Map;

/**
 * What is about to happen or has happened: who (actor, role, from where, under which request id), which action
 * on which target. Built by resources, which know the caller; written by {@link AuditLog}.
 */
public record AuditEntry(String actor, String role, String clientAddress, String requestId, String action,
                         Target target, Map<String, Object> details) {

    /** The thing acted upon: a hub model (provider + id) and/or a Nebula model uid; any part may be null. */
    public record Target(String provider, String modelId, String modelUid) {

        public static final Target NONE = new Target(null, null, null);
    }

    public AuditEntry withTarget(Target other) {
        return new AuditEntry(actor, role, clientAddress, requestId, action, other, details);
    }

    public AuditEntry withDetails(Map<String, Object> more) {
        return new AuditEntry(actor, role, clientAddress, requestId, action, target, more);
    }
}
