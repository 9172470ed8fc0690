package dev.nebula.catalog.audit;

import dev.nebula.catalog.web.ApiException;

/** The intent could not be recorded, so the write must not happen. */
public class AuditUnavailableException extends ApiException {

    public AuditUnavailableException(Throwable cause) {
        super(503, "audit_unavailable", "The audit trail cannot be written right now, so the change was refused "
                + "and nothing was sent to Nebula. Try again shortly.");
        initCause(cause);
    }
}
